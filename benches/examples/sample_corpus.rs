//! Prints a few listings of a generated corpus (for looking at what the benchmarks read):
//! `sample_corpus [COUNT] [realistic|dense|nonlatin|adversarial] [MEAN_BYTES]`.
use citescan_bench::corpus::{generate, CorpusKind, CorpusSpec, TermPools};

fn main() {
    let lex = citescan::Lexicon::embedded();
    let pools = TermPools::from_lexicon(&lex);
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(5);
    let kind = match std::env::args().nth(2).as_deref() {
        None | Some("realistic") => CorpusKind::Realistic,
        Some("dense") => CorpusKind::Dense,
        Some("nonlatin") => CorpusKind::Nonlatin,
        Some("adversarial") => CorpusKind::Adversarial,
        Some(other) => {
            panic!("unknown corpus kind {other}: realistic, dense, nonlatin or adversarial")
        }
    };
    let spec = CorpusSpec {
        kind,
        listings: n,
        listing_bytes: std::env::args()
            .nth(3)
            .and_then(|s| s.parse().ok())
            .unwrap_or(320),
        seed: 42,
    };
    for l in generate(&spec, &pools).as_strs() {
        println!("{l}");
    }
}
