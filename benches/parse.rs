//! Per-decision throughput on the seed and the fixtures (criterion, bytes per second):
//! the structure alone, the citation pass alone, and both, so that the cost of the
//! citation pass can be read as a ratio; and the rendering of JSON Lines.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use ombudsman::output::{Format, RecordWriter};
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

/// Rendering JSON Lines: the writer `extract` uses (`output::compact`, through
/// `RecordWriter::render`) beside serde_json, which writes the same bytes.
fn render(c: &mut Criterion) {
    let docs: Vec<Decision> = documents()
        .iter()
        .filter_map(|t| Decision::parse(t).ok())
        .collect();
    let mut group = c.benchmark_group("render seed+fixtures");
    group.bench_function("json lines (extract)", |b| {
        b.iter(|| {
            docs.iter()
                .for_each(|d| drop(black_box(RecordWriter::<Vec<u8>>::render(Format::Jsonl, d))))
        })
    });
    // as `extract` rendered before output::compact: into the same 16 KiB to start with
    group.bench_function("serde_json::to_writer", |b| {
        b.iter(|| {
            docs.iter().for_each(|d| {
                let mut bytes = Vec::with_capacity(16 * 1024);
                serde_json::to_writer(&mut bytes, d).expect("renders");
                bytes.push(b'\n');
                drop(black_box(bytes))
            })
        })
    });
    group.finish();
}

criterion_group!(benches, parse, render);
criterion_main!(benches);
