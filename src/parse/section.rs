//! Line classification: page furniture, headings and their canonical kinds, paragraph markers.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while_m_n};
use nom::character::complete::{char, digit1, one_of, satisfy};
use nom::combinator::{peek, recognize};
use nom::sequence::delimited;
use nom::{IResult, Parser};

#[cfg(test)]
use super::lines::fold;
use super::lines::is_blank;
use crate::model::{Marker, SectionKind};

/// Lines of the website's page furniture and cookie banner (folded, matched as prefixes).
const FURNITURE: &[&str] = &[
    "back to top",
    "print this page",
    "privacy settings",
    "lgo logogram",
    "review your privacy settings",
    "required cookies",
    "these cookies enable the website to function properly",
    "view required cookies",
    "analytical cookies",
    "google analytics cookies help us",
    "we recommend you set these",
    "view analytical cookies",
    "in using google analytics",
    "skip to main content",
    "skip to content",
];

/// Whether a (folded) line is page furniture rather than content.
pub(crate) fn is_furniture(folded: &str) -> bool {
    let folded = folded.trim_start_matches(['-', ' ']);
    // the length test first: a paragraph's line is longer than the short entries
    FURNITURE
        .iter()
        .any(|f| (f.len() > 20 || folded.len() <= f.len() + 1) && folded.starts_with(f))
}

/// A line cut off at the end of a truncated page that is the start of a furniture line
/// (`Bac`, `Back to`, `Print th`).
pub(crate) fn is_cut_furniture(folded: &str) -> bool {
    !folded.is_empty()
        && ["back to top", "print this page"]
            .iter()
            .any(|f| f.starts_with(folded))
}

/// `The Ombudsman's final decision:` (also `Ombudsmen's`, with or without the colon).
pub(crate) fn is_final_decision_marker(folded: &str) -> bool {
    let s = folded.trim_end_matches(':').trim_end();
    matches!(
        s,
        "the ombudsman's final decision"
            | "the ombudsmen's final decision"
            | "ombudsman's final decision"
            | "the ombudsman's decision"
    )
}

/// `Summary:` label: returns the offset of the text after it.
pub(crate) fn summary_label(content: &str) -> Option<usize> {
    let rest = content
        .strip_prefix("Summary")
        .or_else(|| content.strip_prefix("SUMMARY"))?;
    let after_space = rest.trim_start_matches(is_blank);
    let after_colon = after_space.strip_prefix(':')?;
    let text = after_colon.trim_start_matches(is_blank);
    Some(content.len() - text.len())
}

/// The canonical kind of a heading, or `None` when the text is not a known heading.
pub(crate) fn known_heading(folded: &str) -> Option<SectionKind> {
    use SectionKind::*;
    let h = folded.trim_end_matches([':', '.', ' ']);
    if h.len() > 100 {
        return None; // a paragraph that starts like a heading
    }
    let starts = |prefixes: &[&str]| prefixes.iter().any(|p| h.starts_with(p));
    let exact = |names: &[&str]| names.contains(&h);
    Some(
        if exact(&[
            "the complaint",
            "complaint",
            "the complaints",
            "your complaint",
            "the complaint and background",
        ]) {
            Complaint
        } else if starts(&[
            "the ombudsman's role and powers",
            "the ombudsmen's role and powers",
            "ombudsman's role and powers",
            "our role and powers",
            "the ombudsman's role",
            "the ombudsmen's role",
            "legal and administrative background",
        ]) {
            if h.starts_with("legal") {
                Law
            } else {
                RoleAndPowers
            }
        } else if starts(&[
            "what i have investigated",
            "what i have and have not investigated",
            "what i have not investigated",
            "what we have investigated",
            "what we have and have not investigated",
            "what i investigated",
            "what i will not investigate",
            "what i did not investigate",
            "scope of the investigation",
            "scope of investigation",
        ]) {
            WhatInvestigated
        } else if starts(&[
            "how i considered this complaint",
            "how we considered this complaint",
            "how i considered this",
            "how i considered the complaint",
            "how i have considered",
            "how we considered",
        ]) {
            HowConsidered
        } else if exact(&[
            "my assessment",
            "assessment",
            "our assessment",
            "analysis",
            "my analysis",
        ]) {
            Assessment
        } else if exact(&[
            "what i found",
            "what we found",
            "findings",
            "my findings",
            "our findings",
            "what i have found",
        ]) {
            WhatFound
        } else if exact(&[
            "background",
            "what happened",
            "summary of what happened",
            "relevant background",
            "key events",
            "chronology",
            "the background",
        ]) {
            Background
        } else if is_law_heading(h) {
            Law
        } else if exact(&[
            "conclusions",
            "conclusion",
            "my conclusions",
            "our conclusions",
        ]) {
            Conclusions
        } else if exact(&[
            "agreed action",
            "agreed actions",
            "agreed remedy",
            "action",
            "actions",
            "remedy",
            "agreed action and remedy",
        ]) {
            AgreedAction
        } else if exact(&[
            "recommendations",
            "recommended action",
            "recommended actions",
            "recommendation",
        ]) {
            Recommendations
        } else if exact(&["final decision", "the final decision"]) {
            FinalDecision
        } else if exact(&["decision", "my decision", "our decision"]) {
            Decision
        } else if (h.starts_with("investigator")
            || h.starts_with("assessor")
            || h.starts_with("decision"))
            && h.contains("on behalf of the ombudsm")
        {
            SignOff
        } else if exact(&["the investigation", "investigation"]) {
            Investigation
        } else if exact(&["key to names used", "key to names"]) {
            KeyToNames
        } else {
            return None;
        },
    )
}

