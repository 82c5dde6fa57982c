//! The typed record of one decision: header fields, sections, paragraphs and their spans.

use serde::{Serialize, Serializer};
use std::fmt;

use crate::cite::Citation;
use crate::span::Span;

/// One published decision statement, parsed.
///
/// Every value keeps its source: [`Decision::spans`], [`Section::span`] and
/// [`Paragraph::span`] are byte offsets into the text given to [`Decision::parse`].
/// Fields the text does not give are `None`.
///
/// ```
/// use ombudsman::{Decision, Outcome, SectionKind};
/// let text = "Liverpool City Council (25 000 113b)\n\
///             Category : Adult care services > Charging\n\
///             Decision : Upheld\n\
///             Decision date : 07 Mar 2025\n\
///             The Ombudsman's final decision:\n\
///             Summary: The Council charged Mrs X twice.\n\
///             The complaint\n\
///             - Mrs X complains the Council sent her two invoices.\n";
/// let d = Decision::parse(text)?;
/// assert_eq!(d.organisation.as_deref(), Some("Liverpool City Council"));
/// assert_eq!(d.reference.as_deref(), Some("25 000 113b"));
/// assert_eq!(d.case_reference.as_deref(), Some("25 000 113"));
/// assert_eq!(d.outcome, Some(Outcome::Upheld));
/// assert_eq!(d.decision_date.unwrap().to_string(), "2025-03-07");
/// assert_eq!(d.sections[0].kind, SectionKind::Complaint);
/// assert_eq!(d.sections[0].paragraphs[0].span.slice(text),
///            "Mrs X complains the Council sent her two invoices.");
/// # Ok::<(), ombudsman::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Decision {
    /// Where the text came from (a path as given, or `-` for standard input); set by corpus runs.
    pub source: Option<String>,
    /// How the input's bytes were decoded (set by [`Decision::parse_bytes`]); spans are
    /// offsets into the decoded UTF-8 text, which for UTF-8 input is the file itself.
    pub encoding: Option<crate::decode::Encoding>,
    /// The reference as printed in the title, normalised to single spaces: `25 000 113b`.
    pub reference: Option<String>,
    /// The reference without its letter suffix: `25 000 113`. Joint statements share it.
    pub case_reference: Option<String>,
    /// The letter suffix of the reference (`b` in `25 000 113b`), if any.
    pub reference_suffix: Option<String>,
    /// The organisation named in the title line.
    pub organisation: Option<String>,
    /// The category: `Health` in `Category : Health > Mental health services`.
    pub category: Option<String>,
    /// The subcategory: `Mental health services`.
    pub subcategory: Option<String>,
    /// The decision exactly as worded: `Closed after initial enquiries`.
    pub decision: Option<String>,
    /// The decision normalised to a code.
    pub outcome: Option<Outcome>,
    /// The decision date, serialised as ISO `YYYY-MM-DD`.
    pub decision_date: Option<Date>,
    /// The decision date exactly as printed: `28 Jul 2025`.
    pub decision_date_raw: Option<String>,
    /// What kind of page this is.
    pub statement_kind: StatementKind,
    /// How the page was rendered to text.
    pub rendering: Rendering,
    /// The text after `Summary:` up to the next heading.
    pub summary: Option<String>,
    /// The sections in order; page furniture is dropped.
    pub sections: Vec<Section>,
    /// Statute citations found in the text (see [`crate::find_citations`]).
    pub citations: Vec<Citation>,
    /// What happened: parties, findings, reasons, remedies and dates (see
    /// [`crate::find_facts`]); `None` (`null` in JSON, empty cells in CSV) when the facts
    /// pass did not run ([`crate::ParseOptions`]), which is not the same as facts read and
    /// nothing found.
    pub facts: Option<crate::facts::Facts>,
    /// Where each header field was found.
    pub spans: HeaderSpans,
    /// Lines before the title that the grammar does not recognise, kept rather than dropped.
    pub unrecognised: Vec<Fragment>,
    /// For HTML input, the text taken from the page (see [`crate::html_to_text`]): the text
    /// every span points into. `None` for text input, whose spans point into the input.
    pub text: Option<String>,
}

