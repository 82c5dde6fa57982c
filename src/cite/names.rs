//! Names of instruments in text: one keyword scan finds names of Acts and statutory
//! instruments (walking back over the words of the title, then the year and any abbreviation
//! defined after it), names in lower case, guidance, short forms (`the Act`) and the
//! abbreviations a text defines or the table knows.

use aho_corasick::{AhoCorasick, MatchKind};
use once_cell::sync::Lazy;

use super::table::{key, CitationKind, Instrument, TABLE};

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
    /// For a name: its entry in the bundled table (by title with the year, or the one
    /// instrument with that name when there is no year).
    pub entry: Option<&'static Instrument>,
}

/// Every reference ends in one of the first eight words, and every provision starts with
/// one of the others (a head: `section 1`, `Part VII`): one Aho-Corasick scan finds both.
const KEYWORDS: &[&str] = &[
    "Act",
    "act",
    "Regulations",
    "Order",
    "Rules",
    "Measure",
    "Code",
    "Guidance",
    "section",
    "Section",
    "SECTION",
    "regulation",
    "Regulation",
    "reg",
    "Reg",
    "paragraph",
    "Paragraph",
    "para",
    "Para",
    "article",
    "Article",
    "art.",
    "Art.",
    "schedule",
    "Schedule",
    "sch",
    "Sch",
    "part",
    "Part",
    "PART",
    "chapter",
    "Chapter",
    "sec.",
    "Sec.",
];

const NAME_KEYWORDS: usize = 8;

static KEYWORD: Lazy<AhoCorasick> = Lazy::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(KEYWORDS)
        .expect("the keywords build an automaton")
});

/// Whether the byte before `at` ends a word (ASCII rules, as `(?-u:\b)`).
fn starts_word(bytes: &[u8], at: usize) -> bool {
    at == 0 || !bytes[at - 1].is_ascii_alphanumeric() && bytes[at - 1] != b'_'
}

/// Whether a head word ending at `end` (`section`, `Sch.`) is followed by an optional plural
/// `s`, an optional `.`, one or two spaces and a number or roman numeral.
fn head_follows(bytes: &[u8], mut end: usize) -> bool {
    if bytes.get(end) == Some(&b's') {
        end += 1;
    }
    if bytes.get(end) == Some(&b'.') {
        end += 1;
    }
    let mut spaces = 0;
    loop {
        if bytes.get(end..end + 2) == Some(&[0xc2, 0xa0][..]) {
            end += 2;
        } else if bytes.get(end) == Some(&b' ') {
            end += 1;
        } else {
            break;
        }
        spaces += 1;
        if spaces > 2 {
            return false;
        }
    }
    spaces > 0
        && bytes
            .get(end)
            .is_some_and(|b| b.is_ascii_digit() || matches!(b, b'I' | b'V' | b'X' | b'L'))
}

/// Words that join the words of a title.
fn is_connector(word: &str) -> bool {
    matches!(
        word,
        "and" | "of" | "the" | "for" | "to" | "in" | "on" | "with" | "&" | "by" | "from" | "at"
    )
}

/// Capitalised words that start sentences or phrases rather than titles.
fn is_stop_word(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "Under"
            | "In"
            | "On"
            | "By"
            | "As"
            | "At"
            | "For"
            | "From"
            | "To"
            | "Of"
            | "And"
            | "Or"
            | "But"
            | "If"
            | "When"
            | "Where"
            | "While"
            | "With"
            | "Within"
            | "Section"
            | "Sections"
            | "Part"
            | "Schedule"
            | "Regulation"
            | "Paragraph"
            | "Article"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "Its"
            | "Our"
            | "Their"
            | "His"
            | "Her"
            | "See"
            | "Also"
            | "Both"
            | "Each"
            | "Any"
            | "All"
            | "Following"
            | "After"
            | "Before"
            | "Since"
            | "Until"
            | "Because"
            | "However"
            | "Although"
            | "Whether"
            | "So"
            | "Then"
            | "Thus"
            | "Therefore"
            | "We"
            | "I"
            | "It"
            | "He"
            | "She"
            | "They"
            | "You"
            | "My"
            | "Your"
            | "Mr"
            | "Mrs"
            | "Ms"
            | "Miss"
            | "Dr"
            | "Relevant"
            | "Legislation"
            | "Law"
            | "Guidance"
            | "Background"
    )
}

