//! What the Ombudsman found (fault, injustice, maladministration, service failure) and,
//! for complaints not investigated, why not.

use serde::Serialize;

use super::lists::SentenceLists;
use super::sentences::Sentence;
use super::words::{folded, has_any, has_list};
use crate::model::{Decision, Outcome, SectionKind};

/// A finding for the decision as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingValue {
    /// Found (`The Council was at fault`).
    Found,
    /// Not found (`I have found no fault`).
    NotFound,
    /// Not investigated (`We will not investigate this complaint`).
    NotInvestigated,
}

impl FindingValue {
    /// `found`, `not_found` or `not_investigated`.
    pub fn code(self) -> &'static str {
        match self {
            FindingValue::Found => "found",
            FindingValue::NotFound => "not_found",
            FindingValue::NotInvestigated => "not_investigated",
        }
    }
}

/// A finding with the sentence that says so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// What was found.
    pub value: FindingValue,
    /// The sentence that says so (or the header's decision line, when no sentence does).
    pub text: String,
    /// Byte offset of the sentence.
    pub start: usize,
    /// Byte offset one past the sentence.
    pub end: usize,
}

/// The findings of a decision.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Findings {
    /// Fault found, not found, or not investigated.
    pub fault: Option<Finding>,
    /// Injustice caused by fault, or not.
    pub injustice: Option<Finding>,
    /// Where the text calls it maladministration.
    pub maladministration: Option<Finding>,
    /// Where the text calls it service failure.
    pub service_failure: Option<Finding>,
}

/// Why a complaint (or part of it) was not investigated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReasonCode {
    /// An investigation is unlikely to find fault.
    UnlikelyToFindFault,
    /// No significant injustice.
    NoSignificantInjustice,
    /// Outside the Ombudsman's jurisdiction.
    OutsideJurisdiction,
    /// Complained too late.
    LateComplaint,
    /// A court, tribunal or appeal is available.
    CourtOrTribunal,
    /// Premature: the body has not had a chance to put things right.
    Premature,
    /// The body has already remedied it.
    AlreadyRemedied,
    /// An investigation would achieve nothing worthwhile.
    NoWorthwhileOutcome,
    /// Another reason, given in the text.
    Other,
}

impl ReasonCode {
    /// The code as written in JSON and CSV: `unlikely_to_find_fault`, ...
    pub fn code(self) -> &'static str {
        match self {
            ReasonCode::UnlikelyToFindFault => "unlikely_to_find_fault",
            ReasonCode::NoSignificantInjustice => "no_significant_injustice",
            ReasonCode::OutsideJurisdiction => "outside_jurisdiction",
            ReasonCode::LateComplaint => "late_complaint",
            ReasonCode::CourtOrTribunal => "court_or_tribunal",
            ReasonCode::Premature => "premature",
            ReasonCode::AlreadyRemedied => "already_remedied",
            ReasonCode::NoWorthwhileOutcome => "no_worthwhile_outcome",
            ReasonCode::Other => "other",
        }
    }
}

/// A reason for not investigating, with the sentence that gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    /// The reason.
    pub code: ReasonCode,
    /// The sentence that gives it.
    pub text: String,
    /// Byte offset of the sentence.
    pub start: usize,
    /// Byte offset one past the sentence.
    pub end: usize,
}

/// The Ombudsman declining to investigate (not the body: "the Council did not investigate").
const NOT_INVESTIGATING: &[&str] = &[
    "we will not",
    "we won't",
    "we cannot",
    "we can't",
    "we did not investigate",
    "we have not investigated",
    "we have decided not",
    "we decided not",
    "we do not investigate",
    "i will not",
    "i cannot",
    "i did not investigate",
    "i have not investigated",
    "i have decided not",
    "i decided not",
    "ombudsman will not",
    "ombudsman cannot",
    "ombudsman has decided not",
    "ombudsmen will not",
    "ombudsmen cannot",
    "not start an investigation",
    "not continue to investigate",
    "not continue with",
    "will not be investigating",
    "ended our investigation",
    "end our investigation",
    "ended the investigation",
    "stopped our investigation",
    "discontinued",
    "discontinue our",
    "ended this investigation",
    "ended my investigation",
    "end this investigation",
    "stopped this investigation",
    "stopped my investigation",
    "should not investigate",
    "not have grounds to investigate",
    "no grounds to investigate",
];

