//! `--tables DIR`: one CSV file per table (decisions, sections, paragraphs, citations,
//! parties, remedies, dates), each row keyed by the decision's `source` and `reference`.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::csv::{CsvOptions, DecisionRow};
use super::{code, WritebackFile};
use crate::model::Decision;

/// The tables, in the order they are written, with their file names.
pub const TABLES: [&str; 7] = [
    "decisions.csv",
    "sections.csv",
    "paragraphs.csv",
    "citations.csv",
    "parties.csv",
    "remedies.csv",
    "dates.csv",
];

/// One row of `sections.csv`.
#[derive(Debug, Default, Serialize)]
pub struct SectionRow<'a> {
    /// The input's name.
    pub source: &'a str,
    /// The decision's reference.
    pub reference: &'a str,
    /// Position of the section in the decision, from 1.
    pub section: usize,
    /// The heading as printed.
    pub heading: String,
    /// The canonical kind.
    pub kind: String,
    /// Byte offsets of the section.
    pub start: usize,
    /// End offset.
    pub end: usize,
    /// Number of paragraphs.
    pub paragraphs: usize,
}

/// One row of `paragraphs.csv`.
#[derive(Debug, Default, Serialize)]
pub struct ParagraphRow<'a> {
    /// The input's name.
    pub source: &'a str,
    /// The decision's reference.
    pub reference: &'a str,
    /// The section's position, from 1.
    pub section: usize,
    /// The paragraph's position in its section, from 1.
    pub paragraph: usize,
    /// `numbered`, `bullet`, `dash` or `plain`.
    pub marker: String,
    /// The printed number or letter.
    pub number: &'a str,
    /// Nesting depth.
    pub level: u8,
    /// Byte offsets of the text.
    pub start: usize,
    /// End offset.
    pub end: usize,
    /// The text.
    pub text: String,
}

/// One row of `citations.csv`.
#[derive(Debug, Default, Serialize)]
pub struct CitationRow<'a> {
    /// The input's name.
    pub source: &'a str,
    /// The decision's reference.
    pub reference: &'a str,
    /// The citation's position in the decision, from 1.
    pub citation: usize,
    /// The exact text.
    pub text: String,
    /// Byte offsets.
    pub start: usize,
    /// End offset.
    pub end: usize,
    /// The instrument's title.
    pub instrument: String,
    /// `act`, `si` or `guidance`.
    pub kind: String,
    /// Normalised provisions, `; `-separated.
    pub provisions: String,
    /// Canonical cite.
    pub cite: String,
    /// How the instrument was resolved.
    pub resolution: String,
    /// legislation.gov.uk id.
    pub legislation_id: &'a str,
    /// legislation.gov.uk link.
    pub url: String,
    /// The link at the decision date.
    pub url_at_date: String,
}

/// One row of `parties.csv`: a person named by pseudonym.
#[derive(Debug, Default, Serialize)]
pub struct PartyRow<'a> {
    /// The input's name.
    pub source: &'a str,
    /// The decision's reference.
    pub reference: &'a str,
    /// The party's position in the decision, from 1.
    pub party: usize,
    /// The pseudonym as written.
    pub name: &'a str,
    /// `complainant`, `represented` or `other`.
    pub role: String,
    /// How the text relates them to someone (`son`).
    pub relation: &'a str,
    /// Whose relation (a pseudonym; empty for the complainant's).
    pub relation_of: &'a str,
    /// Byte offsets of the first mention.
    pub start: usize,
    /// End offset.
    pub end: usize,
}

