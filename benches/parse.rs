//! Per-decision throughput on the seed and the fixtures (criterion, bytes per second):
//! the structure alone, the citation pass alone, and both, so that the cost of the
//! citation pass can be read as a ratio.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use ombudsman::{find_citations_at, Decision, ParseOptions};
use std::hint::black_box;
use std::path::Path;

fn documents() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut docs = Vec::new();
    for dir in ["seeds", "fixtures"] {
        let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
        docs.extend(paths.into_iter().filter(|p| p.is_file()).map(|p| {
            ombudsman::corpus::decode(&std::fs::read(p).unwrap())
                .unwrap()
                .into_owned()
        }));
    }
    docs
}

fn parse(c: &mut Criterion) {
    let docs = documents();
    let structure_only = ParseOptions::STRUCTURE;
    let with_citations = ParseOptions::CITATIONS;
    for (name, set) in [("seed", &docs[..1]), ("seed+fixtures", &docs[..])] {
        let mut group = c.benchmark_group(name);
        group.throughput(Throughput::Bytes(set.iter().map(|d| d.len() as u64).sum()));
        group.bench_function("structure", |b| {
            b.iter(|| {
                set.iter()
                    .for_each(|t| drop(black_box(Decision::parse_with(t, &structure_only))))
            })
        });
        group.bench_function("citations", |b| {
            b.iter(|| {
                set.iter()
                    .for_each(|t| drop(black_box(find_citations_at(t, None))))
            })
        });
        group.bench_function("structure+citations", |b| {
            b.iter(|| {
                set.iter()
                    .for_each(|t| drop(black_box(Decision::parse_with(t, &with_citations))))
            })
        });
        group.bench_function("structure+citations+facts", |b| {
            b.iter(|| set.iter().for_each(|t| drop(black_box(Decision::parse(t)))))
        });
        group.finish();
    }
}

criterion_group!(benches, parse);
criterion_main!(benches);
