//! Finding references to instruments in text: names of Acts and statutory instruments
//! (with their year and any abbreviation they define), abbreviations and short forms in use,
//! names of guidance, and provision phrases; then joining provisions to what they cite.
//!
//! Every pattern is compiled once; the regex crate matches in linear time.

use std::collections::{BTreeMap, HashMap};

use once_cell::sync::Lazy;
use regex::Regex;

use super::provision::{self, Head, Phrase};
use super::table::{key, CitationKind, TABLE};

/// What a reference points at, before resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Target {
    /// A name: `Mental Health Act` with its year if given.
    Named {
        stem: String,
        year: Option<u16>,
        kind: CitationKind,
    },
    /// An abbreviation in use: `MHA`, `2014 Act`. `weak` when only the table knows it.
    Abbreviation { abbr: String, weak: bool },
    /// `the 1983 Act`.
    YearAct { year: u16 },
    /// `the Act`.
    TheAct,
    /// `the same Act`: the Act named last.
    SameAct,
    /// A named piece of guidance or code of practice.
    Guidance { name: String },
}

/// A reference to an instrument, with its span in the text.
#[derive(Debug, Clone)]
pub(crate) struct Reference {
    pub start: usize,
    pub end: usize,
    pub target: Target,
    /// The abbreviation this reference defines: `MHA` in `Mental Health Act 1983 (the MHA)`.
    pub defines: Option<String>,
}

/// A mention: a reference with the provisions cited with it, or a bare provision phrase.
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    pub start: usize,
    pub end: usize,
    /// Index into the references, `None` for a bare provision.
    pub reference: Option<usize>,
    pub provisions: Vec<String>,
}

static KEYWORD: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\b(?:Act|Regulations|Order|Rules|Measure)\b").unwrap());
static YEAR_AFTER: Lazy<Regex> = Lazy::new(|| Regex::new(r"^,?[ \u{a0}]+(\d{4})\b").unwrap());
static PAREN_AFTER: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^[ \u{a0}]*\(([^()\n]{1,40})\)").unwrap());
static LOWER_NAMES: Lazy<Regex> = Lazy::new(|| {
    let mut stems: Vec<String> = TABLE.act_stems().map(regex::escape).collect();
    stems.sort_by_key(|s| std::cmp::Reverse(s.len()));
    Regex::new(&format!(r"(?i)\b(?:{})\b", stems.join("|"))).unwrap()
});
static GUIDANCE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?:[A-Z][\w’'\-]*[ \u{a0}]+(?:(?:and|of|for|the|to)[ \u{a0}]+)*){1,8}(?:Statutory Guidance|Code of Practice|Code of Guidance|Admissions Code|Admission Appeals Code|Admissions Appeals Code)\b",
    )
    .unwrap()
});
static ACRONYM: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\b(?:[Tt]he[ \u{a0}]+)?([A-Z][A-Za-z&]{0,8}[A-Z])\b").unwrap());
static SHORT_FORM: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"\b[Tt]he[ \u{a0}]+(same[ \u{a0}]+)?(?:(\d{4})[ \u{a0}]+)?(Act|Regulations)\b")
        .unwrap()
});
static PROVISION_START: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i:\b(?:sections?|sec\.|regulations?|regs?|paragraphs?|paras?|articles?|art\.|schedules?|sch|parts?|chapters?)\.?[ \u{a0}]{1,2}(?:\d|[IVXL]+\b))|\b[sS]{1,2}(?:\.[ \u{a0}]?)?\d",
    )
    .unwrap()
});

/// Words that join the words of a title.
const CONNECTORS: &[&str] = &[
    "and", "of", "the", "for", "to", "in", "on", "with", "&", "by", "from", "at",
];

