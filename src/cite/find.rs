//! Provisions and how they join what they cite: provision phrases are found from their
//! heads and short forms, then joined to the reference before or after them
//! (`section 117 of the Mental Health Act`, `Local Government Act 1974, section 34(3)`);
//! what is left are bare provisions, resolved later in the document.
//!
//! Every automaton is built once; Aho-Corasick, memchr and the nom productions run in time
//! linear in the input.

use super::digits;
use super::names::{is_space, overlaps, references, spaces, table_acronym_at, Reference, Target};
use super::provision::{self, Head, Phrase};

/// A mention: a reference with the provisions cited with it, or a bare provision phrase.
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    pub start: usize,
    pub end: usize,
    /// Index into the references, `None` for a bare provision.
    pub reference: Option<usize>,
    pub provisions: Vec<String>,
}

/// Where a reference may start after a provision phrase ending at `after`.
struct Follow {
    /// After `, of ` / ` under ` ...
    joined: Option<usize>,
    /// After `of the `.
    joined_the: Option<usize>,
    /// After one space.
    direct: Option<usize>,
    /// After `, ` (and an optional `the `).
    comma: Option<usize>,
}

impl Follow {
    fn after(text: &str, after: usize) -> Follow {
        let rest = &text[after..];
        let joined = join_word(rest).map(|j| after + j);
        Follow {
            joined,
            joined_the: joined.and_then(|at| the_prefix(&text[at..]).map(|t| at + t)),
            direct: rest
                .chars()
                .next()
                .filter(|&c| is_space(c))
                .map(|c| after + c.len_utf8()),
            comma: comma_join(rest).map(|j| after + j),
        }
    }
}

/// Whether `at` lies inside one of `refs`, which are sorted and do not overlap.
fn inside_sorted(refs: &[Reference], at: usize) -> bool {
    let i = refs.partition_point(|r| r.start <= at);
    i > 0 && at < refs[i - 1].end
}

/// Where short section forms start: `s117`, `s.117`, `s. 117`, `ss.2`, `S117`, at a word
/// boundary and not after an apostrophe ("Council’s 2" is a possessive).
///
/// Digits are rarer than the letter s, so the scan looks for the starts of digit runs and
/// checks what stands before each.
fn short_section_starts(text: &str, out: &mut Vec<usize>) {
    let bytes = text.as_bytes();
    digits::each_run_start(bytes, |i| {
        if i == 0 {
            return;
        }
        // "s117", "s.117", "s. 117", "ss117", "ss.2"
        let mut j = i;
        if bytes[j - 1] == b' ' && j >= 2 && bytes[j - 2] == b'.' {
            j -= 1;
        }
        if bytes[j - 1] == b'.' {
            j -= 1;
        }
        if j == 0 || !matches!(bytes[j - 1], b's' | b'S') {
            return;
        }
        let mut at = j - 1;
        if at > 0 && bytes[at - 1] == bytes[at] {
            at -= 1; // ss
        }
        let prev = text[..at].chars().next_back();
        if prev.is_some_and(|c| c.is_alphanumeric() || matches!(c, '\'' | '’')) {
            return;
        }
        out.push(at);
    });
}

/// Provision phrases by start offset.
fn phrases(text: &str, refs: &[Reference], mut starts: Vec<usize>) -> Vec<(usize, Phrase)> {
    short_section_starts(text, &mut starts);
    starts.sort_unstable();
    let mut out = Vec::with_capacity(starts.len());
    let mut covered = 0;
    for start in starts {
        if start < covered || inside_sorted(refs, start) {
            continue;
        }
        if let Some(p) = provision::phrase(&text[start..]) {
            covered = start + p.len;
            out.push((start, p));
        }
    }
    out
}