/// The start of the line holding `at`, looking back at most 300 bytes (no title is longer).
fn line_start(text: &str, at: usize) -> usize {
    let mut floor = at.saturating_sub(300);
    while !text.is_char_boundary(floor) {
        floor += 1;
    }
    memchr::memrchr(b'\n', &text.as_bytes()[floor..at]).map_or(floor, |i| floor + i + 1)
}

pub(crate) fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{a0}'
}

/// Finds the start of the title that ends with the keyword at `kw_start`, walking back over
/// capitalised words, connectors and parenthesised parts on the same line.
fn title_start(text: &str, kw_start: usize, guidance: bool) -> Option<usize> {
    let si = !text[kw_start..].starts_with("Act");
    let line_start = line_start(text, kw_start);
    let prefix = &text[line_start..kw_start];
    let mut pos = prefix.len();
    let mut leftmost_capital: Option<usize> = None;
    let mut first = true;
    // whether the token to the right of the current one was capitalised / an Act's year
    let mut right_capital = false;
    let mut right_year = false;
    loop {
        let before = &prefix[..pos];
        let trimmed = trim_spaces_end(before);
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
            let tok_start = token_start(trimmed);
            let tok = &trimmed[tok_start..];
            let word = tok.trim_end_matches(',');
            if word.is_empty() || (first && word.len() != tok.len()) {
                break;
            }
            let year_of_act = si
                && right_capital
                && word.len() == 4
                && word.bytes().all(|b| b.is_ascii_digit())
                && trim_spaces_end(&trimmed[..tok_start]).ends_with(" Act");
            let keyword = matches!(word, "Act" | "Regulations" | "Order" | "Rules" | "Measure");
            let roman = word.len() <= 5
                && word
                    .bytes()
                    .all(|b| matches!(b, b'I' | b'V' | b'X' | b'L' | b'C'));
            if (keyword && !right_year && !guidance) || roman {
                break; // "the Care Act and the Mental Health Act", "Part VII of the ... Act"
            }
            if year_of_act {
                // "Health and Social Care Act 2008 (Regulated Activities) Regulations 2014"
                (tok_start, false)
            } else if is_connector(word) {
                if first {
                    return None; // "A Time to Act"
                }
                (tok_start, false)
            } else if is_title_word(word) {
                (tok_start, true)
            } else {
                break;
            }
        };
        if capital {
            leftmost_capital = Some(tok_start);
        }
        right_year = !capital && prefix.as_bytes()[tok_start].is_ascii_digit();
        right_capital = capital;
        first = false;
        pos = tok_start;
        if tok_start > 0 && trim_spaces_end(&prefix[..tok_start]).len() == tok_start {
            break; // the token opened a quote or bracket
        }
    }
    let mut start = leftmost_capital?;
    // drop leading stop words and connectors: "Under the Mental Health Act"; a name that is
    // nothing else is no name (a stop word with a comma after it is another word)
    let (rest, only_stop_words) = loop {
        let rest = &prefix[start..];
        let word_end = first_space(rest).unwrap_or(rest.len());
        let word = rest[..word_end].trim_end_matches(',');
        let is_stop = is_stop_word(word) || is_connector(word);
        if !is_stop || word_end == rest.len() {
            break (rest, is_stop && word.len() == word_end);
        }
        start += word_end;
        start += spaces(&prefix[start..]);
    };
    if only_stop_words || rest.is_empty() {
        return None;
    }
    Some(line_start + start)
}

