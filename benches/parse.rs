//! Per-decision parse throughput on the seed and the fixtures (criterion, bytes per second).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use ombudsman::Decision;
use std::path::Path;

fn documents() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut docs = Vec::new();
    for dir in ["seeds", "fixtures"] {
        let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
        for p in paths.into_iter().filter(|p| p.is_file()) {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            docs.push((
                format!("{dir}/{name}"),
                std::fs::read_to_string(&p).unwrap(),
            ));
        }
    }
    docs
}

fn parse(c: &mut Criterion) {
    let docs = documents();
    let seed = &docs[0];
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Bytes(seed.1.len() as u64));
    group.bench_function("seed", |b| {
        b.iter(|| Decision::parse(std::hint::black_box(&seed.1)).unwrap())
    });
    let all: u64 = docs.iter().map(|d| d.1.len() as u64).sum();
    group.throughput(Throughput::Bytes(all));
    group.bench_function("seed+fixtures", |b| {
        b.iter(|| {
            for (_, text) in &docs {
                let _ = std::hint::black_box(Decision::parse(text).unwrap());
            }
        })
    });
    group.finish();
}

criterion_group!(benches, parse);
criterion_main!(benches);
