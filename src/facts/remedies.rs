//! Remedies: what the body agreed to do or was asked to do (apologise, pay, refund, review,
//! improve its service), with the exact amount, what it is for, who receives it, the
//! deadline, and whether it was agreed, recommended, offered or refused.

use once_cell::sync::Lazy;
use serde::{Serialize, Serializer};
use std::fmt;

use super::lists::SentenceLists;
use super::people::pseudonyms;
use super::sentences::Sentence;
use super::words::{each_start, folded, has_any, has_list, last_start, number, PhraseSet};
use crate::model::SectionKind;

/// What kind of remedy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RemedyKind {
    /// An apology.
    Apology,
    /// A payment (`pay Mrs X £500`).
    Payment,
    /// A refund, waiver or reimbursement.
    Refund,
    /// A new assessment, review or reconsideration of the person's case.
    Reassessment,
    /// A change to policy or procedure, training, or a reminder to staff.
    ServiceImprovement,
    /// Any other action agreed or recommended.
    Other,
}

impl RemedyKind {
    /// The code as written in JSON and CSV.
    pub fn code(self) -> &'static str {
        match self {
            RemedyKind::Apology => "apology",
            RemedyKind::Payment => "payment",
            RemedyKind::Refund => "refund",
            RemedyKind::Reassessment => "reassessment",
            RemedyKind::ServiceImprovement => "service_improvement",
            RemedyKind::Other => "other",
        }
    }
}

/// Whether the body agreed to a remedy or was only asked to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RemedyStatus {
    /// The body agreed (`has agreed to`, `accepted my recommendations`).
    Agreed,
    /// The Ombudsman recommended it (`should`, `I recommend`).
    Recommended,
    /// The body offered it (`offered £150`).
    Offered,
    /// The body refused it.
    Refused,
}

/// An amount of money, exactly as the text gives it: `£1,250.50` is 125050 pence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amount {
    /// The amount (for a range, its lower bound), in pence.
    pub pence: u64,
    /// For a range (`£100 to £300`), its upper bound in pence.
    pub to_pence: Option<u64>,
    /// `up to £500`.
    pub up_to: bool,
    /// The amount as written.
    pub text: String,
}

/// Pence as pounds with two decimals: `125050` is `1250.50`.
pub fn pounds(pence: u64) -> String {
    format!("{}.{:02}", pence / 100, pence % 100)
}

impl Amount {
    /// The amount in pence, a range counting its upper bound.
    pub fn upper_pence(&self) -> u64 {
        self.to_pence.unwrap_or(self.pence)
    }
}

impl fmt::Display for Amount {
    /// Pounds with two decimals: `1250.50`; a range as `100.00-300.00`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&pounds(self.pence))?;
        if let Some(to) = self.to_pence {
            write!(f, "-{}", pounds(to))?;
        }
        Ok(())
    }
}

impl Serialize for Amount {
    /// `{"gbp": "1250.50", "to_gbp": null, "up_to": false, "text": "£1,250.50"}`: amounts as
    /// decimal strings, so that no pence are lost to floating point.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Amount", 4)?;
        st.serialize_field("gbp", &pounds(self.pence))?;
        st.serialize_field("to_gbp", &self.to_pence.map(pounds))?;
        st.serialize_field("up_to", &self.up_to)?;
        st.serialize_field("text", &self.text)?;
        st.end()
    }
}

/// The unit of a deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineUnit {
    /// Calendar days.
    Day,
    /// Working days.
    WorkingDay,
    /// Weeks.
    Week,
    /// Months.
    Month,
}

/// When a remedy is due: `within one month`, `within 3 months of my final decision`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Deadline {
    /// The deadline as written.
    pub text: String,
    /// How many units.
    pub value: u32,
    /// Days, working days, weeks or months.
    pub unit: DeadlineUnit,
    /// In days: days and working days as given, weeks times seven.
    pub days: Option<u32>,
    /// In months, for a deadline given in months.
    pub months: Option<u32>,
}

/// One remedy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Remedy {
    /// What kind.
    pub kind: RemedyKind,
    /// For service improvements: `policy`, `procedure`, `training` and/or `reminder`.
    pub detail: Vec<&'static str>,
    /// The amount, for payments and refunds that give one.
    pub amount: Option<Amount>,
    /// What a payment is for: `distress`, `time_and_trouble`, `uncertainty`,
    /// `frustration`, `loss_of_service`, `financial_loss`.
    pub purpose: Vec<&'static str>,
    /// Who receives it, by pseudonym, where the text says.
    pub recipient: Option<String>,
    /// When it is due.
    pub deadline: Option<Deadline>,
    /// Agreed, recommended, offered or refused.
    pub status: RemedyStatus,
    /// The sentence that gives the remedy.
    pub text: String,
    /// Byte offset of the sentence.
    pub start: usize,
    /// Byte offset one past the sentence.
    pub end: usize,
}

/// `£1,250.50` at the start of `s` (after the `£`): pence and length.
fn amount_at(s: &str) -> Option<(u64, usize)> {
    let bytes = s.as_bytes();
    let mut i = 0;
    let mut pounds: u64 = 0;
    while i < bytes.len()
        && (bytes[i].is_ascii_digit()
            || (bytes[i] == b',' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) && i > 0))
    {
        if bytes[i] != b',' {
            pounds = pounds
                .checked_mul(10)?
                .checked_add(u64::from(bytes[i] - b'0'))?;
        }
        i += 1;
    }
    if i == 0 {
        return None;
    }
    let mut pence = 0;
    if bytes.get(i) == Some(&b'.') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
        let d1 = u64::from(bytes[i + 1] - b'0');
        let two = bytes.get(i + 2).is_some_and(u8::is_ascii_digit);
        pence = if two {
            d1 * 10 + u64::from(bytes[i + 2] - b'0')
        } else {
            d1 * 10
        };
        i += if two { 3 } else { 2 };
    }
    // "£1.5m", "£20k"
    let scale = match bytes.get(i) {
        Some(b'k') if !bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic) => 1_000,
        Some(b'm') if !bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic) => 1_000_000,
        _ => 1,
    };
    if scale > 1 {
        i += 1;
    }
    Some(((pounds * 100 + pence) * scale, i))
}

/// An amount in a sentence: where it is, and its value with any range or `up to`.
#[derive(Debug)]
struct Money {
    start: usize,
    end: usize,
    amount: Amount,
}

/// Every amount in `s` (offsets relative to `s`), ranges joined.
fn money(s: &str) -> Vec<Money> {
    let mut found: Vec<(usize, usize, u64)> = Vec::new();
    let bytes = s.as_bytes();
    // "£" is 0xC2 0xA3 in UTF-8
    for at in memchr::memchr_iter(0xC2, bytes).filter(|&at| bytes.get(at + 1) == Some(&0xA3)) {
        if let Some((pence, len)) = amount_at(&s[at + 2..]) {
            found.push((at, at + 2 + len, pence));
        }
    }
    let mut out: Vec<Money> = Vec::new();
    let mut i = 0;
    while i < found.len() {
        let (start, end, pence) = found[i];
        let mut amount = Amount {
            pence,
            to_pence: None,
            up_to: false,
            text: s[start..end].to_string(),
        };
        let mut span = (start, end);
        // "£100 to £300", "£100-£300", "between £100 and £300"
        if let Some(&(next_start, next_end, next)) = found.get(i + 1) {
            let gap = s[end..next_start].trim();
            let between = s[..start].trim_end().ends_with("between");
            if matches!(gap, "to" | "-" | "–") || (between && gap == "and") {
                amount.to_pence = Some(next);
                span.1 = next_end;
                i += 1;
            }
        }
        let before = folded(s[..span.0].trim_end());
        if before.ends_with("up to")
            || before.ends_with("a maximum of")
            || before.ends_with("no more than")
        {
            amount.up_to = true;
        }
        if before.ends_with("between") {
            span.0 = s[..span.0].trim_end().len() - "between".len();
        }
        amount.text = s[span.0..span.1].to_string();
        out.push(Money {
            start: span.0,
            end: span.1,
            amount,
        });
        i += 1;
    }
    out
}

const PAY: &[&str] = &[
    "offer",
    "pay",
    "paid",
    "payment",
    "award",
    "compensat",
    "financial remedy",
    "sum of",
];
const REFUND: &[&str] = &[
    "refund",
    "reimburs",
    "waive",
    "write off",
    "written off",
    "write-off",
    "repay",
    "credit",
    "reduce",
    "cancel",
];

