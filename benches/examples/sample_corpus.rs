//! Prints a few listings of a generated corpus (for looking at what the benchmarks read).
use citescan_bench::corpus::{generate, CorpusKind, CorpusSpec, TermPools};

fn main() {
    let lex = citescan::Lexicon::embedded();
    let pools = TermPools::from_lexicon(&lex);
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(5);
    let spec = CorpusSpec {
        kind: CorpusKind::Realistic,
        listings: n,
        listing_bytes: 320,
        seed: 42,
    };
    for l in generate(&spec, &pools).as_strs() {
        println!("{l}");
    }
}