/// Fault found, and fault not found. Phrases of the second kind are checked first.
const NO_FAULT: &[&str] = &[
    "not at fault",
    "no fault",
    "not find fault",
    "not found fault",
    "not find any fault",
    "no evidence of fault",
    "no evidence of procedural fault",
    "no evidence of any fault",
    "no procedural fault",
    "was not fault",
    "is not fault",
    "not fault",
    "without fault",
    "found no fault",
    "find no fault",
    "no administrative fault",
    "no sign of fault",
    "insufficient evidence of fault",
    "not enough evidence of fault",
];
const FAULT: &[&str] = &[
    "at fault",
    "there was fault",
    "there is fault",
    "found fault",
    "find fault",
    "amounts to fault",
    "amounted to fault",
    "was fault",
    "is fault",
    "were fault",
    "fault by the",
    "fault in ",
    "fault causing",
    "fault caused",
    "fault which caused",
    "fault that caused",
    "fault has caused",
    "this fault",
    "the fault",
    "faults",
    "fault with",
    "with fault",
    "finds fault",
    "some fault",
    "fault on",
    "fault when",
    "fault because",
    "fault for",
    "we uphold",
    "we upheld",
    "we have upheld",
    "i uphold",
    "i have upheld",
    "upheld these complaints",
    "upheld the complaint",
    "upheld her complaint",
    "upheld his complaint",
    "found failings",
    "find failings",
    // the body's own admission: "The Council accepted it had made a mistake"
    "made a mistake",
    "made an error",
    "made mistakes",
    "made errors",
];

const NO_INJUSTICE: &[&str] = &[
    "no injustice",
    "no significant injustice",
    "not caused",
    "did not cause",
    "not cause",
    "no evidence",
    "not suffered",
    "insufficient",
    "not significant",
    "unlikely",
    "no significant",
    "not result",
];
const INJUSTICE: &[&str] = &[
    "caused",
    "causing",
    "suffered",
    "resulted in",
    "led to",
    "remedy",
    "recognise",
    "acknowledge",
    "injustice to",
    "an injustice",
    "this injustice",
    "the injustice",
];
/// Harm that is injustice even where the word is not used.
const HARM: &[&str] = &[
    "caused distress",
    "caused her distress",
    "caused him distress",
    "caused them distress",
    "avoidable distress",
    "avoidable uncertainty",
    "caused uncertainty",
    "time and trouble",
    "caused frustration",
    "loss of",
];

