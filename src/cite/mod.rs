//! Statute citations: Acts, statutory instruments and guidance named in text, the
//! provisions cited with them, abbreviations and short forms resolved within the document
//! and against the bundled table, canonical cites and legislation.gov.uk links.

mod digits;
mod find;
mod names;
mod provision;
mod table;

use std::cell::OnceCell;
use std::sync::Arc;

use serde::Serialize;

use crate::model::Date;
use crate::span::Span;
use find::Mention;
use names::{Reference, Target};
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
    /// From the bundled table: a name without a year that only one instrument has, or a
    /// bare section that decisions use for one Act (`section 117 aftercare`).
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
/// assert_eq!(cites[0].cite().as_deref(), Some("MHA 1983 s3"));
/// assert_eq!(cites[0].url().as_deref(), Some("https://www.legislation.gov.uk/ukpga/1983/20/section/3"));
/// assert_eq!(cites[1].instrument.as_deref(), Some("Mental Health Act 1983"));
/// assert_eq!(cites[1].provisions, vec!["s2"]);
/// assert_eq!(&text[cites[1].start..cites[1].end], "Section 2 of the MHA");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// The exact text of the citation.
    pub text: String,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The instrument's full short title with its year (`Mental Health Act 1983`), or the
    /// name as written when it cannot be resolved. Shared between the citations of a text
    /// that name the same instrument.
    pub instrument: Option<Arc<str>>,
    /// Act, statutory instrument or guidance.
    pub kind: CitationKind,
    /// Provisions, normalised: `s117`, `s34(3)`, `s26A(1)`, `Part 7`, `Sch 2 para 19B`,
    /// `reg 15`, `art 3`; a range keeps both ends: `s3(4)-3(7)`.
    pub provisions: Vec<String>,
    /// How the instrument was resolved.
    pub resolution: Resolution,
    /// The abbreviation this citation defines (`MHA` in `... 1983 (the MHA)`).
    pub defines: Option<String>,
    /// The table entry of the instrument, where it has one.
    entry: Option<&'static Instrument>,
    /// The date of the decision the citation was found in, for point-in-time links.
    decision_date: Option<Date>,
}

impl Citation {
    /// The citation's span.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }

    /// The canonical cite: `MHA 1983 s117`, `LGA 1974 s26(1), s26A(1)`, `SI 2015/313 reg 3`;
    /// `None` for a name without a year that the table does not know.
    pub fn cite(&self) -> Option<String> {
        let title = self.instrument.as_deref()?;
        let id = self.legislation_id();
        let mut cite = String::with_capacity(24 + 8 * self.provisions.len());
        match (self.kind, self.entry, id) {
            (CitationKind::Si, Some(_), Some(id)) => {
                let mut parts = id.split('/').skip(1);
                cite.push_str("SI ");
                cite.push_str(parts.next().unwrap_or(""));
                cite.push('/');
                cite.push_str(parts.next().unwrap_or(""));
            }
            (CitationKind::Act, Some(e), _) => {
                e.push_short(&mut cite);
                if let Some(y) = e.year {
                    cite.push(' ');
                    cite.push_str(itoa::Buffer::new().format(y));
                }
            }
            (CitationKind::Act, None, _) => {
                let stem = table::strip_year(title);
                if stem.len() == title.len() {
                    return None;
                }
                cite.push_str(&table::initials(stem));
                cite.extend(title[stem.len()..].chars().filter(|&c| c != ','));
            }
            _ => cite.push_str(title),
        }
        for (i, p) in self.provisions.iter().enumerate() {
            cite.push_str(if i == 0 { " " } else { ", " });
            cite.push_str(p);
        }
        Some(cite)
    }