/// Where the last token of `s` starts: after its last space, NBSP, `(`, `[`, `"`, `“` or
/// `‘`, looked for a byte at a time (the bytes that end an NBSP, `“` or `‘` end no other
/// character).
fn token_start(s: &str) -> usize {
    let b = s.as_bytes();
    (0..b.len())
        .rev()
        .find(|&i| match b[i] {
            b' ' | b'(' | b'[' | b'"' => true,
            0xa0 => i >= 1 && b[i - 1] == 0xc2,
            0x9c | 0x98 => i >= 2 && b[i - 2..i] == [0xe2, 0x80],
            _ => false,
        })
        .map_or(0, |i| i + 1)
}

/// A capitalised word of a title: `Health`, `Children’s`, `Well-being`.
fn is_title_word(word: &str) -> bool {
    if word.is_ascii() {
        let b = word.as_bytes();
        b.first().is_some_and(u8::is_ascii_uppercase)
            && b.iter()
                .all(|&c| c.is_ascii_alphabetic() || matches!(c, b'\'' | b'-'))
    } else {
        word.starts_with(|c: char| c.is_uppercase())
            && word
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-' | '‑'))
    }
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
    let year_form = s
        .as_bytes()
        .get(..4)
        .is_some_and(|b| b.iter().all(u8::is_ascii_digit))
        && matches!(s.get(4..), Some(" Act" | " Regulations"));
    (acronym || year_form || matches!(s, "Act" | "Regulations")).then(|| s.to_string())
}

/// The references in `text`, in no particular order, and where provision heads start
/// (`section 1`, `Part VII`), both from one keyword scan.
pub(crate) fn references(text: &str) -> (Vec<Reference>, Vec<usize>) {
    let (mut refs, shorts, heads) = keyword_scan(text);
    abbreviation_uses(text, &mut refs, shorts);
    (refs, heads)
}

/// A short form seen in the keyword scan: `the Act`, `the 1983 Act`, `the same Act`.
struct ShortForm {
    start: usize,
    end: usize,
    year: Option<u16>,
    same: bool,
    word: &'static str,
}

/// One pass over the keywords: names of Acts and instruments (with their year and any
/// abbreviation they define), names in lower case, guidance, and short forms.
fn keyword_scan(text: &str) -> (Vec<Reference>, Vec<ShortForm>, Vec<usize>) {
    // about one name and one provision head in every 300 bytes of a decision: sized once
    let expected = text.len() / 300 + 4;
    let mut refs: Vec<Reference> = Vec::with_capacity(expected);
    let mut shorts = Vec::new();
    let mut heads = Vec::with_capacity(expected);
    let bytes = text.as_bytes();
    for m in KEYWORD.find_iter(text) {
        if !starts_word(bytes, m.start()) {
            continue;
        }
        if m.pattern().as_usize() >= NAME_KEYWORDS {
            if head_follows(bytes, m.end()) {
                heads.push(m.start()); // a provision head: "section 1", "Part VII"
            }
            continue;
        }
        if bytes
            .get(m.end())
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
        {
            continue; // "Actions", "Ordered"
        }
        match &text[m.start()..m.end()] {
            "act" => {
                if let Some(r) = lower_case_name(text, m.start(), m.end()) {
                    refs.push(r);
                }
            }
            "Code" | "Guidance" => {
                if let Some(r) = guidance_at(text, m.start(), m.end()) {
                    refs.retain(|x| !(x.start >= r.start && x.end <= r.end + 5));
                    refs.push(r);
                }
            }
            word => {
                if let Some(start) = title_start(text, m.start(), false) {
                    let stem = collapse(&text[start..m.end()]);
                    let kind = if matches!(word, "Act" | "Measure") {
                        CitationKind::Act
                    } else {
                        CitationKind::Si
                    };
                    let (year, defines, end) = trailer(text, m.end());
                    let entry = table_entry(&stem, year);
                    if kind == CitationKind::Si && year.is_none() && TABLE.by_stem(&stem).is_empty()
                    {
                        continue; // "a Tree Preservation Order", "the Council's Rules"
                    }
                    refs.push(Reference {
                        start,
                        end,
                        target: Target::Named { stem, year, kind },
                        defines,
                        entry,
                    });
                } else if matches!(word, "Act" | "Regulations") {
                    if let Some(s) = short_form(text, m.start(), m.end(), word) {
                        shorts.push(s);
                    }
                }
            }
        }
    }
    (refs, shorts, heads)
}

