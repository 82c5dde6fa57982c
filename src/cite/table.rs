//! The bundled, offline table of UK instruments (`instruments.csv`), with lookups by title,
//! title without year, and abbreviation.
//!
//! Built from the project's checked list of instruments: a legislation.gov.uk id is present
//! only where it was verified against legislation.gov.uk (or a verbatim copy of its data);
//! rows whose id rests on secondary sources carry no id here.

use std::collections::HashMap as StdHashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a: the table's keys are short, fixed strings, so a simple hash beats SipHash.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

pub(crate) type HashMap<K, V> = StdHashMap<K, V, BuildHasherDefault<Fnv>>;

use once_cell::sync::Lazy;
use serde::Serialize;

const TABLE_CSV: &str = include_str!("instruments.csv");

/// What kind of instrument a citation names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CitationKind {
    /// An Act (of Parliament, Senedd, Scottish Parliament or Northern Ireland Assembly).
    Act,
    /// A statutory instrument: regulations, an order, rules.
    Si,
    /// Statutory guidance or a code of practice.
    Guidance,
}

/// One instrument of the bundled table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Instrument {
    /// The short title with its year: `Mental Health Act 1983`.
    pub title: String,
    /// The year in the title.
    pub year: Option<u16>,
    /// Act or statutory instrument.
    pub kind: CitationKind,
    /// The legislation.gov.uk id (`ukpga/1983/20`), only where verified.
    pub legislation_id: Option<String>,
    /// Common abbreviations (`MHA`, `MHA 1983`): matching hints, not authority.
    pub abbreviations: Vec<String>,
    /// Other names (`Mental Health Act`).
    pub aliases: Vec<String>,
}

impl Instrument {
    /// The title without its trailing year: `Mental Health Act`.
    pub fn stem(&self) -> &str {
        strip_year(&self.title)
    }

    /// The abbreviation used in canonical cites: the table's first abbreviation without a
    /// year, else the initials of the title's words.
    pub fn short(&self) -> String {
        let mut out = String::new();
        self.push_short(&mut out);
        out
    }

    /// Appends [`Instrument::short`] to `out`.
    pub(crate) fn push_short(&self, out: &mut String) {
        match self
            .abbreviations
            .iter()
            .map(|a| strip_year(a))
            .find(|a| !a.is_empty() && !a.contains(' ') || a.ends_with(" Act"))
        {
            Some(a) => out.push_str(a),
            None => out.push_str(&initials(self.stem())),
        }
    }
}

/// The title without a trailing ` 1983` (or `, 1983`).
pub(crate) fn strip_year(title: &str) -> &str {
    let t = title.trim_end();
    match t.rsplit_once(' ') {
        Some((head, year)) if year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) => {
            head.trim_end_matches(',')
        }
        _ => t,
    }
}

/// `Local Government Act` -> `LGA`: the capitals of the words outside parentheses.
pub(crate) fn initials(stem: &str) -> String {
    let mut depth = 0i32;
    let mut out = String::new();
    for word in stem.split_whitespace() {
        let opens = word.matches('(').count() as i32;
        if depth == 0 && opens == 0 {
            if let Some(c) = word.chars().next().filter(|c| c.is_uppercase()) {
                out.push(c);
            }
        }
        depth += opens - word.matches(')').count() as i32;
    }
    out
}

/// Runs `f` on the key of `name`, built in a reused buffer (lookups allocate nothing).
fn with_key<R>(name: &str, f: impl FnOnce(&str) -> R) -> R {
    thread_local! {
        static BUFFER: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    BUFFER.with(|b| match b.try_borrow_mut() {
        Ok(mut buffer) => {
            key_into(&mut buffer, name);
            f(&buffer)
        }
        Err(_) => f(&key(name)),
    })
}

/// A key for matching names: lower case, straight apostrophes, single spaces, no leading
/// "the", hyphens as spaces.
pub(crate) fn key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    key_into(&mut out, name);
    out
}