/// `, of the`: an optional comma, then `of`/`to`/`in`/`under`/`within` between spaces.
fn join_word(s: &str) -> Option<usize> {
    let mut i = spaces(s);
    if s[i..].starts_with(',') {
        i += 1;
        let sp = spaces(&s[i..]);
        if sp == 0 {
            return None;
        }
        i += sp;
    } else if i == 0 {
        return None;
    }
    let word = ["of", "to", "in", "under", "within"]
        .into_iter()
        .find(|w| s[i..].starts_with(w) && s[i + w.len()..].starts_with(is_space))?;
    i += word.len();
    Some(i + spaces(&s[i..]))
}

/// Whether `s` goes on with ` of ` (a provision of something: `section 4 of her EHC plan`).
fn of_prefix(s: &str) -> bool {
    let sp = spaces(s);
    sp > 0 && s[sp..].starts_with("of") && s[sp + 2..].starts_with(is_space)
}

/// `the ` or `The ` at the start of `s`.
fn the_prefix(s: &str) -> Option<usize> {
    let rest = s.strip_prefix("the").or_else(|| s.strip_prefix("The"))?;
    let sp = spaces(rest);
    (sp > 0).then_some(3 + sp)
}

/// `, ` (and an optional `the `) between a provision and a name: `Section 7, Education Act`.
fn comma_join(s: &str) -> Option<usize> {
    let mut i = spaces(s);
    i += s[i..].starts_with(',').then_some(1)?;
    let sp = spaces(&s[i..]);
    if sp == 0 {
        return None;
    }
    i += sp;
    Some(i + the_prefix(&s[i..]).unwrap_or(0))
}

/// What may stand between a name and the provisions after it: `, `, ` (`, ` [` or spaces.
/// Returns the length and whether a bracket was opened.
fn open_after(s: &str) -> Option<(usize, bool)> {
    let mut i = spaces(s);
    if s[i..].starts_with(',') {
        i += 1;
        return Some((i + spaces(&s[i..]), false));
    }
    if s[i..].starts_with(['(', '[']) {
        i += 1;
        return Some((i + spaces(&s[i..]), true));
    }
    (i > 0).then_some((i, false))
}

/// `, ` between two provision phrases after a name.
fn next_after(s: &str) -> Option<usize> {
    let mut i = spaces(s);
    i += s[i..].starts_with(',').then_some(1)?;
    Some(i + spaces(&s[i..]))
}