/// One row of `remedies.csv`.
#[derive(Debug, Default, Serialize)]
pub struct RemedyRow<'a> {
    /// The input's name.
    pub source: &'a str,
    /// The decision's reference.
    pub reference: &'a str,
    /// The remedy's position in the decision, from 1.
    pub remedy: usize,
    /// `apology`, `payment`, `refund`, `reassessment`, `service_improvement`, `other`.
    pub kind: String,
    /// For service improvements: `policy`, `procedure`, `training`, `reminder`.
    pub detail: String,
    /// `agreed`, `recommended`, `offered` or `refused`.
    pub status: String,
    /// The amount in pounds, two decimals (a range's lower bound).
    pub amount: String,
    /// A range's upper bound.
    pub amount_to: String,
    /// Whether the amount is `up to`.
    pub up_to: bool,
    /// What a payment is for, `; `-separated codes.
    pub purpose: String,
    /// Who receives it.
    pub recipient: &'a str,
    /// The deadline as written.
    pub deadline: String,
    /// The deadline in days (days, working days, weeks).
    pub deadline_days: Option<u32>,
    /// The deadline in months.
    pub deadline_months: Option<u32>,
    /// The sentence that gives the remedy.
    pub text: String,
    /// Byte offsets of the sentence.
    pub start: usize,
    /// End offset.
    pub end: usize,
}

/// One row of `dates.csv`.
#[derive(Debug, Default, Serialize)]
pub struct DateRow<'a> {
    /// The input's name.
    pub source: &'a str,
    /// The decision's reference.
    pub reference: &'a str,
    /// The date's position in the decision, from 1.
    pub mention: usize,
    /// The date as written; with neutralising on, after a `'` so that a spreadsheet keeps
    /// the words rather than reading a date of its own into them.
    pub text: String,
    /// ISO 8601 to its precision.
    pub date: &'a str,
    /// `day`, `month` or `year`.
    pub precision: String,
    /// Byte offsets.
    pub start: usize,
    /// End offset.
    pub end: usize,
}

/// The header line of a table: the field names of its row type, in order.
fn header<T: Serialize + Default>() -> io::Result<Vec<u8>> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    w.serialize(T::default()).map_err(io::Error::other)?;
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    let end = bytes
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |i| i + 1);
    Ok(bytes[..end].to_vec())
}

/// Writes the tables into a directory; each file is written under a temporary name and
/// all are renamed into place by [`TablesWriter::finish`].
pub struct TablesWriter {
    dir: PathBuf,
    options: CsvOptions,
    writers: Vec<::csv::Writer<BufWriter<WritebackFile>>>,
    temporary: Vec<PathBuf>,
}

impl TablesWriter {
    /// Creates `dir` if needed and opens the four tables.
    ///
    /// # Errors
    /// Any error creating the directory or the files.
    pub fn create(dir: &Path, options: CsvOptions) -> io::Result<TablesWriter> {
        std::fs::create_dir_all(dir)?;
        let mut writers = Vec::new();
        let mut temporary = Vec::new();
        let headers = [
            header::<DecisionRow>()?,
            header::<SectionRow>()?,
            header::<ParagraphRow>()?,
            header::<CitationRow>()?,
            header::<PartyRow>()?,
            header::<RemedyRow>()?,
            header::<DateRow>()?,
        ];
        for (name, header) in TABLES.iter().zip(headers) {
            let tmp = super::temporary_path(&dir.join(name));
            let mut file = BufWriter::new(WritebackFile::new(File::create(&tmp)?));
            if options.bom {
                file.write_all("\u{feff}".as_bytes())?;
            }
            // the header row is written even when the table gets no rows
            file.write_all(&header)?;
            writers.push(
                ::csv::WriterBuilder::new()
                    .has_headers(false)
                    .from_writer(file),
            );
            temporary.push(tmp);
        }
        Ok(TablesWriter {
            dir: dir.to_path_buf(),
            options,
            writers,
            temporary,
        })
    }

