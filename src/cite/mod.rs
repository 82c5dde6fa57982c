//! Statute citations: Acts, statutory instruments and guidance named in text, the
//! provisions cited with them, abbreviations and short forms resolved within the document
//! and against the bundled table, canonical cites and legislation.gov.uk links.

mod find;
mod provision;
mod table;

use serde::Serialize;

use crate::model::Date;
use crate::span::Span;
use find::{Mention, Reference, Target};
pub use table::{instruments, CitationKind, Instrument};
use table::{key, TABLE};

/// How a citation's instrument was worked out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Resolution {
    /// The text names the instrument with its year.
    Explicit,
    /// Through an abbreviation defined in the text (`(the MHA)`) or known to the table.
    Abbreviation,
    /// From a mention earlier in the same text (a name with its year, the same provision).
    EarlierMention,
    /// From a mention later in the same text.
    LaterMention,
    /// From the bundled table: a name without a year that only one instrument has.
    Table,
    /// Not resolved: the name is kept as written (`Housing Act`, several have that name).
    Unresolved,
}

/// One citation of law found in a text.
///
/// `start` and `end` are **UTF-8 byte offsets** into the text that was searched (for a
/// [`crate::Decision`], the text given to [`crate::Decision::parse`]): `text[start..end]`
/// is [`Citation::text`].
///
/// ```
/// use ombudsman::find_citations;
/// let text = "She was detained under section 3 of the Mental Health Act 1983 (the MHA). \
///             Section 2 of the MHA allows ...";
/// let cites = find_citations(text);
/// assert_eq!(cites.len(), 2);
/// assert_eq!(cites[0].text, "section 3 of the Mental Health Act 1983 (the MHA)");
/// assert_eq!(cites[0].cite.as_deref(), Some("MHA 1983 s3"));
/// assert_eq!(cites[0].url.as_deref(), Some("https://www.legislation.gov.uk/ukpga/1983/20/section/3"));
/// assert_eq!(cites[1].instrument.as_deref(), Some("Mental Health Act 1983"));
/// assert_eq!(cites[1].provisions, vec!["s2"]);
/// assert_eq!(&text[cites[1].start..cites[1].end], "Section 2 of the MHA");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Citation {
    /// The exact text of the citation.
    pub text: String,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The instrument's full short title with its year (`Mental Health Act 1983`), or the
    /// name as written when it cannot be resolved.
    pub instrument: Option<String>,
    /// Act, statutory instrument or guidance.
    pub kind: CitationKind,
    /// Provisions, normalised: `s117`, `s34(3)`, `s26A(1)`, `Part 7`, `Sch 2 para 19B`,
    /// `reg 15`, `art 3`; a range keeps both ends: `s3(4)-3(7)`.
    pub provisions: Vec<String>,
    /// The canonical cite: `MHA 1983 s117`, `LGA 1974 s26(1), s26A(1)`, `SI 2015/313 reg 3`.
    pub cite: Option<String>,
    /// How the instrument was resolved.
    pub resolution: Resolution,
    /// The abbreviation this citation defines (`MHA` in `... 1983 (the MHA)`).
    pub defines: Option<String>,
    /// The legislation.gov.uk id, where the bundled table has a verified one.
    pub legislation_id: Option<String>,
    /// legislation.gov.uk link to the (first) provision, or to the instrument.
    pub url: Option<String>,
    /// The same link at the decision date: the law as it stood when the decision was made.
    pub url_at_date: Option<String>,
}