    /// The legislation.gov.uk id (`ukpga/1983/20`), where the bundled table has a verified one.
    pub fn legislation_id(&self) -> Option<&'static str> {
        self.entry.and_then(|e| e.legislation_id.as_deref())
    }

    /// The legislation.gov.uk link to the (first) provision, or to the instrument.
    pub fn url(&self) -> Option<String> {
        let id = self.legislation_id()?;
        let mut url = String::with_capacity(64);
        url.push_str("https://www.legislation.gov.uk/");
        url.push_str(id);
        if let Some(p) = self.provisions.first() {
            push_provision_path(&mut url, p);
        }
        Some(url)
    }

    /// The same link at the decision date: the law as it stood when the decision was made.
    pub fn url_at_date(&self) -> Option<String> {
        let date = self.decision_date?;
        self.url().map(|url| at_date(url, date))
    }
}

/// A link at a date: `{url}/{YYYY-MM-DD}`.
fn at_date(mut url: String, date: Date) -> String {
    url.push('/');
    url.push_str(date.iso().as_str());
    url
}

/// Citations serialise with their derived values: `cite`, `legislation_id`, `url` and
/// `url_at_date` beside the fields.
impl Serialize for Citation {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Citation", 12)?;
        st.serialize_field("text", &self.text)?;
        st.serialize_field("start", &self.start)?;
        st.serialize_field("end", &self.end)?;
        st.serialize_field("instrument", &self.instrument)?;
        st.serialize_field("kind", &self.kind)?;
        st.serialize_field("provisions", &self.provisions)?;
        st.serialize_field("cite", &self.cite())?;
        st.serialize_field("resolution", &self.resolution)?;
        st.serialize_field("defines", &self.defines)?;
        st.serialize_field("legislation_id", &self.legislation_id())?;
        let url = self.url();
        st.serialize_field("url", &url)?;
        let url_at_date = match (url, self.decision_date) {
            (Some(url), Some(date)) => Some(at_date(url, date)),
            _ => None,
        };
        st.serialize_field("url_at_date", &url_at_date)?;
        st.end()
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
/// assert_eq!(cites[0].cite().as_deref(), Some("LGA 1974 s26(1), s26A(1)"));
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
/// assert_eq!(cites[0].url_at_date().as_deref(),
///            Some("https://www.legislation.gov.uk/ukpga/1983/20/section/117/2025-07-28"));
/// ```
pub fn find_citations_at(text: &str, date: Option<Date>) -> Vec<Citation> {
    let (refs, mentions) = find::scan(text);
    let (found, resolved) = resolve(text, &refs, &mentions);
    // sized once: nearly every mention resolves
    let mut cites = Vec::with_capacity(resolved.iter().flatten().count());
    for (m, r) in mentions.into_iter().zip(resolved) {
        if let Some((i, res)) = r {
            cites.push(citation(text, m, &refs, &found[i], res, date));
        }
    }
    cites
}

/// An instrument a document cites, worked out once per document.
#[derive(Debug, Clone)]
struct Resolved {
    title: Arc<str>,
    kind: CitationKind,
    entry: Option<&'static Instrument>,
}

impl Resolved {
    fn new(title: &str, kind: CitationKind, entry: Option<&'static Instrument>) -> Resolved {
        Resolved {
            title: title.into(),
            kind,
            entry,
        }
    }
}

const OMBUDSMAN_ACTS: &[&str] = &[
    "Local Government Act 1974",
    "Health Service Commissioners Act 1993",
];

/// The instruments of one document, each once, by index.
#[derive(Default)]
struct Found(Vec<Resolved>);

impl Found {
    fn intern(
        &mut self,
        title: &str,
        kind: CitationKind,
        entry: Option<&'static Instrument>,
    ) -> usize {
        match self.0.iter().position(|r| *r.title == *title) {
            Some(i) => i,
            None => {
                self.0.push(Resolved::new(title, kind, entry));
                self.0.len() - 1
            }
        }
    }

