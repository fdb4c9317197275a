//! Baselines over the same terms (the embedded lexicon's normalised keys) and the same corpus,
//! lower-cased once before timing: raw aho-corasick (per listing and whole buffer), a `HashSet`
//! token lookup and an fst walk from every token start; plus lower-casing alone.

mod common;

use citescan::Lexicon;
use citescan_bench::corpus::CorpusKind;
use citescan_bench::peers::{lower, AcPeer, FstPeer, TokenSetPeer};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn baselines(c: &mut Criterion) {
    let keys = Lexicon::embedded().keys();
    let corpus = common::corpus(CorpusKind::Realistic);
    let lowered: Vec<String> = corpus.listings.iter().map(|s| lower(s)).collect();
    let whole = lowered.join("\n");
    let mut g = c.benchmark_group("baselines");
    g.throughput(Throughput::Bytes(corpus.bytes() as u64));

    g.bench_function("lowercase", |b| {
        b.iter(|| {
            assert_eq!(
                corpus
                    .listings
                    .iter()
                    .map(|s| lower(s).len())
                    .sum::<usize>(),
                whole.len() + 1 - lowered.len()
            )
        })
    });

    let ac = AcPeer::new(&keys).expect("aho-corasick");
    let expected: u64 = lowered.iter().map(|s| ac.count(s)).sum();
    g.bench_function("aho-corasick/per-listing", |b| {
        b.iter(|| assert_eq!(lowered.iter().map(|s| ac.count(s)).sum::<u64>(), expected))
    });
    let expected = ac.count(&whole);
    g.bench_function("aho-corasick/whole-buffer", |b| {
        b.iter(|| assert_eq!(ac.count(&whole), expected))
    });
    drop(ac);

    let set = TokenSetPeer::new(&keys);
    let (mut buf, mut toks) = (String::new(), Vec::new());
    let expected: u64 = lowered
        .iter()
        .map(|s| set.count(s, &mut buf, &mut toks))
        .sum();
    g.bench_function("hashset-tokens", |b| {
        b.iter(|| {
            assert_eq!(
                lowered
                    .iter()
                    .map(|s| set.count(s, &mut buf, &mut toks))
                    .sum::<u64>(),
                expected
            )
        })
    });

    let fst = FstPeer::new(&keys).expect("fst");
    let expected: u64 = lowered.iter().map(|s| fst.count(s)).sum();
    g.bench_function("fst-walk", |b| {
        b.iter(|| assert_eq!(lowered.iter().map(|s| fst.count(s)).sum::<u64>(), expected))
    });
    g.finish();
}

criterion_group! { name = benches; config = common::config(); targets = baselines }
criterion_main!(benches);