/// Verbs of remedial action, after `should` or `recommend`.
const REMEDY_VERBS: &[&str] = &[
    "apologis",
    "apologiz",
    "pay",
    "make",
    "refund",
    "reimburs",
    "waive",
    "write",
    "review",
    "reassess",
    "re-assess",
    "assess",
    "reconsider",
    "remind",
    "provide",
    "arrange",
    "carry",
    "consider",
    "take",
    "share",
    "update",
    "amend",
    "introduce",
    "offer",
    "complete",
    "ensure",
    "issue",
    "cancel",
    "repay",
    "put",
    "prepare",
    "produce",
    "agree",
    "develop",
    "deliver",
    "remove",
    "backdate",
    "award",
    "contact",
    "reimburse",
    "tell",
    // from the sixth written probe
    "reinstate",
    "restore",
    "change",
    "send",
    // from the seventh: the verbs of remedies beyond paying and apologising ("will give
    // guidance to its crews", "Mrs D will receive a written apology")
    "give",
    "receive",
    "hold",
    "meet",
    "visit",
    "appoint",
    "allocate",
    "commission",
    "refer",
    "check",
    "train",
    "monitor",
    "audit",
    "confirm",
    "explain",
    "liaise",
    "publish",
    "circulate",
    "redo",
    "re-do",
    "reopen",
    "re-open",
    "install",
    "repair",
    "fix",
    "rectify",
    "correct",
    "replace",
    "brief",
    "recalculate",
    "re-calculate",
    "set up",
];

/// Where `marker` is first followed within six words by a remedial verb, in `f`
/// (`should apologise`, `recommended the Council pay`).
fn verb_after(f: &str, marker: &str) -> Option<usize> {
    f.match_indices(marker)
        .find(|(at, _)| verb_follows(f, at + marker.len()))
        .map(|(at, _)| at)
}

/// Whether a remedial verb follows `at` (within six words, and not after `not`).
fn verb_follows(f: &str, at: usize) -> bool {
    let mut words = f[at..].split_whitespace().peekable();
    // "will not consider this further" promises nothing
    if words.peek().is_some_and(|w| matches!(*w, "not" | "never")) {
        return false;
    }
    // "should, within four weeks, apologise": a deadline may come between
    words
        .take(6)
        .any(|w| REMEDY_VERBS.iter().any(|v| w.starts_with(v)))
}

/// The first of [`RECOMMENDS`] a remedial verb follows: one pass over the sentence for
/// them all (no two of them start at the same place).
fn first_recommending(f: &str) -> Option<usize> {
    each_start(f, RECOMMENDS, |at| {
        let marker = RECOMMENDS.iter().find(|m| f[at..].starts_with(**m))?;
        verb_follows(f, at + marker.len()).then_some(at)
    })
}

/// Words that recommend a remedy when a remedial verb follows: `should`, `we asked`.
const RECOMMENDS: &[&str] = &[
    "recommend",
    "should",
    "must",
    "asked the council to",
    "i asked",
    "we asked",
    "suggested",
];

/// Remedies the Ombudsman recommended, whatever else the sentence says.
const RECOMMENDED: &[&str] = &[
    "recommended a suitable remedy",
    "recommended a remedy",
    "recommendations for",
    "recommended remedies",
    "recommended service improvements",
    "recommended an individual",
    // "To remedy the injustice, we recommend the Council:" recommends
    "we recommend the",
    "i recommend the",
    "we recommend that",
    "i recommend that",
];

/// A remedy refused (at the start of a word): `refused`, `did not agree`.
const REFUSED: &[&str] = &[
    "refused",
    "declined",
    "did not agree",
    "does not agree",
    "would not agree",
    "not willing",
    "unwilling",
    "has not agreed",
    "did not accept",
    "does not accept",
    "rejected",
    "not prepared to",
];

/// A remedy said to remedy the injustice: agreed, unless the sentence recommends it.
const REMEDIES_THE_INJUSTICE: &[&str] = &[
    "remedy the injustice",
    "remedies the injustice",
    "remedy this injustice",
];

/// A remedy the body has given already (at the start of a word): `has apologised`, "It has
/// cancelled the summons costs, backdated her reduction and apologised". It stands as
/// agreed, and a sentence needs no other word of status to be read.
const DONE: &[&str] = &[
    "has apologised",
    "has paid",
    "has refunded",
    "has reviewed",
    "has amended",
    "has updated",
    "has introduced",
    "has cancelled",
    "has backdated",
    "has waived",
    "has written off",
    "has reimbursed",
];

/// [`DONE`], and each with an adverb after `has`: "It has now refunded", "has since paid",
/// "has also waived". (Not "already": "has already apologised" is most often why a
/// complaint is not taken further, not a remedy of this one.)
static DONE_FORMS: Lazy<Vec<&'static str>> = Lazy::new(|| {
    let mut forms = DONE.to_vec();
    for adverb in ["now", "since", "also"] {
        for done in DONE {
            let participle = done.strip_prefix("has ").expect("DONE starts with `has `");
            // built once for the process, kept for its life as the phrase set is
            forms.push(Box::leak(
                format!("has {adverb} {participle}").into_boxed_str(),
            ));
        }
    }
    forms
});

/// A body that has not yet answered: its remedies stand as neither agreed nor refused.
const UNDECIDED: &[&str] = &[
    "whether it accept",
    "whether it agree",
    "whether it will accept",
    "whether it will agree",
    "whether to accept",
    "whether to agree",
    "not yet said",
    "not yet responded",
    "not yet agreed",
    "not yet accepted",
];

/// A remedy agreed (at the start of a word): `agreed`, `will pay` (and see [`DONE`]).
const AGREED: &[&str] = &[
    "agreed",
    "agree to",
    "agrees",
    "accepted",
    "accepts",
    "will apologise",
    "will pay",
    "will make",
    "will review",
    "will refund",
    "is going to",
    "remedied the injustice",
    "satisfactory remedy",
    "suitable remedy",
    "appropriate remedy",
    "agreed action",
    // the passive: "An apology will be sent", "the charges will be written off"
    "will be sent",
    "will be made",
    "will be paid",
    "will be written off",
    "will be waived",
    "will be refunded",
    "will be reimbursed",
    "will be reviewed",
    "will be provided",
    "will be arranged",
    "will be carried out",
    "will be completed",
    "will be reconsidered",
    "will be cancelled",
    "will be reinstated",
    // a commitment: "has undertaken to apologise", "is to be completed within eight weeks"
    "undertaken to",
    "undertakes to",
    "undertook to",
    "committed to",
    "commits to",
    "promised to",
    "is to be",
    "are to be",
];

/// With the phrase lists `kl` the sentence has (from [`phrase_lists`]), and folded as `f`.
fn status(f: &str, kl: u64) -> Option<RemedyStatus> {
    // "The Council has not yet said whether it accepts the recommendations": undecided
    if has_list(kl, kinds::UNDECIDED) {
        return None;
    }
    if has_list(kl, kinds::REFUSED) {
        Some(RemedyStatus::Refused)
    } else if has_any(f, RECOMMENDED) {
        Some(RemedyStatus::Recommended)
    } else if has_list(kl, kinds::AGREED) || has_list(kl, kinds::DONE) {
        Some(RemedyStatus::Agreed)
    } else if let Some(modal) = first_modal(f) {
        Some(modal)
    } else if f.trim_end().ends_with(':')
        && (f.contains("should") || f.contains("must") || f.contains("recommend"))
    {
        // "the Council should within one month:": the items that follow are recommended
        Some(RemedyStatus::Recommended)
    } else if f.trim_end().ends_with("will:") {
        // "Within one month of my final decision, the Council will:": they are agreed
        Some(RemedyStatus::Agreed)
    } else if has_list(kl, kinds::REMEDIES_THE_INJUSTICE) {
        // "This remedies the injustice", after "should" was ruled out: "To remedy the
        // injustice the Council should pay" recommends
        Some(RemedyStatus::Agreed)
    } else if has_any(f, &["offered", "offer of"]) {
        Some(RemedyStatus::Offered)
    } else {
        None
    }
}

/// The status the sentence's first modal with a remedial verb gives: `will` agrees,
/// `should` (and the other [`RECOMMENDS`]) recommends. The first governs: "the Council
/// should prepare a report on how it will meet the timescales" recommends.
fn first_modal(f: &str) -> Option<RemedyStatus> {
    let will = verb_after(f, "will ").filter(|_| !f.contains("would"));
    let should = first_recommending(f);
    match (will, should) {
        (Some(w), Some(s)) if s < w => Some(RemedyStatus::Recommended),
        (Some(_), _) => Some(RemedyStatus::Agreed),
        (None, Some(_)) => Some(RemedyStatus::Recommended),
        (None, None) => None,
    }
}