/// Byte spans of the header fields of a [`Decision`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct HeaderSpans {
    /// The whole title line.
    pub title: Option<Span>,
    /// The organisation in the title line.
    pub organisation: Option<Span>,
    /// The reference inside the title's parentheses.
    pub reference: Option<Span>,
    /// The value of the `Category :` line (category and subcategory).
    pub category: Option<Span>,
    /// The subcategory alone.
    pub subcategory: Option<Span>,
    /// The value of the `Decision :` line.
    pub decision: Option<Span>,
    /// The value of the `Decision date :` line.
    pub decision_date: Option<Span>,
    /// The summary text.
    pub summary: Option<Span>,
}

/// A piece of text kept with its span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fragment {
    /// The text, exactly as in the source.
    pub text: String,
    /// Where it is.
    pub span: Span,
}

/// A section: a heading and the paragraphs under it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    /// The heading exactly as printed (`None` for text before the first heading).
    pub heading: Option<String>,
    /// The heading's canonical kind.
    pub kind: SectionKind,
    /// From the heading (or first paragraph) to the end of the last paragraph.
    pub span: Span,
    /// The paragraphs in order.
    pub paragraphs: Vec<Paragraph>,
}

/// One paragraph or list item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Paragraph {
    /// How the paragraph was marked.
    pub marker: Marker,
    /// The printed number or letter without punctuation (`1`, `a`, `iv`), for numbered items.
    pub number: Option<String>,
    /// Nesting depth from the indentation: 0 for top level.
    pub level: u8,
    /// The text after the marker, exactly as in the source (`span.slice(source) == text`).
    pub text: String,
    /// Where the text is (the marker excluded).
    pub span: Span,
}

/// How a paragraph was marked in the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Marker {
    /// `1.`, `a)`, `(iv)`.
    Numbered,
    /// `•` and other bullet characters.
    Bullet,
    /// `- ` (the single-newline rendering).
    Dash,
    /// No marker.
    Plain,
}

/// The canonical kind of a section heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SectionKind {
    /// Text before the first heading (the lead of a report summary page).
    Lead,
    /// The complaint.
    Complaint,
    /// The Ombudsman's (or Ombudsmen's) role and powers.
    RoleAndPowers,
    /// What I have (and have not) investigated.
    WhatInvestigated,
    /// How I considered this complaint.
    HowConsidered,
    /// My assessment.
    Assessment,
    /// What I found.
    WhatFound,
    /// Background, what happened.
    Background,
    /// Law, legislation and guidance.
    Law,
    /// Conclusions.
    Conclusions,
    /// Agreed action.
    AgreedAction,
    /// Recommendations.
    Recommendations,
    /// Decision.
    Decision,
    /// Final decision.
    FinalDecision,
    /// Investigator's decision on behalf of the Ombudsman.
    SignOff,
    /// The Investigation (report chapter).
    Investigation,
    /// Key to names used.
    KeyToNames,
    /// Any other (topical) heading.
    Other,
}

/// The statement kind of a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StatementKind {
    /// A decision statement (`The Ombudsman's final decision:`).
    FinalDecision,
    /// A report summary page (lead paragraph, verdict, remedy).
    ReportSummary,
    /// A report chapter page (`The Investigation`, numbered paragraphs).
    ReportChapter,
    /// None of the markers above were found.
    Unknown,
}

/// How the page was rendered to text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rendering {
    /// Blocks separated by empty lines, paragraphs numbered.
    BlankLine,
    /// No empty lines; paragraphs start with `- `.
    SingleNewline,
}

/// The decision normalised to a code; [`Outcome::Other`] keeps wording not seen before.
///
/// Serialises as its [`Outcome::code`].
///
/// ```
/// use ombudsman::Outcome;
/// assert_eq!(Outcome::from_wording("Upheld: maladministration and injustice"), Outcome::Upheld);
/// assert_eq!(Outcome::from_wording("Not upheld"), Outcome::NotUpheld);
/// assert_eq!(Outcome::from_wording("Referred elsewhere").code(), "other");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Outcome {
    /// `Upheld` (and `Upheld: ...`).
    Upheld,
    /// `Not upheld` (and `Not upheld: ...`).
    NotUpheld,
    /// `Closed after initial enquiries`.
    ClosedAfterInitialEnquiries,
    /// The complaint was withdrawn.
    Withdrawn,
    /// The complaint was premature.
    Premature,
    /// Outside the Ombudsman's jurisdiction.
    OutsideJurisdiction,
    /// The investigation was discontinued.
    Discontinued,
    /// Wording not seen before, kept as printed.
    Other(String),
}

