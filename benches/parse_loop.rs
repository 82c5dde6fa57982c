//! A plain loop over the seed (and the fixtures) for instruction counting with valgrind:
//! `benches/instructions.sh` runs it. `cargo bench` itself runs it once, quickly.
//!
//! Arguments: `structure|both|citations|all N seed|all|DIR`: `both` is the structure with
//! the citation pass, `all` adds the facts pass.

use ombudsman::{find_citations, Decision, ParseOptions};
use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let mode = args.first().map_or("both", String::as_str);
    let n: usize = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(1);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut docs = Vec::new();
    let dirs: Vec<std::path::PathBuf> = match args.get(2).map(String::as_str) {
        Some("all") => vec![root.join("seeds"), root.join("fixtures")],
        Some("seed") | None => vec![root.join("seeds")],
        Some(dir) => vec![dir.into()], // any folder of decisions
    };
    for dir in dirs {
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
        for p in paths.into_iter().filter(|p| p.is_file()) {
            docs.push(
                ombudsman::corpus::decode(&std::fs::read(p).unwrap())
                    .unwrap()
                    .into_owned(),
            );
        }
    }
    let structure_only = ParseOptions::STRUCTURE;
    let with_citations = ParseOptions::CITATIONS;
    let mut count = 0;
    for _ in 0..n {
        for text in &docs {
            count += match mode {
                "structure" => {
                    Decision::parse_with(text, &structure_only).map_or(0, |d| d.sections.len())
                }
                "citations" => find_citations(text).len(),
                "all" => Decision::parse(text).map_or(0, |d| d.facts.map_or(0, |f| f.dates.len())),
                _ => Decision::parse_with(text, &with_citations).map_or(0, |d| d.citations.len()),
            };
        }
    }
    println!("{count}");
}
