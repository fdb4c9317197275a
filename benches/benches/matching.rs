//! Matching (`Classifier::find_matches`), per listing, on each corpus.

mod common;

use citescan::Classifier;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

fn matching(c: &mut Criterion) {
    let classifier = Classifier::new();
    let mut g = c.benchmark_group("find_matches");
    for kind in common::KINDS {
        let corpus = common::corpus(kind);
        let expected: usize = corpus
            .listings
            .iter()
            .map(|s| classifier.find_matches(s).len())
            .sum();
        g.throughput(Throughput::Bytes(corpus.bytes() as u64));
        g.bench_function(BenchmarkId::new("per-listing", kind), |b| {
            b.iter(|| {
                let n: usize = corpus
                    .listings
                    .iter()
                    .map(|s| classifier.find_matches(s).len())
                    .sum();
                assert_eq!(n, expected);
            })
        });
    }
    g.finish();
}

criterion_group! { name = benches; config = common::config(); targets = matching }
criterion_main!(benches);
