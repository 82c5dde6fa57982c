//! People named by pseudonym (`Ms X`, `Mr and Mrs B`), who complains and for whom, how
//! others are related to them, and organisations with the short names the text defines.

use serde::Serialize;

use once_cell::sync::Lazy;

use super::sentences::Sentence;
use aho_corasick::AhoCorasick;

use super::words::variants;
use super::Region;
use crate::model::SectionKind;

/// What part a person plays in the complaint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PartyRole {
    /// The person who complained.
    Complainant,
    /// The person the complaint was made for (`on behalf of her son, Mr Y`).
    Represented,
    /// Anyone else named.
    Other,
}

/// A person named by pseudonym.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Party {
    /// The pseudonym as written: `Mrs C`, `Mr and Mrs B`.
    pub name: String,
    /// Their part in the complaint.
    pub role: PartyRole,
    /// How the text relates them to someone (`son`, `mother`), when it does.
    pub relation: Option<String>,
    /// Whose relation: a pseudonym, or `None` when the text says `her son` of the
    /// complainant.
    pub relation_of: Option<String>,
    /// Byte offset of the first mention.
    pub start: usize,
    /// Byte offset one past the first mention.
    pub end: usize,
}

/// An organisation and the short name the text gives it: `Liverpool City Council (the
/// Council)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NamedOrganisation {
    /// The full name as written.
    pub name: String,
    /// The short name as defined, without the article: `Council`, `Trust`, `ICB`.
    pub short_name: String,
    /// Byte offset of the name.
    pub start: usize,
    /// Byte offset one past the closing bracket.
    pub end: usize,
}

const TITLES: &[&str] = &["Mrs", "Miss", "Mr", "Ms", "Mx", "Dr"];

/// Words that may stand between an owner and a relation: `his late father`.
const RELATION_ADJECTIVES: &[&str] = &[
    "late",
    "elderly",
    "adult",
    "disabled",
    "young",
    "older",
    "younger",
    "eldest",
    "youngest",
    "teenage",
    "autistic",
    "vulnerable",
];

const RELATIONS: &[&str] = &[
    "son",
    "daughter",
    "mother",
    "father",
    "husband",
    "wife",
    "partner",
    "brother",
    "sister",
    "grandson",
    "granddaughter",
    "grandmother",
    "grandfather",
    "aunt",
    "uncle",
    "nephew",
    "niece",
    "friend",
    "neighbour",
    "carer",
    "child",
    "stepson",
    "stepdaughter",
    "stepfather",
    "stepmother",
    "mother-in-law",
    "father-in-law",
    "advocate",
    "representative",
    "solicitor",
    "landlord",
    "tenant",
    "relative",
    "cousin",
    "parent",
];

/// A pseudonym mention: `Mr X`, `Mr and Mrs X`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Mention<'a> {
    pub name: &'a str,
    pub start: usize,
    pub end: usize,
}

fn is_alnum(b: Option<&u8>) -> bool {
    b.is_some_and(|b| b.is_ascii_alphanumeric())
}

/// `Mr X` at `at` (a title, a space, one capital letter and no more letters).
fn pseudonym_at(text: &str, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    if at > 0 && is_alnum(bytes.get(at - 1)) {
        return None;
    }
    let title = TITLES.iter().find(|t| text[at..].starts_with(*t))?;
    let mut i = at + title.len();
    if bytes.get(i) == Some(&b'.') {
        i += 1;
    }
    if bytes.get(i) != Some(&b' ') || !bytes.get(i + 1).is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    (!is_alnum(bytes.get(i + 2))).then_some(i + 2)
}

/// `Mr and Mrs X` at `at` (two titles and one letter: one party): where it ends.
fn couple_at(text: &str, at: usize) -> Option<usize> {
    let title = TITLES.iter().find(|t| text[at..].starts_with(*t))?;
    let second = at + title.len() + " and ".len();
    if !text[at + title.len()..].starts_with(" and ") {
        return None;
    }
    pseudonym_at(text, second)
}

/// Every pseudonym in `text[from..to]`, in order.
pub(crate) fn pseudonyms(text: &str, from: usize, to: usize) -> Vec<Mention<'_>> {
    let mut out = Vec::new();
    pseudonyms_into(text, from, to, &mut out);
    out
}