/// Reasons for not investigating and the phrases that give them.
const REASONS: &[(ReasonCode, &[&str])] = &[
    (
        ReasonCode::UnlikelyToFindFault,
        &[
            "unlikely to find fault",
            "unlikely we would find fault",
            "unlikely that we would find fault",
            "unlikely we will find fault",
            "not enough evidence of fault",
            "insufficient evidence of fault",
            "no evidence of fault",
            "not enough evidence of possible fault",
            "not find fault",
            "no sign of fault",
            "unlikely to find any fault",
            "uncover evidence",
            "establish whether the council acted with fault",
            "establish whether there was fault",
            "considered the matters we would expect",
            "unlikely to find evidence of fault",
            "there is no fault",
            "no fault on the council's part",
        ],
    ),
    (
        ReasonCode::NoSignificantInjustice,
        &[
            "not caused significant injustice",
            "no significant injustice",
            "not significant enough",
            "injustice is not significant",
            "insufficient injustice",
            "not caused enough injustice",
            "not suffered significant",
            "not caused a significant injustice",
            "not significant injustice",
            "significant personal injustice",
            "no worthwhile injustice",
            "injustice caused is not",
            "not enough injustice",
            "no significant remaining injustice",
            "no evidence of personal injustice",
            "no personal injustice",
            "no evidence of injustice",
            "not caused a significant",
            "not significantly affected",
            "not significantly affect",
            // "has not suffered an injustice that is different from that of other residents"
            "not suffered an injustice",
            "different from that of other",
            "different from other residents",
        ],
    ),
    (
        ReasonCode::OutsideJurisdiction,
        &[
            "jurisdiction",
            "the law says we cannot",
            "the law does not allow",
            "we have no power",
            "not able to investigate",
            "we cannot investigate",
            "we cannot consider",
            "cannot look at",
            "we can't investigate",
            "outside our remit",
            "before the courts",
            "subject of court proceedings",
            "subject of legal proceedings",
            "not something we can",
            "law prevents us",
            "prevents us from investigating",
        ],
    ),
    (
        ReasonCode::LateComplaint,
        &[
            "late complaint",
            "complained late",
            "complaint is late",
            "complaint was late",
            "complaint late",
            "too late",
            "late in complaining",
            "came to us late",
            "out of time",
            "more than 12 months",
            "more than twelve months",
            "over 12 months",
            "within 12 months",
            "more than a year",
            "many years ago",
            "several years ago",
            "some years ago",
            "a long time ago",
            "made late",
            "good reasons to investigate now",
            "good reason to investigate now",
            // "no good reason why he did not complain to us sooner"
            "complain to us sooner",
            "complained to us sooner",
            "come to us sooner",
            "came to us sooner",
            "complain sooner",
            "complained sooner",
        ],
    ),
    (
        ReasonCode::CourtOrTribunal,
        &[
            "right of appeal",
            "right to appeal",
            "appeal to",
            "could appeal",
            "can appeal",
            "could have appealed",
            "has appealed",
            "have appealed",
            "to appeal",
            "alternative remedy",
            "legal remedy",
            "court remedy",
            "matter for the courts",
            "for the courts to",
            "courts are better placed",
            "court is better placed",
            "courts would be better placed",
            "court would be better placed",
            "tribunal is better placed",
            "tribunal would be better placed",
            "go to court",
            "court action",
            "legal action",
            "judicial review",
            "court proceedings",
            "legal proceedings",
            "court would",
            "court is",
            "court of protection",
            "tribunal is",
            "tribunal would",
            "the tribunal to",
            "to the tribunal",
            "options to challenge",
            "other options",
            "insurance claim",
            "claim on the council's insurance",
            "small claims",
            "to court",
            "action in the magistrates",
            "ask the magistrates",
            "court to decide",
            "to the magistrates",
            "county court",
            "insurer",
            "claim against",
            "private action",
            "civil claim",
            "civil action",
            // a named tribunal, as somewhere to go: "could have challenged the notice at the
            // Traffic Penalty Tribunal" (not "The Valuation Tribunal deals with appeals")
            "at the traffic penalty tribunal",
            "to the traffic penalty tribunal",
            "at the valuation tribunal",
            "to the valuation tribunal",
            "at the first-tier tribunal",
            "to the first-tier tribunal",
            "at the first tier tribunal",
            "to the first tier tribunal",
            "to the upper tribunal",
            "to an employment tribunal",
            "to the employment tribunal",
            "to the property tribunal",
        ],
    ),
    (
        ReasonCode::Premature,
        &[
            "premature",
            "not yet completed",
            "not had the chance",
            "not had a chance",
            "not had an opportunity",
            "not had the opportunity",
            "has not yet",
            "complain to the council first",
            "first complain",
            "opportunity to respond",
            "chance to respond",
            "allowed the opportunity",
            "opportunity to investigate",
            "opportunity to consider",
            "not made a complaint",
            "not yet complained",
            // "the Council's complaints procedure has not finished"
            "not finished",
            "not yet finished",
            "not concluded",
            "not yet concluded",
        ],
    ),
    (
        ReasonCode::AlreadyRemedied,
        &[
            "already taken",
            "already remedied",
            "already provided",
            "already apologised",
            "already offered",
            "already agreed",
            "already paid",
            "already put",
            "satisfactory action",
            "suitable remedy",
            "appropriate remedy",
            "fair remedy",
            "reasonable remedy",
            "proportionate remedy",
            "already resolved",
            "provided the remedy",
            "appropriate response",
            "given the remedy",
            "remedy she was seeking",
            "remedy he was seeking",
            "remedy they were seeking",
            "outcome she wanted",
            "outcome he wanted",
            "outcome they wanted",
            // "The Council has agreed to repair it, which is the outcome Mrs L wanted"
            "which is the outcome",
            "which was the outcome",
            "has been resolved",
            "have been resolved",
            "now resolved",
            "problem has been",
            "has awarded",
            "has now awarded",
            "has now paid",
            "has now provided",
            "has now agreed",
            // "ended my investigation because the Council has agreed to remedy the injustice"
            "agreed to remedy",
            "agreed a remedy",
            "agreed to provide a remedy",
        ],
    ),
    (
        ReasonCode::NoWorthwhileOutcome,
        &[
            "worthwhile outcome",
            "achieve anything",
            "achieve any",
            "could not achieve",
            "would not achieve",
            "unlikely to achieve",
            "meaningful outcome",
            "different outcome",
            "nothing more",
            "would not add",
            "not add anything",
            "could not add",
            "no useful purpose",
            "unlikely to lead",
            "add nothing",
            "unlikely to add",
            "would add little",
            "cannot achieve",
            "can't achieve",
            "achieve the outcome",
            "achievable",
            "cannot overturn",
            "can't overturn",
            "cannot now recommend",
            "cannot recommend a remedy",
        ],
    ),
    // another body is the place to complain: a regulator, not a court
    (
        ReasonCode::Other,
        &[
            "care quality commission",
            "information commissioner",
            "valuation office agency",
            // anti-social behaviour has its own review: "use the community trigger"
            "community trigger",
            "another body",
            "other body",
        ],
    ),
];

