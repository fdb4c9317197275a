//! Shared set-up of the criterion benches: small generated corpora and short measurements, so
//! `cargo bench -p citescan-bench` finishes in a few minutes on two cores.

#![allow(dead_code)]

use std::time::Duration;

use citescan_bench::corpus::{Corpus, CorpusKind};
use criterion::Criterion;

/// Listings per bench corpus (about 0.6 MB at 300 bytes).
pub const LISTINGS: usize = 2_000;

pub fn corpus(kind: CorpusKind) -> Corpus {
    citescan_bench::bench_corpus(kind, LISTINGS, 300)
}

pub fn config() -> Criterion {
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
}

pub const KINDS: [CorpusKind; 4] = [
    CorpusKind::Realistic,
    CorpusKind::Dense,
    CorpusKind::Nonlatin,
    CorpusKind::Adversarial,
];