fn is_law_heading(h: &str) -> bool {
    let (mut words, mut law_word) = (0, false);
    for w in h.split([' ', ',']).filter(|w| !w.is_empty()) {
        words += 1;
        if words > 8 {
            return false;
        }
        law_word |= matches!(w, "law" | "laws" | "legislation" | "legal" | "statutory");
    }
    let guidance = h.contains("guidance") || h.contains("policies") || h.contains("policy");
    law_word
        || (guidance && (h.starts_with("relevant") || h.starts_with("the relevant") || words <= 4))
}

/// Whether an unmarked, unindented line reads as a heading: short, capitalised, and not
/// ending like a sentence.
pub(crate) fn looks_like_heading(content: &str) -> bool {
    let Some(first) = content.chars().next() else {
        return false;
    };
    if !(first.is_uppercase() || first.is_ascii_digit()) {
        return false;
    }
    if content.chars().count() > 100 || content.split_whitespace().count() > 14 {
        return false;
    }
    let last = content
        .trim_end_matches(['"', '\'', '\u{2019}', '\u{201d}'])
        .chars()
        .last();
    !matches!(
        last,
        Some('.' | ',' | ';' | ':' | '!' | '?' | '\u{2026}' | '-' | '\u{2013}')
    )
}

/// A paragraph's marker: its kind, its number or letter, and the offset of the text after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct MarkerMatch {
    pub marker: Marker,
    pub number: Option<String>,
    pub text_at: usize,
}

fn bullet(i: &str) -> IResult<&str, &str> {
    recognize(one_of("•●▪◦·‣∙○■□–*")).parse(i)
}

fn dash(i: &str) -> IResult<&str, &str> {
    recognize((char('-'), peek(satisfy(is_blank)))).parse(i)
}

/// `1.`, `12)`, `a.`, `(b)`, `(iv)`: returns the label.
fn numbered(i: &str) -> IResult<&str, &str> {
    let roman = take_while_m_n(1, 5, |c: char| matches!(c, 'i' | 'v' | 'x'));
    let letter = take_while_m_n(1, 1, |c: char| c.is_ascii_lowercase());
    alt((
        (digit1, alt((tag("."), tag(")")))).map(|(d, _)| d),
        delimited(char('('), alt((digit1, roman, letter)), char(')')),
        (
            take_while_m_n(1, 1, |c: char| c.is_ascii_lowercase()),
            alt((tag("."), tag(")"))),
        )
            .map(|(l, _)| l),
    ))
    .parse(i)
}