fn finding(text: &str, s: &Sentence, value: FindingValue) -> Finding {
    Finding {
        value,
        text: s.text(text).to_string(),
        start: s.span.start,
        end: s.span.end,
    }
}

/// The phrase lists read from each sentence: each list's bit in [`phrase_lists`], which
/// builds every list with the bit named here.
mod list {
    pub const NOT_INVESTIGATING: usize = 0;
    pub const DECLINE_TOPIC: usize = 1;
    pub const NO_FAULT: usize = 2;
    pub const FAULT: usize = 3;
    pub const NO_INJUSTICE: usize = 4;
    pub const INJUSTICE: usize = 5;
    pub const HARM: usize = 6;
    pub const UPHELD: usize = 7;
    pub const WE_FOUND: usize = 8;
    pub const FAILED: usize = 9;
    pub const HEDGE: usize = 10;
    pub const NEGATION: usize = 11;
    pub const GIVES_REASON: usize = 12;
    pub const FAULT_WORD: usize = 13;
    pub const INJUSTICE_WORD: usize = 14;
    pub const SMALL_INJUSTICE: usize = 15;
    pub const NOT_UPHELD: usize = 16;
    pub const MALADMINISTRATION: usize = 17;
    pub const SERVICE_FAILURE: usize = 18;
    /// A conclusion drawn from what came before: `We therefore discontinued`.
    pub const THEREFORE: usize = 19;
    /// Court proceedings that bar an investigation, see [`super::COURT_BAR`].
    pub const COURT_BAR: usize = 20;
    /// The first of the reason lists, in the order of `REASONS`.
    pub const REASONS: usize = 21;
    /// The reason list for outside jurisdiction.
    pub const OUTSIDE_JURISDICTION: usize = REASONS + super::jurisdiction_reason();
}