    /// Writes one decision's rows to every table.
    ///
    /// # Errors
    /// Any error writing.
    pub fn write(&mut self, d: &Decision) -> io::Result<()> {
        let cell = |s: &str| self.options.cell(s);
        let source = d.source.as_deref().unwrap_or("");
        let reference = d.reference.as_deref().unwrap_or("");
        let err = io::Error::other;
        self.writers[0]
            .serialize(DecisionRow::new(d, &self.options))
            .map_err(err)?;
        for (i, s) in d.sections.iter().enumerate() {
            let row = SectionRow {
                source,
                reference,
                section: i + 1,
                heading: cell(s.heading.as_deref().unwrap_or("")),
                kind: code(&s.kind),
                start: s.span.start,
                end: s.span.end,
                paragraphs: s.paragraphs.len(),
            };
            self.writers[1].serialize(row).map_err(err)?;
            for (j, p) in s.paragraphs.iter().enumerate() {
                let row = ParagraphRow {
                    source,
                    reference,
                    section: i + 1,
                    paragraph: j + 1,
                    marker: code(&p.marker),
                    number: p.number.as_deref().unwrap_or(""),
                    level: p.level,
                    start: p.span.start,
                    end: p.span.end,
                    text: cell(&p.text),
                };
                self.writers[2].serialize(row).map_err(err)?;
            }
        }
        for (i, c) in d.citations.iter().enumerate() {
            let row = CitationRow {
                source,
                reference,
                citation: i + 1,
                text: cell(&c.text),
                start: c.start,
                end: c.end,
                instrument: cell(c.instrument.as_deref().unwrap_or("")),
                kind: code(&c.kind),
                provisions: c.provisions.join("; "),
                cite: c.cite().unwrap_or_default(),
                resolution: code(&c.resolution),
                legislation_id: c.legislation_id().unwrap_or(""),
                url: c.url().unwrap_or_default(),
                url_at_date: c.url_at_date().unwrap_or_default(),
            };
            self.writers[3].serialize(row).map_err(err)?;
        }
        for (i, p) in d.facts.iter().flat_map(|f| &f.parties).enumerate() {
            let row = PartyRow {
                source,
                reference,
                party: i + 1,
                name: &p.name,
                role: code(&p.role),
                relation: p.relation.as_deref().unwrap_or(""),
                relation_of: p.relation_of.as_deref().unwrap_or(""),
                start: p.start,
                end: p.end,
            };
            self.writers[4].serialize(row).map_err(err)?;
        }
        for (i, r) in d.facts.iter().flat_map(|f| &f.remedies).enumerate() {
            let pounds = crate::facts::pounds;
            let row = RemedyRow {
                source,
                reference,
                remedy: i + 1,
                kind: r.kind.code().to_string(),
                detail: r.detail.join("; "),
                status: code(&r.status),
                amount: r.amount.as_ref().map_or(String::new(), |a| pounds(a.pence)),
                amount_to: r
                    .amount
                    .as_ref()
                    .and_then(|a| a.to_pence)
                    .map_or(String::new(), pounds),
                up_to: r.amount.as_ref().is_some_and(|a| a.up_to),
                purpose: r.purpose.join("; "),
                recipient: r.recipient.as_deref().unwrap_or(""),
                deadline: r
                    .deadline
                    .as_ref()
                    .map_or(String::new(), |x| x.text.clone()),
                deadline_days: r.deadline.as_ref().and_then(|x| x.days),
                deadline_months: r.deadline.as_ref().and_then(|x| x.months),
                text: cell(&r.text),
                start: r.start,
                end: r.end,
            };
            self.writers[5].serialize(row).map_err(err)?;
        }
        for (i, m) in d.facts.iter().flat_map(|f| &f.dates).enumerate() {
            // a spreadsheet would turn "November 2021" into 1 November 2021
            let text = self.options.text_cell(&m.text);
            let row = DateRow {
                source,
                reference,
                mention: i + 1,
                text,
                date: &m.date,
                precision: code(&m.precision),
                start: m.start,
                end: m.end,
            };
            self.writers[6].serialize(row).map_err(err)?;
        }
        Ok(())
    }

    /// Flushes every table and renames them into place.
    ///
    /// # Errors
    /// Any error flushing or renaming.
    pub fn finish(self) -> io::Result<()> {
        for w in self.writers {
            let file = w.into_inner().map_err(|e| e.into_error())?;
            file.into_inner().map_err(|e| e.into_error())?.sync()?;
        }
        for (tmp, name) in self.temporary.iter().zip(TABLES) {
            std::fs::rename(tmp, self.dir.join(name))?;
        }
        Ok(())
    }

    /// Removes the temporary files of a run that failed.
    pub fn abandon(self) {
        for tmp in &self.temporary {
            let _ = std::fs::remove_file(tmp);
        }
    }
}