/// [`pseudonyms`], appended to `out`.
fn pseudonyms_into<'a>(text: &'a str, from: usize, to: usize, out: &mut Vec<Mention<'a>>) {
    let mut skip_to = from;
    for at in memchr::memchr2_iter(b'M', b'D', &text.as_bytes()[from..to]).map(|i| from + i) {
        // most capitals M and D start other words ("Mental", "Decision")
        let title_like = matches!(
            (text.as_bytes()[at], text.as_bytes().get(at + 1)),
            (b'M', Some(b'r' | b's' | b'i' | b'x')) | (b'D', Some(b'r'))
        );
        if at < skip_to || !title_like {
            continue;
        }
        // "Mr and Mrs X", "Mr and Ms X", "Dr and Mrs X" are one party ("Mr and ..." is
        // never a pseudonym of its own, so the couple is tried first)
        let end = couple_at(text, at).or_else(|| pseudonym_at(text, at));
        if let Some(end) = end.filter(|&e| e <= to) {
            out.push(Mention {
                name: &text[at..end],
                start: at,
                end,
            });
            skip_to = end;
        }
    }
}

/// Words after a letter standing alone that make it a person: `X complained`, `G’s complaint`.
const LETTER_AFTER: &[&str] = &[
    " complain",
    "’s complaint",
    "'s complaint",
    " says",
    " said",
    " asked",
    " wants",
];

/// Words before a letter standing alone that make it a person: `who I refer to as G`.
const LETTER_BEFORE: &[&str] = &[
    "refer to as ",
    "refer to here as ",
    "refer to them as ",
    "will call ",
    "shall call ",
    "have called ",
    "complainant, ",
];

/// People named by a capital letter alone (`X`, `G`), as decisions written without a title
/// name them, where one such letter is plainly a person (`X complained`, `who I refer to as
/// G`): every mention of that letter, in order. `A` and `I` are words, never pseudonyms.
fn letter_pseudonyms<'a>(text: &'a str, regions: &[Region]) -> Vec<Mention<'a>> {
    let bytes = text.as_bytes();
    // "Plan B", "section F", "Band C" are letters of things, not people
    const THINGS: &[&str] = &[
        "plan ",
        "section ",
        "part ",
        "schedule ",
        "band ",
        "appendix ",
        "annex ",
        "category ",
        "grade ",
        "level ",
        "type ",
        "phase ",
        "stage ",
        "block ",
        "flat ",
        "unit ",
        "option ",
    ];
    let alone = |at: usize| {
        bytes[at].is_ascii_uppercase()
            && !matches!(bytes[at], b'A' | b'I')
            && (at == 0 || !bytes[at - 1].is_ascii_alphanumeric())
            && !bytes.get(at + 1).is_some_and(u8::is_ascii_alphanumeric)
            && !THINGS.iter().any(|t| {
                at >= t.len() && bytes[at - t.len()..at].eq_ignore_ascii_case(t.as_bytes())
            })
    };
    let person = |at: usize| {
        LETTER_AFTER.iter().any(|w| text[at + 1..].starts_with(w))
            || LETTER_BEFORE.iter().any(|w| text[..at].ends_with(w))
    };
    let first = regions
        .iter()
        .find_map(|r| (r.span.start..r.span.end).find(|&at| alone(at) && person(at)));
    let Some(letter) = first.map(|at| bytes[at]) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for r in regions {
        for at in memchr::memchr_iter(letter, &bytes[r.span.start..r.span.end]) {
            let at = r.span.start + at;
            if alone(at) {
                out.push(Mention {
                    name: &text[at..at + 1],
                    start: at,
                    end: at + 1,
                });
            }
        }
    }
    out
}

/// `son` in `her son, Mr B` / `Mr X's mother, Mrs Y`: the relation word and its possessor
/// just before a mention.
fn relation_before(text: &str, start: usize) -> Option<(String, Option<String>)> {
    let before = text[..start].trim_end_matches([' ', ',']);
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || c == '(')
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[word_start..];
    let relation = RELATIONS.iter().find(|r| word.eq_ignore_ascii_case(r))?;
    let mut owner = before[..word_start].trim_end();
    // "his late father, Mr D", "her elderly mother, Mrs Y"
    if let Some((head, adjective)) = owner.rsplit_once(char::is_whitespace) {
        if RELATION_ADJECTIVES.contains(&adjective) {
            owner = head.trim_end();
        }
    }
    let owner_word = owner.rsplit(char::is_whitespace).next().unwrap_or("");
    let of = match owner_word {
        "her" | "his" | "their" | "Her" | "His" | "Their" => None,
        w if w.ends_with("'s") || w.ends_with("’s") => {
            let name_end = owner.len() - 2 - usize::from(w.ends_with("’s")) * 2;
            let name = &owner[..name_end];
            let m = pseudonyms(name, name.len().saturating_sub(12), name.len());
            Some(m.last()?.name.to_string())
        }
        _ => return None,
    };
    Some((relation.to_string(), of))
}