/// The table entry of a name: by its title with the year, or the one instrument with that
/// name when there is no year.
fn table_entry(stem: &str, year: Option<u16>) -> Option<&'static Instrument> {
    type Cache = super::table::HashMap<String, Vec<(Option<u16>, Option<&'static Instrument>)>>;
    thread_local! {
        // names repeat from decision to decision ("Local Government Act 1974" in every one):
        // each thread looks each name up once (and forgets them all past a bound)
        static CACHE: std::cell::RefCell<Cache> = std::cell::RefCell::new(Cache::default());
    }
    CACHE.with(|cache| {
        let Ok(mut cache) = cache.try_borrow_mut() else {
            return lookup(stem, year);
        };
        if let Some(hit) = cache
            .get(stem)
            .and_then(|years| years.iter().find(|(y, _)| *y == year))
        {
            return hit.1;
        }
        if cache.len() > 4096 {
            cache.clear();
        }
        let entry = lookup(stem, year);
        cache
            .entry(stem.to_string())
            .or_default()
            .push((year, entry));
        entry
    })
}

fn lookup(stem: &str, year: Option<u16>) -> Option<&'static Instrument> {
    match year {
        Some(y) => {
            let mut title = String::with_capacity(stem.len() + 5);
            title.push_str(stem);
            title.push(' ');
            title.push_str(&y.to_string());
            TABLE.by_title(&title)
        }
        None => match TABLE.by_stem(stem) {
            [one] => Some(*one),
            _ => None,
        },
    }
}

/// `the Act`, `the 1983 Act`, `the same Act` ending at the keyword.
fn short_form(text: &str, kw_start: usize, kw_end: usize, word: &str) -> Option<ShortForm> {
    let before = trim_spaces_end(&text[..kw_start]);
    if before.len() == kw_start {
        return None;
    }
    let (before, year) = match before.rsplit_once(is_space) {
        Some((head, y)) if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) => {
            (trim_spaces_end(head), y.parse().ok())
        }
        _ => (before, None),
    };
    let (before, same) = match before.strip_suffix("same") {
        Some(head) if year.is_none() => (trim_spaces_end(head), true),
        _ => (before, false),
    };
    let the = before.len().checked_sub(3)?;
    let article = before.get(the..)?;
    let boundary = before[..the]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric());
    if !(article == "the" || article == "The") || !boundary {
        return None;
    }
    let word: &'static str = if word == "Act" { "Act" } else { "Regulations" };
    Some(ShortForm {
        start: the,
        end: kw_end,
        year,
        same,
        word,
    })
}

/// A table name written in lower case (`care act`, `Mental Health act`) ending at `end`.
fn lower_case_name(text: &str, act_start: usize, act_end: usize) -> Option<Reference> {
    let line_start = line_start(text, act_start);
    let mut best = None;
    let mut start = act_start;
    for _ in 0..8 {
        let before = trim_spaces_end(&text[line_start..start]);
        if before.is_empty() || before.len() + line_start == start {
            break;
        }
        let word_start = before
            .rfind(|c: char| !(c.is_alphanumeric() || matches!(c, '\'' | '’' | '-')))
            .map_or(0, |i| {
                i + before[i..].chars().next().map_or(1, char::len_utf8)
            });
        if word_start == before.len() {
            break;
        }
        start = line_start + word_start;
        let first_word = &before[word_start..];
        if !is_connector(&first_word.to_ascii_lowercase())
            && !TABLE.by_stem(&text[start..act_end]).is_empty()
        {
            best = Some(start);
        }
    }
    let start = best?;
    let (year, defines, end) = trailer(text, act_end);
    let stem = collapse(&text[start..act_end]);
    let entry = table_entry(&stem, year);
    Some(Reference {
        start,
        end,
        target: Target::Named {
            stem,
            year,
            kind: CitationKind::Act,
        },
        defines,
        entry,
    })
}