/// Capitalised words that start sentences or phrases rather than titles.
const STOP_WORDS: &[&str] = &[
    "The",
    "A",
    "An",
    "Under",
    "In",
    "On",
    "By",
    "As",
    "At",
    "For",
    "From",
    "To",
    "Of",
    "And",
    "Or",
    "But",
    "If",
    "When",
    "Where",
    "While",
    "With",
    "Within",
    "Section",
    "Sections",
    "Part",
    "Schedule",
    "Regulation",
    "Paragraph",
    "Article",
    "This",
    "That",
    "These",
    "Those",
    "Its",
    "Our",
    "Their",
    "His",
    "Her",
    "See",
    "Also",
    "Both",
    "Each",
    "Any",
    "All",
    "Following",
    "After",
    "Before",
    "Since",
    "Until",
    "Because",
    "However",
    "Although",
    "Whether",
    "So",
    "Then",
    "Thus",
    "Therefore",
    "We",
    "I",
    "It",
    "He",
    "She",
    "They",
    "You",
    "My",
    "Your",
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Dr",
    "Relevant",
    "Legislation",
    "Law",
    "Guidance",
    "Background",
];

fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{a0}'
}

/// Finds the start of the title that ends with the keyword at `kw_start`, walking back over
/// capitalised words, connectors and parenthesised parts on the same line.
fn title_start(text: &str, kw_start: usize) -> Option<usize> {
    let si = !text[kw_start..].starts_with("Act");
    let line_start = text[..kw_start].rfind('\n').map_or(0, |i| i + 1);
    let prefix = &text[line_start..kw_start];
    let mut pos = prefix.len();
    let mut leftmost_capital: Option<usize> = None;
    let mut first = true;
    // whether the token to the right of the current one was capitalised / an Act's year
    let mut right_capital = false;
    let mut right_year = false;
    loop {
        let before = &prefix[..pos];
        let trimmed = before.trim_end_matches(is_space);
        if trimmed.len() == before.len() || trimmed.is_empty() {
            break;
        }
        let (tok_start, capital) = if trimmed.ends_with(')') {
            let Some(open) = trimmed.rfind('(') else {
                break;
            };
            let inner = &trimmed[open + 1..trimmed.len() - 1];
            let ok = inner.len() <= 80
                && inner.starts_with(|c: char| c.is_uppercase())
                && !inner.contains(|c: char| c.is_ascii_digit() || c == '(');
            if !ok {
                break;
            }
            (open, true)
        } else {
            let tok_start = trimmed
                .char_indices()
                .rev()
                .find(|&(_, c)| is_space(c) || matches!(c, '(' | '[' | '"' | '“' | '‘'))
                .map_or(0, |(i, c)| i + c.len_utf8());
            let tok = &trimmed[tok_start..];
            let word = tok.trim_end_matches(',');
            if word.is_empty() || (first && word.len() != tok.len()) {
                break;
            }
            let year_of_act = si
                && right_capital
                && word.len() == 4
                && word.bytes().all(|b| b.is_ascii_digit())
                && trimmed[..tok_start]
                    .trim_end_matches(is_space)
                    .ends_with(" Act");
            let keyword = matches!(word, "Act" | "Regulations" | "Order" | "Rules" | "Measure");
            let roman = word.len() <= 5
                && word
                    .chars()
                    .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'));
            if (keyword && !right_year) || roman {
                break; // "the Care Act and the Mental Health Act", "Part VII of the ... Act"
            }
            if year_of_act {
                // "Health and Social Care Act 2008 (Regulated Activities) Regulations 2014"
                (tok_start, false)
            } else if CONNECTORS.contains(&word) {
                if first {
                    return None; // "A Time to Act"
                }
                (tok_start, false)
            } else if word.starts_with(|c: char| c.is_uppercase())
                && word
                    .chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-' | '‑'))
            {
                (tok_start, true)
            } else {
                break;
            }
        };
        if capital {
            leftmost_capital = Some(tok_start);
        }
        right_year = !capital && prefix[tok_start..].starts_with(|c: char| c.is_ascii_digit());
        right_capital = capital;
        first = false;
        pos = tok_start;
        if tok_start > 0 && !prefix[..tok_start].ends_with(is_space) {
            break; // the token opened a quote or bracket
        }
    }
    let mut start = leftmost_capital?;
    // drop leading stop words and connectors: "Under the Mental Health Act"
    loop {
        let rest = &prefix[start..];
        let word_end = rest.find(is_space).unwrap_or(rest.len());
        let word = rest[..word_end].trim_end_matches(',');
        let is_stop = STOP_WORDS.contains(&word) || CONNECTORS.contains(&word);
        if !is_stop || word_end == rest.len() {
            break;
        }
        start += word_end;
        start += prefix[start..].len() - prefix[start..].trim_start_matches(is_space).len();
    }
    let rest = &prefix[start..];
    let first_word = rest.split(is_space).next().unwrap_or("");
    if STOP_WORDS.contains(&first_word) || CONNECTORS.contains(&first_word) || rest.is_empty() {
        return None;
    }
    Some(line_start + start)
}