/// Every phrase list a sentence is read for (matched in one pass with the remedies' lists,
/// see [`super::lists`]), each with its bit, below 32.
pub(super) fn phrase_lists() -> Vec<(usize, &'static [&'static str], bool)> {
    let mut lists: Vec<(usize, &'static [&'static str], bool)> = vec![
        (list::NOT_INVESTIGATING, NOT_INVESTIGATING, false),
        (
            list::DECLINE_TOPIC,
            &["investigat", "consider", "look at", "discontinu"],
            false,
        ),
        (list::NO_FAULT, NO_FAULT, false),
        (list::FAULT, FAULT, false),
        (list::NO_INJUSTICE, NO_INJUSTICE, false),
        (list::INJUSTICE, INJUSTICE, false),
        (list::HARM, HARM, false),
        (list::UPHELD, &["uphold", "upheld", "failings"], false),
        (
            list::WE_FOUND,
            &[
                "we found the",
                "we have found the",
                "we find the",
                "i found the",
                "i have found the",
                "i find the",
                "we found that the",
                "i found that the",
                "we found evidence of",
                "i found evidence of",
                "we have found evidence of",
            ],
            true,
        ),
        (list::FAILED, &["failed", "failure", "delay"], false),
        (
            list::HEDGE,
            &[
                "unlikely",
                "if there",
                "may find",
                "would find",
                "if we find",
                "where there",
            ],
            false,
        ),
        (list::NEGATION, &[" no ", " not "], false),
        (
            list::GIVES_REASON,
            &[" because ", " as ", "since", " due to "],
            false,
        ),
        (
            list::FAULT_WORD,
            &[
                "fault",
                "made a mistake",
                "made an error",
                "made mistakes",
                "made errors",
            ],
            false,
        ),
        (list::INJUSTICE_WORD, &["injustice"], false),
        (
            list::SMALL_INJUSTICE,
            &[
                "no significant",
                "not significant",
                "insufficient",
                "not enough",
                "not caused",
                "not cause",
            ],
            false,
        ),
        (list::NOT_UPHELD, &["not upheld"], false),
        (list::MALADMINISTRATION, &["maladministration"], false),
        (list::SERVICE_FAILURE, &["service failure"], false),
        (
            list::THEREFORE,
            &["therefore", "for these reasons", "as a result"],
            false,
        ),
    ];
    lists.extend(
        REASONS
            .iter()
            .enumerate()
            .map(|(k, (_, phrases))| (list::REASONS + k, *phrases, false)),
    );
    lists.push((list::COURT_BAR, COURT_BAR, false));
    lists
}

/// Court proceedings that bar an investigation (the law's bar, outside jurisdiction), not
/// a remedy at court that the complainant could still seek.
const COURT_BAR: &[&str] = &[
    "subject of court proceedings",
    "subject of legal proceedings",
    "considered by the court",
    "considered by the family court",
    "decided by the court",
    "decided by the family court",
];

/// The index of the outside-jurisdiction list among [`REASONS`].
const fn jurisdiction_reason() -> usize {
    let mut k = 0;
    while k < REASONS.len() {
        if matches!(REASONS[k].0, ReasonCode::OutsideJurisdiction) {
            return k;
        }
        k += 1;
    }
    panic!("REASONS has an outside-jurisdiction list")
}

/// Adds the coded reasons sentence `s` (with phrase lists `l`) gives; whether it gave any.
fn coded_reasons(text: &str, s: &Sentence, l: u64, reasons: &mut Vec<Reason>) -> bool {
    let mut any = false;
    let barred = has_list(l, list::OUTSIDE_JURISDICTION) && has_list(l, list::COURT_BAR);
    for (k, (code, _)) in REASONS.iter().enumerate() {
        if barred && *code == ReasonCode::CourtOrTribunal {
            continue; // "matters which have been the subject of court proceedings"
        }
        let hit = has_list(l, list::REASONS + k)
            || (*code == ReasonCode::NoSignificantInjustice
                && has_list(l, list::INJUSTICE_WORD)
                && has_list(l, list::SMALL_INJUSTICE));
        if !hit {
            continue;
        }
        any = true;
        let reason = Reason {
            code: *code,
            text: s.text(text).to_string(),
            start: s.span.start,
            end: s.span.end,
        };
        match reasons.iter_mut().find(|r| r.code == *code) {
            None => reasons.push(reason),
            // a sentence that says why it is outside our powers is better evidence than
            // "we cannot investigate" said first
            Some(first) if generic_jurisdiction(first) && !generic_jurisdiction(&reason) => {
                *first = reason;
            }
            Some(_) => {}
        }
    }
    any
}

