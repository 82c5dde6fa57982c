//! Corpus statistics: decisions by year, category, subcategory and outcome; the upheld rate
//! and fault rate by category; remedies and payment totals; the most cited instruments and
//! provisions; the most frequent organisations.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::facts::{Facts, FindingValue};
use crate::model::{Decision, Outcome};

/// Counts gathered over a corpus, one decision at a time.
///
/// ```
/// use ombudsman::{Decision, stats::Stats};
/// let mut stats = Stats::default();
/// stats.add(&Decision::parse("A Council (24 000 001)\nCategory : Housing > Homelessness\nDecision : Upheld\nDecision date : 01 Feb 2024\n")?);
/// stats.add(&Decision::parse("A Council (24 000 002)\nCategory : Housing > Allocations\nDecision : Not upheld\nDecision date : 01 Mar 2024\n")?);
/// let tables = stats.tables(10);
/// let upheld = tables.iter().find(|t| t.name == "upheld rate by category").unwrap();
/// assert_eq!(upheld.rows, vec![vec!["Housing".to_string(), "1".into(), "2".into(), "50.0%".into()]]);
/// # Ok::<(), ombudsman::Error>(())
/// ```
#[derive(Debug, Default, Clone)]
pub struct Stats {
    decisions: usize,
    by_year: BTreeMap<String, usize>,
    by_category: BTreeMap<String, usize>,
    by_subcategory: BTreeMap<String, usize>,
    by_outcome: BTreeMap<String, usize>,
    /// category -> (upheld, decided: upheld or not upheld)
    upheld: BTreeMap<String, (usize, usize)>,
    instruments: BTreeMap<String, usize>,
    provisions: BTreeMap<String, usize>,
    organisations: BTreeMap<String, usize>,
    /// category -> (fault found, fault found or not found)
    fault: BTreeMap<String, (usize, usize)>,
    /// remedy kind -> (remedies, decisions with one, total in pence, payments with an amount)
    remedies: BTreeMap<String, RemedyTotals>,
}

/// Remedies of one kind over a corpus.
#[derive(Debug, Default, Clone, Copy)]
struct RemedyTotals {
    remedies: usize,
    decisions: usize,
    pence: u64,
    with_amount: usize,
}

/// One table of a report: a name, column names and rows of cells.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Table {
    /// What the table counts.
    pub name: String,
    /// Column names.
    pub columns: Vec<String>,
    /// Rows, each a cell per column.
    pub rows: Vec<Vec<String>>,
}

const UNKNOWN: &str = "(none)";

fn bump(map: &mut BTreeMap<String, usize>, key: Option<&str>) {
    *map.entry(key.unwrap_or(UNKNOWN).to_string()).or_default() += 1;
}

impl Stats {
    /// Counts one decision.
    pub fn add(&mut self, d: &Decision) {
        self.decisions += 1;
        bump(
            &mut self.by_year,
            d.decision_date.map(|x| x.year.to_string()).as_deref(),
        );
        bump(&mut self.by_category, d.category.as_deref());
        let sub = match (&d.category, &d.subcategory) {
            (Some(c), Some(s)) => Some(format!("{c} > {s}")),
            _ => None,
        };
        bump(&mut self.by_subcategory, sub.as_deref());
        bump(&mut self.by_outcome, d.outcome.as_ref().map(Outcome::code));
        if let Some(o @ (Outcome::Upheld | Outcome::NotUpheld)) = &d.outcome {
            let entry = self
                .upheld
                .entry(d.category.clone().unwrap_or_else(|| UNKNOWN.into()))
                .or_default();
            entry.0 += usize::from(*o == Outcome::Upheld);
            entry.1 += 1;
        }
        bump(&mut self.organisations, d.organisation.as_deref());
        let category = d.category.clone().unwrap_or_else(|| UNKNOWN.into());
        let fault = d.facts.as_ref().and_then(|f| f.findings.fault.as_ref());
        match fault.map(|f| f.value) {
            Some(FindingValue::Found) => {
                let e = self.fault.entry(category).or_default();
                e.0 += 1;
                e.1 += 1;
            }
            Some(FindingValue::NotFound) => self.fault.entry(category).or_default().1 += 1,
            _ => {}
        }
        let mut kinds_seen: Vec<&str> = Vec::new();
        for r in d.facts.iter().flat_map(Facts::standing_remedies) {
            let kind = r.kind.code();
            let t = self.remedies.entry(kind.to_string()).or_default();
            t.remedies += 1;
            if !kinds_seen.contains(&kind) {
                kinds_seen.push(kind);
                t.decisions += 1;
            }
            if let Some(a) = &r.amount {
                t.pence += a.upper_pence();
                t.with_amount += 1;
            }
        }
        // each instrument and provision counts once per decision
        let mut seen_instruments: Vec<&str> = Vec::new();
        let mut seen_provisions: Vec<String> = Vec::new();
        for c in &d.citations {
            let Some(inst) = c.instrument.as_deref() else {
                continue;
            };
            if !seen_instruments.contains(&inst) {
                seen_instruments.push(inst);
                bump(&mut self.instruments, Some(inst));
            }
            for p in &c.provisions {
                let key = format!("{inst} {p}");
                if !seen_provisions.contains(&key) {
                    bump(&mut self.provisions, Some(&key));
                    seen_provisions.push(key);
                }
            }
        }
    }