/// Recognises the marker at the start of a line's content; the marker must be followed by
/// white space (or, for a dash, may be the whole line).
pub(crate) fn marker(content: &str) -> Option<MarkerMatch> {
    // a marker starts with a dash, `*`, `(`, a digit, a small letter or a bullet (not ASCII);
    // most lines start with a capital and stop here
    let first = *content.as_bytes().first()?;
    if !(matches!(first, b'-' | b'*' | b'(' | b'0'..=b'9' | b'a'..=b'z') || first >= 0x80) {
        return None;
    }
    let (rest, (marker, number)) = alt((
        dash.map(|_| (Marker::Dash, None)),
        bullet.map(|_| (Marker::Bullet, None)),
        numbered.map(|n: &str| (Marker::Numbered, Some(n.to_string()))),
    ))
    .parse(content)
    .ok()?;
    let text = rest.trim_start_matches(is_blank);
    if text.len() == rest.len() && !rest.is_empty() {
        return None; // "1.5 million", "-minded", "(the Council)..." are text, not markers
    }
    if let Some(n) = &number {
        // "2015." alone or "(a)" with no text are not list items
        if n.len() > 3 || text.is_empty() {
            return None;
        }
    }
    Some(MarkerMatch {
        marker,
        number,
        text_at: content.len() - text.len(),
    })
}

/// Nesting depth from indentation columns: top level items sit at 0-3 columns.
pub(crate) fn level(indent: usize) -> u8 {
    match indent {
        0..=3 => 0,
        4..=9 => 1,
        10..=15 => 2,
        _ => 3,
    }
}

/// The kind of a heading line (known, or `Other`).
#[cfg(test)]
pub(crate) fn heading_kind(content: &str) -> SectionKind {
    known_heading(&fold(content)).unwrap_or(SectionKind::Other)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_headings_in_both_apostrophes() {
        assert_eq!(
            heading_kind("The Ombudsman’s role and powers"),
            SectionKind::RoleAndPowers
        );
        assert_eq!(
            heading_kind("The Ombudsmen's role and powers daughter’s"),
            SectionKind::RoleAndPowers
        );
        assert_eq!(
            heading_kind("Investigator's decision on behalf of the Ombudsman"),
            SectionKind::SignOff
        );
        assert_eq!(heading_kind("Relevant law and guidance"), SectionKind::Law);
        assert_eq!(heading_kind("Law, guidance and policies"), SectionKind::Law);
        assert_eq!(heading_kind("Background and legislation"), SectionKind::Law);
        assert_eq!(
            heading_kind("Summary of what happened"),
            SectionKind::Background
        );
        assert_eq!(heading_kind("Street lights"), SectionKind::Other);
        assert_eq!(heading_kind("The Children Act 1989"), SectionKind::Other);
    }

    #[test]
    fn markers() {
        let m = marker("- Ms X complains").unwrap();
        assert_eq!((m.marker, m.text_at), (Marker::Dash, 2));
        let m = marker("12. The Council").unwrap();
        assert_eq!(
            (m.marker, m.number.as_deref(), m.text_at),
            (Marker::Numbered, Some("12"), 4)
        );
        let m = marker("(iv) text").unwrap();
        assert_eq!(m.number.as_deref(), Some("iv"));
        assert_eq!(marker("• item").unwrap().marker, Marker::Bullet);
        assert!(marker("1.5 million people").is_none());
        assert!(marker("(Local Government Act 1974)").is_none());
        assert!(marker("2015.").is_none());
        assert!(marker("-minded").is_none());
        // every kind of first character a marker may have, and one it may not
        assert_eq!(marker("* item").unwrap().marker, Marker::Bullet);
        assert_eq!(marker("– item").unwrap().marker, Marker::Bullet);
        assert_eq!(marker("b) item").unwrap().number.as_deref(), Some("b"));
        assert_eq!(marker("- item").unwrap().marker, Marker::Dash);
        assert!(marker("The Council").is_none());
        assert!(marker("").is_none());
    }

    #[test]
    fn headings_by_shape() {
        assert!(looks_like_heading("Street lights"));
        assert!(looks_like_heading("Elective home education (EHE)"));
        assert!(!looks_like_heading("The Ombudsman upheld the complaint."));
        assert!(!looks_like_heading(
            "To remedy the injustice caused, the council agreed to:"
        ));
        assert!(!looks_like_heading("lower case start"));
    }

    #[test]
    fn furniture_lines() {
        assert!(is_furniture("back to top"));
        assert!(is_furniture("print this page"));
        assert!(is_furniture(
            "these cookies enable the website to function properly. you can"
        ));
        assert!(!is_furniture("back to top of the stairs, mrs x fell"));
    }
}
