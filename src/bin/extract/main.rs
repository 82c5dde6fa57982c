//! `extract`: wires command-line arguments to the `ombudsman` library.

mod args;
mod progress;
mod report;

use std::fs::File;
use std::io::{self, BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;
use ombudsman::corpus::{collect_inputs, Failure, Input, Run, Summary};
use ombudsman::output::{
    CsvOptions, Format, RecordWriter, SqliteWriter, TablesWriter, WritebackFile,
};

use args::{Args, Command, FormatArg, RunArgs, StatsFormat};
use report::Reporter;

/// Small strings are allocated on the parsing threads and freed on the writing thread.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// What a run extracts: everything, the facts pass only when asked for (`--facts`).
fn options(facts: bool) -> ombudsman::ParseOptions {
    if facts {
        ombudsman::ParseOptions::ALL
    } else {
        ombudsman::ParseOptions::CITATIONS
    }
}

/// Exit statuses.
const OK: u8 = 0;
const SOME_FAILED: u8 = 1;
const FATAL: u8 = 2;

fn main() -> ExitCode {
    let args = Args::parse();
    let status = match args.command {
        Some(Command::Cite { paths }) => cite(&paths),
        Some(Command::Stats {
            paths,
            format,
            top,
            jobs,
            facts,
        }) => stats(&paths, format, top, jobs, facts),
        None => run(&args.run),
    };
    ExitCode::from(status)
}

/// The paths given, and those listed in `--files-from` (one per line, `-` for stdin).
fn paths(args: &RunArgs) -> io::Result<Vec<PathBuf>> {
    let mut paths = args.paths.clone();
    if let Some(list) = &args.files_from {
        let reader: Box<dyn BufRead> = if list.as_os_str() == "-" {
            Box::new(io::stdin().lock())
        } else {
            Box::new(io::BufReader::new(File::open(list).map_err(|e| {
                io::Error::new(e.kind(), format!("{}: {e}", list.display()))
            })?))
        };
        for line in reader.lines() {
            let line = line?;
            let line = line.trim_end_matches('\r');
            if !line.trim().is_empty() {
                paths.push(PathBuf::from(line));
            }
        }
    }
    Ok(paths)
}

fn run(args: &RunArgs) -> u8 {
    let paths = match paths(args) {
        Ok(p) if !p.is_empty() => p,
        Ok(_) => {
            eprintln!("extract: no PATH given (try `extract --help`)");
            return FATAL;
        }
        Err(e) => {
            eprintln!("extract: {e}");
            return FATAL;
        }
    };
    // `-o corpus.db` (or .sqlite, .sqlite3) writes a SQLite database
    let sqlite_path = args.output.as_deref().filter(|p| is_sqlite(p));
    let format = match (
        args.format,
        args.output.as_ref().filter(|_| sqlite_path.is_none()),
    ) {
        (Some(f), _) => to_format(f),
        (None, Some(path)) => match Format::from_extension(path) {
            Some(f) => f,
            None => {
                eprintln!(
                    "extract: cannot tell the format of {}: give --format json|jsonl|csv",
                    path.display()
                );
                return FATAL;
            }
        },
        (None, None) => Format::Json,
    };
    let csv = CsvOptions {
        neutralise_formulas: !args.no_neutralise,
        bom: args.output.is_some(),
    };
    let mut reporter = match Reporter::new(args.quiet, args.errors.as_deref()) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("extract: {e}");
            return FATAL;
        }
    };
    // the automata and tables are built while the inputs are listed (left to finish alone:
    // parsing waits for any part it needs)
    let facts = args.facts;
    std::thread::spawn(move || options(facts).warm_up());
    let (inputs, missing) = collect_inputs(&paths);
    for failure in &missing {
        reporter.failure(failure);
    }
    if inputs.is_empty() && !missing.is_empty() {
        eprintln!("extract: nothing to parse");
        return FATAL;
    }
    reporter.start(&inputs);
    let mut tables = match &args.tables {
        Some(dir) => match TablesWriter::create(dir, CsvOptions { bom: true, ..csv }) {
            Ok(t) => Some(t),
            Err(e) => {
                eprintln!("extract: {}: {e}", dir.display());
                return FATAL;
            }
        },
        None => None,
    };
    let mut sqlite = match sqlite_path {
        Some(path) => match SqliteWriter::create(path) {
            Ok(db) => Some(db),
            Err(e) => {
                eprintln!("extract: {}: {e}", path.display());
                return FATAL;
            }
        },
        None => None,
    };
    let file = args.output.as_ref().filter(|_| sqlite.is_none());
    let records = file.is_some() || args.format.is_some() || (tables.is_none() && sqlite.is_none());
    let mut sinks = Sinks {
        tables: &mut tables,
        sqlite: &mut sqlite,
        reporter: &mut reporter,
        format,
        csv,
        jobs: args.jobs,
        facts: args.facts,
    };
    let result = match (file, records) {
        (Some(path), _) => write_atomically(path, |out| sinks.run(Some(out), &inputs)),
        (None, true) => sinks.run(Some(&mut io::stdout().lock()), &inputs),
        (None, false) => sinks.run(None, &inputs),
    };
    let result = settle(settle(result, tables), sqlite);
    match result {
        Ok(summary) => {
            let failed = reporter.failed();
            reporter.finish(&summary);
            if failed > 0 {
                SOME_FAILED
            } else {
                OK
            }
        }
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => OK,
        Err(e) => {
            eprintln!("extract: {e}");
            FATAL
        }
    }
}