/// An abbreviation defined in brackets: `the MHA`, `“the 2014 Act”`, `'the Act'`, `CSDPA`.
fn abbreviation_definition(inner: &str) -> Option<String> {
    let quotes: &[char] = &['"', '\'', '‘', '’', '“', '”'];
    let mut s = inner.trim().trim_matches(quotes).trim();
    for the in ["the ", "The "] {
        if let Some(rest) = s.strip_prefix(the) {
            s = rest;
        }
    }
    let s = s.trim_matches(quotes).trim();
    let acronym = s.len() >= 2
        && s.len() <= 10
        && s.starts_with(|c: char| c.is_ascii_uppercase())
        && s.chars().filter(|c| c.is_ascii_uppercase()).count() >= 2
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '&' | '(' | ')'));
    let year_form = s.len() > 5
        && s[..4].bytes().all(|b| b.is_ascii_digit())
        && matches!(&s[4..], " Act" | " Regulations");
    (acronym || year_form || matches!(s, "Act" | "Regulations")).then(|| s.to_string())
}

/// Names of Acts and statutory instruments, capitalised as titles are.
fn names(text: &str, refs: &mut Vec<Reference>) {
    for m in KEYWORD.find_iter(text) {
        let Some(start) = title_start(text, m.start()) else {
            continue;
        };
        let stem = collapse(&text[start..m.end()]);
        let kind = if m.as_str() == "Act" || m.as_str() == "Measure" {
            CitationKind::Act
        } else {
            CitationKind::Si
        };
        let (year, defines, end) = trailer(text, m.end());
        if kind == CitationKind::Si && year.is_none() && TABLE.by_stem(&stem).is_empty() {
            continue; // "a Tree Preservation Order", "the Council's Rules"
        }
        refs.push(Reference {
            start,
            end,
            target: Target::Named { stem, year, kind },
            defines,
        });
    }
}

/// After a name: an optional abbreviation in brackets, an optional year (`, 1977` too), and
/// an abbreviation after the year. Returns the year, the abbreviation, and the end offset.
fn trailer(text: &str, mut end: usize) -> (Option<u16>, Option<String>, usize) {
    let mut defines = None;
    let mut year = None;
    for _ in 0..2 {
        if year.is_none() {
            if let Some(c) = YEAR_AFTER.captures(&text[end..]) {
                let y: u16 = c[1].parse().unwrap_or(0);
                if (1200..=2100).contains(&y) {
                    year = Some(y);
                    end += c[0].len();
                    continue;
                }
            }
        }
        if defines.is_none() {
            if let Some(c) = PAREN_AFTER.captures(&text[end..]) {
                if let Some(abbr) = abbreviation_definition(&c[1]) {
                    defines = Some(abbr);
                    end += c[0].len();
                    continue;
                }
            }
        }
        break;
    }
    (year, defines, end)
}