impl Outcome {
    /// Normalises the wording of a `Decision :` line.
    pub fn from_wording(wording: &str) -> Outcome {
        let w = wording.trim().to_lowercase();
        let w = w.as_str();
        if w.starts_with("not upheld") {
            Outcome::NotUpheld
        } else if w.starts_with("upheld") {
            Outcome::Upheld
        } else if w.starts_with("closed after initial enquiries") {
            Outcome::ClosedAfterInitialEnquiries
        } else if w.contains("withdrawn") {
            Outcome::Withdrawn
        } else if w.contains("premature") {
            Outcome::Premature
        } else if w.contains("jurisdiction") {
            Outcome::OutsideJurisdiction
        } else if w.contains("discontinued") {
            Outcome::Discontinued
        } else {
            Outcome::Other(wording.trim().to_string())
        }
    }

    /// The code: `upheld`, `not_upheld`, `closed_after_initial_enquiries`, `withdrawn`,
    /// `premature`, `outside_jurisdiction`, `discontinued` or `other`.
    pub fn code(&self) -> &'static str {
        match self {
            Outcome::Upheld => "upheld",
            Outcome::NotUpheld => "not_upheld",
            Outcome::ClosedAfterInitialEnquiries => "closed_after_initial_enquiries",
            Outcome::Withdrawn => "withdrawn",
            Outcome::Premature => "premature",
            Outcome::OutsideJurisdiction => "outside_jurisdiction",
            Outcome::Discontinued => "discontinued",
            Outcome::Other(_) => "other",
        }
    }
}

impl Serialize for Outcome {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// A calendar date, serialised as ISO `YYYY-MM-DD`.
///
/// ```
/// use ombudsman::Date;
/// let d = Date::new(2025, 7, 28).unwrap();
/// assert_eq!(d.to_string(), "2025-07-28");
/// assert!(Date::new(2025, 2, 29).is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    /// Year.
    pub year: u16,
    /// Month, 1 to 12.
    pub month: u8,
    /// Day of the month, from 1.
    pub day: u8,
}

impl Date {
    /// A date, or `None` when the day does not exist.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (day >= 1 && day <= days).then_some(Date { year, month, day })
    }
}

impl Date {
    /// `YYYY-MM-DD` on the stack (dates are written for every record and every citation
    /// link: no formatting machinery, no allocation). A year past 9999 takes five digits.
    pub(crate) fn iso(&self) -> IsoDate {
        let year_digits = if self.year >= 10_000 { 5 } else { 4 };
        let len = year_digits + 6;
        let mut b = [b'0'; 11];
        let digits = |out: &mut [u8], mut n: u16| {
            for d in out.iter_mut().rev() {
                *d = b'0' + (n % 10) as u8;
                n /= 10;
            }
        };
        digits(&mut b[..year_digits], self.year);
        b[year_digits] = b'-';
        digits(
            &mut b[year_digits + 1..year_digits + 3],
            u16::from(self.month),
        );
        b[year_digits + 3] = b'-';
        digits(&mut b[year_digits + 4..len], u16::from(self.day));
        IsoDate { bytes: b, len }
    }
}

/// A date written `YYYY-MM-DD`.
pub(crate) struct IsoDate {
    bytes: [u8; 11],
    len: usize,
}

impl IsoDate {
    pub(crate) fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len]).expect("ASCII digits and dashes")
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.iso().as_str())
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.iso().as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::Date;

    #[test]
    fn dates_are_written_as_the_formatting_machinery_would_write_them() {
        for (year, month, day) in [(2025, 7, 28), (5, 1, 2), (999, 12, 31), (12345, 6, 7)] {
            let d = Date::new(year, month, day).unwrap();
            let expected = format!("{year:04}-{month:02}-{day:02}");
            assert_eq!(d.to_string(), expected);
            assert_eq!(
                serde_json::to_string(&d).unwrap(),
                format!("\"{expected}\"")
            );
        }
    }
}