/// An output written under a temporary name: kept when the run succeeds, removed when it
/// fails.
trait Staged {
    fn finish(self) -> io::Result<()>;
    fn abandon(self);
}

impl Staged for TablesWriter {
    fn finish(self) -> io::Result<()> {
        TablesWriter::finish(self)
    }
    fn abandon(self) {
        TablesWriter::abandon(self);
    }
}

impl Staged for SqliteWriter {
    fn finish(self) -> io::Result<()> {
        SqliteWriter::finish(self)
    }
    fn abandon(self) {
        SqliteWriter::abandon(self);
    }
}

/// Keeps `output` if the run so far succeeded (and finishing it does), else removes it.
fn settle<T>(result: io::Result<T>, output: Option<impl Staged>) -> io::Result<T> {
    match (result, output) {
        (Ok(value), Some(o)) => o.finish().map(|()| value),
        (Err(e), Some(o)) => {
            o.abandon();
            Err(e)
        }
        (result, None) => result,
    }
}

fn is_sqlite(path: &Path) -> bool {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    matches!(ext.as_deref(), Some("db" | "sqlite" | "sqlite3"))
}

fn to_format(f: FormatArg) -> Format {
    match f {
        FormatArg::Json => Format::Json,
        FormatArg::Jsonl => Format::Jsonl,
        FormatArg::Csv => Format::Csv,
    }
}

/// What the writer thread gets of a decision.
struct Prepared {
    /// Its record as it is written (JSON and JSON Lines).
    rendered: Option<Vec<u8>>,
    /// A warning to give about it.
    warning: Option<String>,
    /// The decision itself, where a table, a database or CSV needs it.
    decision: Option<ombudsman::Decision>,
}

/// Where parsed decisions go.
struct Sinks<'a> {
    tables: &'a mut Option<TablesWriter>,
    sqlite: &'a mut Option<SqliteWriter>,
    reporter: &'a mut Reporter,
    format: Format,
    csv: CsvOptions,
    jobs: usize,
    facts: bool,
}

impl Sinks<'_> {
    fn run(&mut self, out: Option<&mut dyn Write>, inputs: &[Input]) -> io::Result<Summary> {
        let mut writer = match out {
            // large writes: a record of a long decision is tens of kilobytes
            Some(out) => Some(RecordWriter::new(
                BufWriter::with_capacity(1 << 20, out),
                self.format,
                self.csv,
            )?),
            None => None,
        };
        let (tables, sqlite, reporter) =
            (&mut *self.tables, &mut *self.sqlite, &mut *self.reporter);
        // records are rendered on the worker threads, written in input order here; where
        // only the rendering is needed, the decision is freed on the thread that made it
        let format = self.format;
        let render = writer.is_some();
        let keep = tables.is_some() || sqlite.is_some() || (render && format == Format::Csv);
        let prepare = |d: ombudsman::Decision| Prepared {
            rendered: match render {
                true => RecordWriter::<io::Sink>::render(format, &d).ok().flatten(),
                false => None,
            },
            warning: Reporter::warning(&d),
            decision: keep.then_some(d),
        };
        let summary = Run::new(self.jobs)
            .with_options(options(self.facts))
            .map_each(inputs, prepare, |result| match result {
                Ok(prepared) => {
                    reporter.advance();
                    if let Some(warning) = &prepared.warning {
                        reporter.warn(warning);
                    }
                    if let Some(w) = writer.as_mut() {
                        match (&prepared.rendered, &prepared.decision) {
                            (Some(bytes), _) => w.write_rendered(bytes)?,
                            (None, Some(decision)) => w.write(decision)?,
                            (None, None) => {
                                return Err(io::Error::other("a record could not be rendered"))
                            }
                        }
                    }
                    if let (Some(t), Some(decision)) = (tables.as_mut(), &prepared.decision) {
                        t.write(decision)?;
                    }
                    if let (Some(db), Some(decision)) = (sqlite.as_mut(), &prepared.decision) {
                        db.write(decision).map_err(io::Error::other)?;
                    }
                    Ok(())
                }
                Err(failure) => {
                    reporter.advance();
                    reporter.failure(&failure);
                    Ok(())
                }
            })?;
        if let Some(w) = writer {
            w.finish()?.flush()?;
        }
        Ok(summary)
    }
}