/// The phrase lists a remedy sentence is read for: each list's bit in [`phrase_lists`],
/// which builds every list with the bit named here.
mod kinds {
    pub const APOLOGY: usize = 0;
    pub const REFUND: usize = 1;
    pub const PAY: usize = 2;
    pub const PAYMENT_WORD: usize = 3;
    pub const NOT_A_REMEDY_PAYMENT: usize = 4;
    pub const A_PAYMENT: usize = 5;
    pub const REFUND_WORD: usize = 6;
    pub const REASSESS: usize = 7;
    pub const IMPROVES: usize = 8;
    pub const OTHER_ACTION: usize = 9;
    pub const POUND: usize = 10;
    pub const GENERIC: usize = 11;
    /// Not kinds of remedy: agreeing to earlier ones, and a complaint declined.
    pub const AGREEMENT: usize = 12;
    pub const DECLINES: usize = 13;
    /// Not kinds either: how the remedy stands.
    pub const REFUSED: usize = 14;
    pub const AGREED: usize = 15;
    /// `review its`: a service improvement when what it reviews is a way of working
    /// (`review its call scheduling system`), see [`super::reviews_practice`].
    pub const REVIEWS: usize = 16;
    /// How the remedy stands, too: not yet answered, and said to remedy the injustice.
    pub const UNDECIDED: usize = 17;
    pub const REMEDIES_THE_INJUSTICE: usize = 18;
    /// Saying no remedy is recommended, and agreeing to what was recommended.
    pub const NO_REMEDY: usize = 19;
    pub const AGREES_TO_RECOMMENDED: usize = 20;
    /// A remedy given already: `has apologised`.
    pub const DONE: usize = 21;
    /// The lists that are not kinds of remedy.
    pub const NOT_KINDS: u64 = 1 << AGREEMENT
        | 1 << DECLINES
        | 1 << REFUSED
        | 1 << AGREED
        | 1 << UNDECIDED
        | 1 << REMEDIES_THE_INJUSTICE
        | 1 << NO_REMEDY
        | 1 << AGREES_TO_RECOMMENDED
        | 1 << DONE;
}

/// Everything a sentence must have one of to give a remedy (matched in one pass with the
/// findings' lists, see [`super::lists`]), each with its bit, below 30.
pub(super) fn phrase_lists() -> Vec<(usize, &'static [&'static str], bool)> {
    vec![
        (
            kinds::APOLOGY,
            &["apologis", "apologiz", "apology", "apologies"],
            false,
        ),
        (kinds::REFUND, REFUND, false),
        (kinds::PAY, PAY, false),
        (kinds::PAYMENT_WORD, &["payment"], true),
        (
            kinds::NOT_A_REMEDY_PAYMENT,
            &[
                "direct payment",
                "payment of council tax",
                "housing benefit",
                "late payment",
                "payment plan",
            ],
            false,
        ),
        (
            kinds::A_PAYMENT,
            &[
                "a payment",
                "redress",
                "pay compensation",
                "compensate",
                "financial remedy",
                "symbolic payment",
                "make a payment",
                "them a payment",
                "pay mr",
                "pay mrs",
                "pay ms",
                "pay miss",
                "financial payment",
                "payments to",
                "make payments",
                "remedy payment",
            ],
            false,
        ),
        (
            kinds::REFUND_WORD,
            &[
                "refund",
                "reimburs",
                "waive",
                "write off",
                "write-off",
                "written off",
                "repay",
            ],
            false,
        ),
        (kinds::REASSESS, REASSESS, false),
        (kinds::IMPROVES, IMPROVES, false),
        (kinds::OTHER_ACTION, OTHER_ACTION, false),
        (kinds::POUND, &["£"], false),
        (kinds::GENERIC, GENERIC_REMEDY, false),
        (
            kinds::AGREEMENT,
            &[
                "ecommendation",
                "ecommended action",
                "agreed to",
                "accepted my",
            ],
            false,
        ),
        // "will not investigate", "cannot investigate"
        (kinds::DECLINES, &["not investigate"], false),
        (kinds::REFUSED, REFUSED, true),
        (kinds::AGREED, AGREED, true),
        (kinds::DONE, DONE_FORMS.as_slice(), true),
        (kinds::REVIEWS, REVIEW_MARKERS, true),
        (kinds::UNDECIDED, UNDECIDED, false),
        (kinds::REMEDIES_THE_INJUSTICE, REMEDIES_THE_INJUSTICE, false),
        (kinds::NO_REMEDY, NO_REMEDY, false),
        (kinds::AGREES_TO_RECOMMENDED, AGREES_TO_RECOMMENDED, false),
    ]
}

/// Words for a way of working, which a review of it improves.
const PRACTICE_WORDS: &[&str] = &[
    "polic",
    "procedure",
    "process",
    "practice",
    "system",
    "guidance",
    "arrangement",
    "approach",
    "training",
    "protocol",
    "template",
    "letters",
    "leaflet",
    "website",
    "information",
    "communication",
];

/// A look at the body's own ways of working: `review its`, `check its`.
const REVIEW_MARKERS: &[&str] = &[
    "review its ",
    "review their ",
    "reviews its ",
    "review the council's ",
    // "review the leaflet it gives people about charging"
    "review the ",
    "check its ",
    "audit its ",
    "examine its ",
    "look at its ",
    "look again at its ",
    "consider its ",
];

/// Whether one of [`REVIEW_MARKERS`] in `f` is followed within four words by a way of
/// working: `review its safeguarding procedures`, `check its notification procedures`.
fn reviews_practice(f: &str) -> bool {
    REVIEW_MARKERS.iter().any(|marker| {
        f.match_indices(marker).any(|(at, _)| {
            f[at + marker.len()..]
                .split_whitespace()
                .take(4)
                .any(|w| PRACTICE_WORDS.iter().any(|p| w.starts_with(p)))
        })
    })
}

const REASSESS: &[&str] = &[
    "reassess",
    "re-assess",
    "recalculat",
    "re-calculat",
    "care plan",
    "carer's assessment",
    "needs assessment",
    "reconsideration",
    "an assessment",
    // "assessment of her needs", not "assessment officers"
    "assessment of ",
    "considerations",
    "consider whether",
    "consider again",
    "consider her",
    "consider his",
    "consider their",
    "assess her",
    "assess his",
    "assess their",
    "assess mr",
    "assess mrs",
    "assess ms",
    "assess miss",
    "reconsider",
    "re-consider",
    "new assessment",
    "fresh assessment",
    "review her",
    "review his",
    "review their",
    "review mr",
    "review mrs",
    "review ms",
    "review miss",
    "review the decision",
    "review its decision",
    "carry out an assessment",
    "complete an assessment",
    "reinvestigate",
    "re-investigate",
    "review the case",
    "review what happened",
    "review the matter",
    "outstanding assessment",
    "complete the assessment",
    "complete its assessment",
    // a plan put in place or revised, not one cited ("as set out in the support plan")
    "support plan is in place",
    "carer's support plan",
    "support plan in place",
    "revised care and support plan",
    "revised support plan",
    "new support plan",
    "update the support plan",
    "appeal again",
    "new appeal",
    "fresh appeal",
    "new decision",
    "fresh decision",
    "decide again",
    "re-decide",
    "redetermin",
    "re-determin",
    "new hearing",
    "fresh hearing",
    "pathway plan",
    // "redo the financial assessment"
    "redo ",
    "re-do ",
    // "hold an annual review of the EHC plan" (not "its backlog of annual reviews")
    "hold an annual review",
    "carry out an annual review",
    "complete an annual review",
    "hold a review",
    "hold the review",
    "new review",
    "fresh review",
];

/// Agreeing to what was recommended (before, or without saying what): `The Council has
/// agreed to do this`, `accepted my recommendations`.
const AGREES_TO_RECOMMENDED: &[&str] = &[
    "recommendation",
    "agreed to do this",
    "agreed to this",
    "agreed to these",
    "agreed to the above",
    "has agreed to my",
    "accepted my",
    "agreed to our",
    "recommended action",
    // "We have asked the Council to apologise ... The Council has agreed."
    "has agreed.",
    "accepted this",
];

