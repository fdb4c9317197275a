//! Classification: one `classify` call per listing on each corpus, and `classify_batch` on the
//! realistic corpus at 1, 2 and all threads (a rayon pool per thread count).

mod common;

use citescan::{Classifier, Verdict};
use citescan_bench::corpus::CorpusKind;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

fn per_listing(c: &mut Criterion) {
    let classifier = Classifier::new();
    let mut g = c.benchmark_group("classify");
    for kind in common::KINDS {
        let corpus = common::corpus(kind);
        let flagged = |cl: &Classifier| {
            corpus
                .listings
                .iter()
                .filter(|s| cl.classify(s).verdict != Verdict::Allow)
                .count()
        };
        let expected = flagged(&classifier);
        g.throughput(Throughput::Bytes(corpus.bytes() as u64));
        g.bench_function(BenchmarkId::new("per-listing", kind), |b| {
            b.iter(|| assert_eq!(flagged(&classifier), expected))
        });
    }
    g.finish();
}

fn batch(c: &mut Criterion) {
    let classifier = Classifier::new();
    let corpus = common::corpus(CorpusKind::Realistic);
    let texts = corpus.as_strs();
    let count =
        |v: Vec<citescan::Assessment>| v.iter().filter(|a| a.verdict != Verdict::Allow).count();
    let expected = count(texts.iter().map(|s| classifier.classify(s)).collect());
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    let mut threads = vec![1, 2, cores];
    threads.dedup();
    threads.retain(|t| *t <= cores);
    let mut g = c.benchmark_group("classify_batch");
    g.throughput(Throughput::Bytes(corpus.bytes() as u64));
    for t in threads {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(t)
            .build()
            .expect("thread pool");
        for size in [256usize, texts.len()] {
            g.bench_function(
                BenchmarkId::new(format!("batch{size}"), format!("{t}threads")),
                |b| {
                    b.iter(|| {
                        let n: usize = pool.install(|| {
                            texts
                                .chunks(size)
                                .map(|ch| count(classifier.classify_batch(ch)))
                                .sum()
                        });
                        assert_eq!(n, expected);
                    })
                },
            );
        }
    }
    g.finish();
}

criterion_group! { name = benches; config = common::config(); targets = per_listing, batch }
criterion_main!(benches);