/// `Mrs C (Ms B's mother)`: the relation in brackets just after a mention.
fn relation_after(text: &str, end: usize) -> Option<(String, Option<String>)> {
    let rest = text[end..].strip_prefix(" (")?;
    let inner = &rest[..rest.find(')')?.min(60)];
    let (owner, relation) = inner.rsplit_once(' ')?;
    let relation = RELATIONS
        .iter()
        .find(|r| relation.eq_ignore_ascii_case(r))?;
    let owner = owner
        .strip_suffix("'s")
        .or_else(|| owner.strip_suffix("’s"))?;
    let m = pseudonyms(owner, 0, owner.len());
    Some((relation.to_string(), Some(m.first()?.name.to_string())))
}

/// The phrases that name the complainant (`I have called the complainant 'Ms B'`), say who
/// acts for whom (`on behalf of`), and complain; with their variants as [`variants`] makes
/// them, and what each is a cue of.
///
/// Phrases that begin with common words (`the complainant`, `will call`, `on behalf of`) are
/// matched from their rarer word and the words around it checked (see [`Cues::of`]): every
/// `the ` of a text would otherwise be a candidate match to verify.
const CUE_PHRASES: &[(&str, Cue)] = &[
    // "the complainant"
    ("complainant", Cue::Naming),
    ("refer to here as", Cue::Naming),
    ("refer to as", Cue::Naming),
    // "will call", "have called"
    ("call", Cue::Naming),
    ("complainant's", Cue::Possessive),
    // "on behalf of", "on her behalf", "on his behalf"
    ("behalf", Cue::Behalf),
    ("acting for", Cue::Behalf),
    ("complains for", Cue::Behalf),
    ("complained for", Cue::Behalf),
    ("complain for", Cue::Behalf),
    ("omplain", Cue::Complains),
];

/// What a phrase of [`CUE_PHRASES`] is a cue of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    /// The text names the complainant.
    Naming,
    /// `the complainant's`: someone else's relation to the complainant, not a naming.
    Possessive,
    /// Someone acts for another.
    Behalf,
    /// Someone complains.
    Complains,
}

/// An automaton and, for each of its patterns, its cue and where `omplain` is in it.
type CueAutomaton = (AhoCorasick, Vec<(Cue, Option<usize>)>);

/// Every cue phrase in one automaton; for each pattern, its cue and where `omplain` is in
/// it.
///
/// Matches are leftmost-longest, so one fast pass (with the automaton's prefilter) finds
/// them without overlaps: `the complainant's` is one match, and the `omplain` inside
/// `the complainant` or `complains for` is read from the pattern that holds it.
static CUES: Lazy<CueAutomaton> = Lazy::new(|| {
    let mut patterns = Vec::new();
    let mut cues = Vec::new();
    for &(phrase, cue) in CUE_PHRASES {
        // "omplain" is matched as written; the phrases also with a capital ("On behalf of")
        let forms = match cue {
            Cue::Naming | Cue::Possessive | Cue::Behalf => variants(phrase),
            Cue::Complains => vec![phrase.to_string()],
        };
        for form in forms {
            cues.push((cue, form.find("omplain")));
            patterns.push(form);
        }
    }
    let automaton = AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(patterns)
        .expect("phrases build an automaton");
    (automaton, cues)
});

/// The cues of one sentence, from one pass over it.
#[derive(Debug, Clone, Copy, Default)]
struct Cues {
    naming: bool,
    possessive: bool,
    /// Where the first phrase of someone acting for another starts.
    behalf: Option<usize>,
    /// Where the first `omplain` of the verb starts (`complained`, not `complaint`).
    complains: Option<usize>,
}