/// A jurisdiction reason that only says "we cannot investigate", not why: dropped when the
/// decision gives another reason.
fn generic_jurisdiction(r: &Reason) -> bool {
    r.code == ReasonCode::OutsideJurisdiction && {
        let f = folded(&r.text);
        !has_any(
            &f,
            &[
                "jurisdiction",
                "no power",
                "not allow",
                "school",
                "social housing",
                "remit",
                "before the courts",
                "court proceedings",
                "court action",
                "in court",
                "law prevents",
            ],
        )
    }
}

/// Whether a sentence is about a matter not investigated (here or in part).
fn declines(l: u64) -> bool {
    has_list(l, list::NOT_INVESTIGATING) && has_list(l, list::DECLINE_TOPIC)
}

/// Where the text speaks of fault: found (`true`) or not (`false`). Reasons for not
/// investigating (`unlikely to find fault`) are not findings.
fn fault_in(sentence: &str, l: u64, reported: bool) -> Option<bool> {
    if reported {
        return None;
    }
    let upheld = has_list(l, list::UPHELD) && !has_list(l, list::NOT_UPHELD);
    if has_list(l, list::WE_FOUND) && has_list(l, list::FAILED) {
        return Some(true);
    }
    if !(has_list(l, list::FAULT_WORD) || upheld) || has_list(l, list::HEDGE) {
        return None;
    }
    if has_list(l, list::NO_FAULT) {
        // "no fault in how it dealt with the reports, but the delay was fault"
        // and "while there was no fault in the visit, there was fault in ..."
        let f = folded(sentence);
        let concessive = ["while ", "whilst ", "although ", "though "]
            .iter()
            .any(|w| f.starts_with(w));
        let after_but = match f.rsplit_once(" but ") {
            Some((_, after)) => after,
            None if concessive => f.split_once(", ").map_or("", |(_, after)| after),
            None => "",
        };
        let fault_after_but = has_any(after_but, FAULT) && !has_any(after_but, NO_FAULT);
        return if fault_after_but {
            Some(true)
        } else {
            Some(false)
        };
    }
    (has_list(l, list::FAULT) || upheld).then_some(true)
}

/// A sentence reporting what someone else says (`Mrs X complained the Council was at
/// fault`, `She said the faults caused distress`, `Mr X wants an apology`): not a finding.
pub(crate) fn reported(f: &str) -> bool {
    let mut words = f.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let subject = matches!(
        first,
        "mr" | "mrs"
            | "ms"
            | "miss"
            | "dr"
            | "mx"
            | "she"
            | "he"
            | "they"
            | "the"
            | "her"
            | "his"
            | "their"
    ) || first.len() == 1;
    if !subject || (first == "the" && !f.starts_with("the complainant")) {
        return false;
    }
    words.take(6).any(|w| {
        [
            "say",
            "said",
            "complain",
            "allege",
            "believe",
            "feel",
            "think",
            "claim",
            "want",
            "told",
            "argue",
            "disagree",
            "consider",
            "would",
            "asked",
            "is unhappy",
            "unhappy",
        ]
        .iter()
        .any(|v| w.starts_with(v))
    })
}

fn injustice_in(l: u64, reported: bool) -> Option<bool> {
    if reported {
        return None;
    }
    if has_list(l, list::INJUSTICE_WORD) {
        if has_list(l, list::NO_INJUSTICE) {
            return Some(false);
        }
        return has_list(l, list::INJUSTICE).then_some(true);
    }
    (has_list(l, list::HARM) && !has_list(l, list::NEGATION)).then_some(true)
}