/// Whether a sentence with the lists `kl` speaks of remedies told before it: agreeing to
/// them (`agreed to`, `has agreed.`) or naming them (`recommendation`).
fn agrees_to_earlier(kl: u64) -> bool {
    has_list(kl, kinds::AGREEMENT) || has_list(kl, kinds::AGREES_TO_RECOMMENDED)
}

/// Saying that no remedy is recommended: `We have not recommended a remedy`, `We make no
/// further recommendations`.
const NO_REMEDY: &[&str] = &[
    "not recommended a remedy",
    "not recommend a remedy",
    "not recommended any",
    "not recommend any",
    "not recommending",
    "no remedy",
    "no further remedy",
    "no recommendation",
    "no further recommendation",
    "not make any recommendation",
    "not making any recommendation",
    "make no recommendation",
    "made no recommendation",
    // "We did not recommend a payment because the outcome would have been the same"
    "did not recommend",
    "do not recommend",
    "have not recommended",
    "not recommended a",
    "not recommend a",
];

/// A remedy named without saying what it is: `take action to remedy`, `put things right`.
const GENERIC_REMEDY: &[&str] = &[
    "take action",
    "to remedy",
    "put things right",
    "put this right",
    "remedy the injustice",
    "remedy this",
    "proportionate remedy",
    "providing a remedy",
    "provide a remedy",
    "made further recommendations",
    "made recommendations",
    "recommendations for a remedy",
];

const IMPROVES: &[&str] = &[
    "remind",
    "training",
    "train ",
    "service improvement",
    "review its policy",
    "review its policies",
    "review its procedure",
    "review its process",
    "review its practice",
    "review its guidance",
    "review its approach",
    "review its handling",
    "review its communication",
    "review its complaint",
    "review its systems",
    "review its arrangements",
    "review its records",
    "lessons",
    "promot",
    "procedural recommendation",
    "procedural change",
    "procedural improvement",
    "ensure in future",
    "in future",
    "in the future",
    "improve ",
    "improved how",
    "improved its",
    "improved the way",
    "address a gap",
    "amended the terms",
    "amend the terms",
    "update its",
    "amend its",
    "change its",
    "revise its",
    "introduce",
    "put in place",
    "action plan",
    "share the learning",
    "share learning",
    "share this decision",
    "share my decision",
    "share the decision",
    "guidance to staff",
    "guidance to its",
    "guidance to their",
    "give guidance",
    "issue guidance",
    "improve its",
    "new procedure",
    "new policy",
    "review how",
    "review the way",
    "review their",
    "reviews its",
    "to others",
    "others who",
    "other families",
    "others affected",
    "other people",
    "prevent a recurrence",
    "prevent recurrence",
    "reoccurrence",
    "prevent this happening",
    "prevent similar",
    "avoid a recurrence",
    "improve its service",
    "improve services",
    "review of the council",
    "its policy",
    "review procedure",
    "review polic",
    "review process",
    "review practice",
    "brief staff",
    // "report to its scrutiny committee on how it will meet the timescales"
    "scrutiny",
    "brief relevant",
    "brief its",
    "record keeping",
    // a body reporting what it will change: "tell us what it is doing to meet the legal
    // timescales"
    "what it is doing to",
    "what it will do to",
    "how it will ensure",
    "how it will improve",
    "how it will meet",
    // from the fourteenth probe: "report to us on how it will reduce delays"
    "how it will reduce",
    "how it will prevent",
    "how it will avoid",
    "how it will make sure",
    "report to us on how",
    "report back to us on",
];

const OTHER_ACTION: &[&str] = &[
    "individual remedy",
    "remedies for",
    "corrective action",
    "recommended a suitable remedy",
    "recommended a remedy",
    "actions set out",
    "action set out",
    "organise a meeting",
    "arrange a meeting",
    "hold a meeting",
    "a meeting with",
    "remedy is agreed",
    "remedy was agreed",
    "agreed a suitable remedy",
    "agreed a remedy",
    "agreed an appropriate remedy",
    "share information",
    "decide what action",
    "what action it will take",
    "without further delay",
    "carried out the recommendations",
    // an individual's records put right: "correct its records"
    "correct its record",
    "correct the record",
    "correct their record",
    "correct her record",
    "correct his record",
    "correct the inaccura",
    "remove the inaccura",
    // an individual's case put back: "reinstate his application", "restore the budget"
    "reinstate",
    "restore the",
    // an appeal sent on: "send his appeal to the tribunal"
    "send the appeal",
    "send his appeal",
    "send her appeal",
    "send their appeal",
    // something put right on the ground: "arrange for the pavement to be inspected"
    "to be inspected",
    "to be repaired",
    "inspect the",
    "carry out the repair",
    "carry out repairs",
    // the next stage of a statutory complaints procedure
    "stage 3 panel",
    "stage three panel",
    "stage 3 review",
    "stage three review",
    "review panel",
];

/// `within one month`, `within 20 working days`.
fn deadline(sentence: &str, f: &str) -> Option<Deadline> {
    let at = f.find("within ")?;
    let rest = &f[at + 7..];
    let mut words = rest.split_whitespace();
    let value = number(words.next()?)?;
    let mut unit_word = words.next()?;
    let working = unit_word == "working";
    if working {
        unit_word = words.next()?;
    }
    let unit_word = unit_word.trim_end_matches([',', '.', ';', ':']);
    let unit = match unit_word {
        "day" | "days" if working => DeadlineUnit::WorkingDay,
        "day" | "days" => DeadlineUnit::Day,
        "week" | "weeks" => DeadlineUnit::Week,
        "month" | "months" | "month's" | "months'" => DeadlineUnit::Month,
        _ => return None,
    };
    let len = rest.find(unit_word)? + unit_word.len();
    // the text as written (the folded sentence keeps byte offsets: no curly quotes here)
    let text = sentence
        .get(at..at + 7 + len)
        .unwrap_or(&f[at..at + 7 + len])
        .to_string();
    let (days, months) = match unit {
        DeadlineUnit::Day | DeadlineUnit::WorkingDay => (Some(value), None),
        DeadlineUnit::Week => (Some(value * 7), None),
        DeadlineUnit::Month => (None, Some(value)),
    };
    Some(Deadline {
        text,
        value,
        unit,
        days,
        months,
    })
}

/// What a payment is for, each list of words with the code it gives (loss of service needs
/// words of both its lists), matched in one pass.
static PURPOSES: Lazy<PhraseSet> = Lazy::new(|| {
    PhraseSet::new(&[
        (0, &["distress", "anxiety", "upset"], false),
        (1, &["time and trouble", "time and effort"], false),
        (2, &["uncertainty"], false),
        (3, &["frustration"], false),
        (
            4,
            &[
                "loss of",
                "lost",
                "missed",
                "without the",
                "did not receive",
                "missed provision",
            ],
            false,
        ),
        (
            5,
            &[
                "education",
                "provision",
                "service",
                "care",
                "support",
                "respite",
                "therapy",
                "school",
            ],
            false,
        ),
        (
            6,
            &[
                "financial loss",
                "costs",
                "fees",
                "loss of earnings",
                "out of pocket",
            ],
            false,
        ),
    ])
});

/// What the words of a payment say it is for: `distress`, `time_and_trouble`, ...
fn purposes(f: &str) -> Vec<&'static str> {
    let l = PURPOSES.lists(f);
    let mut out = Vec::new();
    for (code, hit) in [
        ("distress", has_list(l, 0)),
        ("time_and_trouble", has_list(l, 1)),
        ("uncertainty", has_list(l, 2)),
        ("frustration", has_list(l, 3)),
        ("loss_of_service", has_list(l, 4) && has_list(l, 5)),
        ("financial_loss", has_list(l, 6)),
    ] {
        if hit {
            out.push(code);
        }
    }
    out
}

/// The kinds of service improvement, each with its words, matched in one pass.
const SERVICE_DETAILS: [(&str, &[&str]); 4] = [
    ("policy", &["policy", "policies"]),
    (
        "procedure",
        &[
            "procedure",
            "process",
            "practice",
            "guidance to staff",
            "systems",
        ],
    ),
    ("training", &["training", "train "]),
    ("reminder", &["remind", "reminder"]),
];

static SERVICE_DETAIL_LISTS: Lazy<PhraseSet> = Lazy::new(|| {
    let lists: Vec<(usize, &[&str], bool)> = SERVICE_DETAILS
        .iter()
        .enumerate()
        .map(|(bit, (_, words))| (bit, *words, false))
        .collect();
    PhraseSet::new(&lists)
});