/// [`key`] into a buffer (cleared first).
fn key_into(out: &mut String, name: &str) {
    out.clear();
    let mut space = false;
    for c in name.chars() {
        let keep = if c.is_ascii_alphanumeric() {
            Some(c.to_ascii_lowercase())
        } else if c == ' ' || c == '-' || c == '\u{2011}' || c.is_whitespace() {
            space = !out.is_empty();
            None
        } else if matches!(c, '\'' | '\u{2019}' | '\u{2018}') {
            None // apostrophes dropped: "Person’s", "Persons'" and "Persons" are one key
        } else {
            Some(c.to_ascii_lowercase())
        };
        if let Some(c) = keep {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    if out.starts_with("the ") {
        out.drain(..4);
    }
}

/// The table with its indexes.
pub(crate) struct Table {
    pub instruments: &'static [Instrument],
    by_title: HashMap<String, usize>,
    by_stem: HashMap<String, Vec<&'static Instrument>>,
    by_abbreviation: HashMap<String, Vec<usize>>,
}

pub(crate) static TABLE: Lazy<Table> = Lazy::new(Table::load);

impl Table {
    fn load() -> Table {
        let mut reader = csv::Reader::from_reader(TABLE_CSV.as_bytes());
        let split = |s: &str| -> Vec<String> {
            s.split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect()
        };
        let rows: Vec<Instrument> = reader
            .records()
            .filter_map(|r| r.ok())
            .map(|r| Instrument {
                title: r[0].to_string(),
                year: r[1].parse().ok(),
                kind: if &r[2] == "si" {
                    CitationKind::Si
                } else {
                    CitationKind::Act
                },
                legislation_id: Some(r[3].to_string()).filter(|s| !s.is_empty()),
                abbreviations: split(&r[4]),
                aliases: split(&r[5]),
            })
            .collect();
        // the table lives for the whole program: leaking it once lets lookups hand out
        // `&'static` entries without reference counting
        let all: &'static [Instrument] = Box::leak(rows.into_boxed_slice());
        let mut by_title: HashMap<String, usize> = HashMap::default();
        let mut by_stem: HashMap<String, Vec<&'static Instrument>> = HashMap::default();
        let mut by_abbreviation: HashMap<String, Vec<usize>> = HashMap::default();
        for (i, inst) in all.iter().enumerate() {
            by_title.insert(key(&inst.title), i);
            by_stem.entry(key(inst.stem())).or_default().push(inst);
            for alias in &inst.aliases {
                // only aliases that are names of instruments, not descriptions
                let a = strip_year(alias);
                if ["act", "regulations", "order", "rules"]
                    .iter()
                    .any(|k| key(a).ends_with(k))
                {
                    if a.len() < alias.len() {
                        by_title.entry(key(alias)).or_insert(i);
                    }
                    let list = by_stem.entry(key(a)).or_default();
                    if !list.iter().any(|x| std::ptr::eq(*x, inst)) {
                        list.push(inst);
                    }
                }
            }
            for abbr in &inst.abbreviations {
                by_abbreviation.entry(abbr.clone()).or_default().push(i);
            }
        }
        // where several instruments share a name, the one that lists the name as an alias
        // is the one usually meant: `Mental Health Act` is the 1983 Act, not the 2007 one
        for (k, list) in by_stem.iter_mut() {
            if list.len() > 1 {
                let meant: Vec<&'static Instrument> = list
                    .iter()
                    .copied()
                    .filter(|i| i.aliases.iter().any(|a| key(a) == *k))
                    .collect();
                if !meant.is_empty() {
                    *list = meant;
                }
            }
        }
        Table {
            instruments: all,
            by_title,
            by_stem,
            by_abbreviation,
        }
    }

    /// The instrument with exactly this title (year included).
    pub fn by_title(&self, title: &str) -> Option<&'static Instrument> {
        with_key(title, |k| {
            self.by_title.get(k).map(|&i| &self.instruments[i])
        })
    }

    /// The instruments whose title without year is `stem`; where several share it, those
    /// that list `stem` as an alias.
    pub fn by_stem(&self, stem: &str) -> &[&'static Instrument] {
        with_key(stem, |k| self.by_stem.get(k).map_or(&[][..], Vec::as_slice))
    }

    /// The one instrument an abbreviation names in the table, if it names exactly one.
    pub fn by_abbreviation(&self, abbr: &str) -> Option<&'static Instrument> {
        match self.by_abbreviation.get(abbr).map(Vec::as_slice) {
            Some([i]) => Some(&self.instruments[*i]),
            _ => None,
        }
    }
}

/// The bundled table of instruments.
///
/// ```
/// let table = ombudsman::instruments();
/// assert!(table.len() >= 150);
/// let mha = table.iter().find(|i| i.title == "Mental Health Act 1983").unwrap();
/// assert_eq!(mha.legislation_id.as_deref(), Some("ukpga/1983/20"));
/// ```
pub fn instruments() -> &'static [Instrument] {
    TABLE.instruments
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_loads_with_verified_ids_only() {
        let t = &*TABLE;
        assert!(t.instruments.len() >= 150);
        assert_eq!(
            t.by_title("Local Government Act 1974")
                .unwrap()
                .legislation_id
                .as_deref(),
            Some("ukpga/1974/7")
        );
        // a secondary-source row keeps its title but has no id
        assert_eq!(
            t.by_title("Homelessness Reduction Act 2017")
                .unwrap()
                .legislation_id,
            None
        );
        assert_eq!(t.by_stem("care act").len(), 1);
        assert!(t.by_stem("Housing Act").len() >= 3);
        assert_eq!(
            t.by_stem("Mental Health Act")[0].title,
            "Mental Health Act 1983"
        );
        assert_eq!(t.by_stem("Mental Health Act").len(), 1);
        assert_eq!(
            t.by_abbreviation("MHA").unwrap().title,
            "Mental Health Act 1983"
        );
    }

    #[test]
    fn short_forms() {
        let t = &*TABLE;
        assert_eq!(t.by_title("Mental Health Act 1983").unwrap().short(), "MHA");
        assert_eq!(
            t.by_title("Local Government Act 1974").unwrap().short(),
            "LGA"
        );
        assert_eq!(
            initials("Care and Support (Eligibility Criteria) Regulations"),
            "CSR"
        );
        assert_eq!(
            strip_year("Rent (Scotland) Act, 1977"),
            "Rent (Scotland) Act"
        );
        assert_eq!(
            key("The Social Services and Well-being (Wales) Act"),
            "social services and well being (wales) act"
        );
    }
}