/// Writes to a temporary file beside `path` and renames it over `path` only when complete.
/// The file is written to disk as it grows (`WritebackFile`), so the final `fsync` is short.
fn write_atomically<T>(
    path: &Path,
    write: impl FnOnce(&mut WritebackFile) -> io::Result<T>,
) -> io::Result<T> {
    let tmp = ombudsman::output::temporary_path(path);
    let result = File::create(&tmp).and_then(|file| {
        let mut file = WritebackFile::new(file);
        let value = write(&mut file)?;
        file.sync()?;
        Ok(value)
    });
    match result {
        Ok(value) => {
            std::fs::rename(&tmp, path).inspect_err(|_| {
                let _ = std::fs::remove_file(&tmp);
            })?;
            Ok(value)
        }
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(io::Error::new(e.kind(), format!("{}: {e}", path.display())))
        }
    }
}

/// `extract cite`: citations in any text, one JSON object per line, with `source`.
fn cite(paths: &[PathBuf]) -> u8 {
    let (inputs, missing) = collect_inputs(paths);
    let mut failed = missing.len();
    for failure in &missing {
        eprintln!("{failure}");
    }
    let mut out = BufWriter::new(io::stdout().lock());
    let mut write = |out: &mut BufWriter<io::StdoutLock>| -> io::Result<()> {
        for input in &inputs {
            let text = input
                .read()
                .and_then(|bytes| ombudsman::corpus::decode(&bytes).map(|t| t.into_owned()));
            let text = match text {
                Ok(text) => text,
                Err(error) => {
                    eprintln!(
                        "{}",
                        Failure {
                            source: input.name(),
                            error
                        }
                    );
                    failed += 1;
                    continue;
                }
            };
            for citation in ombudsman::find_citations(&text) {
                let mut value = serde_json::to_value(&citation).unwrap_or_default();
                if let Some(map) = value.as_object_mut() {
                    map.insert("source".into(), input.name().into());
                }
                serde_json::to_writer(&mut *out, &value)?;
                out.write_all(b"\n")?;
            }
        }
        out.flush()
    };
    match write(&mut out) {
        Ok(()) if failed > 0 => SOME_FAILED,
        Ok(()) => OK,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => OK,
        Err(e) => {
            eprintln!("extract: {e}");
            FATAL
        }
    }
}

/// `extract stats`: a corpus report.
fn stats(paths: &[PathBuf], format: StatsFormat, top: usize, jobs: usize, facts: bool) -> u8 {
    let (inputs, missing) = collect_inputs(paths);
    let mut failed = missing.len();
    for failure in &missing {
        eprintln!("{failure}");
    }
    let mut stats = ombudsman::stats::Stats::default();
    let run = Run::new(jobs)
        .with_options(options(facts))
        .for_each(&inputs, |result| {
            match result {
                Ok(decision) => stats.add(&decision),
                Err(failure) => {
                    eprintln!("{failure}");
                    failed += 1;
                }
            }
            Ok(())
        });
    if let Err(e) = run {
        eprintln!("extract: {e}");
        return FATAL;
    }
    let tables = stats.tables(top);
    let written = match format {
        StatsFormat::Text => io::stdout()
            .lock()
            .write_all(ombudsman::stats::render_text(&tables).as_bytes()),
        StatsFormat::Json => {
            let mut out = io::stdout().lock();
            serde_json::to_writer_pretty(&mut out, &tables)
                .map_err(io::Error::from)
                .and_then(|()| writeln!(out))
        }
        StatsFormat::Csv => {
            let mut w = csv::Writer::from_writer(io::stdout().lock());
            let mut result = w.write_record(["table", "key", "column", "value"]);
            for t in &tables {
                for row in &t.rows {
                    for (column, value) in
                        t.columns.iter().zip(row).skip(usize::from(row.len() > 1))
                    {
                        let key = if row.len() > 1 { row[0].as_str() } else { "" };
                        let cells = [
                            t.name.as_str(),
                            &ombudsman::output::neutralise(key),
                            column,
                            value,
                        ];
                        result = result.and(w.write_record(cells));
                    }
                }
            }
            result
                .and_then(|()| w.flush().map_err(csv::Error::from))
                .map_err(io::Error::other)
        }
    };
    match written {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("extract: {e}");
            FATAL
        }
        _ if failed > 0 => SOME_FAILED,
        _ => OK,
    }
}
