//! CSV: one flat row per decision, spreadsheet-safe by default.

use std::io::{self, Write};

use serde::Serialize;

use crate::facts::{Facts, RemedyKind};
use crate::model::Decision;

/// How CSV is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvOptions {
    /// Neutralise cells a spreadsheet would run as a formula (see [`neutralise`]). On by default.
    pub neutralise_formulas: bool,
    /// Start with a UTF-8 byte-order mark so that Excel reads `£` and curly quotes right.
    /// Off by default; the `extract` binary turns it on when writing a `.csv` file.
    pub bom: bool,
}

impl CsvOptions {
    /// Cells exactly as extracted: no neutralising, no byte-order mark (for databases).
    pub fn raw() -> CsvOptions {
        CsvOptions {
            neutralise_formulas: false,
            bom: false,
        }
    }
}

impl CsvOptions {
    /// A cell as written under these options: [`neutralise`]d when that is on.
    ///
    /// ```
    /// use ombudsman::output::CsvOptions;
    /// assert_eq!(CsvOptions::default().cell("=1+2"), "'=1+2");
    /// assert_eq!(CsvOptions::default().cell("Upheld"), "Upheld");
    /// ```
    pub fn cell(&self, s: &str) -> String {
        if self.neutralise_formulas {
            neutralise(s)
        } else {
            s.to_string()
        }
    }

    /// A cell a spreadsheet must keep as text, not read as a value (`November 2021` would
    /// become 1 November 2021): with neutralising on, every such cell starts with the
    /// apostrophe spreadsheets hide; otherwise it is written as it is.
    ///
    /// ```
    /// use ombudsman::output::CsvOptions;
    /// assert_eq!(CsvOptions::default().text_cell("November 2021"), "'November 2021");
    /// ```
    pub fn text_cell(&self, s: &str) -> String {
        if self.neutralise_formulas {
            format!("'{s}")
        } else {
            s.to_string()
        }
    }
}

impl Default for CsvOptions {
    fn default() -> CsvOptions {
        CsvOptions {
            neutralise_formulas: true,
            bom: false,
        }
    }
}

/// Makes a cell safe to open in a spreadsheet: a cell that starts with `=`, `+`, `-`, `@`,
/// a tab or a carriage return gets a leading apostrophe, so no formula runs.
///
/// ```
/// use ombudsman::output::neutralise;
/// assert_eq!(neutralise("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
/// assert_eq!(neutralise("Upheld"), "Upheld");
/// ```
pub fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

/// One row of the decisions table, in column order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DecisionRow {
    /// The input's name.
    pub source: String,
    /// `25 000 113b`.
    pub reference: String,
    /// `25 000 113`.
    pub case_reference: String,
    /// The organisation.
    pub organisation: String,
    /// The category.
    pub category: String,
    /// The subcategory.
    pub subcategory: String,
    /// The decision as worded.
    pub decision: String,
    /// The outcome code.
    pub outcome: String,
    /// ISO date.
    pub decision_date: String,
    /// The statement kind code.
    pub statement_kind: String,
    /// The summary.
    pub summary: String,
    /// Number of sections.
    pub sections: usize,
    /// Number of paragraphs.
    pub paragraphs: usize,
    /// Number of citations.
    pub citations: usize,
    /// Canonical citations, distinct, in order of first appearance, joined with `; `.
    pub cites: String,
    /// The complainant's pseudonym.
    pub complainant: String,
    /// `found`, `not_found` or `not_investigated`.
    pub fault: String,
    /// `found` or `not_found`.
    pub injustice: String,
    /// Number of remedies agreed, recommended or offered (refused ones not counted); empty,
    /// like every facts cell, when the facts pass did not run.
    pub remedies: Option<usize>,
    /// Whether an apology is among them.
    pub apology: Option<bool>,
    /// The total of the payments, in pounds with two decimals (a range counts its top).
    pub total_payment: String,
    /// Reasons for not investigating, `; `-separated codes.
    pub reasons: String,
    /// The earliest event date (ISO, to its precision).
    pub earliest_event: String,
    /// The latest event date on or before the decision.
    pub latest_event: String,
    /// Days from the latest event to the decision.
    pub days_to_decision: Option<u32>,
}

impl DecisionRow {
    /// The row for one decision.
    pub fn new(d: &Decision, options: &CsvOptions) -> DecisionRow {
        let cell = |s: Option<&str>| options.cell(s.unwrap_or(""));
        let mut cites: Vec<String> = Vec::new();
        for c in &d.citations {
            if let Some(cite) = c.cite() {
                if !cites.contains(&cite) {
                    cites.push(cite);
                }
            }
        }
        // every facts cell is empty when the facts pass did not run
        let f = d.facts.as_ref();
        let standing = f.map(Facts::standing_remedies);
        DecisionRow {
            source: cell(d.source.as_deref()),
            reference: cell(d.reference.as_deref()),
            case_reference: cell(d.case_reference.as_deref()),
            organisation: cell(d.organisation.as_deref()),
            category: cell(d.category.as_deref()),
            subcategory: cell(d.subcategory.as_deref()),
            decision: cell(d.decision.as_deref()),
            outcome: d
                .outcome
                .as_ref()
                .map_or(String::new(), |o| o.code().to_string()),
            decision_date: d.decision_date.map_or(String::new(), |d| d.to_string()),
            statement_kind: super::code(&d.statement_kind),
            summary: cell(d.summary.as_deref()),
            sections: d.sections.len(),
            paragraphs: d.sections.iter().map(|s| s.paragraphs.len()).sum(),
            citations: d.citations.len(),
            cites: cell(Some(&cites.join("; "))),
            complainant: cell(f.and_then(|f| f.complainant.as_deref())),
            fault: f
                .and_then(|f| f.findings.fault.as_ref())
                .map_or(String::new(), |x| x.value.code().to_string()),
            injustice: f
                .and_then(|f| f.findings.injustice.as_ref())
                .map_or(String::new(), |x| x.value.code().to_string()),
            remedies: standing.clone().map(Iterator::count),
            apology: standing.map(|mut s| s.any(|r| r.kind == RemedyKind::Apology)),
            total_payment: f
                .and_then(Facts::total_payment_pence)
                .map_or(String::new(), crate::facts::pounds),
            reasons: f.map_or(String::new(), |f| {
                let codes: Vec<&str> = f.reasons.iter().map(|r| r.code.code()).collect();
                codes.join("; ")
            }),
            earliest_event: f
                .and_then(|f| f.timeline.earliest.as_ref())
                .map_or(String::new(), |d| d.date.clone()),
            latest_event: f
                .and_then(|f| f.timeline.latest.as_ref())
                .map_or(String::new(), |d| d.date.clone()),
            days_to_decision: f.and_then(|f| f.timeline.days_to_decision),
        }
    }
}

pub(crate) fn decisions_writer<W: Write>(
    mut out: W,
    options: &CsvOptions,
) -> io::Result<::csv::Writer<W>> {
    if options.bom {
        out.write_all("\u{feff}".as_bytes())?;
    }
    Ok(::csv::WriterBuilder::new()
        .has_headers(true)
        .from_writer(out))
}