    /// Adds the counts of another (for parallel runs).
    pub fn merge(&mut self, other: Stats) {
        self.decisions += other.decisions;
        for (mine, theirs) in [
            (&mut self.by_year, other.by_year),
            (&mut self.by_category, other.by_category),
            (&mut self.by_subcategory, other.by_subcategory),
            (&mut self.by_outcome, other.by_outcome),
            (&mut self.instruments, other.instruments),
            (&mut self.provisions, other.provisions),
            (&mut self.organisations, other.organisations),
        ] {
            for (k, v) in theirs {
                *mine.entry(k).or_default() += v;
            }
        }
        for (mine, theirs) in [
            (&mut self.upheld, other.upheld),
            (&mut self.fault, other.fault),
        ] {
            for (k, (u, n)) in theirs {
                let e = mine.entry(k).or_default();
                e.0 += u;
                e.1 += n;
            }
        }
        for (k, t) in other.remedies {
            let e = self.remedies.entry(k).or_default();
            e.remedies += t.remedies;
            e.decisions += t.decisions;
            e.pence += t.pence;
            e.with_amount += t.with_amount;
        }
    }

    /// The report: every table, the long ones cut to the `top` most frequent rows.
    pub fn tables(&self, top: usize) -> Vec<Table> {
        let by_key = |name: &str, column: &str, map: &BTreeMap<String, usize>| Table {
            name: name.into(),
            columns: vec![column.into(), "decisions".into()],
            rows: map
                .iter()
                .map(|(k, v)| vec![k.clone(), v.to_string()])
                .collect(),
        };
        let most = |name: &str, column: &str, map: &BTreeMap<String, usize>| {
            let mut rows: Vec<(&String, &usize)> =
                map.iter().filter(|(k, _)| *k != UNKNOWN).collect();
            rows.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            Table {
                name: name.into(),
                columns: vec![column.into(), "decisions".into()],
                rows: rows
                    .into_iter()
                    .take(top)
                    .map(|(k, v)| vec![k.clone(), v.to_string()])
                    .collect(),
            }
        };
        vec![
            Table {
                name: "corpus".into(),
                columns: vec!["decisions".into()],
                rows: vec![vec![self.decisions.to_string()]],
            },
            by_key("decisions by year", "year", &self.by_year),
            by_key("decisions by category", "category", &self.by_category),
            by_key(
                "decisions by subcategory",
                "subcategory",
                &self.by_subcategory,
            ),
            by_key("decisions by outcome", "outcome", &self.by_outcome),
            rate(
                "upheld rate by category",
                ["upheld", "decided", "upheld rate"],
                &self.upheld,
            ),
            rate(
                "fault rate by category",
                ["fault found", "fault found or not", "fault rate"],
                &self.fault,
            ),
            Table {
                name: "remedies".into(),
                columns: vec![
                    "kind".into(),
                    "remedies".into(),
                    "decisions".into(),
                    "with an amount".into(),
                    "total (GBP)".into(),
                ],
                rows: self
                    .remedies
                    .iter()
                    .map(|(k, t)| {
                        vec![
                            k.clone(),
                            t.remedies.to_string(),
                            t.decisions.to_string(),
                            t.with_amount.to_string(),
                            crate::facts::pounds(t.pence),
                        ]
                    })
                    .collect(),
            },
            most("most cited instruments", "instrument", &self.instruments),
            most("most cited provisions", "provision", &self.provisions),
            most(
                "most frequent organisations",
                "organisation",
                &self.organisations,
            ),
        ]
    }
}

/// A rate by category: (counted, of) with the percentage.
fn rate(name: &str, columns: [&str; 3], map: &BTreeMap<String, (usize, usize)>) -> Table {
    Table {
        name: name.into(),
        columns: std::iter::once("category")
            .chain(columns)
            .map(String::from)
            .collect(),
        rows: map
            .iter()
            .map(|(k, (u, n))| {
                let rate = if *n > 0 {
                    100.0 * *u as f64 / *n as f64
                } else {
                    0.0
                };
                vec![
                    k.clone(),
                    u.to_string(),
                    n.to_string(),
                    format!("{rate:.1}%"),
                ]
            })
            .collect(),
    }
}

/// Renders tables as aligned text, one block per table.
pub fn render_text(tables: &[Table]) -> String {
    let mut out = String::new();
    for t in tables {
        out.push_str(&t.name);
        out.push('\n');
        let mut widths: Vec<usize> = t.columns.iter().map(|c| c.chars().count()).collect();
        for row in &t.rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.chars().count());
            }
        }
        let line = |cells: &[String]| {
            let mut l = String::from("  ");
            for (i, (cell, w)) in cells.iter().zip(&widths).enumerate() {
                let pad = w - cell.chars().count();
                let numeric = i > 0 || cells.len() == 1;
                if numeric {
                    l.push_str(&" ".repeat(pad));
                    l.push_str(cell);
                } else {
                    l.push_str(cell);
                    l.push_str(&" ".repeat(pad));
                }
                l.push_str("  ");
            }
            l.trim_end().to_string() + "\n"
        };
        out.push_str(&line(&t.columns));
        for row in &t.rows {
            out.push_str(&line(row));
        }
        out.push('\n');
    }
    out
}