impl Cues {
    fn of(sentence: &str) -> Cues {
        let (automaton, cue_of) = &*CUES;
        let mut cues = Cues::default();
        let before = |at: usize, words: &[&str]| {
            words
                .iter()
                .find(|w| sentence[..at].ends_with(*w))
                .map(|w| at - w.len())
        };
        for m in automaton.find_iter(sentence) {
            let (cue, omplain) = cue_of[m.pattern().as_usize()];
            let after = &sentence[m.end()..];
            match (cue, &sentence[m.start()..m.end()]) {
                (Cue::Naming, "complainant" | "Complainant") => {
                    cues.naming |= before(m.start(), &["the ", "The "]).is_some();
                }
                (Cue::Naming, "call" | "Call") => {
                    cues.naming |= before(m.start(), &["will ", "Will "]).is_some()
                        || (before(m.start(), &["have ", "Have "]).is_some()
                            && after.starts_with("ed"));
                }
                (Cue::Naming, _) => cues.naming = true,
                (Cue::Possessive, _) => cues.possessive = true,
                (Cue::Behalf, "behalf" | "Behalf") => {
                    let start = if after.starts_with(" of") {
                        before(m.start(), &["on ", "On "])
                    } else {
                        before(m.start(), &["on her ", "On her ", "on his ", "On his "])
                    };
                    if let Some(start) = start {
                        cues.behalf.get_or_insert(start);
                    }
                }
                (Cue::Behalf, _) => {
                    cues.behalf.get_or_insert(m.start());
                }
                (Cue::Complains, _) => {}
            }
            // the verb ("complained", "complains"), not the noun ("the complaint")
            if let Some(at) = omplain.map(|offset| m.start() + offset) {
                let after = sentence.as_bytes().get(at + "omplain".len());
                if !matches!(after, Some(b't' | b'a')) {
                    cues.complains.get_or_insert(at);
                }
            }
        }
        cues
    }
}

/// The sentences holding each mention, by index into `sentences` (which are in order).
fn sentence_of(sentences: &[Sentence], m: &Mention) -> Option<usize> {
    let i = sentences.partition_point(|s| s.span.start <= m.start);
    let s = sentences.get(i.checked_sub(1)?)?;
    (m.end <= s.span.end).then_some(i - 1)
}

