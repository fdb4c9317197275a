//! Normalisation alone (`Classifier::normalize`), per listing, on each corpus.

mod common;

use std::hint::black_box;

use citescan::Classifier;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

fn normalize(c: &mut Criterion) {
    let classifier = Classifier::new();
    let mut g = c.benchmark_group("normalize");
    for kind in common::KINDS {
        let corpus = common::corpus(kind);
        let expected: usize = corpus
            .listings
            .iter()
            .map(|s| classifier.normalize(s).as_str().len())
            .sum();
        g.throughput(Throughput::Bytes(corpus.bytes() as u64));
        g.bench_function(BenchmarkId::new("per-listing", kind), |b| {
            b.iter(|| {
                let n: usize = corpus
                    .listings
                    .iter()
                    .map(|s| black_box(classifier.normalize(s)).as_str().len())
                    .sum();
                assert_eq!(n, expected);
            })
        });
    }
    g.finish();
}

criterion_group! { name = benches; config = common::config(); targets = normalize }
criterion_main!(benches);
