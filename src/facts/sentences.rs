//! Sentences of the regions the facts are read from, with their byte spans.
//!
//! Decisions are formal English: a sentence ends at `.`, `!` or `?` followed by white space
//! (or a closing quote or bracket and white space), except after the abbreviations decisions
//! use (`Mr`, `Mrs`, `Dr`, `para.`, `e.g.`, `No.`). One pass over the bytes.

use super::Region;
use crate::model::SectionKind;
use crate::span::Span;

/// One sentence of a region.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Sentence {
    pub span: Span,
    /// The region's section, `None` for the summary.
    pub section: Option<SectionKind>,
    /// The index of the region (a paragraph, or the summary) the sentence is in.
    pub region: usize,
}

impl Sentence {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        self.span.slice(text)
    }

    pub fn in_summary(&self) -> bool {
        self.section.is_none()
    }
}

/// Words after which a full stop does not end a sentence.
fn is_abbreviation(word: &str) -> bool {
    matches!(
        word,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "St"
            | "No"
            | "no"
            | "para"
            | "paras"
            | "s"
            | "ss"
            | "reg"
            | "regs"
            | "art"
            | "Sch"
            | "sch"
            | "e.g"
            | "i.e"
            | "eg"
            | "ie"
            | "etc"
            | "cf"
            | "vs"
            | "v"
            | "approx"
    )
}

/// The sentences of every region, in order.
pub(crate) fn split(text: &str, regions: &[Region]) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (index, region) in regions.iter().enumerate() {
        let base = region.span.start;
        for (start, end) in sentence_bounds(region.span.slice(text)) {
            out.push(Sentence {
                span: Span::new(base + start, base + end),
                section: region.section,
                region: index,
            });
        }
    }
    out
}

/// Byte ranges of the sentences of `s`, trimmed of white space.
pub(crate) fn sentence_bounds(s: &str) -> Vec<(usize, usize)> {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    for at in memchr::memchr3_iter(b'.', b'!', b'?', bytes) {
        if at < start {
            continue;
        }
        // closing quotes and brackets stay with the sentence
        let mut end = at + 1;
        loop {
            let rest = &s[end..];
            let close = [")", "]", "\"", "'", "’", "”"]
                .into_iter()
                .find(|c| rest.starts_with(c));
            match close {
                Some(c) => end += c.len(),
                None => break,
            }
        }
        let after = &s[end..];
        if !(after.is_empty() || after.starts_with(char::is_whitespace)) {
            continue; // "10.27", "£1,250.50", "e.g."
        }
        if bytes[at] == b'.' {
            let before = &s[start..at];
            let word = before
                .rsplit(|c: char| c.is_whitespace() || c == '(')
                .next()
                .unwrap_or("");
            // "Mr X." and "section 2." end sentences; "Mr." and "para." do not
            if is_abbreviation(word) {
                continue;
            }
        }
        push_trimmed(s, start, end, &mut out);
        start = end;
    }
    push_trimmed(s, start, s.len(), &mut out);
    out
}

fn push_trimmed(s: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let piece = &s[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        out.push((start + lead, start + lead + trimmed.len()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(s: &str) -> Vec<&str> {
        sentence_bounds(s)
            .into_iter()
            .map(|(a, b)| &s[a..b])
            .collect()
    }

    #[test]
    fn sentences_end_at_stops_but_not_abbreviations_or_decimals() {
        assert_eq!(
            sentences("Mr X complained. The Council paid £1,250.50 (see para. 10.27). Done"),
            vec![
                "Mr X complained.",
                "The Council paid £1,250.50 (see para. 10.27).",
                "Done"
            ]
        );
        assert_eq!(
            sentences("It said “no.” Then Dr. Y left! Why? e.g. this"),
            vec!["It said “no.”", "Then Dr. Y left!", "Why?", "e.g. this"]
        );
    }
}
