//! Turns published ombudsman decisions into clean, structured data.
//!
//! A decision statement of the Local Government and Social Care Ombudsman (and the joint
//! statements with the Health Service Ombudsman) is semi-structured text: a title line with
//! the organisation and reference, a header block, a summary and numbered sections.
//! [`Decision::parse`] reads one into a typed record; every value keeps its byte [`Span`]
//! in the source.
//!
//! The types a user meets: [`Decision`] (with its [`Section`]s and [`Paragraph`]s),
//! [`Outcome`], [`Citation`], and [`Error`].
//!
//! ```
//! use ombudsman::{Decision, Outcome};
//!
//! let text = "NHS Cheshire and Merseyside ICB (25 000 113b)\n\
//!             Category : Health > Mental health services\n\
//!             Decision : Closed after initial enquiries\n\
//!             Decision date : 28 Jul 2025\n\
//!             The Ombudsman's final decision:\n\
//!             Summary: We will not investigate this complaint.\n\
//!             The complaint\n\
//!             - Ms X complains about her aftercare.\n";
//! let decision = Decision::parse(text)?;
//! assert_eq!(decision.case_reference.as_deref(), Some("25 000 113"));
//! assert_eq!(decision.subcategory.as_deref(), Some("Mental health services"));
//! assert_eq!(decision.outcome, Some(Outcome::ClosedAfterInitialEnquiries));
//! assert_eq!(decision.summary.as_deref(), Some("We will not investigate this complaint."));
//! let json = serde_json::to_value(&decision).unwrap();
//! assert_eq!(json["decision_date"], "2025-07-28");
//! # Ok::<(), ombudsman::Error>(())
//! ```
#![deny(missing_docs)]

mod archive;
mod cite;
pub mod corpus;
mod decode;
mod error;
mod facts;
mod html;
mod model;
pub mod output;
mod parse;
mod span;
pub mod stats;

pub use cite::{
    find_citations, find_citations_at, instruments, Citation, CitationKind, Instrument, Resolution,
};
pub use decode::Encoding;
pub use error::{Error, ErrorKind, Position, Result};
pub use facts::{
    find_facts, Amount, DateMention, Deadline, DeadlineUnit, Facts, Finding, FindingValue,
    Findings, NamedOrganisation, Party, PartyRole, Precision, Reason, ReasonCode, Remedy,
    RemedyKind, RemedyStatus, Timeline,
};
pub use html::html_to_text;
pub use model::{
    Date, Decision, Fragment, HeaderSpans, Marker, Outcome, Paragraph, Rendering, Section,
    SectionKind, StatementKind,
};
pub use span::Span;

impl Decision {
    /// Parses one decision statement.
    ///
    /// Pages without the header block still parse (those fields are `None`); page
    /// furniture (`Back to top`, `Print this page`, cookie banners, tables of contents) is
    /// dropped. Citations are found and resolved in the same call.
    ///
    /// # Errors
    /// [`ErrorKind::Empty`] for text with nothing in it; [`ErrorKind::NotADecision`] when
    /// no title line, header line or statement marker is found; [`ErrorKind::InvalidHeader`]
    /// when a `Decision date :` line holds something other than a date.
    pub fn parse(text: &str) -> Result<Decision> {
        Decision::parse_with(text, &ParseOptions::default())
    }

    /// [`Decision::parse`] with options: e.g. the structure alone, without the citation pass.
    ///
    /// ```
    /// use ombudsman::{Decision, ParseOptions};
    /// let text = "Some Council (24 000 001)\nSummary: Under the Care Act 2014.\n";
    /// let bare = Decision::parse_with(text, &ParseOptions::STRUCTURE)?;
    /// assert!(bare.citations.is_empty());
    /// assert!(bare.facts.is_none()); // not read, which is not "nothing found"
    /// let full = Decision::parse(text)?;
    /// assert_eq!(full.citations.len(), 1);
    /// assert!(full.facts.is_some());
    /// # Ok::<(), ombudsman::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`Decision::parse`].
    pub fn parse_with(text: &str, options: &ParseOptions) -> Result<Decision> {
        let mut decision = parse::parse(text)?;
        if options.citations {
            decision.citations = find_citations_at(text, decision.decision_date);
        }
        if options.facts {
            decision.facts = Some(find_facts(text, &decision));
        }
        Ok(decision)
    }
}

/// What [`Decision::parse_with`] extracts beyond the structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParseOptions {
    /// Find and resolve statute citations (on by default).
    pub citations: bool,
    /// Read what happened: parties, findings, reasons, remedies, dates (on by default).
    pub facts: bool,
}

impl ParseOptions {
    /// The structure only: header, summary, sections and paragraphs.
    pub const STRUCTURE: ParseOptions = ParseOptions {
        citations: false,
        facts: false,
    };
    /// The structure and the citations: what `extract` does by default.
    pub const CITATIONS: ParseOptions = ParseOptions {
        citations: true,
        facts: false,
    };
    /// Everything: the structure, the citations and the facts ([`ParseOptions::default`]).
    pub const ALL: ParseOptions = ParseOptions {
        citations: true,
        facts: true,
    };

    /// Builds the tables and automata these passes use, once per process. Parsing builds
    /// them on first use anyway (a few milliseconds, most of it for the facts pass); a
    /// program that lists thousands of inputs first can have it done on another thread
    /// meanwhile, as `extract` does.
    ///
    /// ```
    /// use ombudsman::ParseOptions;
    /// let warm = std::thread::spawn(|| ParseOptions::ALL.warm_up());
    /// // ... list the inputs ...
    /// warm.join().unwrap();
    /// ```
    pub fn warm_up(&self) {
        // a small decision that reaches every table: a citation that needs the instrument
        // table, a finding, a remedy, a date
        const TEXT: &str = "Westshire Council (24 000 001)\n\
            Decision : Upheld\n\
            Decision date : 2 Jan 2025\n\
            Summary: Mrs X complained the Council did not meet her needs under section 117 of \
            the Mental Health Act. The Council was at fault. It has agreed to apologise and \
            pay Mrs X £150 within one month of March 2023.\n";
        let _ = Decision::parse_with(TEXT, self);
    }
}

impl Default for ParseOptions {
    fn default() -> ParseOptions {
        ParseOptions::ALL
    }
}