/// The kinds of service improvement a sentence names: `policy`, `procedure`, `training`,
/// `reminder`.
fn service_details(f: &str) -> Vec<&'static str> {
    let l = SERVICE_DETAIL_LISTS.lists(f);
    SERVICE_DETAILS
        .iter()
        .enumerate()
        .filter(|(bit, _)| has_list(l, *bit))
        .map(|(_, (code, _))| *code)
        .collect()
}

/// Sections whose sentences may give remedies (not the complaint as made, nor the law).
///
/// Remedies are stated in the summary and in the decision, conclusion and action sections.
fn may_give_remedies(s: &Sentence) -> bool {
    matches!(
        s.section,
        None | Some(
            SectionKind::Lead
                | SectionKind::Decision
                | SectionKind::FinalDecision
                | SectionKind::Conclusions
                | SectionKind::AgreedAction
                | SectionKind::Recommendations
                | SectionKind::Other
        )
    )
}

/// Word stems of which a sentence giving a remedy has at least one (its status), and the
/// remedies given already ([`DONE`]).
pub(super) static STATUS_STEMS: Lazy<Vec<&'static str>> = Lazy::new(|| {
    let stems: &[&'static str] = &[
        "agree",
        "accept",
        "recommend",
        "should",
        "must",
        "will ",
        "will:",
        "offer",
        "refus",
        "declin",
        "remed",
        "asked",
        "suggest",
        "willing",
        "reject",
        "prepared",
        "satisf",
        "suitable",
        "appropriate",
        "going to",
        "undertak",
        "undertook",
        "commit",
        "promised",
        "is to be",
        "are to be",
    ];
    [stems, DONE_FORMS.as_slice()].concat()
});

/// The remedies in the sentences, in order, with each sentence's phrase lists from `lists`.
pub(crate) fn read(text: &str, sentences: &[Sentence], lists: &SentenceLists) -> Vec<Remedy> {
    let mut reading = Reading::default();
    // a report summary states the decision, then the remedies, under "The complaint"
    let mut decided_in: Option<Option<SectionKind>> = None;
    for (i, s) in sentences.iter().enumerate() {
        let list_intro = &mut reading.list_intro;
        let sentence = s.text(text);
        *list_intro = list_intro
            .take()
            .filter(|i| i.section == s.section)
            .and_then(|i| {
                if s.region == i.region {
                    Some(i) // the rest of the item
                } else if s.region > i.region && is_list_item(sentence) {
                    Some(ListIntro {
                        region: s.region,
                        ..i
                    })
                } else {
                    None
                }
            });
        let readable = may_give_remedies(s) || decided_in == Some(s.section);
        if !readable && list_intro.is_none() {
            if states_decision(sentence) {
                decided_in = Some(s.section);
            }
            continue;
        }
        let inherited = list_intro.as_ref().map(|i| i.status);
        let inherited_deadline = list_intro.as_ref().and_then(|i| i.deadline.clone());
        let intro = introduces_list(sentence, s.section);
        if inherited.is_none() && !lists.remedies_gate(i) {
            continue;
        }
        let kl = lists.remedies(i);
        let unit = Unit {
            sentence: *s,
            text: sentence,
            kl,
            inherited,
            inherited_deadline,
            intro,
        };
        match agreed_then_refused(&unit) {
            // "It agreed to apologise, but refused to pay Ms R £300": each clause alone
            Some(clauses) => {
                for clause in clauses {
                    reading.unit(clause);
                }
            }
            None => reading.unit(unit),
        }
    }
    reading.finish()
}

/// A stretch of text read for remedies: a sentence, or a clause of one; with its phrase
/// lists and what it inherits from a list it is an item of.
struct Unit<'a> {
    sentence: Sentence,
    text: &'a str,
    /// The remedies' phrase lists of `text`.
    kl: u64,
    inherited: Option<RemedyStatus>,
    inherited_deadline: Option<Deadline>,
    /// Whether it introduces a list of remedies ("the Council has agreed to:").
    intro: bool,
}

/// The remedies read so far, and what the reading carries from one sentence to the next.
#[derive(Default)]
struct Reading {
    out: Vec<Remedy>,
    /// "The Council has agreed to:" followed by its items: the status they share, and the
    /// item (region) being read
    list_intro: Option<ListIntro>,
    /// remedies named without saying what they are ("has agreed to remedy this"), by index
    generic: Vec<usize>,
}

/// The two clauses of a sentence that agrees to some remedies and then refuses others
/// ("It agreed to apologise and to review the care plan, but refused our recommendation to
/// pay Ms R £300"), each with its own lists; `None` for any other sentence, read whole.
fn agreed_then_refused<'a>(unit: &Unit<'a>) -> Option<[Unit<'a>; 2]> {
    if !has_list(unit.kl, kinds::REFUSED)
        || !(has_list(unit.kl, kinds::AGREED) || has_list(unit.kl, kinds::DONE))
    {
        return None;
    }
    let at = unit.text.find(" but ")?;
    let (first, second) = (&unit.text[..at], &unit.text[at + 1..]);
    let (first_kl, second_kl) = (
        super::lists::remedies_of(first),
        super::lists::remedies_of(second),
    );
    let status_of = |clause: &str, kl: u64| status(&folded(clause), kl);
    let each_gives_remedies = [first_kl, second_kl]
        .iter()
        .all(|&kl| kl & !kinds::NOT_KINDS != 0);
    if !each_gives_remedies
        || status_of(first, first_kl) != Some(RemedyStatus::Agreed)
        || status_of(second, second_kl) != Some(RemedyStatus::Refused)
    {
        return None;
    }
    let start = unit.sentence.span.start;
    let clause = |from: usize, text: &'a str, kl: u64| Unit {
        sentence: Sentence {
            span: crate::span::Span::new(start + from, start + from + text.len()),
            ..unit.sentence
        },
        text,
        kl,
        inherited: unit.inherited,
        inherited_deadline: unit.inherited_deadline.clone(),
        intro: false,
    };
    Some([
        clause(0, first, first_kl),
        clause(at + 1, second, second_kl),
    ])
}