impl Citation {
    /// The citation's span.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// Finds the citations of law in any text.
///
/// Matching is linear in the input (the regex crate does not backtrack) and every pattern
/// is compiled once.
///
/// ```
/// let cites = ombudsman::find_citations(
///     "(Local Government Act 1974, sections 26(1) and 26A(1), as amended)");
/// assert_eq!(cites[0].provisions, vec!["s26(1)", "s26A(1)"]);
/// assert_eq!(cites[0].cite.as_deref(), Some("LGA 1974 s26(1), s26A(1)"));
/// assert!(ombudsman::find_citations("A Time to Act; the Rent Acts; this section").is_empty());
/// ```
pub fn find_citations(text: &str) -> Vec<Citation> {
    find_citations_at(text, None)
}

/// [`find_citations`], with point-in-time links for the date a decision was made.
///
/// ```
/// use ombudsman::{find_citations_at, Date};
/// let cites = find_citations_at("section 117 of the Mental Health Act 1983", Date::new(2025, 7, 28));
/// assert_eq!(cites[0].url_at_date.as_deref(),
///            Some("https://www.legislation.gov.uk/ukpga/1983/20/section/117/2025-07-28"));
/// ```
pub fn find_citations_at(text: &str, date: Option<Date>) -> Vec<Citation> {
    let (refs, mentions) = find::scan(text);
    let resolved = resolve(&refs, &mentions);
    mentions
        .iter()
        .zip(resolved)
        .filter_map(|(m, r)| r.map(|(inst, res)| citation(text, m, &refs, inst, res, date)))
        .collect()
}

/// A resolved instrument: its title (or name as written), kind, and table entry.
#[derive(Debug, Clone)]
struct Resolved {
    title: String,
    kind: CitationKind,
    entry: Option<&'static Instrument>,
}

const OMBUDSMAN_ACTS: &[&str] = &[
    "Local Government Act 1974",
    "Health Service Commissioners Act 1993",
];

/// Resolves each mention's instrument, in document order; `None` drops the mention.
fn resolve(refs: &[Reference], mentions: &[Mention]) -> Vec<Option<(Resolved, Resolution)>> {
    // 1. names with years, and abbreviation definitions
    let named = |r: &Reference| -> Option<Resolved> {
        match &r.target {
            Target::Named {
                stem,
                year: Some(y),
                kind,
            } => {
                let title = format!("{stem} {y}");
                let entry = TABLE.by_title(&title);
                Some(Resolved {
                    title: entry.map_or(title, |e| e.title.clone()),
                    kind: entry.map_or(*kind, |e| e.kind),
                    entry,
                })
            }
            _ => None,
        }
    };
    let with_year: Vec<(usize, String, Resolved)> = refs
        .iter()
        .filter_map(|r| {
            let stem = match &r.target {
                Target::Named { stem, .. } => key(stem),
                _ => return None,
            };
            named(r).map(|res| (r.start, stem, res))
        })
        .collect();
    let nearest_named = |at: usize, stem: &str| -> Option<(Resolved, Resolution)> {
        let same = |x: &&(usize, String, Resolved)| x.1 == stem;
        if let Some(x) = with_year.iter().filter(same).rfind(|x| x.0 < at) {
            return Some((x.2.clone(), Resolution::EarlierMention));
        }
        with_year
            .iter()
            .filter(same)
            .find(|x| x.0 > at)
            .map(|x| (x.2.clone(), Resolution::LaterMention))
    };
    let by_stem = |stem: &str| -> Option<(Resolved, Resolution)> {
        let key_stem = key(stem);
        if let Some(found) = nearest_named(usize::MAX, &key_stem).map(|(r, _)| r) {
            return Some((found, Resolution::EarlierMention));
        }
        match TABLE.by_stem(stem).as_slice() {
            [one] => Some((
                Resolved {
                    title: one.title.clone(),
                    kind: one.kind,
                    entry: Some(one),
                },
                Resolution::Table,
            )),
            _ => None,
        }
    };
    let resolve_named = |r: &Reference| -> Option<(Resolved, Resolution)> {
        match &r.target {
            Target::Named { year: Some(_), .. } => named(r).map(|x| (x, Resolution::Explicit)),
            Target::Named {
                stem,
                year: None,
                kind,
            } => Some(
                nearest_named(r.start, &key(stem))
                    .or_else(|| by_stem(stem).map(|(x, _)| (x, Resolution::Table)))
                    .unwrap_or((
                        Resolved {
                            title: stem.clone(),
                            kind: *kind,
                            entry: None,
                        },
                        Resolution::Unresolved,
                    )),
            ),
            _ => None,
        }
    };
    let definitions: Vec<(&str, usize, Resolved)> = refs
        .iter()
        .filter_map(|r| Some((r.defines.as_deref()?, r.start, resolve_named(r)?.0)))
        .collect();
    let named_titles: Vec<String> = refs
        .iter()
        .filter_map(&resolve_named)
        .map(|(x, _)| x.title)
        .collect();

    let mut out: Vec<Option<(Resolved, Resolution)>> = Vec::with_capacity(mentions.len());
    for (n, m) in mentions.iter().enumerate() {
        let resolved = match m.reference.map(|i| &refs[i]) {
            Some(r) => match &r.target {
                Target::Named { .. } => resolve_named(r),
                Target::Abbreviation { abbr, weak } => {
                    let defined = definitions
                        .iter()
                        .filter(|d| d.0 == abbr)
                        .min_by_key(|d| d.1.abs_diff(r.start));
                    match defined {
                        Some(d) => Some((d.2.clone(), Resolution::Abbreviation)),
                        None => TABLE.by_abbreviation(abbr).and_then(|e| {
                            let named_here = named_titles.contains(&e.title);
                            (!*weak || named_here || !m.provisions.is_empty()).then(|| {
                                (
                                    Resolved {
                                        title: e.title.clone(),
                                        kind: e.kind,
                                        entry: Some(e),
                                    },
                                    Resolution::Abbreviation,
                                )
                            })
                        }),
                    }
                }
                Target::YearAct { year } => {
                    let titles: Vec<&Resolved> = with_year
                        .iter()
                        .filter(|x| {
                            x.2.kind == CitationKind::Act && x.2.title.ends_with(&year.to_string())
                        })
                        .map(|x| &x.2)
                        .collect();
                    let first = titles.first().copied();
                    match first {
                        Some(f) if titles.iter().all(|t| t.title == f.title) => {
                            let earlier = with_year
                                .iter()
                                .any(|x| x.0 < r.start && x.2.title == f.title);
                            Some((
                                f.clone(),
                                if earlier {
                                    Resolution::EarlierMention
                                } else {
                                    Resolution::LaterMention
                                },
                            ))
                        }
                        _ => None,
                    }
                }
                Target::TheAct => {
                    // only where one Act is clearly meant: the one Act named so far
                    let before: Vec<&(usize, String, Resolved)> = with_year
                        .iter()
                        .filter(|x| x.0 < r.start && x.2.kind == CitationKind::Act)
                        .filter(|x| !OMBUDSMAN_ACTS.contains(&x.2.title.as_str()))
                        .collect();
                    match before.first() {
                        Some(f) if before.iter().all(|x| x.2.title == f.2.title) => {
                            Some((f.2.clone(), Resolution::EarlierMention))
                        }
                        _ => None,
                    }
                }
                Target::SameAct => with_year
                    .iter()
                    .rfind(|x| x.0 < r.start && x.2.kind == CitationKind::Act)
                    .map(|x| (x.2.clone(), Resolution::EarlierMention)),
                Target::Guidance { name } => Some((
                    Resolved {
                        title: guidance_title(name),
                        kind: CitationKind::Guidance,
                        entry: None,
                    },
                    Resolution::Explicit,
                )),
            },
            None => resolve_bare(n, mentions, refs, &out),
        };
        out.push(resolved);
    }
    // bare provisions that come before the mention that resolves them
    for n in 0..mentions.len() {
        if out[n].is_none() && mentions[n].reference.is_none() {
            out[n] = resolve_bare_later(n, mentions, &out);
        }
    }
    out
}

/// A bare section ("Section 19", "s117"): the instrument cited with the same provision
/// earlier, else the nearest Act named before it (other than the Ombudsman's own Acts).
fn resolve_bare(
    n: usize,
    mentions: &[Mention],
    refs: &[Reference],
    done: &[Option<(Resolved, Resolution)>],
) -> Option<(Resolved, Resolution)> {
    let provision = mentions[n].provisions.first()?;
    let same = (0..n).rev().find(|&i| {
        mentions[i].reference.is_some()
            && done[i].is_some()
            && mentions[i].provisions.iter().any(|p| p == provision)
    });
    if let Some(i) = same {
        return done[i]
            .clone()
            .map(|(r, _)| (r, Resolution::EarlierMention));
    }
    let _ = refs;
    None
}

fn resolve_bare_later(
    n: usize,
    mentions: &[Mention],
    done: &[Option<(Resolved, Resolution)>],
) -> Option<(Resolved, Resolution)> {
    let provision = mentions[n].provisions.first()?;
    let substantive = |i: usize| {
        mentions[i].reference.is_some()
            && done[i].as_ref().is_some_and(|(r, _)| {
                r.kind == CitationKind::Act && !OMBUDSMAN_ACTS.contains(&r.title.as_str())
            })
    };
    if let Some(i) = (n + 1..mentions.len()).find(|&i| {
        mentions[i].reference.is_some()
            && done[i].is_some()
            && mentions[i].provisions.iter().any(|p| p == provision)
    }) {
        return done[i].clone().map(|(r, _)| (r, Resolution::LaterMention));
    }
    if let Some(i) = (0..n).rev().find(|&i| substantive(i)) {
        return done[i]
            .clone()
            .map(|(r, _)| (r, Resolution::EarlierMention));
    }
    (n + 1..mentions.len())
        .find(|&i| substantive(i))
        .and_then(|i| done[i].clone())
        .map(|(r, _)| (r, Resolution::LaterMention))
}

/// Known titles of guidance; others keep the name as written.
fn guidance_title(name: &str) -> String {
    let k = key(name);
    if k.contains("mental health act") && k.contains("code of practice") {
        "Mental Health Act 1983: Code of Practice".into()
    } else if k.contains("send code of practice")
        || k.contains("special educational needs and disability code")
    {
        "SEND Code of Practice: 0 to 25 years".into()
    } else if k.contains("care and support statutory guidance") {
        "Care and Support Statutory Guidance".into()
    } else {
        name.to_string()
    }
}

fn citation(
    text: &str,
    m: &Mention,
    refs: &[Reference],
    inst: Resolved,
    resolution: Resolution,
    date: Option<Date>,
) -> Citation {
    let id = inst.entry.and_then(|e| e.legislation_id.clone());
    let short = match (inst.kind, inst.entry, &id) {
        (CitationKind::Si, Some(e), Some(id)) => {
            let mut parts = id.split('/').skip(1);
            let (y, n) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
            let _ = e;
            Some(format!("SI {y}/{n}"))
        }
        (CitationKind::Act, Some(e), _) => Some(format!(
            "{} {}",
            e.short(),
            e.year.map_or(String::new(), |y| y.to_string())
        )),
        (CitationKind::Act, None, _) => {
            let stem = table::strip_year(&inst.title);
            let year = &inst.title[stem.len()..];
            (stem.len() < inst.title.len())
                .then(|| format!("{}{}", table::initials(stem), year.replace(',', "")))
        }
        _ => Some(inst.title.clone()),
    };
    let cite = short.map(|s| {
        let s = s.trim().to_string();
        if m.provisions.is_empty() {
            s
        } else {
            format!("{s} {}", m.provisions.join(", "))
        }
    });
    let url = id.as_ref().map(|id| {
        let base = format!("https://www.legislation.gov.uk/{id}");
        match m.provisions.first().and_then(|p| provision_path(p)) {
            Some(path) => format!("{base}/{path}"),
            None => base,
        }
    });
    let url_at_date = match (&url, date) {
        (Some(u), Some(d)) => Some(format!("{u}/{d}")),
        _ => None,
    };
    Citation {
        text: text[m.start..m.end].to_string(),
        start: m.start,
        end: m.end,
        instrument: Some(inst.title),
        kind: inst.kind,
        provisions: m.provisions.clone(),
        cite,
        resolution,
        defines: m.reference.and_then(|i| refs[i].defines.clone()),
        legislation_id: id,
        url,
        url_at_date,
    }
}

/// The legislation.gov.uk path of a normalised provision: `s34(3)` -> `section/34`.
fn provision_path(p: &str) -> Option<String> {
    let number =
        |s: &str| -> String { s.split(['(', '-']).next().unwrap_or("").trim().to_string() };
    if let Some(rest) = p.strip_prefix("Sch ") {
        return Some(match rest.split_once(" para ") {
            Some((s, para)) => format!("schedule/{}/paragraph/{}", number(s), number(para)),
            None => format!("schedule/{}", number(rest)),
        });
    }
    let (kind, rest) = if let Some(r) = p.strip_prefix("reg ") {
        ("regulation", r)
    } else if let Some(r) = p.strip_prefix("art ") {
        ("article", r)
    } else if let Some(r) = p.strip_prefix("Part ") {
        ("part", r)
    } else if let Some(r) = p.strip_prefix('s') {
        ("section", r)
    } else {
        return None;
    };
    let n = number(rest);
    (!n.is_empty() && n.starts_with(|c: char| c.is_ascii_digit())).then(|| format!("{kind}/{n}"))
}