/// Suffixes that end the name of a piece of guidance.
const GUIDANCE_SUFFIXES: &[&str] = &[
    "Statutory Guidance",
    "Code of Practice",
    "Code of Guidance",
    "Admissions Code",
    "Admission Appeals Code",
    "Admissions Appeals Code",
];

/// The name of statutory guidance or a code of practice around the keyword at
/// `kw_start..kw_end` (`Code` or `Guidance`).
fn guidance_at(text: &str, kw_start: usize, kw_end: usize) -> Option<Reference> {
    let keyword = &text[kw_start..kw_end];
    for suffix in GUIDANCE_SUFFIXES {
        let Some(k) = suffix.find(keyword) else {
            continue;
        };
        let (head, tail) = suffix.split_at(k);
        let Some(start) = kw_start.checked_sub(head.len()) else {
            continue;
        };
        if text.get(start..kw_start) != Some(head) || !text[kw_start..].starts_with(tail) {
            continue;
        }
        let end = kw_start + tail.len();
        let name_start = match title_start(text, start, true) {
            Some(s) => s,
            // "the Admissions Code" names itself; "the Code of Practice" names nothing
            None if !head.is_empty() && *suffix != "Statutory Guidance" => start,
            None => return None,
        };
        let name = collapse(&text[name_start..end]);
        if key(&name).contains("assessment code") {
            return None; // the Ombudsman's own code
        }
        return Some(Reference {
            start: name_start,
            end,
            target: Target::Guidance { name },
            defines: None,
            entry: None,
        });
    }
    None
}

/// Abbreviations in use: those the text defines, and those the table gives for the
/// instruments the text names. Short forms are classified here too, now that every
/// definition is known.
fn abbreviation_uses(text: &str, refs: &mut Vec<Reference>, shorts: Vec<ShortForm>) {
    // each abbreviation once, borrowed, and whether only the table knows it
    let mut wanted: Vec<(&str, bool)> = Vec::new();
    for r in refs.iter() {
        if let Some(d) = &r.defines {
            if !wanted.iter().any(|w| w.0 == d) {
                wanted.push((d, false));
            }
        }
    }
    let mut entries: Vec<&'static Instrument> = Vec::new();
    for e in refs.iter().filter_map(|r| r.entry) {
        if !entries.iter().any(|x| std::ptr::eq(*x, e)) {
            entries.push(e);
        }
    }
    for abbr in entries.iter().flat_map(|e| &e.abbreviations) {
        let acronym =
            abbr.len() >= 3 && !abbr.contains(' ') && TABLE.by_abbreviation(abbr).is_some();
        if acronym && !wanted.iter().any(|w| w.0 == abbr) {
            wanted.push((abbr, true));
        }
    }
    let mut found = Vec::new();
    let acronyms = wanted.iter().filter(|w| {
        w.0.starts_with(|c: char| c.is_ascii_uppercase())
            && w.0.bytes().all(|b| b.is_ascii_alphanumeric())
    });
    for &(abbr, weak) in acronyms {
        for at in memchr::memmem::find_iter(text.as_bytes(), abbr.as_bytes()) {
            let end = at + abbr.len();
            let before_ok = text.as_bytes()[..at]
                .last()
                .is_none_or(|b| !b.is_ascii_alphanumeric());
            let after_ok = text
                .as_bytes()
                .get(end)
                .is_none_or(|b| !b.is_ascii_alphanumeric());
            if !before_ok || !after_ok {
                continue;
            }
            let start = the_before(text, at);
            if !overlaps(refs, start, end) {
                let target = Target::Abbreviation {
                    abbr: abbr.to_string(),
                    weak,
                };
                found.push(Reference {
                    start,
                    end,
                    target,
                    defines: None,
                    entry: None,
                });
            }
        }
    }
    for s in shorts {
        if overlaps(refs, s.start, s.end) {
            continue;
        }
        let short = match s.year {
            Some(y) => format!("{y} {}", s.word),
            None => s.word.to_string(),
        };
        let target = if s.same {
            Target::SameAct
        } else if wanted.iter().any(|w| w.0 == short && !w.1) {
            Target::Abbreviation {
                abbr: short,
                weak: false,
            }
        } else if let Some(year) = s.year {
            Target::YearAct { year }
        } else if s.word == "Act" {
            Target::TheAct
        } else {
            continue;
        };
        found.push(Reference {
            start: s.start,
            end: s.end,
            target,
            defines: None,
            entry: None,
        });
    }
    refs.extend(found);
}