/// Sections whose sentences report findings (not the complaint as made).
///
/// The summary states the findings, and the decision, conclusion and action sections restate
/// them; the narrative of what happened (`What I found`, background, the investigation) is
/// not read for findings: it is the bulk of a long decision and mostly says what others did.
fn reports_findings(s: &Sentence) -> bool {
    matches!(
        s.section,
        None | Some(
            SectionKind::Lead
                | SectionKind::Decision
                | SectionKind::FinalDecision
                | SectionKind::Conclusions
                | SectionKind::AgreedAction
                | SectionKind::Recommendations
                | SectionKind::WhatInvestigated
                | SectionKind::Assessment
                | SectionKind::Other
        )
    )
}

/// Words of which a sentence with a finding has at least one: one pass over a sentence rules
/// out most sentences. A sentence declining to investigate also passes, whatever its words
/// ("We will not consider ..."; see `declines`); reasons are looked for in every sentence of
/// a closed decision, and in those after a sentence declining.
pub(super) const TOPIC_WORDS: &[&str] = &[
    "fault",
    "injustice",
    "uphold",
    "upheld",
    "failing",
    "investigat",
    "discontinu",
    "maladministration",
    "service failure",
    "distress",
    "uncertainty",
    "trouble",
    "frustration",
    "loss of",
    "found the",
    "find the",
    "found that",
    "found evidence",
    "made a mistake",
    "made an error",
    "made mistakes",
    "made errors",
];