/// Names of Acts written in lower case or otherwise not as titles: "care act".
fn lower_case_names(text: &str, refs: &mut Vec<Reference>) {
    let mut found = Vec::new();
    for m in LOWER_NAMES.find_iter(text) {
        if overlaps(refs, m.start(), m.end()) {
            continue;
        }
        let (year, defines, end) = trailer(text, m.end());
        let stem = collapse(m.as_str());
        found.push(Reference {
            start: m.start(),
            end,
            target: Target::Named {
                stem,
                year,
                kind: CitationKind::Act,
            },
            defines,
        });
    }
    refs.extend(found);
}

/// Names of statutory guidance and codes of practice; Act names inside them are not
/// separate references.
fn guidance(text: &str, refs: &mut Vec<Reference>) {
    for m in GUIDANCE.find_iter(text) {
        let mut start = m.start();
        loop {
            let rest = &text[start..m.end()];
            let word_end = rest.find(is_space).unwrap_or(rest.len());
            let word = &rest[..word_end];
            if (STOP_WORDS.contains(&word) || CONNECTORS.contains(&word)) && word_end < rest.len() {
                start += word_end;
                start += text[start..].len() - text[start..].trim_start_matches(is_space).len();
            } else {
                break;
            }
        }
        let name = collapse(&text[start..m.end()]);
        if key(&name).contains("assessment code") {
            continue; // the Ombudsman's own code
        }
        refs.retain(|r| !(r.start >= start && r.end <= m.end() + 5));
        refs.push(Reference {
            start,
            end: m.end(),
            target: Target::Guidance { name },
            defines: None,
        });
    }
}

/// Abbreviations and short forms in use.
fn uses(text: &str, refs: &mut Vec<Reference>) {
    let defined: HashMap<&str, ()> = refs
        .iter()
        .filter_map(|r| r.defines.as_deref())
        .map(|d| (d, ()))
        .collect();
    let mut found = Vec::new();
    for c in ACRONYM.captures_iter(text) {
        let (m, abbr) = (c.get(0).unwrap(), c.get(1).unwrap().as_str());
        if overlaps(refs, m.start(), m.end()) {
            continue;
        }
        let weak = if defined.contains_key(abbr) {
            false
        } else if abbr.len() >= 3 && TABLE.by_abbreviation(abbr).is_some() {
            true
        } else {
            continue;
        };
        found.push(Reference {
            start: m.start(),
            end: m.end(),
            target: Target::Abbreviation {
                abbr: abbr.to_string(),
                weak,
            },
            defines: None,
        });
    }
    for c in SHORT_FORM.captures_iter(text) {
        let m = c.get(0).unwrap();
        if overlaps(refs, m.start(), m.end()) {
            continue;
        }
        let short = match c.get(2) {
            Some(y) => format!("{} {}", y.as_str(), &c[3]),
            None => c[3].to_string(),
        };
        let target = if c.get(1).is_some() {
            if &c[3] != "Act" || c.get(2).is_some() {
                continue;
            }
            Target::SameAct
        } else if defined.contains_key(short.as_str()) {
            Target::Abbreviation {
                abbr: short,
                weak: false,
            }
        } else if let Some(y) = c.get(2) {
            Target::YearAct {
                year: y.as_str().parse().unwrap_or(0),
            }
        } else if &c[3] == "Act" {
            Target::TheAct
        } else {
            continue;
        };
        found.push(Reference {
            start: m.start(),
            end: m.end(),
            target,
            defines: None,
        });
    }
    refs.extend(found);
}

fn overlaps(refs: &[Reference], start: usize, end: usize) -> bool {
    refs.iter().any(|r| r.start < end && start < r.end)
}