/// Where "the " starts if it stands right before `at`, else `at`.
fn the_before(text: &str, at: usize) -> usize {
    let before = trim_spaces_end(&text[..at]);
    if before.len() < at {
        for the in ["the", "The"] {
            if let Some(head) = before.strip_suffix(the) {
                if head
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
                {
                    return head.len();
                }
            }
        }
    }
    at
}

/// An acronym the table knows, at `at`: `MHA` in "s117 MHA", or an acronym with its year
/// (`CA 1989` in "s.17 CA 1989", `MHA 1983`), which may be two letters long as the year
/// says which Act is meant. Returns its end.
pub(crate) fn table_acronym_at(text: &str, at: usize) -> Option<(usize, String)> {
    if !text.as_bytes().get(at).is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    let word_end = text[at..]
        .find(|c: char| !c.is_ascii_alphanumeric())
        .map_or(text.len(), |i| at + i);
    let word = &text[at..word_end];
    if word.len() < 2 || !word.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    if let Some((_, len)) =
        year_after(&text[word_end..]).filter(|_| text[word_end..].starts_with(' '))
    {
        let with_year = &text[at..word_end + len];
        if TABLE.by_abbreviation(with_year).is_some() {
            return Some((word_end + len, with_year.to_string()));
        }
    }
    (word.len() >= 3 && TABLE.by_abbreviation(word).is_some()).then(|| (word_end, word.to_string()))
}

/// `, 1977` or ` 1977` (a year from 1200 to 2100, not followed by a letter or digit).
fn year_after(s: &str) -> Option<(u16, usize)> {
    let mut i = usize::from(s.starts_with(','));
    let sp = spaces(&s[i..]);
    if sp == 0 {
        return None;
    }
    i += sp;
    let digits = s.as_bytes().get(i..i + 4)?;
    if !digits.iter().all(u8::is_ascii_digit)
        || s.as_bytes()
            .get(i + 4)
            .is_some_and(|b| b.is_ascii_alphanumeric())
    {
        return None;
    }
    let y: u16 = s[i..i + 4].parse().ok()?;
    (1200..=2100).contains(&y).then_some((y, i + 4))
}

/// ` (MHA)`: a short bracketed text (no brackets or line breaks inside) and the length.
fn paren_after(s: &str) -> Option<(&str, usize)> {
    let i = spaces(s);
    let rest = s[i..].strip_prefix('(')?;
    let (close, c) = rest
        .char_indices()
        .take(42)
        .find(|&(_, c)| matches!(c, ')' | '(' | '\n'))?;
    (c == ')' && close > 0).then(|| (&rest[..close], i + close + 2))
}