impl Reading {
    /// Reads the remedies of one sentence or clause.
    fn unit(&mut self, unit: Unit) {
        let Reading {
            out,
            list_intro,
            generic,
        } = self;
        let (s, sentence, kl) = (&unit.sentence, unit.text, unit.kl);
        let (inherited, intro) = (unit.inherited, unit.intro);
        let inherited_deadline = unit.inherited_deadline;
        let agreement = agrees_to_earlier(kl);
        let remedy_kinds = kl & !kinds::NOT_KINDS;
        if remedy_kinds == 0 && !agreement && !intro {
            return; // no kind of remedy, no agreement to earlier ones, no list
        }
        // read once, for the list the sentence introduces and for its own remedies
        let f = folded(sentence);
        let reported = super::findings::reported(&f);
        let own_status = status(&f, kl);
        let declines = has_list(kl, kinds::DECLINES);
        if intro && !reported && !declines {
            if let Some(status) = own_status {
                *list_intro = Some(ListIntro {
                    status,
                    deadline: deadline(sentence, &f),
                    section: s.section,
                    region: s.region,
                });
            }
        }
        if remedy_kinds == 0 && !agreement {
            return;
        }
        if reported || f.starts_with("if ") || declines {
            return; // "Mrs X wants an apology", "If someone disagrees...", a complaint declined
        }
        if has_list(kl, kinds::NO_REMEDY) && !f.contains(" but ") {
            return; // "We have not recommended a remedy."
        }
        let Some(status) = own_status.or(inherited) else {
            return;
        };
        // an agreement to what was recommended before: "The Council has agreed to do this."
        let kinds_before = out.len();
        let base = Remedy {
            kind: RemedyKind::Other,
            detail: Vec::new(),
            amount: None,
            purpose: Vec::new(),
            recipient: None,
            // an item's own deadline, else its list's: "Within one month, the Council has
            // agreed to:"
            deadline: deadline(sentence, &f).or(inherited_deadline),
            status,
            text: sentence.to_string(),
            start: s.span.start,
            end: s.span.end,
        };
        let people = pseudonyms(sentence, 0, sentence.len());
        if has_list(kl, kinds::APOLOGY) && !f.contains("no apology") {
            let recipient = [
                "apologise to ",
                "apologises to ",
                "apologize to ",
                "apology to ",
                "apology will be sent to ",
            ]
            .iter()
            .find_map(|w| f.find(w))
            .and_then(|at| people.iter().find(|p| p.start > at))
            .map(|p| p.name.to_string());
            out.push(Remedy {
                kind: RemedyKind::Apology,
                recipient,
                ..base.clone()
            });
        }
        let amounts = if has_list(kl, kinds::POUND) {
            money(sentence)
        } else {
            Vec::new()
        };
        let refunding = has_list(kl, kinds::REFUND);
        let paying = has_list(kl, kinds::PAY);
        for (k, m) in amounts.iter().enumerate() {
            // "£150 a month ..., totalling £750": the total is the payment, not the rate
            if starts_with_any(&sentence[m.end..], RATE)
                && amounts[k + 1..]
                    .iter()
                    .any(|t| is_total(&sentence[..t.start]))
            {
                continue;
            }
            // the nearest keyword before the amount says what it is
            let before = folded(&sentence[..m.start]);
            let next = amounts.get(k + 1).map_or(sentence.len(), |n| n.start);
            let kind = match (last_start(&before, PAY), last_start(&before, REFUND)) {
                // "pay Mr S up to £750 to reimburse the cost of care"
                _ if starts_with_any(&sentence[m.end..next], PAYS_BACK) => RemedyKind::Refund,
                (Some(p), Some(r)) if r > p => RemedyKind::Refund,
                (Some(_), _) => RemedyKind::Payment,
                (None, Some(_)) => RemedyKind::Refund,
                (None, None) if refunding => RemedyKind::Refund,
                (None, None) if paying => RemedyKind::Payment,
                (None, None) => continue, // an amount the remedy is not about
            };
            let recipient = people
                .iter()
                .rfind(|p| p.end <= m.start)
                .or_else(|| people.iter().find(|p| p.start >= m.end && p.start < next))
                .map(|p| p.name.to_string());
            out.push(Remedy {
                kind,
                amount: Some(m.amount.clone()),
                purpose: purposes(&folded(purpose_window(&sentence[m.end..next]))),
                recipient,
                ..base.clone()
            });
        }
        let payment_word = has_list(kl, kinds::PAYMENT_WORD)
            && !has_list(kl, kinds::NOT_A_REMEDY_PAYMENT)
            && singular_payment(&f);
        // an item of a list of remedies: "pay the allowance at the foster carer rate"
        let item_pays = inherited.is_some() && f.starts_with("pay ");
        if amounts.is_empty() && (payment_word || has_list(kl, kinds::A_PAYMENT) || item_pays) {
            out.push(Remedy {
                kind: RemedyKind::Payment,
                purpose: purposes(&f),
                recipient: f
                    .find("pay")
                    .and_then(|at| people.iter().find(|p| p.start > at))
                    .map(|p| p.name.to_string()),
                ..base.clone()
            });
        }
        if refunding
            && !out[kinds_before..]
                .iter()
                .any(|r| r.kind == RemedyKind::Refund)
            && has_list(kl, kinds::REFUND_WORD)
        {
            out.push(Remedy {
                kind: RemedyKind::Refund,
                ..base.clone()
            });
        }
        let details = service_details(&f);
        let reassess = has_list(kl, kinds::REASSESS);
        if reassess {
            out.push(Remedy {
                kind: RemedyKind::Reassessment,
                ..base.clone()
            });
        }
        let improves =
            has_list(kl, kinds::IMPROVES) || (has_list(kl, kinds::REVIEWS) && reviews_practice(&f));
        if improves {
            out.push(Remedy {
                kind: RemedyKind::ServiceImprovement,
                detail: details,
                ..base.clone()
            });
        }
        let other_action = has_list(kl, kinds::OTHER_ACTION);
        if other_action && matches!(status, RemedyStatus::Agreed | RemedyStatus::Recommended) {
            out.push(Remedy {
                kind: RemedyKind::Other,
                ..base.clone()
            });
        }
        // "To remedy the injustice, the Council has agreed to:" names no remedy: its items do
        if out.len() == kinds_before
            && !intro
            && matches!(status, RemedyStatus::Agreed | RemedyStatus::Recommended)
            && has_list(kl, kinds::GENERIC)
            && !(status == RemedyStatus::Agreed && has_list(kl, kinds::AGREES_TO_RECOMMENDED))
        {
            generic.push(out.len());
            out.push(Remedy {
                kind: RemedyKind::Other,
                ..base.clone()
            });
        }
        if status == RemedyStatus::Refused {
            refuse_recommended(out, kinds_before, &f, agrees_to_earlier(kl));
        }
        if out.len() == kinds_before {
            // agreeing to what was recommended before it, in the same section
            let agrees =
                status == RemedyStatus::Agreed && has_list(kl, kinds::AGREES_TO_RECOMMENDED);
            if agrees {
                let mut earlier = false;
                for r in out.iter_mut().rev() {
                    if r.start < s.span.start && r.status == RemedyStatus::Recommended {
                        r.status = RemedyStatus::Agreed;
                        earlier = true;
                    }
                }
                // "The Council has agreed to our recommendations to remedy this", with no
                // recommendation told before it: a remedy the text does not describe
                if !earlier && out.is_empty() && !intro {
                    generic.push(out.len());
                    out.push(Remedy {
                        kind: RemedyKind::Other,
                        ..base.clone()
                    });
                }
            }
        }
    }

    /// The remedies read, each told once.
    fn finish(self) -> Vec<Remedy> {
        let Reading {
            mut out, generic, ..
        } = self;
        // a remedy named without saying what it is, where the decision says what the
        // remedies are, is one of them told again
        if out.len() > generic.len() {
            let mut index = 0;
            out.retain(|_| {
                index += 1;
                !generic.contains(&(index - 1))
            });
        }
        merge_repeats(out)
    }
}

/// The remedies of the decision itself. A complaint not investigated because the body has
/// already remedied it tells of remedies the body gave before and apart from the decision
/// ("The Council has already apologised and paid Mr C £100, which is a suitable remedy"):
/// they are why the complaint was closed, not what it secured, and are left out. A remedy
/// the body agreed so that the complaint could be resolved early stays.
pub(crate) fn without_earlier(
    remedies: Vec<Remedy>,
    findings: &super::Findings,
    reasons: &[super::Reason],
) -> Vec<Remedy> {
    let not_investigated = findings
        .fault
        .as_ref()
        .is_some_and(|f| f.value == super::FindingValue::NotInvestigated);
    let remedied_already = reasons
        .iter()
        .any(|r| r.code == super::ReasonCode::AlreadyRemedied);
    if !(not_investigated && remedied_already) {
        return remedies;
    }
    remedies
        .into_iter()
        .filter(|r| has_any(&folded(&r.text), EARLY_RESOLUTION))
        .collect()
}

/// A remedy agreed so that a complaint could be closed early: one of the decision's own.
const EARLY_RESOLUTION: &[&str] = &["resolve the complaint early", "early resolution"];

/// Whether `f` has the word `payment` in the singular. The plural alone is too often what
/// staff are asked to check ("check payments before passing debts on"); it gives a remedy
/// in the phrases of `A_PAYMENT` ("payments to", "make payments").
fn singular_payment(f: &str) -> bool {
    f.match_indices("payment").any(|(at, w)| {
        !f.as_bytes()
            .get(at + w.len())
            .is_some_and(|b| b.is_ascii_alphanumeric())
    })
}

/// The words after an amount that say what it is for: up to the next remedy joined on
/// ("£300 and reimburse the care fees": the fees are not what the £300 is for).
fn purpose_window(after: &str) -> &str {
    let bytes = after.as_bytes();
    let mut at = 0;
    while let Some(i) = after[at..].find([',', ' ']) {
        let joint = at + i;
        let rest = after[joint..].trim_start_matches([',', ' ']);
        let rest = rest.strip_prefix("and ").unwrap_or(rest);
        let starts_remedy = bytes[joint] == b',' || after[joint..].starts_with(" and ");
        if starts_remedy
            && REMEDY_VERBS.iter().any(|v| {
                rest.get(..v.len())
                    .is_some_and(|w| w.eq_ignore_ascii_case(v))
            })
        {
            return &after[..joint];
        }
        at = joint + 1;
    }
    after
}

/// Words after an amount that say it pays back a cost: `£750 to reimburse the cost of
/// care`, `£120 towards the cost of`.
const PAYS_BACK: &[&str] = &[
    " to reimburse",
    " to refund",
    " to repay",
    " to cover the cost",
    // "£2,345.67 to cover the care fees she should not have paid"
    " to cover the fee",
    " to cover the care fee",
    " to cover the charge",
    " to cover the care charge",
    " towards the cost",
    " for the cost",
    " to cover her cost",
    " to cover his cost",
    " to cover their cost",
    // "paid her the £212.40 she lost"
    " she lost",
    " he lost",
    " they lost",
    " she had lost",
    " he had lost",
    " they had lost",
    " she overpaid",
    " he overpaid",
    " they overpaid",
    " she was owed",
    " he was owed",
    " they were owed",
];

