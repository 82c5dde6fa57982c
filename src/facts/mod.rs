//! What happened, read from a parsed decision: the people and bodies involved, what the
//! Ombudsman found, why a complaint was not investigated, the remedies, and the dates.
//!
//! Every item keeps its evidence: the exact text and its byte [`Span`] in the source. Only
//! the decision's own text is read: the summary and the sections that say what happened,
//! not the boilerplate sections on the Ombudsman's role and powers, the law, or how the
//! complaint was considered.

mod dates;
mod findings;
mod lists;
mod people;
mod remedies;
mod sentences;
mod words;

use serde::Serialize;

use crate::cite::Citation;
use crate::model::{Decision, SectionKind};
use crate::span::Span;

pub use dates::{DateMention, Precision, Timeline};
pub use findings::{Finding, FindingValue, Findings, Reason, ReasonCode};
pub use people::{NamedOrganisation, Party, PartyRole};
pub use remedies::{pounds, Amount, Deadline, DeadlineUnit, Remedy, RemedyKind, RemedyStatus};

/// Everything this module reads from one decision.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Facts {
    /// The complainant's pseudonym as written (`Ms X`, `Mr and Mrs B`).
    pub complainant: Option<String>,
    /// Everyone named by pseudonym, in order of first mention.
    pub parties: Vec<Party>,
    /// Organisations with the short name the text defines for them.
    pub organisations: Vec<NamedOrganisation>,
    /// Fault, injustice, maladministration and service failure, for the decision as a whole.
    pub findings: Findings,
    /// Why the complaint (or part of it) was not investigated.
    pub reasons: Vec<Reason>,
    /// What the body agreed to do, or was asked to do.
    pub remedies: Vec<Remedy>,
    /// Every date the text gives, in order.
    pub dates: Vec<DateMention>,
    /// The earliest and latest event dates and the time to the decision.
    pub timeline: Timeline,
}

impl Facts {
    /// The remedies agreed, recommended or offered: all but the refused ones.
    pub fn standing_remedies(&self) -> impl Iterator<Item = &Remedy> + Clone {
        self.remedies
            .iter()
            .filter(|r| r.status != RemedyStatus::Refused)
    }

    /// The total of the payments agreed, recommended or offered, in pence (ranges count their
    /// upper bound); `None` when there is no payment with an amount.
    pub fn total_payment_pence(&self) -> Option<u64> {
        let amounts = self
            .standing_remedies()
            .filter(|r| r.kind == RemedyKind::Payment)
            .filter_map(|r| r.amount.as_ref())
            .map(Amount::upper_pence);
        amounts.fold(None, |total, pence| Some(total.unwrap_or(0) + pence))
    }
}

/// A stretch of the decision's own text the facts are read from.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Region {
    pub span: Span,
    /// `None` for the summary.
    pub section: Option<SectionKind>,
}

/// Sections written about the Ombudsman's powers, the law or the method, not this case.
fn is_boilerplate(kind: SectionKind) -> bool {
    matches!(
        kind,
        SectionKind::RoleAndPowers | SectionKind::Law | SectionKind::HowConsidered
    )
}

/// The summary and the paragraphs of every section that is about this case, in order.
fn regions(decision: &Decision) -> Vec<Region> {
    let mut out = Vec::new();
    if let Some(span) = decision.spans.summary {
        out.push(Region {
            span,
            section: None,
        });
    }
    for section in &decision.sections {
        if is_boilerplate(section.kind) {
            continue;
        }
        out.extend(section.paragraphs.iter().map(|p| Region {
            span: p.span,
            section: Some(section.kind),
        }));
    }
    out
}

/// Reads the facts of `decision`, parsed from `text`.
///
/// ```
/// use ombudsman::{Decision, RemedyKind};
/// let text = "Westshire Council (24 000 001)\n\
///             Decision : Upheld\n\
///             Decision date : 2 Jan 2025\n\
///             Summary: Mrs X complained the Council delayed her care assessment from \
///             March 2023. The Council was at fault. It has agreed to apologise and pay \
///             Mrs X £1,250.50 within one month.\n";
/// let d = Decision::parse(text)?;
/// let facts = ombudsman::find_facts(text, &d);
/// assert_eq!(facts.complainant.as_deref(), Some("Mrs X"));
/// assert_eq!(facts.findings.fault.as_ref().unwrap().value.code(), "found");
/// let payment = facts.remedies.iter().find(|r| r.kind == RemedyKind::Payment).unwrap();
/// assert_eq!(payment.amount.as_ref().unwrap().to_string(), "1250.50");
/// assert_eq!(payment.deadline.as_ref().unwrap().months, Some(1));
/// assert_eq!(facts.timeline.latest.as_ref().unwrap().date, "2023-03");
/// # Ok::<(), ombudsman::Error>(())
/// ```
pub fn find_facts(text: &str, decision: &Decision) -> Facts {
    let regions = regions(decision);
    let sentences = sentences::split(text, &regions);
    let (complainant, parties) = people::parties(text, &regions, &sentences);
    let organisations = people::organisations(text, &regions);
    let lists = lists::SentenceLists::new(text, &sentences);
    let (findings, reasons) = findings::read(text, &sentences, &lists, decision);
    let remedies = remedies::read(text, &sentences, &lists);
    let remedies = remedies::without_earlier(remedies, &findings, &reasons);
    let excluded: Vec<Span> = decision.citations.iter().map(Citation::span).collect();
    let dates = dates::read(text, &regions, &excluded);
    let timeline = Timeline::new(&dates, decision.decision_date);
    Facts {
        complainant,
        parties,
        organisations,
        findings,
        reasons,
        remedies,
        dates,
        timeline,
    }
}