/// After a name: an optional abbreviation in brackets, an optional year (`, 1977` too), and
/// an abbreviation after the year. Returns the year, the abbreviation, and the end offset.
fn trailer(text: &str, mut end: usize) -> (Option<u16>, Option<String>, usize) {
    let mut defines = None;
    let mut year = None;
    for _ in 0..2 {
        if year.is_none() {
            if let Some((y, len)) = year_after(&text[end..]) {
                year = Some(y);
                end += len;
                continue;
            }
        }
        if defines.is_none() {
            if let Some((inner, len)) = paren_after(&text[end..]) {
                if let Some(abbr) = abbreviation_definition(inner) {
                    defines = Some(abbr);
                    end += len;
                    continue;
                }
            }
        }
        break;
    }
    (year, defines, end)
}

pub(crate) fn overlaps(refs: &[Reference], start: usize, end: usize) -> bool {
    refs.iter().any(|r| r.start < end && start < r.end)
}

/// `s` with its spaces (and NBSPs) collapsed to single spaces, none at either end.
fn collapse(s: &str) -> String {
    // one look at each byte: a space after a space, an NBSP's second byte (or any other
    // character's, which only sends the name the long way)
    let b = s.as_bytes();
    let clean = b.first() != Some(&b' ')
        && b.last() != Some(&b' ')
        && b.windows(2).all(|w| w[1] != 0xa0 && w != b"  ");
    if clean {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for word in s.split(is_space).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Bytes of spaces (and NBSPs) at the start of `s`.
pub(crate) fn spaces(s: &str) -> usize {
    let b = s.as_bytes();
    let mut i = 0;
    loop {
        if b.get(i) == Some(&b' ') {
            i += 1;
        } else if b.get(i..i + 2) == Some(&[0xc2, 0xa0]) {
            i += 2;
        } else {
            return i;
        }
    }
}

/// `s` without the spaces (and NBSPs) at its end, a byte at a time (the two bytes of an
/// NBSP cannot end any other character).
fn trim_spaces_end(s: &str) -> &str {
    let b = s.as_bytes();
    let mut end = b.len();
    loop {
        if end >= 1 && b[end - 1] == b' ' {
            end -= 1;
        } else if end >= 2 && b[end - 2..end] == [0xc2, 0xa0] {
            end -= 2;
        } else {
            return &s[..end];
        }
    }
}

/// Where the first space (or NBSP) in `s` is.
fn first_space(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    (0..b.len()).find(|&i| b[i] == b' ' || (b[i] == 0xc2 && b.get(i + 1) == Some(&0xa0)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The byte-at-a-time helpers do what the `char` methods of `str` do.
        #[test]
        fn byte_helpers_agree_with_char_methods(
            s in "([ a-zA-Z0-9,.'’‑(\\[\"“‘”é\u{a0}\u{2020}\u{c2}-])*"
        ) {
            prop_assert_eq!(trim_spaces_end(&s), s.trim_end_matches(is_space));
            prop_assert_eq!(spaces(&s), s.len() - s.trim_start_matches(is_space).len());
            prop_assert_eq!(first_space(&s), s.find(is_space));
            let token = s
                .char_indices()
                .rev()
                .find(|&(_, c)| is_space(c) || matches!(c, '(' | '[' | '"' | '“' | '‘'))
                .map_or(0, |(i, c)| i + c.len_utf8());
            prop_assert_eq!(token_start(&s), token);
            let word = &s[token..];
            let title_word = word.starts_with(|c: char| c.is_uppercase())
                && word
                    .chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-' | '‑'));
            prop_assert_eq!(is_title_word(word), title_word);
        }
    }

    fn title(text: &str) -> Option<&str> {
        let m = KEYWORD
            .find_iter(text)
            .find(|m| matches!(&text[m.start()..m.end()], "Act" | "Regulations"))?;
        title_start(text, m.start(), false).map(|s| &text[s..m.end()])
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