/// Words after an amount that make it a rate: `£150 a month`, `£20 per week`.
const RATE: &[&str] = &[
    " a month",
    " per month",
    " a week",
    " per week",
    " a year",
    " per year",
    " each month",
    " each week",
    " for each",
];

/// Whether `s` starts with one of `words`, ignoring ASCII case.
fn starts_with_any(s: &str, words: &[&str]) -> bool {
    words.iter().any(|w| {
        s.as_bytes()
            .get(..w.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(w.as_bytes()))
    })
}

/// Whether the words before an amount make it a total: `totalling £750`, `a total of £750`.
fn is_total(before: &str) -> bool {
    let tail = &before.as_bytes()[before.len().saturating_sub(16)..];
    tail.windows(5).any(|w| w.eq_ignore_ascii_case(b"total"))
}

/// A refusal of what was recommended before it. `The Council did not accept this
/// recommendation` refuses every remedy recommended so far; `The Council refused to make
/// the payment but agreed to the other recommendations` refuses the recommended payment
/// (the refusal, told again, is dropped) and agrees to the rest. `out[new..]` are the
/// remedies the refusing sentence named.
fn refuse_recommended(out: &mut Vec<Remedy>, new: usize, f: &str, names_recommendation: bool) {
    let (refusal, rest) = f.split_once(" but ").unwrap_or((f, ""));
    let refused: Vec<RemedyKind> = out[new..].iter().map(|r| r.kind).collect();
    let mut told_again = false;
    for r in out[..new].iter_mut() {
        if r.status != RemedyStatus::Recommended {
            continue;
        }
        if refused.contains(&r.kind) {
            r.status = RemedyStatus::Refused;
            told_again = true;
        } else if refused.is_empty()
            && names_recommendation
            && has_any(refusal, AGREES_TO_RECOMMENDED)
        {
            r.status = RemedyStatus::Refused;
        }
    }
    if told_again {
        out.truncate(new);
    }
    let accepts_rest = has_any(rest, &["agreed", "accepted", "agrees", "accepts"])
        && has_any(rest, &["other", "rest", "remaining"]);
    if accepts_rest {
        for r in out
            .iter_mut()
            .filter(|r| r.status == RemedyStatus::Recommended)
        {
            r.status = RemedyStatus::Agreed;
        }
    }
}

/// A list of remedies being read: the status and deadline its introduction gave, and where
/// its current item is.
#[derive(Debug, Clone)]
struct ListIntro {
    status: RemedyStatus,
    deadline: Option<Deadline>,
    section: Option<SectionKind>,
    region: usize,
}

/// Whether a sentence outside the sections that give remedies states the Ombudsman's
/// decision (`The Ombudsman upheld the complaint and found fault causing injustice.`), as
/// report summaries do under "The complaint": the remedies follow it.
fn states_decision(sentence: &str) -> bool {
    // most sentences fail on their first words: fold only those that pass
    let starts = |p: &str| {
        sentence
            .as_bytes()
            .get(..p.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(p.as_bytes()))
    };
    if !(starts("the ombudsman") || starts("fault found") || starts("we ")) {
        return false;
    }
    let f = folded(sentence);
    has_any(
        &f,
        &[
            "upheld the complaint",
            "found fault",
            "fault found",
            "recommendations made",
        ],
    )
}

/// Whether a sentence introduces a list of remedies: `The Council has agreed to:`,
/// `The Council should:`; in the sections that give remedies, any sentence ending with a
/// colon (`we recommend the Council:`, `the following action within one month:`), as long
/// as it gives a status.
fn introduces_list(sentence: &str, section: Option<SectionKind>) -> bool {
    sentence.strip_suffix(':').is_some_and(|s| {
        let last = s.rsplit(char::is_whitespace).next().unwrap_or("");
        matches!(
            last.to_ascii_lowercase().as_str(),
            "to" | "will" | "should" | "must" | "would" | "following"
        ) || matches!(
            section,
            None | Some(
                SectionKind::AgreedAction
                    | SectionKind::Recommendations
                    | SectionKind::Decision
                    | SectionKind::FinalDecision
            )
        )
    })
}

/// Whether a sentence reads as an item of such a list: it goes on from the introduction in
/// lower case (`pay Mrs X £250;`), or starts with a remedy's verb (`Apologise to Mr X.`).
fn is_list_item(sentence: &str) -> bool {
    let first = sentence.split_whitespace().next().unwrap_or("");
    first.starts_with(|c: char| c.is_lowercase())
        || matches!(
            first,
            "Apologise"
                | "Apologize"
                | "Pay"
                | "Make"
                | "Refund"
                | "Reimburse"
                | "Waive"
                | "Review"
                | "Remind"
                | "Reconsider"
                | "Reassess"
                | "Arrange"
                | "Provide"
                | "Carry"
                | "Complete"
                | "Share"
                | "Write"
                | "Tell"
                | "Consider"
                | "Issue"
                | "Ensure"
                | "Take"
                | "Offer"
                | "Assess"
                | "Update"
                | "Amend"
                | "Introduce"
                | "Backdate"
                | "Cancel"
                | "Remove"
                | "Send"
                | "Give"
        )
}

/// The same remedy told twice (in the summary and again in the agreed action) counts once:
/// a later remedy of the same kind, amount and recipient in another sentence is dropped,
/// giving the first any deadline or purpose only the later one states.
fn merge_repeats(remedies: Vec<Remedy>) -> Vec<Remedy> {
    let mut out: Vec<Remedy> = Vec::with_capacity(remedies.len());
    for r in remedies {
        let f = r.amount.as_ref().map(|_| folded(&r.text));
        // "pay Mr X a further £250": another payment, not the same one told again
        let further = f
            .as_deref()
            .is_some_and(|f| has_any(f, &["a further £", "an additional £", "another £"]));
        // "the Trust and the Council will each pay Ms D £200": the £400 told before
        let each = f.as_deref().is_some_and(is_each);
        let same_amount = |k: &Remedy| match (&k.amount, &r.amount) {
            (Some(a), Some(b)) if each && a.to_pence.is_none() && b.to_pence.is_none() => {
                (2..=4).any(|n| a.pence == n * b.pence)
            }
            (a, b) => {
                a.as_ref().map(|a| (a.pence, a.to_pence))
                    == b.as_ref().map(|b| (b.pence, b.to_pence))
            }
        };
        let same = |k: &Remedy| {
            !further
                && k.kind == r.kind
                && k.start != r.start
                && same_amount(k)
                && k.same_person(&r)
                && k.detail == r.detail
        };
        match out.iter_mut().find(|k| same(k)) {
            Some(first) => {
                if r.status == RemedyStatus::Agreed {
                    first.status = RemedyStatus::Agreed;
                }
                first.fill_from(r);
            }
            None => out.push(r),
        }
    }
    drop_totals_itemised_later(&mut out);
    drop_amountless_told_again(&mut out);
    out
}

/// A payment or refund told first without its amount ("refund the charges" in the
/// summary) and once more with it ("refund the £3,412.50 it charged" in the agreed action)
/// is one remedy: the first is dropped, its deadline, purpose and recipient kept where the
/// second has none. Only when exactly one later remedy of the kind has an amount: with two
/// or more, which one it was is not known.
fn drop_amountless_told_again(remedies: &mut Vec<Remedy>) {
    let mut i = 0;
    while i < remedies.len() {
        let first = &remedies[i];
        let told_again: Vec<usize> = if first.amount.is_none()
            && matches!(first.kind, RemedyKind::Payment | RemedyKind::Refund)
        {
            (i + 1..remedies.len())
                .filter(|&j| {
                    let r = &remedies[j];
                    r.kind == first.kind && r.amount.is_some() && r.start != first.start
                })
                .collect()
        } else {
            Vec::new()
        };
        match told_again[..] {
            [j] if remedies[i].same_person(&remedies[j]) => {
                let first = remedies.remove(i);
                remedies[j - 1].fill_from(first);
            }
            _ => i += 1,
        }
    }
}

impl Remedy {
    /// Whether two tellings of a remedy can be for the same person: the same recipient, or
    /// one of them names none.
    fn same_person(&self, other: &Remedy) -> bool {
        self.recipient == other.recipient || self.recipient.is_none() || other.recipient.is_none()
    }