/// All references and mentions in `text`, in order.
pub(crate) fn scan(text: &str) -> (Vec<Reference>, Vec<Mention>) {
    let (mut refs, heads) = references(text);
    refs.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    keep_first_of_overlapping(&mut refs, |r| (r.start, r.end));
    let mut phrases = phrases(text, &refs, heads);

    // what follows each provision, worked out once: ", of the", " ", ", "
    let follows: Vec<(usize, Follow)> = phrases
        .iter()
        .map(|(start, p)| (*start, Follow::after(text, start + p.len)))
        .collect();

    // an acronym the table knows, right after a provision: "s117 MHA", "section 2 of the MHA"
    let mut extra = Vec::new();
    for (_, f) in &follows {
        let candidates = [
            f.joined_the.map(|t| (f.joined.unwrap_or(t), t)),
            f.joined.map(|j| (j, j)),
            f.direct.map(|d| (d, d)),
        ];
        for (ref_start, at) in candidates.into_iter().flatten() {
            if let Some((end, abbr)) = table_acronym_at(text, at) {
                if !overlaps(&refs, ref_start, end) {
                    extra.push(Reference {
                        start: ref_start,
                        end,
                        target: Target::Abbreviation { abbr, weak: true },
                        defines: None,
                        entry: None,
                    });
                }
                break;
            }
        }
    }
    if !extra.is_empty() {
        refs.extend(extra);
        refs.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
        refs.dedup_by_key(|r| r.start);
    }
    let refs = refs;
    let by_start = |at: usize| refs.binary_search_by_key(&at, |r| r.start).ok();

    // phrases are sorted by start: found by binary search, marked used by index
    let find =
        |phrases: &[(usize, Phrase)], at: usize| phrases.binary_search_by_key(&at, |p| p.0).ok();
    let mut used = vec![false; phrases.len()];
    let mut mentions: Vec<Mention> = Vec::with_capacity(refs.len() + phrases.len());

    // provisions after a reference: "Local Government Act 1974, section 34(3), as amended"
    let mut trailing: Vec<(usize, Vec<usize>)> = Vec::with_capacity(refs.len());
    for r in &refs {
        let mut end = r.end;
        let mut after = Vec::new();
        if let Some((open, bracket)) = open_after(&text[end..]) {
            if let Some(k) = find(&phrases, end + open).filter(|&k| !used[k]) {
                used[k] = true;
                after.push(k);
                end = phrases[k].0 + phrases[k].1.len;
                end += provision::as_amended(&text[end..]);
                while let Some(sep) = next_after(&text[end..]) {
                    let Some(k) = find(&phrases, end + sep) else {
                        break;
                    };
                    used[k] = true;
                    after.push(k);
                    end = phrases[k].0 + phrases[k].1.len;
                    end += provision::as_amended(&text[end..]);
                }
                if bracket && text[end..].starts_with([')', ']']) {
                    end += 1;
                }
            }
        }
        trailing.push((end, after));
    }

    // provisions before a reference: "section 117 of the Mental Health Act", "s.19 Education Act"
    let mut lead: Vec<Option<usize>> = vec![None; refs.len()];
    for (start, f) in &follows {
        let Some(k) = find(&phrases, *start) else {
            continue;
        };
        if used[k] {
            continue;
        }
        let target = [f.joined, f.joined_the, f.direct, f.comma]
            .into_iter()
            .flatten()
            .find_map(|at| {
                let i = by_start(at)?;
                let named = matches!(refs[i].target, Target::Named { .. });
                let direct_ok = (Some(at) != f.direct && Some(at) != f.comma)
                    || (Some(at) == f.direct
                        && (named || matches!(refs[i].target, Target::Abbreviation { .. })))
                    || (Some(at) == f.comma && named);
                (direct_ok && lead[i].is_none()).then_some(i)
            });
        if let Some(i) = target {
            used[k] = true;
            lead[i] = Some(k);
        }
    }

    for (i, r) in refs.iter().enumerate() {
        let (end, after) = &trailing[i];
        let mut provisions = Vec::new();
        for &k in lead[i].iter().chain(after) {
            if provisions.is_empty() {
                provisions = std::mem::take(&mut phrases[k].1.provisions); // no copy
            } else {
                provisions.append(&mut phrases[k].1.provisions);
            }
        }
        mentions.push(Mention {
            start: lead[i].map_or(r.start, |k| phrases[k].0),
            end: *end,
            reference: Some(i),
            provisions,
        });
    }
    for (k, (start, p)) in phrases.into_iter().enumerate() {
        // "section 4 of her EHC plan": a section of something that is not law
        let of_something = of_prefix(&text[start + p.len..]);
        if !used[k]
            && p.head == Head::Section
            && !of_something
            && !overlaps(&refs, start, start + p.len)
        {
            mentions.push(Mention {
                start,
                end: start + p.len,
                reference: None,
                provisions: p.provisions,
            });
        }
    }
    mentions.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    keep_first_of_overlapping(&mut mentions, |m| (m.start, m.end));
    (refs, mentions)
}

/// Drops, in place, each item that overlaps one kept before it; `items` are sorted by start
/// (the longest first where two start together) and `span` gives an item's start and end.
fn keep_first_of_overlapping<T>(items: &mut Vec<T>, span: impl Fn(&T) -> (usize, usize)) {
    let mut kept_end: Option<usize> = None;
    items.retain(|item| {
        let (start, end) = span(item);
        let keep = kept_end.is_none_or(|kept| start >= kept);
        if keep {
            kept_end = Some(end);
        }
        keep
    });
}