fn collapse(s: &str) -> String {
    s.split(is_space)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Provision phrases by start offset.
fn phrases(text: &str, refs: &[Reference]) -> BTreeMap<usize, Phrase> {
    let mut out = BTreeMap::new();
    let mut covered = 0;
    for m in PROVISION_START.find_iter(text) {
        let start = m.start();
        if start < covered || overlaps(refs, start, start + 1) {
            continue;
        }
        let short = text[start..].starts_with(['s', 'S'])
            && !text[start..]
                .get(..7)
                .is_some_and(|w| w.eq_ignore_ascii_case("section"))
            && !text[start..]
                .get(..4)
                .is_some_and(|w| w.eq_ignore_ascii_case("sch "))
            && !text[start..]
                .get(..4)
                .is_some_and(|w| w.eq_ignore_ascii_case("sch."))
            && !text[start..]
                .get(..4)
                .is_some_and(|w| w.eq_ignore_ascii_case("sec."));
        if short {
            // "Council’s 2" is a possessive, not s.2
            let prev = text[..start].chars().next_back();
            if prev.is_some_and(|c| c.is_alphanumeric() || matches!(c, '\'' | '’')) {
                continue;
            }
        }
        if let Some(p) = provision::phrase(&text[start..]) {
            covered = start + p.len;
            out.insert(start, p);
        }
    }
    out
}

static JOIN_BEFORE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:[ \u{a0}]*,)?[ \u{a0}]+(?:of|to|in|under|within)[ \u{a0}]+").unwrap()
});
static COMMA_JOIN: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^[ \u{a0}]*,[ \u{a0}]+(?:[Tt]he[ \u{a0}]+)?").unwrap());
static THE: Lazy<Regex> = Lazy::new(|| Regex::new(r"^[Tt]he[ \u{a0}]+").unwrap());
static OPEN_AFTER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:[ \u{a0}]*,[ \u{a0}]*|[ \u{a0}]*[(\[][ \u{a0}]*|[ \u{a0}]+)").unwrap()
});
static NEXT_AFTER: Lazy<Regex> = Lazy::new(|| Regex::new(r"^[ \u{a0}]*,[ \u{a0}]*").unwrap());