/// The complainant, named explicitly (`I have called the complainant 'Ms B'`, `who I refer
/// to here as Mrs X`) or as the one who complains. Only sentences naming someone are read.
fn complainant<'a>(
    sentences: &[Sentence],
    mentions: &[Mention<'a>],
    named: &[(usize, Mention<'a>)],
    cues: &[(usize, Cues)],
) -> Option<&'a str> {
    let cues_of = |i: usize| cues[cues.partition_point(|c| c.0 < i)].1;
    // explicit naming: the first person named in a sentence that names the complainant
    let mut previous = usize::MAX;
    for &(i, m) in named {
        if i == previous {
            continue;
        }
        previous = i;
        let c = cues_of(i);
        if c.naming && !c.possessive {
            return Some(m.name);
        }
    }
    // who complains, in the summary and then the complaint section: the first person named
    // before "complain" in the sentence, other than one it is done for ("On behalf of
    // Miss X, Ms D complained")
    for pass in [true, false] {
        let mut previous = usize::MAX;
        let mut after_behalf = false;
        for &(i, m) in named {
            let s = &sentences[i];
            let wanted = if pass {
                s.in_summary()
            } else {
                s.section == Some(SectionKind::Complaint)
            };
            if !wanted || i == previous {
                continue;
            }
            let c = cues_of(i);
            let Some(at) = c.complains else {
                previous = i;
                continue;
            };
            let represented = !after_behalf
                && c.behalf.is_some_and(|b| s.span.start + b < m.start)
                && m.start < s.span.start + at;
            if represented {
                after_behalf = true; // the next person named in this sentence may be the one
                continue;
            }
            after_behalf = false;
            previous = i;
            if m.start < s.span.start + at {
                return Some(m.name);
            }
        }
    }
    mentions.first().map(|m| m.name)
}

/// The complainant and everyone named by pseudonym.
pub(crate) fn parties(
    text: &str,
    regions: &[Region],
    sentences: &[Sentence],
) -> (Option<String>, Vec<Party>) {
    let mut mentions: Vec<Mention> = Vec::new();
    for r in regions {
        pseudonyms_into(text, r.span.start, r.span.end, &mut mentions);
    }
    if mentions.is_empty() {
        // no "Mr X" anywhere: perhaps a letter alone ("X complained", "who I refer to as G")
        mentions = letter_pseudonyms(text, regions);
    }
    // each mention with the sentence it is in (the first mention of a sentence first)
    let named: Vec<(usize, Mention)> = mentions
        .iter()
        .filter_map(|m| Some((sentence_of(sentences, m)?, *m)))
        .collect();
    // the cues of each sentence naming someone, by sentence index (in order)
    let mut cues: Vec<(usize, Cues)> = Vec::new();
    for &(i, _) in &named {
        if cues.last().is_none_or(|c| c.0 != i) {
            cues.push((i, Cues::of(sentences[i].text(text))));
        }
    }
    let complainant = complainant(sentences, &mentions, &named, &cues);
    // who is complained for: the first person named after "on behalf of" in its sentence
    let mut represented: Vec<&str> = Vec::new();
    for &(i, c) in &cues {
        let Some(at) = c.behalf else {
            continue;
        };
        let s = &sentences[i];
        let from = s.span.start + at;
        if let Some(m) = mentions
            .iter()
            .find(|m| m.start > from && m.end <= s.span.end)
        {
            if Some(m.name) != complainant {
                represented.push(m.name);
            }
        }
    }
    let mut parties: Vec<Party> = Vec::new();
    for m in &mentions {
        let relation = relation_before(text, m.start).or_else(|| relation_after(text, m.end));
        if let Some(p) = parties.iter_mut().find(|p| p.name == m.name) {
            if p.relation.is_none() {
                if let Some((rel, of)) = relation {
                    p.relation = Some(rel);
                    p.relation_of = of;
                }
            }
            continue;
        }
        let role = if Some(m.name) == complainant {
            PartyRole::Complainant
        } else if represented.contains(&m.name) {
            PartyRole::Represented
        } else {
            PartyRole::Other
        };
        let (relation, relation_of) = relation.map_or((None, None), |(r, o)| (Some(r), o));
        parties.push(Party {
            name: m.name.to_string(),
            role,
            relation,
            relation_of,
            start: m.start,
            end: m.end,
        });
    }
    (complainant.map(String::from), parties)
}

/// Words that may join the words of an organisation's name.
fn is_connector(word: &str) -> bool {
    matches!(
        word,
        "of" | "and" | "for" | "upon" | "on" | "in" | "&" | "the"
    )
}

/// Where a short name is defined: `(the Council)`.
static DEFINITION: Lazy<memchr::memmem::Finder<'static>> =
    Lazy::new(|| memchr::memmem::Finder::new("(the "));

/// Organisations named with a short name in brackets: `Mersey Care NHS Foundation Trust
/// (the Trust)`.
pub(crate) fn organisations(text: &str, regions: &[Region]) -> Vec<NamedOrganisation> {
    let mut out: Vec<NamedOrganisation> = Vec::new();
    for r in regions {
        let region = r.span.slice(text);
        for open in DEFINITION.find_iter(region.as_bytes()) {
            let inner_start = open + 5;
            let Some(close) = region[inner_start..].find(')').map(|c| inner_start + c) else {
                continue;
            };
            let short =
                region[inner_start..close].trim_matches(['"', '\'', '“', '”', '‘', '’', ' ']);
            let short_ok = !short.is_empty()
                && short.len() <= 40
                && short.starts_with(|c: char| c.is_uppercase())
                && short
                    .split(' ')
                    .all(|w| w.starts_with(|c: char| c.is_uppercase()) || is_connector(w));
            if !short_ok {
                continue;
            }
            // walk back over the capitalised words of the name
            let before = region[..open].trim_end();
            let mut start = before.len();
            for word in before.rsplit(' ').take(12) {
                let capital = word.starts_with(|c: char| c.is_uppercase());
                let punctuated = word.contains([',', ';', ':', '(', ')', '.']);
                if !(capital || is_connector(word)) || punctuated || word.is_empty() {
                    break;
                }
                start = (start - word.len()).saturating_sub(1);
            }
            let mut name = before[start..].trim_start();
            while let Some((first, rest)) = name.split_once(' ') {
                if is_connector(first) || first == "The" {
                    name = rest;
                } else {
                    break;
                }
            }
            let not_a_body = name.is_empty()
                || name.contains(|c: char| c.is_ascii_digit())
                || name
                    .split(' ')
                    .any(|w| matches!(w, "Act" | "Regulations" | "Guidance" | "Code" | "Order"))
                || !pseudonyms(name, 0, name.len()).is_empty()
                || name == short;
            if not_a_body {
                continue;
            }
            let name_start = r.span.start + before.len() - name.len();
            if out.iter().any(|o| o.name == name && o.short_name == short) {
                continue;
            }
            out.push(NamedOrganisation {
                name: name.to_string(),
                short_name: short.to_string(),
                start: name_start,
                end: r.span.start + close + 1,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn summary(s: &str) -> (Vec<Region>, Vec<Sentence>) {
        let regions = vec![Region {
            span: Span::new(0, s.len()),
            section: None,
        }];
        let sentences = super::super::sentences::split(s, &regions);
        (regions, sentences)
    }

    type Row = (String, PartyRole, Option<String>, Option<String>);

    fn people(s: &str) -> (Option<String>, Vec<Row>) {
        let (regions, sentences) = summary(s);
        let (c, p) = parties(s, &regions, &sentences);
        (
            c,
            p.into_iter()
                .map(|p| (p.name, p.role, p.relation, p.relation_of))
                .collect(),
        )
    }

    #[test]
    fn cues_read_from_their_rarer_word_and_the_words_around_it() {
        let c = Cues::of("I have called the complainant 'Ms B'.");
        assert!(c.naming && !c.possessive);
        assert!(!Cues::of("Ms B is a complainant.").naming);
        assert!(Cues::of("Her father, who I will call Mr C, died.").naming);
        assert!(Cues::of("Her father, whom I have called Mr C, died.").naming);
        assert!(!Cues::of("I recall that Mr C called twice.").naming);
        let c = Cues::of("The complainant's mother, Mrs C, died.");
        assert!(c.possessive && !c.naming);
        let s = "Later, on behalf of Miss X, Ms D complained.";
        assert_eq!(Cues::of(s).behalf, s.find("on behalf"));
        let s = "Ms D complained on her behalf.";
        assert_eq!(Cues::of(s).behalf, s.find("on her"));
        assert_eq!(Cues::of(s).complains, s.find("omplained"));
        assert_eq!(Cues::of("It was done in her behalf.").behalf, None);
        // the noun is not the verb
        assert_eq!(Cues::of("Ms D made a complaint.").complains, None);
    }

    #[test]
    fn complainant_and_relations() {
        let (c, p) =
            people("Mrs X complains the Council failed to support her son, Mr B. Dr Y agreed.");
        assert_eq!(c.as_deref(), Some("Mrs X"));
        assert_eq!(
            p[1],
            ("Mr B".into(), PartyRole::Other, Some("son".into()), None)
        );
        assert_eq!(p[2].0, "Dr Y");

        let (c, p) = people("Mr and Mrs B complain about the care of Mrs C (Ms B's mother).");
        assert_eq!(c.as_deref(), Some("Mr and Mrs B"));
        assert_eq!(
            p[1],
            (
                "Mrs C".into(),
                PartyRole::Other,
                Some("mother".into()),
                Some("Ms B".into())
            )
        );

        let (c, p) =
            people("Ms D complains on behalf of her father, Mr E, that the Trust delayed.");
        assert_eq!(c.as_deref(), Some("Ms D"));
        assert_eq!(
            p[1],
            (
                "Mr E".into(),
                PartyRole::Represented,
                Some("father".into()),
                None
            )
        );

        let (c, _) = people("The Council wrote to Mr Z. I have called the complainant ‘Ms B’.");
        assert_eq!(c.as_deref(), Some("Ms B"));
        let (c, _) = people("A woman, who I refer to here as Mrs X, complained.");
        assert_eq!(c.as_deref(), Some("Mrs X"));
        // not pseudonyms
        assert_eq!(people("Mr Smith and Ms Jones and MrX and Mr XY").0, None);
    }

    #[test]
    fn organisations_with_short_names() {
        let s = "care provided by Liverpool City Council (the Council), Mersey Care NHS Foundation Trust (the Trust) and NHS Cheshire and Merseyside Integrated Care Board (the ICB), under the Mental Health Act 1983 (the MHA) and the Care and Support Statutory Guidance (the Guidance).";
        let (regions, _) = summary(s);
        let orgs: Vec<(String, String)> = organisations(s, &regions)
            .into_iter()
            .map(|o| (o.name, o.short_name))
            .collect();
        assert_eq!(
            orgs,
            vec![
                ("Liverpool City Council".into(), "Council".into()),
                ("Mersey Care NHS Foundation Trust".into(), "Trust".into()),
                (
                    "NHS Cheshire and Merseyside Integrated Care Board".into(),
                    "ICB".into()
                ),
            ]
        );
    }
}