/// The findings and reasons of a decision, with each sentence's phrase lists from `lists`.
pub(crate) fn read(
    text: &str,
    sentences: &[Sentence],
    lists: &SentenceLists,
    decision: &Decision,
) -> (Findings, Vec<Reason>) {
    let mut findings = Findings::default();
    let mut fault_found: Option<Finding> = None;
    let mut fault_not_found: Option<Finding> = None;
    let mut declined: Option<Finding> = None;
    let mut injustice_found: Option<Finding> = None;
    let mut injustice_not_found: Option<Finding> = None;
    let mut reasons: Vec<Reason> = Vec::new();
    // "We will not investigate because Mr X has moved abroad": kept only when no coded
    // reason is given anywhere
    let mut catch_all: Option<Reason> = None;
    let closed = matches!(
        decision.outcome,
        Some(
            Outcome::ClosedAfterInitialEnquiries
                | Outcome::Premature
                | Outcome::OutsideJurisdiction
                | Outcome::Withdrawn
                | Outcome::Discontinued
        )
    );
    // reasons follow the sentence that declines: "We will not investigate. This is because..."
    let mut since_declining = usize::MAX;
    // the sentence before (its index)
    let mut previous: Option<usize> = None;
    for (i, s) in sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| reports_findings(s))
    {
        let before = previous.replace(i);
        let reasons_here = closed || since_declining < 3;
        // a sentence that declines ("We will not consider ...") holds no topic word of its
        // own; its reasons follow it
        if !reasons_here && !lists.findings_gate(i) && !declines(lists.findings(i)) {
            since_declining = since_declining.saturating_add(1);
            continue;
        }
        let sentence = s.text(text);
        let l = lists.findings(i);
        let reported = reported(&folded(sentence.get(..60).unwrap_or(sentence)));
        let declining = declines(l);
        since_declining = if declining {
            0
        } else {
            since_declining.saturating_add(1)
        };
        if declining && declined.is_none() {
            declined = Some(finding(text, s, FindingValue::NotInvestigated));
        }
        // "This is because the Council has put right some errors and there is no evidence of
        // fault in the rest": reasons for not investigating, not findings
        let gives_reasons = !declining
            && since_declining <= 3
            && (0..REASONS.len()).any(|k| has_list(l, list::REASONS + k));
        let (finding_l, reported) = if gives_reasons {
            (0, true)
        } else {
            (l, reported)
        };
        match fault_in(sentence, finding_l, reported) {
            Some(true) if fault_found.is_none() && !declining => {
                fault_found = Some(finding(text, s, FindingValue::Found));
            }
            Some(false) if fault_not_found.is_none() && !declining => {
                fault_not_found = Some(finding(text, s, FindingValue::NotFound));
            }
            _ => {}
        }
        match injustice_in(finding_l, reported) {
            Some(true) if injustice_found.is_none() && !declining && !closed => {
                injustice_found = Some(finding(text, s, FindingValue::Found));
            }
            Some(false) if injustice_not_found.is_none() && !declining && !closed => {
                injustice_not_found = Some(finding(text, s, FindingValue::NotFound));
            }
            _ => {}
        }
        for (word, slot) in [
            (list::MALADMINISTRATION, &mut findings.maladministration),
            (list::SERVICE_FAILURE, &mut findings.service_failure),
        ] {
            if slot.is_none() && has_list(finding_l, word) && !declining {
                let negated =
                    has_list(l, list::NEGATION) && !folded(sentence).contains("and injustice");
                let value = if negated {
                    FindingValue::NotFound
                } else {
                    FindingValue::Found
                };
                *slot = Some(finding(text, s, value));
            }
        }
        // reasons: in a closed decision, or in a sentence declining part of a complaint and
        // the few after it (since_declining is 0 for the declining sentence itself)
        if closed || since_declining <= 3 {
            let mut any = coded_reasons(text, s, l, &mut reasons);
            // "... would be a matter for the courts. We therefore discontinued": the reasons
            // came in the sentence before
            if declining && !closed && has_list(l, list::THEREFORE) {
                if let Some(b) = before.filter(|&b| sentences[b].section == s.section) {
                    any |= coded_reasons(text, &sentences[b], lists.findings(b), &mut reasons);
                }
            }
            if !any && declining && has_list(l, list::GIVES_REASON) && catch_all.is_none() {
                catch_all = Some(Reason {
                    code: ReasonCode::Other,
                    text: sentence.to_string(),
                    start: s.span.start,
                    end: s.span.end,
                });
            }
        }
    }
    // "we cannot investigate" is the jurisdiction only when no other reason is given
    let generic = generic_jurisdiction;
    if reasons.iter().any(|r| {
        !generic(r) && r.code != ReasonCode::OutsideJurisdiction && r.code != ReasonCode::Other
    }) {
        reasons.retain(|r| !generic(r));
    }
    // a coded reason found elsewhere makes the catch-all redundant
    if reasons.is_empty() {
        reasons.extend(catch_all);
    }
    findings.fault = if closed {
        // a decision closed after initial enquiries investigated nothing: the header says
        // so when no sentence declines in words the reader knows
        let header =
            || from_outcome(text, decision).filter(|f| f.value == FindingValue::NotInvestigated);
        declined.or_else(header).or(fault_found).or(fault_not_found)
    } else {
        fault_found.or(fault_not_found).or(declined)
    };
    findings.injustice = injustice_found.or(injustice_not_found);
    // injustice is what fault causes: a finding of injustice is a finding of fault
    if findings.fault.is_none() {
        findings.fault = findings
            .injustice
            .as_ref()
            .filter(|i| i.value == FindingValue::Found)
            .map(|i| Finding {
                value: FindingValue::Found,
                ..i.clone()
            });
    }
    if findings.fault.is_none() {
        findings.fault = from_outcome(text, decision);
    }
    (findings, reasons)
}

/// The header's decision, when no sentence states the finding.
fn from_outcome(text: &str, decision: &Decision) -> Option<Finding> {
    let value = match decision.outcome.as_ref()? {
        Outcome::Upheld => FindingValue::Found,
        Outcome::NotUpheld => FindingValue::NotFound,
        Outcome::ClosedAfterInitialEnquiries
        | Outcome::Premature
        | Outcome::OutsideJurisdiction => FindingValue::NotInvestigated,
        _ => return None,
    };
    let span = decision.spans.decision?;
    Some(Finding {
        value,
        text: span.slice(text).to_string(),
        start: span.start,
        end: span.end,
    })
}