/// All references and mentions in `text`, in order.
pub(crate) fn scan(text: &str) -> (Vec<Reference>, Vec<Mention>) {
    let mut refs = Vec::new();
    names(text, &mut refs);
    guidance(text, &mut refs);
    lower_case_names(text, &mut refs);
    uses(text, &mut refs);
    refs.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    let mut kept: Vec<Reference> = Vec::with_capacity(refs.len());
    for r in refs {
        if kept.last().is_none_or(|k| r.start >= k.end) {
            kept.push(r);
        }
    }
    let refs = kept;
    let by_start: HashMap<usize, usize> =
        refs.iter().enumerate().map(|(i, r)| (r.start, i)).collect();

    let phrases = phrases(text, &refs);
    let mut used: HashMap<usize, bool> = HashMap::new();
    let mut mentions: Vec<Mention> = Vec::new();

    // provisions after a reference: "Local Government Act 1974, section 34(3), as amended"
    let mut trailing: Vec<(usize, Vec<String>)> = Vec::with_capacity(refs.len());
    for r in &refs {
        let mut end = r.end;
        let mut provisions = Vec::new();
        {
            if let Some(open) = OPEN_AFTER.find(&text[end..]) {
                let at = end + open.end();
                if let Some(p) = phrases.get(&at).filter(|_| !used.contains_key(&at)) {
                    used.insert(at, true);
                    provisions.extend(p.provisions.iter().cloned());
                    end = at + p.len;
                    end += provision::as_amended(&text[end..]);
                    while let Some(sep) = NEXT_AFTER.find(&text[end..]) {
                        let at = end + sep.end();
                        let Some(p) = phrases.get(&at) else { break };
                        used.insert(at, true);
                        provisions.extend(p.provisions.iter().cloned());
                        end = at + p.len;
                        end += provision::as_amended(&text[end..]);
                    }
                    if open.as_str().contains(['(', '[']) && text[end..].starts_with([')', ']']) {
                        end += 1;
                    }
                }
            }
        }
        trailing.push((end, provisions));
    }

    // provisions before a reference: "section 117 of the Mental Health Act", "s.19 Education Act"
    let mut lead: HashMap<usize, (usize, Vec<String>)> = HashMap::new();
    for (&start, p) in &phrases {
        if used.contains_key(&start) {
            continue;
        }
        let after = start + p.len;
        let joined = JOIN_BEFORE.find(&text[after..]).map(|j| after + j.end());
        let joined_the = joined.and_then(|at| THE.find(&text[at..]).map(|t| at + t.end()));
        let direct = text[after..].starts_with(is_space).then(|| after + 1);
        let comma = COMMA_JOIN.find(&text[after..]).map(|j| after + j.end());
        let target = [joined, joined_the, direct, comma]
            .into_iter()
            .flatten()
            .find_map(|at| {
                let i = *by_start.get(&at)?;
                let named = matches!(refs[i].target, Target::Named { .. });
                let direct_ok = (Some(at) != direct && Some(at) != comma)
                    || (Some(at) == direct
                        && (named || matches!(refs[i].target, Target::Abbreviation { .. })))
                    || (Some(at) == comma && named);
                (direct_ok && !lead.contains_key(&i)).then_some(i)
            });
        if let Some(i) = target {
            used.insert(start, true);
            lead.insert(i, (start, p.provisions.clone()));
        }
    }

    for (i, r) in refs.iter().enumerate() {
        let (end, after) = &trailing[i];
        let (start, mut provisions) = lead.remove(&i).unwrap_or((r.start, Vec::new()));
        provisions.extend(after.iter().cloned());
        mentions.push(Mention {
            start,
            end: *end,
            reference: Some(i),
            provisions,
        });
    }
    for (&start, p) in &phrases {
        if !used.contains_key(&start)
            && p.head == Head::Section
            && !overlaps(&refs, start, start + p.len)
        {
            mentions.push(Mention {
                start,
                end: start + p.len,
                reference: None,
                provisions: p.provisions.clone(),
            });
        }
    }
    mentions.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    for m in mentions {
        if out.last().is_none_or(|k| m.start >= k.end) {
            out.push(m);
        }
    }
    (refs, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title(text: &str) -> Option<&str> {
        let m = KEYWORD.find(text)?;
        title_start(text, m.start()).map(|s| &text[s..m.end()])
    }

    #[test]
    fn titles_walk_back_over_capitalised_words() {
        assert_eq!(
            title("detained under Section 3 of the Mental Health Act 1983"),
            Some("Mental Health Act")
        );
        assert_eq!(title("Under the Care Act"), Some("Care Act"));
        assert_eq!(
            title("the Housing Grants, Construction and Regeneration Act 1996"),
            Some("Housing Grants, Construction and Regeneration Act")
        );
        assert_eq!(
            title("The Social Services and Well-being (Wales) Act 2014"),
            Some("Social Services and Well-being (Wales) Act")
        );
        assert_eq!(
            title("The Care and Support (Eligibility Criteria) Regulations 2015"),
            Some("Care and Support (Eligibility Criteria) Regulations")
        );
        assert_eq!(
            title("the Health and Social Care Act 2008 (Regulated Activities) Regulations 2014"),
            Some("Health and Social Care Act")
        );
        assert_eq!(title("A Time to Act"), None);
        assert_eq!(title("the Act says"), None);
    }

    #[test]
    fn abbreviation_definitions() {
        assert_eq!(abbreviation_definition("the MHA").as_deref(), Some("MHA"));
        assert_eq!(
            abbreviation_definition("“the 2014 Act”").as_deref(),
            Some("2014 Act")
        );
        assert_eq!(abbreviation_definition("'the Act'").as_deref(), Some("Act"));
        assert_eq!(abbreviation_definition("the Council"), None);
        assert_eq!(abbreviation_definition("as amended"), None);
    }
}
