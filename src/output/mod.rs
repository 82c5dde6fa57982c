//! Writers for parsed decisions: JSON (one array), JSON Lines and CSV.
//!
//! ```
//! use ombudsman::{Decision, output::{Format, RecordWriter}};
//! let d = Decision::parse("Some Council (25 000 001)\nDecision : Upheld\n")?;
//! let mut out = Vec::new();
//! let mut w = RecordWriter::new(&mut out, Format::Jsonl, Default::default())?;
//! w.write(&d)?;
//! w.finish()?;
//! assert!(String::from_utf8(out).unwrap().starts_with("{\"source\":null,\"encoding\":null,\"reference\":\"25 000 001\""));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod compact;
mod csv;
mod json;
#[cfg(feature = "sqlite")]
mod sqlite;
mod tables;
mod writeback;

use std::io::{self, Write};
use std::str::FromStr;

pub use self::csv::{neutralise, CsvOptions, DecisionRow};
#[cfg(feature = "sqlite")]
pub use self::sqlite::SqliteWriter;
pub use self::tables::{
    CitationRow, DateRow, ParagraphRow, PartyRow, RemedyRow, SectionRow, TablesWriter, TABLES,
};
pub use self::writeback::WritebackFile;
use crate::model::Decision;

/// The temporary name an output is written under before it is renamed over `path`:
/// `.NAME.PID.tmp` in the same folder, so the rename is atomic.
///
/// ```
/// use std::path::Path;
/// let tmp = ombudsman::output::temporary_path(Path::new("out/corpus.db"));
/// assert_eq!(tmp, Path::new("out").join(format!(".corpus.db.{}.tmp", std::process::id())));
/// ```
pub fn temporary_path(path: &std::path::Path) -> std::path::PathBuf {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    dir.join(format!(".{name}.{}.tmp", std::process::id()))
}

/// The code an enum serialises as (`final_decision`, `numbered`, `act`), for table cells.
pub(crate) fn code<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One JSON array of records, each pretty-printed.
    Json,
    /// One compact JSON record per line.
    Jsonl,
    /// One CSV row per decision (see [`DecisionRow`]).
    Csv,
}

impl Format {
    /// The format a file name implies: `.json`, `.jsonl` / `.ndjson`, `.csv`.
    pub fn from_extension(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        ext.parse().ok().or(match ext.as_str() {
            "ndjson" => Some(Format::Jsonl),
            _ => None,
        })
    }
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Format, String> {
        match s {
            "json" => Ok(Format::Json),
            "jsonl" => Ok(Format::Jsonl),
            "csv" => Ok(Format::Csv),
            other => Err(format!(
                "unknown format {other:?}: expected json, jsonl or csv"
            )),
        }
    }
}

/// Streams records to a writer in one [`Format`].
pub struct RecordWriter<W: Write> {
    inner: Inner<W>,
}

enum Inner<W: Write> {
    Json(json::JsonWriter<W>),
    Csv(Box<::csv::Writer<W>>, CsvOptions),
}

impl<W: Write> RecordWriter<W> {
    /// A writer; for CSV the header row (and, with [`CsvOptions::bom`], a BOM) is written now.
    ///
    /// # Errors
    /// Any error writing the opening bytes.
    pub fn new(out: W, format: Format, csv: CsvOptions) -> io::Result<RecordWriter<W>> {
        let inner = match format {
            Format::Json => Inner::Json(json::JsonWriter::new(out, true)?),
            Format::Jsonl => Inner::Json(json::JsonWriter::new(out, false)?),
            Format::Csv => Inner::Csv(Box::new(self::csv::decisions_writer(out, &csv)?), csv),
        };
        Ok(RecordWriter { inner })
    }

    /// Writes one record.
    ///
    /// # Errors
    /// Any error of the underlying writer.
    pub fn write(&mut self, decision: &Decision) -> io::Result<()> {
        match &mut self.inner {
            Inner::Json(w) => w.write(decision),
            Inner::Csv(w, options) => w
                .serialize(DecisionRow::new(decision, options))
                .map_err(io::Error::other),
        }
    }

    /// The bytes [`RecordWriter::write_prepared`] writes for a decision, for formats that can
    /// be rendered apart (JSON and JSON Lines; `None` for CSV). Rendering is the costly part
    /// of writing: a parallel run does it on its worker threads.
    ///
    /// # Errors
    /// Any serialisation error.
    pub fn render(format: Format, decision: &Decision) -> io::Result<Option<Vec<u8>>> {
        match format {
            Format::Json => json::JsonWriter::<Vec<u8>>::render(decision, true).map(Some),
            Format::Jsonl => json::JsonWriter::<Vec<u8>>::render(decision, false).map(Some),
            Format::Csv => Ok(None),
        }
    }

    /// Writes a decision, using its rendering from [`RecordWriter::render`] where there is one.
    ///
    /// # Errors
    /// Any error of the underlying writer.
    pub fn write_prepared(
        &mut self,
        decision: &Decision,
        rendered: Option<&[u8]>,
    ) -> io::Result<()> {
        match (&mut self.inner, rendered) {
            (Inner::Json(w), Some(bytes)) => w.write_rendered(bytes),
            _ => self.write(decision),
        }
    }

    /// Writes a record rendered by [`RecordWriter::render`] (JSON and JSON Lines), so that
    /// the decision itself need not be kept until it is written.
    ///
    /// # Errors
    /// Any error of the underlying writer; for CSV, whose records are not rendered apart,
    /// an error of kind `InvalidInput`.
    pub fn write_rendered(&mut self, rendered: &[u8]) -> io::Result<()> {
        match &mut self.inner {
            Inner::Json(w) => w.write_rendered(rendered),
            Inner::Csv(..) => Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "CSV records are written from the decision, not rendered apart",
            )),
        }
    }

    /// Closes the output (the closing bracket of a JSON array) and flushes it.
    ///
    /// # Errors
    /// Any error of the underlying writer.
    pub fn finish(self) -> io::Result<W> {
        match self.inner {
            Inner::Json(w) => w.finish(),
            Inner::Csv(w, _) => w.into_inner().map_err(|e| e.into_error()),
        }
    }
}