    /// Takes from another telling of the same remedy what this one does not say: its
    /// deadline, purpose and recipient.
    fn fill_from(&mut self, other: Remedy) {
        if self.deadline.is_none() {
            self.deadline = other.deadline;
        }
        if self.purpose.is_empty() {
            self.purpose = other.purpose;
        }
        if self.recipient.is_none() {
            self.recipient = other.recipient;
        }
    }
}

/// Whether a remedy's sentence, folded as `f`, gives it once for each of several bodies:
/// `will each pay`, `£200 each`.
fn is_each(f: &str) -> bool {
    f.match_indices(" each").any(|(at, w)| {
        f.as_bytes()
            .get(at + w.len())
            .is_none_or(|b| !b.is_ascii_alphanumeric())
    })
}

/// A payment told as a total and then itemised ("pay Mrs X £450" in the summary, "£300 for
/// her distress" and "£150 for her time and trouble" in the agreed action) is not another
/// payment: the total is dropped when two or more later payments, in other sentences and to
/// the same person (or no one named), add up to it exactly.
fn drop_totals_itemised_later(remedies: &mut Vec<Remedy>) {
    let exact = |r: &Remedy| {
        r.amount
            .as_ref()
            .filter(|a| a.to_pence.is_none() && !a.up_to)
            .map(|a| a.pence)
    };
    let payments: Vec<usize> = (0..remedies.len())
        .filter(|&i| remedies[i].kind == RemedyKind::Payment && exact(&remedies[i]).is_some())
        .collect();
    let mut totals = Vec::new();
    for (a, &i) in payments.iter().enumerate() {
        let (total, first) = (exact(&remedies[i]).unwrap_or(0), &remedies[i]);
        let (mut sum, mut parts) = (0, 0);
        for &j in &payments[a + 1..] {
            let r = &remedies[j];
            if r.start == first.start || !r.same_person(first) {
                continue;
            }
            sum += exact(r).unwrap_or(0);
            parts += 1;
            if sum >= total {
                break;
            }
        }
        if sum == total && parts >= 2 {
            totals.push(i);
        }
    }
    for i in totals.into_iter().rev() {
        remedies.remove(i);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::{sentences, Region};
    use crate::span::Span;

    /// One pass over the recommending words finds what a search for each found: the first
    /// a remedial verb follows.
    #[test]
    fn the_first_recommending_word_is_found_in_one_pass() {
        for f in [
            "the council should apologise and we asked it to pay",
            "we asked whether it would; it must not pay; it should, within a month, pay ms x",
            "i asked the council to review; we recommend the council should apologise",
            "it suggested mediation. it must review its policy",
            "the council should not apologise",
            "nothing here recommends",
            "recommended remedies: should we apologise?",
            "",
        ] {
            let each = RECOMMENDS.iter().filter_map(|m| verb_after(f, m)).min();
            assert_eq!(first_recommending(f), each, "{f}");
        }
    }

    /// The remedies' gate ([`STATUS_STEMS`]) lets through every sentence [`status`] could
    /// give a status: each phrase that gives one holds a stem.
    #[test]
    fn every_status_phrase_passes_the_gate() {
        let modals: &[&str] = &["will ", "will:", "offered", "offer of"];
        let lists: [&[&str]; 7] = [
            RECOMMENDS,
            REFUSED,
            REMEDIES_THE_INJUSTICE,
            AGREED,
            RECOMMENDED,
            DONE_FORMS.as_slice(),
            modals,
        ];
        for phrase in lists.into_iter().flatten() {
            let lower = phrase.to_ascii_lowercase();
            assert!(
                STATUS_STEMS.iter().any(|stem| lower.contains(stem)),
                "{phrase:?} gives a status but holds no stem of STATUS_STEMS"
            );
        }
    }

    fn remedies(s: &str) -> Vec<Remedy> {
        let regions = vec![Region {
            span: Span::new(0, s.len()),
            section: Some(SectionKind::AgreedAction),
        }];
        let sentences = sentences::split(s, &regions);
        read(s, &sentences, &SentenceLists::new(s, &sentences))
    }

    fn kinds(s: &str) -> Vec<(&'static str, Option<String>, RemedyStatus)> {
        remedies(s)
            .into_iter()
            .map(|r| (r.kind.code(), r.amount.map(|a| a.to_string()), r.status))
            .collect()
    }

    #[test]
    fn amounts_exactly() {
        let m = money("pay £1,250.50 and £20 and £1.5m and £3.5 and £0.99");
        let got: Vec<String> = m.iter().map(|m| m.amount.to_string()).collect();
        assert_eq!(got, ["1250.50", "20.00", "1500000.00", "3.50", "0.99"]);
        let range = &money("between £100 and £300")[0];
        assert_eq!(
            (range.amount.pence, range.amount.to_pence),
            (10000, Some(30000))
        );
        assert_eq!(range.amount.text, "between £100 and £300");
        assert_eq!(money("£100-£300")[0].amount.to_string(), "100.00-300.00");
        assert!(money("up to £500")[0].amount.up_to);
        assert!(money("£ and £x").is_empty());
    }

    #[test]
    fn kinds_amounts_and_status() {
        use RemedyStatus::*;
        assert_eq!(
            kinds(
                "The Council has agreed to apologise to Mrs X and pay her £250 for her distress."
            ),
            vec![
                ("apology", None, Agreed),
                ("payment", Some("250.00".into()), Agreed)
            ]
        );
        assert_eq!(
            kinds("The Council should refund the £1,020.75 Mr Y paid and waive the rest."),
            vec![("refund", Some("1020.75".into()), Recommended)]
        );
        assert_eq!(
            kinds("I recommended the Council reassess Ms Z's needs and remind staff of the procedure."),
            vec![("reassessment", None, Recommended), ("service_improvement", None, Recommended)]
        );
        assert_eq!(
            kinds("The Council refused to pay Mr B £300 for his time and trouble."),
            vec![("payment", Some("300.00".into()), Refused)]
        );
        assert!(kinds("Mrs X wants an apology.").is_empty());
    }

    #[test]
    fn several_payments_to_several_people_with_purpose_and_deadline() {
        let r = remedies("Within one month, the Council will pay Mr X £300 for his distress and Mrs Y £150.50 for her time and trouble.");
        let pay: Vec<_> = r.iter().filter(|r| r.kind == RemedyKind::Payment).collect();
        assert_eq!(pay.len(), 2);
        assert_eq!(pay[0].recipient.as_deref(), Some("Mr X"));
        assert_eq!(pay[0].purpose, vec!["distress"]);
        assert_eq!(pay[1].recipient.as_deref(), Some("Mrs Y"));
        assert_eq!(pay[1].amount.as_ref().unwrap().to_string(), "150.50");
        assert_eq!(pay[1].purpose, vec!["time_and_trouble"]);
        assert_eq!(pay[0].deadline.as_ref().unwrap().months, Some(1));
        let d = remedies("It should apologise within 20 working days.")[0]
            .deadline
            .clone()
            .unwrap();
        assert_eq!(
            (d.value, d.unit, d.days),
            (20, DeadlineUnit::WorkingDay, Some(20))
        );
        let d = remedies("It should apologise within 3 months of my final decision.")[0]
            .deadline
            .clone()
            .unwrap();
        assert_eq!((d.text.as_str(), d.months), ("within 3 months", Some(3)));
        let d = remedies("It should apologise within four weeks.")[0]
            .deadline
            .clone()
            .unwrap();
        assert_eq!(d.days, Some(28));
    }

    #[test]
    fn a_remedy_told_twice_counts_once() {
        let r = remedies("The Council agreed to pay Mrs T £500. Within one month it will pay Mrs T £500 and apologise. It will also pay Mr U £500.");
        let pay: Vec<_> = r.iter().filter(|r| r.kind == RemedyKind::Payment).collect();
        assert_eq!(pay.len(), 2, "{pay:?}");
        assert_eq!(pay[0].deadline.as_ref().unwrap().months, Some(1));
        assert_eq!(pay[1].recipient.as_deref(), Some("Mr U"));
    }

    #[test]
    fn agreement_to_earlier_recommendations() {
        let r = remedies("I recommended the Council pay Mr X £200. The Council has agreed to my recommendations.");
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].status, RemedyStatus::Agreed);
        assert_eq!(r[0].amount.as_ref().unwrap().to_string(), "200.00");
    }
}
