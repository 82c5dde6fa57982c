//! Helpers shared by the integration tests.
#![allow(dead_code)]

use ombudsman::Decision;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The project's root folder.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the `extract` binary in `dir` with `args` and no standard input.
pub fn extract(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_extract"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("extract runs")
}

/// The `source` of each JSON Lines record in `stdout`, in order.
pub fn sources(stdout: &[u8]) -> Vec<String> {
    std::str::from_utf8(stdout)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["source"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

/// The seed document's path.
pub fn seed_path() -> PathBuf {
    let dir = root().join("seeds");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .into_iter()
        .find(|p| p.extension().is_some_and(|e| e == "txt"))
        .expect("a seed document")
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Checks that every span in a record points at the text it claims.
/// Text with its white space (NBSP and the BOM included) folded to single spaces.
fn words(t: &str) -> String {
    t.split(|c: char| c.is_whitespace() || c == '\u{feff}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn assert_spans_hold(text: &str, d: &Decision) {
    let s = &d.spans;
    if let (Some(span), Some(v)) = (s.reference, &d.reference) {
        assert_eq!(words(span.slice(text)), words(v));
    }
    if let (Some(span), Some(v)) = (s.decision_date, &d.decision_date_raw) {
        assert_eq!(span.slice(text), v);
    }
    if let (Some(span), Some(v)) = (s.subcategory, &d.subcategory) {
        assert_eq!(words(span.slice(text)), words(v));
    }
    if let Some(span) = s.summary {
        let joined = words(span.slice(text));
        let summary = words(d.summary.as_deref().unwrap_or(""));
        assert_eq!(joined, summary);
    }
    for section in &d.sections {
        if let Some(h) = &section.heading {
            assert!(section.span.slice(text).starts_with(h.as_str()));
        }
        for p in &section.paragraphs {
            assert_eq!(p.span.slice(text), p.text);
            assert!(section.span.start <= p.span.start && p.span.end <= section.span.end);
        }
    }
    for c in &d.citations {
        assert_eq!(&text[c.start..c.end], c.text);
    }
    // every fact keeps its evidence (when the facts pass ran)
    let Some(f) = &d.facts else {
        return;
    };
    for p in &f.parties {
        assert_eq!(&text[p.start..p.end], p.name);
    }
    for o in &f.organisations {
        let evidence = &text[o.start..o.end];
        assert!(
            evidence.starts_with(&o.name) && evidence.contains(&o.short_name),
            "{evidence}"
        );
    }
    let findings = &f.findings;
    for x in [
        &findings.fault,
        &findings.injustice,
        &findings.maladministration,
        &findings.service_failure,
    ]
    .into_iter()
    .flatten()
    {
        assert_eq!(&text[x.start..x.end], x.text);
    }
    for r in &f.reasons {
        assert_eq!(&text[r.start..r.end], r.text);
    }
    for r in &f.remedies {
        assert_eq!(&text[r.start..r.end], r.text);
        if let Some(a) = &r.amount {
            assert!(r.text.contains(&a.text), "{} in {}", a.text, r.text);
        }
    }
    for m in &f.dates {
        assert_eq!(&text[m.start..m.end], m.text);
    }
}

/// The good fixtures (`fixtures/*.txt`, not `fixtures/errors/`), relative to the root.
pub fn fixture_args() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root().join("fixtures"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| format!("fixtures/{}", p.file_name().unwrap().to_str().unwrap()))
        .collect();
    names.sort();
    names
}