    fn intern_entry(&mut self, e: &'static Instrument) -> usize {
        let known = self
            .0
            .iter()
            .position(|r| r.entry.is_some_and(|x| std::ptr::eq(x, e)));
        known.unwrap_or_else(|| self.intern(&e.title, e.kind, Some(e)))
    }
}

type Resolutions = Vec<Option<(usize, Resolution)>>;

/// Resolves each mention's instrument, in document order; `None` drops the mention.
fn resolve(text: &str, refs: &[Reference], mentions: &[Mention]) -> (Vec<Resolved>, Resolutions) {
    let mut found = Found::default();
    let stem = |j: usize| match &refs[j].target {
        Target::Named { stem, .. } => Some(stem.as_str()),
        _ => None,
    };
    // names with their year
    let explicit: Vec<Option<usize>> = refs
        .iter()
        .map(|r| match &r.target {
            Target::Named {
                stem,
                year: Some(y),
                kind,
            } => Some(match r.entry {
                Some(e) => found.intern_entry(e),
                None => found.intern(&format!("{stem} {y}"), *kind, None),
            }),
            _ => None,
        })
        .collect();
    // each name's key, worked out at most once, and only if needed (the names differ only
    // in spacing or punctuation, which is rare)
    let keys: OnceCell<Vec<OnceCell<String>>> = OnceCell::new();
    let key_of = |j: usize, name: &str| {
        keys.get_or_init(|| vec![OnceCell::new(); refs.len()])[j]
            .get_or_init(|| key(name))
            .as_str()
    };
    let nearest = |i: usize| -> Option<(usize, Resolution)> {
        let name = stem(i)?;
        // the same name: as written, in another case, or (rarely) spaced or punctuated apart
        let same = |j: &usize| {
            explicit[*j].is_some()
                && stem(*j).is_some_and(|other| {
                    other == name
                        || other.eq_ignore_ascii_case(name)
                        || (other.len().abs_diff(name.len()) <= 4
                            && key_of(*j, other) == key_of(i, name))
                })
        };
        if let Some(j) = (0..i).rev().find(same) {
            return explicit[j].map(|x| (x, Resolution::EarlierMention));
        }
        (i + 1..refs.len())
            .find(same)
            .and_then(|j| explicit[j])
            .map(|x| (x, Resolution::LaterMention))
    };
    // every name, with or without its year
    let mut named: Vec<Option<(usize, Resolution)>> = Vec::with_capacity(refs.len());
    for (i, r) in refs.iter().enumerate() {
        named.push(match &r.target {
            Target::Named { year: Some(_), .. } => explicit[i].map(|x| (x, Resolution::Explicit)),
            Target::Named {
                stem,
                year: None,
                kind,
            } => Some(nearest(i).unwrap_or_else(|| match r.entry {
                Some(e) => (found.intern_entry(e), Resolution::Table),
                None => (found.intern(stem, *kind, None), Resolution::Unresolved),
            })),
            _ => None,
        });
    }
    let definitions: Vec<(&str, usize, usize)> = refs
        .iter()
        .zip(&named)
        .filter_map(|(r, n)| Some((r.defines.as_deref()?, r.start, n.as_ref()?.0)))
        .collect();
    let named_here = |e: &Instrument, found: &Found| {
        named
            .iter()
            .flatten()
            .any(|(x, _)| *found.0[*x].title == *e.title)
    };
    let is_act = |x: usize, found: &Found| found.0[x].kind == CitationKind::Act;
    let substantive =
        |x: usize, found: &Found| is_act(x, found) && !OMBUDSMAN_ACTS.contains(&&*found.0[x].title);

    let mut out: Resolutions = Vec::with_capacity(mentions.len());
    for m in mentions {
        let Some(i) = m.reference else {
            out.push(None); // bare provisions: below
            continue;
        };
        let r = &refs[i];
        let resolved = match &r.target {
            Target::Named { .. } => named[i],
            Target::Abbreviation { abbr, weak } => {
                let defined = definitions
                    .iter()
                    .filter(|d| d.0 == abbr)
                    .min_by_key(|d| d.1.abs_diff(r.start));
                match defined {
                    Some(d) => Some((d.2, Resolution::Abbreviation)),
                    None => match TABLE.by_abbreviation(abbr) {
                        Some(e) if !*weak || !m.provisions.is_empty() || named_here(e, &found) => {
                            Some((found.intern_entry(e), Resolution::Abbreviation))
                        }
                        _ => None,
                    },
                }
            }
            Target::YearAct { year } => {
                let y = year.to_string();
                let mut with_year = explicit.iter().enumerate().filter_map(|(j, x)| {
                    x.filter(|&x| is_act(x, &found) && found.0[x].title.ends_with(&y))
                        .map(|x| (j, x))
                });
                let first = with_year.next();
                match first {
                    Some((j, x)) if with_year.all(|(_, o)| o == x) => Some((
                        x,
                        if refs[j].start < r.start {
                            Resolution::EarlierMention
                        } else {
                            Resolution::LaterMention
                        },
                    )),
                    _ => None,
                }
            }
            Target::TheAct => {
                // only where one Act is clearly meant: the one Act named so far
                let mut before = (0..i)
                    .filter_map(|j| explicit[j])
                    .filter(|&x| substantive(x, &found));
                match before.next() {
                    Some(x) if before.all(|o| o == x) => Some((x, Resolution::EarlierMention)),
                    _ => None,
                }
            }
            Target::SameAct => (0..i)
                .rev()
                .filter_map(|j| explicit[j])
                .find(|&x| is_act(x, &found))
                .map(|x| (x, Resolution::EarlierMention)),
            Target::Guidance { name } => Some((
                found.intern(guidance_title(name), CitationKind::Guidance, None),
                Resolution::Explicit,
            )),
        };
        out.push(resolved);
    }
    // bare sections ("Section 19", "s117"): the instrument cited with the same provision
    // (earlier first) unless an idiom names another Act ("section 117 aftercare"), else the
    // idiom's Act, else the nearest Act named before it, else after it (other than the
    // Ombudsman's own Acts)
    for n in 0..mentions.len() {
        if mentions[n].reference.is_some() {
            continue;
        }
        let Some(provision) = mentions[n].provisions.first() else {
            continue;
        };
        let cited = |j: &usize| {
            mentions[*j].reference.is_some()
                && out[*j].is_some()
                && mentions[*j].provisions.iter().any(|p| p == provision)
        };
        let near = |j: &usize| {
            mentions[*j].reference.is_some() && out[*j].is_some_and(|(x, _)| substantive(x, &found))
        };
        let same_provision = if let Some(j) = (0..n).rev().find(cited) {
            out[j].map(|(x, _)| (x, Resolution::EarlierMention))
        } else if let Some(j) = (n + 1..mentions.len()).find(cited) {
            out[j].map(|(x, _)| (x, Resolution::LaterMention))
        } else {
            None
        };
        // the idiom's Act outranks another Act's section of the same number ("a section 42
        // enquiry" is the Care Act's, whatever else the text cites as section 42); the same
        // provision cited with the idiom's own Act is the better evidence. Titles are
        // compared first: the table is looked up only for an idiom that decides.
        let idiom_act = idiom(provision, &text[mentions[n].end..])
            .filter(|title| same_provision.is_none_or(|(x, _)| *found.0[x].title != **title))
            .and_then(|title| TABLE.by_title(title));
        out[n] = if let Some(e) = idiom_act {
            Some((found.intern_entry(e), Resolution::Table))
        } else if same_provision.is_some() {
            same_provision
        } else if let Some(j) = (0..n).rev().find(near) {
            out[j].map(|(x, _)| (x, Resolution::EarlierMention))
        } else {
            (n + 1..mentions.len())
                .find(near)
                .and_then(|j| out[j])
                .map(|(x, _)| (x, Resolution::LaterMention))
        };
    }
    (found.0, out)
}

/// Sections decisions cite without their Act because the words after them say which Act
/// is meant: the section, the words that may follow it, and the Act. Every one is an alias
/// the bundled table gives for the Act (`section 117 aftercare`, `section 19 (alternative
/// provision)`, `section 17`, `section 20`), or the section of the same Act that works with
/// it (`section 47` enquiries with `section 17`, `section 42` enquiries of the Care Act).
const BARE_SECTION_IDIOMS: &[(&str, &[&str], &str)] = &[
    (
        "s117",
        &["aftercare", "after-care", "after care"],
        "Mental Health Act 1983",
    ),
    (
        "s17",
        &["assessment", "child in need", "support", "services"],
        "Children Act 1989",
    ),
    ("s20", &["accommodat", "care"], "Children Act 1989"),
    (
        "s47",
        &["enquir", "inquir", "investigation", "strategy"],
        "Children Act 1989",
    ),
    (
        "s19",
        &["duty", "education", "alternative", "provision", "tuition"],
        "Education Act 1996",
    ),
    (
        "s42",
        &["enquir", "inquir", "safeguarding"],
        "Care Act 2014",
    ),
];

/// The title of the Act an idiom names for a bare section: `section 117` followed by
/// `aftercare`.
fn idiom(provision: &str, after: &str) -> Option<&'static str> {
    let section = provision.split(['(', '-']).next().unwrap_or(provision);
    let (_, words, title) = BARE_SECTION_IDIOMS.iter().find(|i| i.0 == section)?;
    let next = &after[names::spaces(after)..];
    if next.len() == after.len() {
        return None; // "section 117." ends a sentence; "section 117’s" is another word
    }
    words
        .iter()
        .any(|w| {
            next.as_bytes()
                .get(..w.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(w.as_bytes()))
        })
        .then_some(*title)
}

/// Known titles of guidance; others keep the name as written.
fn guidance_title(name: &str) -> &str {
    let k = key(name);
    if (k.contains("mental health act") || k.starts_with("mha ")) && k.contains("code of practice")
    {
        "Mental Health Act 1983: Code of Practice"
    } else if k.contains("send code of practice")
        || k.contains("special educational needs and disability code")
    {
        "SEND Code of Practice: 0 to 25 years"
    } else if k.contains("care and support statutory guidance") {
        "Care and Support Statutory Guidance"
    } else {
        name
    }
}

fn citation(
    text: &str,
    m: Mention,
    refs: &[Reference],
    inst: &Resolved,
    resolution: Resolution,
    date: Option<Date>,
) -> Citation {
    Citation {
        text: text[m.start..m.end].to_string(),
        start: m.start,
        end: m.end,
        instrument: Some(inst.title.clone()),
        kind: inst.kind,
        provisions: m.provisions,
        resolution,
        defines: m.reference.and_then(|i| refs[i].defines.clone()),
        entry: inst.entry,
        decision_date: date,
    }
}

/// Appends the legislation.gov.uk path of a normalised provision: `s34(3)` -> `/section/34`,
/// `Sch 2 para 19B` -> `/schedule/2/paragraph/19B`; nothing for a provision with no page.
fn push_provision_path(url: &mut String, p: &str) {
    fn number(s: &str) -> &str {
        s.split(['(', '-']).next().unwrap_or("").trim()
    }
    let (kind, rest) = if let Some(rest) = p.strip_prefix("Sch ") {
        url.push_str("/schedule/");
        match rest.split_once(" para ") {
            Some((s, para)) => {
                url.push_str(number(s));
                url.push_str("/paragraph/");
                url.push_str(number(para));
            }
            None => url.push_str(number(rest)),
        }
        return;
    } else if let Some(r) = p.strip_prefix("reg ") {
        ("regulation", r)
    } else if let Some(r) = p.strip_prefix("art ") {
        ("article", r)
    } else if let Some(r) = p.strip_prefix("Part ") {
        ("part", r)
    } else if let Some(r) = p.strip_prefix('s') {
        ("section", r)
    } else {
        return;
    };
    let n = number(rest);
    if n.starts_with(|c: char| c.is_ascii_digit()) {
        url.push('/');
        url.push_str(kind);
        url.push('/');
        url.push_str(n);
    }
}
