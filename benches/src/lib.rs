//! # citescan-bench
//!
//! The benchmark harness behind `citescan bench`: throughput, latency and memory of citescan,
//! side by side with its peers (raw aho-corasick, an fst walk, a `HashSet` token lookup,
//! Hyperscan, pyahocorasick and flashtext), on the same generated corpus and the same terms, in
//! one run. The criterion benches under `benches/` use the same corpus generator and peers.
//!
//! [`BenchArgs`] is a `clap::Args` struct: the CLI flattens it into its `bench` subcommand and
//! calls [`run`]; the `harness` example does the same on its own.

#![warn(missing_docs)]

pub mod corpus;
pub mod peers;
mod python;
mod report;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use citescan::{Classifier, Lexicon, NormalizeOptions, Verdict};
use rayon::prelude::*;

use corpus::{Corpus, CorpusKind, CorpusSpec, TermPools};
pub use report::{Report, Row};

/// Options of `citescan bench`.
#[derive(clap::Args, Debug, Clone)]
pub struct BenchArgs {
    /// The generated corpus: realistic (1 in 200 listings names a term), dense (1-3 terms in
    /// every listing), nonlatin (Chinese, Thai, Vietnamese) or adversarial (disguised terms).
    #[arg(long, value_enum, default_value_t = CorpusKind::Realistic)]
    pub corpus: CorpusKind,
    /// Number of listings.
    #[arg(long, default_value_t = 20_000)]
    pub listings: usize,
    /// Mean listing size in bytes (each listing is drawn between 2/3 and 4/3 of it).
    #[arg(long, default_value_t = 300)]
    pub listing_bytes: usize,
    /// Threads for citescan's own rows (0 = all cores).
    #[arg(long, default_value_t = 1)]
    pub threads: usize,
    /// Batch size for `classify_batch` (0 = one `classify` call per listing, timed one by one).
    #[arg(long, default_value_t = 0)]
    pub batch: usize,
    /// A compiled lexicon file instead of the embedded default.
    #[arg(long, value_name = "FILE")]
    pub lexicon: Option<PathBuf>,
    /// Turn fuzzy (misspelling) matching off.
    #[arg(long)]
    pub no_fuzzy: bool,
    /// Normalisations to keep on: all, none, or a comma list of compatibility, invisible,
    /// confusables, leetspeak, spacing, repeats, han.
    #[arg(long, default_value = "all", value_name = "all|none|LIST")]
    pub normalize: String,
    /// Print the report as JSON instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Also write a bar chart of MB/s per row as SVG.
    #[arg(long, value_name = "FILE")]
    pub svg: Option<PathBuf>,
    /// Run the peers on the same corpus and terms and print each as a ratio to citescan; also
    /// adds the stage rows and the batch scaling rows.
    #[arg(long)]
    pub compare: bool,
    /// Seed of the corpus generator.
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Timed passes per row; the median pass is reported.
    #[arg(long, default_value_t = 3)]
    pub rounds: usize,
    /// Skip the Python peers (no venv is made).
    #[arg(long)]
    pub no_python: bool,
    /// Add rows for citescan's stages: normalise only, scan without normalisation or fuzzy.
    #[arg(long)]
    pub stages: bool,
    /// Add `classify_batch` rows at 1, 2 and all cores.
    #[arg(long)]
    pub scaling: bool,
}

impl Default for BenchArgs {
    fn default() -> Self {
        BenchArgs {
            corpus: CorpusKind::Realistic,
            listings: 20_000,
            listing_bytes: 300,
            threads: 1,
            batch: 0,
            lexicon: None,
            no_fuzzy: false,
            normalize: "all".into(),
            json: false,
            svg: None,
            compare: false,
            seed: 42,
            rounds: 3,
            no_python: false,
            stages: false,
            scaling: false,
        }
    }
}

/// Parses `all`, `none` or a comma list of normalisations to keep on.
pub fn parse_normalize(s: &str) -> Result<NormalizeOptions, String> {
    let all = NormalizeOptions::default();
    let none = NormalizeOptions {
        compatibility: false,
        invisible: false,
        confusables: false,
        leetspeak: false,
        spacing: false,
        repeats: false,
        han: false,
    };
    match s.trim() {
        "all" => return Ok(all),
        "none" | "" => return Ok(none),
        _ => {}
    }
    let mut o = none;
    for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        match part {
            "compatibility" => o.compatibility = true,
            "invisible" => o.invisible = true,
            "confusables" => o.confusables = true,
            "leetspeak" => o.leetspeak = true,
            "spacing" => o.spacing = true,
            "repeats" => o.repeats = true,
            "han" => o.han = true,
            other => {
                return Err(format!(
                    "unknown normalisation {other:?} (compatibility, invisible, confusables, leetspeak, spacing, repeats, han)"
                ))
            }
        }
    }
    Ok(o)
}

/// Peak resident set (VmHWM) of this process, in bytes, if /proc tells.
pub fn peak_rss() -> Option<u64> {
    proc_status_kb("VmHWM:").map(|k| k * 1024)
}

/// Current resident set (VmRSS) of this process, in bytes, if /proc tells.
pub fn current_rss() -> Option<u64> {
    proc_status_kb("VmRSS:").map(|k| k * 1024)
}

fn proc_status_kb(field: &str) -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with(field))?;
    line[field.len()..]
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()
}

/// Resets VmHWM to the current RSS (Linux: writing 5 to /proc/self/clear_refs).
fn reset_peak_rss() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// Latency percentiles of per-listing calls, in nanoseconds.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize)]
pub struct Latency {
    /// Median.
    pub p50_ns: u64,
    /// 99th percentile.
    pub p99_ns: u64,
    /// 99.9th percentile.
    pub p999_ns: u64,
    /// Slowest call.
    pub max_ns: u64,
}

impl Latency {
    /// Percentiles of a set of call times (sorted here).
    pub fn of(mut ns: Vec<u64>) -> Option<Latency> {
        if ns.is_empty() {
            return None;
        }
        ns.sort_unstable();
        let at = |q: f64| ns[(((ns.len() as f64) * q).ceil() as usize).clamp(1, ns.len()) - 1];
        Some(Latency {
            p50_ns: at(0.50),
            p99_ns: at(0.99),
            p999_ns: at(0.999),
            max_ns: ns[ns.len() - 1],
        })
    }
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort_unstable();
    v[v.len() / 2]
}

fn pool(threads: usize) -> Result<rayon::ThreadPool, String> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| format!("thread pool: {e}"))
}

fn cores() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
}

/// Runs `f` `rounds` times; returns the median time and the count, which must not change.
fn timed<F: FnMut() -> u64>(
    name: &str,
    rounds: usize,
    mut f: F,
) -> Result<(Duration, u64), String> {
    let mut times = Vec::with_capacity(rounds);
    let mut count = None;
    for _ in 0..rounds.max(1) {
        let t = Instant::now();
        let c = f();
        times.push(t.elapsed());
        if let Some(prev) = count {
            if prev != c {
                return Err(format!(
                    "{name}: count changed between rounds ({prev} then {c})"
                ));
            }
        }
        count = Some(c);
    }
    Ok((median(times), count.unwrap_or(0)))
}

/// Per-listing `classify` calls, each timed; returns (median pass time, flagged, latencies).
fn per_listing_rounds(
    c: &Classifier,
    listings: &[String],
    threads: usize,
    rounds: usize,
) -> Result<(Duration, u64, Vec<u64>), String> {
    let mut lat = Vec::with_capacity(listings.len() * rounds.max(1));
    let mut times = Vec::new();
    let mut flagged = None;
    let p = if threads > 1 {
        Some(pool(threads)?)
    } else {
        None
    };
    for _ in 0..rounds.max(1) {
        let t = Instant::now();
        let (n, mut l) = match &p {
            None => {
                let mut l = Vec::with_capacity(listings.len());
                let mut n = 0u64;
                for s in listings {
                    let t0 = Instant::now();
                    let a = c.classify(s);
                    l.push(t0.elapsed().as_nanos() as u64);
                    n += u64::from(a.verdict != Verdict::Allow);
                }
                (n, l)
            }
            Some(p) => p.install(|| {
                let v: Vec<(u64, bool)> = listings
                    .par_iter()
                    .map(|s| {
                        let t0 = Instant::now();
                        let a = c.classify(s);
                        (t0.elapsed().as_nanos() as u64, a.verdict != Verdict::Allow)
                    })
                    .collect();
                let n = v.iter().filter(|x| x.1).count() as u64;
                (n, v.into_iter().map(|x| x.0).collect())
            }),
        };
        times.push(t.elapsed());
        if flagged.is_some_and(|f| f != n) {
            return Err(format!(
                "citescan: flagged count changed between rounds ({flagged:?} then {n})"
            ));
        }
        flagged = Some(n);
        lat.append(&mut l);
    }
    Ok((median(times), flagged.unwrap_or(0), lat))
}

fn batch_rounds(
    c: &Classifier,
    strs: &[&str],
    threads: usize,
    batch: usize,
    rounds: usize,
) -> Result<(Duration, u64), String> {
    let p = pool(threads)?;
    timed("citescan batch", rounds, || {
        p.install(|| {
            strs.chunks(batch.max(1))
                .map(|chunk| {
                    c.classify_batch(chunk)
                        .iter()
                        .filter(|a| a.verdict != Verdict::Allow)
                        .count() as u64
                })
                .sum()
        })
    })
}

fn load_lexicon(path: &Option<PathBuf>) -> Result<Lexicon, String> {
    match path {
        Some(p) => Lexicon::from_path(p).map_err(|e| e.to_string()),
        None => Ok(Lexicon::embedded()),
    }
}

/// Runs the benchmark and prints the report (table or JSON; SVG to a file).
pub fn run(args: BenchArgs) -> Result<(), String> {
    if std::env::var_os(MEMPROBE_ENV).is_some() {
        return memory_probe(&args);
    }
    let report = measure(&args)?;
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?
        );
    } else {
        print!("{}", report.table());
    }
    if let Some(path) = &args.svg {
        std::fs::write(path, report.svg())
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        if !args.json {
            println!("wrote {}", path.display());
        }
    }
    Ok(())
}

/// Measures everything the arguments ask for and returns the report (without printing it).
pub fn measure(args: &BenchArgs) -> Result<Report, String> {
    let rss_start = current_rss();
    let opts = parse_normalize(&args.normalize)?;
    let threads = if args.threads == 0 {
        cores()
    } else {
        args.threads
    };
    let log = |msg: &str| eprintln!("bench: {msg}");

    // lexicon time to ready: median of repeated loads, then of classifier builds
    let lex = load_lexicon(&args.lexicon)?;
    let mut loads = Vec::new();
    for _ in 0..31 {
        let t = Instant::now();
        let l = load_lexicon(&args.lexicon)?;
        loads.push(t.elapsed());
        drop(l);
    }
    let lexicon_load = median(loads);
    let build = |lex: &Lexicon, opts: NormalizeOptions, fuzzy: bool| {
        Classifier::builder()
            .lexicon(lex.clone())
            .normalize(opts)
            .fuzzy(fuzzy)
            .build()
            .map_err(|e| e.to_string())
    };
    let mut builds = Vec::new();
    for _ in 0..11 {
        let t = Instant::now();
        let c = build(&lex, opts, !args.no_fuzzy)?;
        builds.push(t.elapsed());
        drop(c);
    }
    let classifier_build = median(builds);
    let classifier = build(&lex, opts, !args.no_fuzzy)?;
    let t = Instant::now();
    let _ = classifier.classify("first call: carved ivory bangle");
    let first_call = t.elapsed();

    // the corpus
    let spec = CorpusSpec {
        kind: args.corpus,
        listings: args.listings,
        listing_bytes: args.listing_bytes,
        seed: args.seed,
    };
    let t = Instant::now();
    let pools = TermPools::from_lexicon(&lex);
    let corpus = corpus::generate(&spec, &pools);
    drop(pools);
    log(&format!(
        "corpus {} : {} listings, {:.1} MB, {} planted, made in {:.2} s",
        spec.kind,
        corpus.listings.len(),
        corpus.bytes() as f64 / 1e6,
        corpus.planted,
        t.elapsed().as_secs_f64()
    ));
    let bytes = corpus.bytes() as u64;
    let n = corpus.listings.len() as u64;
    let strs = corpus.as_strs();

    let mut rows: Vec<Row> = Vec::new();
    let rss_before = current_rss();
    let peak_reset = reset_peak_rss();

    // warm-up
    for s in corpus.listings.iter().take(2000) {
        let _ = classifier.classify(s);
    }

    // the main citescan row
    let config = describe_config(opts, !args.no_fuzzy);
    let main_name = "citescan".to_string();
    let flagged;
    if args.batch == 0 {
        log(&format!("citescan per-listing, {threads} thread(s)"));
        let (d, f, lat) = per_listing_rounds(&classifier, &corpus.listings, threads, args.rounds)?;
        flagged = f;
        rows.push(
            Row::new(
                &main_name,
                "citescan",
                "per-listing",
                threads,
                bytes,
                n,
                d,
                f,
                "flagged",
            )
            .latency(Latency::of(lat))
            .note(&config),
        );
    } else {
        log(&format!(
            "citescan classify_batch({}), {threads} thread(s)",
            args.batch
        ));
        let (d, f) = batch_rounds(&classifier, &strs, threads, args.batch, args.rounds)?;
        flagged = f;
        rows.push(
            Row::new(
                &main_name,
                "citescan",
                &format!("batch {}", args.batch),
                threads,
                bytes,
                n,
                d,
                f,
                "flagged",
            )
            .note(&config),
        );
    }
    let recall = corpus
        .listings
        .iter()
        .zip(&corpus.is_planted)
        .filter(|(_, p)| **p)
        .filter(|(s, _)| classifier.classify(s).verdict != Verdict::Allow)
        .count() as u64;

    if args.stages || args.compare {
        log("stage rows");
        let (d, c) = timed("normalise", args.rounds, || {
            corpus
                .listings
                .iter()
                .map(|s| classifier.normalize(s).as_str().len() as u64)
                .sum()
        })?;
        rows.push(
            Row::new(
                "citescan normalise only",
                "stage",
                "per-listing",
                1,
                bytes,
                n,
                d,
                c,
                "out bytes",
            )
            .note("Classifier::normalize"),
        );
        let none = parse_normalize("none")?;
        let bare = build(&lex, none, false)?;
        let (d, c) = timed("bare", args.rounds, || {
            corpus
                .listings
                .iter()
                .map(|s| u64::from(bare.classify(s).verdict != Verdict::Allow))
                .sum()
        })?;
        rows.push(
            Row::new(
                "citescan, normalise none, fuzzy off",
                "stage",
                "per-listing",
                1,
                bytes,
                n,
                d,
                c,
                "flagged",
            )
            .note("classify with every normalisation off"),
        );
        if !args.no_fuzzy {
            let nofuzz = build(&lex, opts, false)?;
            let (d, c) = timed("nofuzzy", args.rounds, || {
                corpus
                    .listings
                    .iter()
                    .map(|s| u64::from(nofuzz.classify(s).verdict != Verdict::Allow))
                    .sum()
            })?;
            rows.push(
                Row::new(
                    "citescan, fuzzy off",
                    "stage",
                    "per-listing",
                    1,
                    bytes,
                    n,
                    d,
                    c,
                    "flagged",
                )
                .note("classify, normalisation as configured"),
            );
        }
        let (d, c) = timed("find_matches", args.rounds, || {
            corpus
                .listings
                .iter()
                .map(|s| classifier.find_matches(s).len() as u64)
                .sum()
        })?;
        rows.push(
            Row::new(
                "citescan find_matches",
                "stage",
                "per-listing",
                1,
                bytes,
                n,
                d,
                c,
                "matches",
            )
            .note("Classifier::find_matches"),
        );
    }
    let mut scaling = Vec::new();
    if args.scaling || args.compare {
        let batch = if args.batch == 0 { 1024 } else { args.batch };
        let mut ts = vec![1, 2, cores()];
        ts.dedup();
        ts.retain(|t| *t <= cores());
        for t in ts {
            log(&format!("citescan classify_batch({batch}), {t} thread(s)"));
            let (d, c) = batch_rounds(&classifier, &strs, t, batch, args.rounds)?;
            if c != flagged {
                return Err(format!(
                    "classify_batch on {t} threads flagged {c}, per-listing flagged {flagged}"
                ));
            }
            scaling.push((t, bytes as f64 / d.as_secs_f64() / 1e6));
            rows.push(
                Row::new(
                    &format!("citescan batch, {t} thread(s)"),
                    "scaling",
                    &format!("batch {batch}"),
                    t,
                    bytes,
                    n,
                    d,
                    c,
                    "flagged",
                )
                .note(&config),
            );
        }
    }
    let citescan_peak = peak_rss();
    log("memory probe in a fresh process");
    let fresh = probe_memory();
    drop(strs);

    // peers
    let mut skipped: Vec<String> = Vec::new();
    let mut python_version = None;
    if args.compare {
        let keys = lex.keys();
        let lowered: Vec<String> = corpus.listings.iter().map(|s| peers::lower(s)).collect();
        let whole = lowered.join("\n");
        log(&format!("peers over {} keys", keys.len()));

        let (d, _) = timed("lowercase", args.rounds, || {
            corpus
                .listings
                .iter()
                .map(|s| peers::lower(s).len() as u64)
                .sum()
        })?;
        rows.push(
            Row::new(
                "lower-case copy",
                "baseline",
                "per-listing",
                1,
                bytes,
                n,
                d,
                n,
                "listings",
            )
            .note("str::to_lowercase (ASCII fast path): a memory-speed floor"),
        );

        let t = Instant::now();
        let ac = peers::AcPeer::new(&keys)?;
        let ac_build = t.elapsed();
        let (d, c) = timed("aho-corasick", args.rounds, || {
            lowered.iter().map(|s| ac.count(s)).sum()
        })?;
        rows.push(
            Row::new(
                "aho-corasick (Rust)",
                "peer",
                "per-listing",
                1,
                bytes,
                n,
                d,
                c,
                "matches",
            )
            .build(ac_build)
            .note(&format!(
                "leftmost-longest, lower-cased text, {} MB heap",
                ac.memory_usage() / 1_000_000
            )),
        );
        let (d, c) = timed("aho-corasick whole", args.rounds, || ac.count(&whole))?;
        rows.push(
            Row::new(
                "aho-corasick (Rust)",
                "peer",
                "whole-buffer",
                1,
                bytes,
                n,
                d,
                c,
                "matches",
            )
            .build(ac_build)
            .note("one find_iter over the joined corpus"),
        );
        drop(ac);

        let t = Instant::now();
        let fp = peers::FstPeer::new(&keys)?;
        let fst_build = t.elapsed();
        let (d, c) = timed("fst walk", args.rounds, || {
            lowered.iter().map(|s| fp.count(s)).sum()
        })?;
        rows.push(
            Row::new(
                "fst token walk",
                "peer",
                "per-listing",
                1,
                bytes,
                n,
                d,
                c,
                "matches",
            )
            .build(fst_build)
            .note("longest key from every token start"),
        );
        drop(fp);

        let t = Instant::now();
        let hs = peers::TokenSetPeer::new(&keys);
        let hs_build = t.elapsed();
        let mut buf = String::new();
        let mut toks = Vec::new();
        let (d, c) = timed("hashset", args.rounds, || {
            lowered
                .iter()
                .map(|s| hs.count(s, &mut buf, &mut toks))
                .sum()
        })?;
        rows.push(
            Row::new(
                "HashSet 1-3-gram lookup",
                "baseline",
                "per-listing",
                1,
                bytes,
                n,
                d,
                c,
                "matches",
            )
            .build(hs_build)
            .note("std HashSet<String>, SipHash"),
        );
        drop(hs);

        if args.no_python {
            skipped.push("python peers: --no-python".into());
        } else {
            match python::run_peers(&lowered, &keys, args.rounds) {
                Ok(out) => {
                    python_version = out.python.clone();
                    for p in out.peers {
                        rows.push(
                            Row::new(
                                &format!("{} (Python)", p.name),
                                "peer",
                                &p.mode,
                                1,
                                bytes,
                                n,
                                Duration::from_secs_f64(p.secs),
                                p.matches,
                                "matches",
                            )
                            .build(Duration::from_secs_f64(p.build_secs))
                            .note(&p.note),
                        );
                    }
                    for s in out.skipped {
                        skipped.push(format!("{} (Python): {}", s.name, s.reason));
                    }
                }
                Err(e) => skipped.push(format!("python peers: {e}")),
            }
        }
        rows.push(Row::unavailable(
            "citescan (Python binding)",
            "not yet available: the Python binding comes in a later issue",
        ));
    }

    let report = Report {
        date: report::today(),
        cpu: report::cpu_model(),
        cores: cores(),
        command: std::env::args().collect::<Vec<_>>().join(" "),
        corpus: spec.kind.as_str().to_string(),
        listings: n,
        bytes,
        listing_bytes: args.listing_bytes,
        seed: args.seed,
        threads,
        batch: args.batch,
        config,
        lexicon: args
            .lexicon
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| "embedded".into()),
        lexicon_keys: lex.len() as u64,
        lexicon_version: lex.version().to_string(),
        lexicon_load_us: lexicon_load.as_secs_f64() * 1e6,
        classifier_build_us: classifier_build.as_secs_f64() * 1e6,
        first_call_us: first_call.as_secs_f64() * 1e6,
        planted: corpus.planted as u64,
        planted_flagged: recall,
        flagged,
        rss_start: rss_start.unwrap_or(0),
        rss_before_rows: rss_before.unwrap_or(0),
        peak_rss_citescan: citescan_peak.unwrap_or(0),
        peak_rss_reset: peak_reset,
        peak_rss_process: peak_rss().unwrap_or(0),
        fresh_rss: fresh,
        python: python_version,
        skipped,
        scaling,
        rows,
        targets: Vec::new(),
    };
    Ok(report.finish())
}

/// Set in the child process that measures memory (see [`memory_probe`]).
const MEMPROBE_ENV: &str = "CITESCAN_BENCH_MEMPROBE";

/// Memory in a fresh process: the same program and arguments are run again with
/// `CITESCAN_BENCH_MEMPROBE=1`; that child loads the lexicon, builds the classifier, makes the
/// corpus (from the built-in term pools, so the lexicon is not walked) and classifies every
/// listing once, then prints `rss_start rss_ready rss_corpus hwm` in bytes.
fn memory_probe(args: &BenchArgs) -> Result<(), String> {
    let start = current_rss().unwrap_or(0);
    let opts = parse_normalize(&args.normalize)?;
    let lex = load_lexicon(&args.lexicon)?;
    let c = Classifier::builder()
        .lexicon(lex)
        .normalize(opts)
        .fuzzy(!args.no_fuzzy)
        .build()
        .map_err(|e| e.to_string())?;
    let _ = c.classify("carved ivory bangle");
    let ready = current_rss().unwrap_or(0);
    let spec = CorpusSpec {
        kind: args.corpus,
        listings: args.listings,
        listing_bytes: args.listing_bytes,
        seed: args.seed,
    };
    let corpus = corpus::generate(&spec, &TermPools::builtin());
    let with_corpus = current_rss().unwrap_or(0);
    let flagged = corpus
        .listings
        .iter()
        .filter(|s| c.classify(s).verdict != Verdict::Allow)
        .count();
    std::hint::black_box(flagged);
    println!("{start} {ready} {with_corpus} {}", peak_rss().unwrap_or(0));
    Ok(())
}

/// Runs the memory probe in a child process; returns (start, ready, with corpus, peak) bytes.
fn probe_memory() -> Option<[u64; 4]> {
    let exe = std::env::current_exe().ok()?;
    let out = std::process::Command::new(exe)
        .args(std::env::args_os().skip(1))
        .env(MEMPROBE_ENV, "1")
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    let s = String::from_utf8_lossy(&out.stdout);
    let v: Vec<u64> = s
        .lines()
        .last()?
        .split_whitespace()
        .filter_map(|x| x.parse().ok())
        .collect();
    (v.len() == 4).then(|| [v[0], v[1], v[2], v[3]])
}

fn describe_config(o: NormalizeOptions, fuzzy: bool) -> String {
    let on: Vec<&str> = [
        (o.compatibility, "compatibility"),
        (o.invisible, "invisible"),
        (o.confusables, "confusables"),
        (o.leetspeak, "leetspeak"),
        (o.spacing, "spacing"),
        (o.repeats, "repeats"),
        (o.han, "han"),
    ]
    .into_iter()
    .filter(|x| x.0)
    .map(|x| x.1)
    .collect();
    let norm = if on.len() == 7 {
        "all".to_string()
    } else if on.is_empty() {
        "none".to_string()
    } else {
        on.join(",")
    };
    format!(
        "normalise {norm}, fuzzy {}",
        if fuzzy { "on" } else { "off" }
    )
}

/// A corpus for the criterion benches: the same generator, the embedded lexicon's terms.
pub fn bench_corpus(kind: CorpusKind, listings: usize, listing_bytes: usize) -> Corpus {
    let lex = Lexicon::embedded();
    let pools = TermPools::from_lexicon(&lex);
    corpus::generate(
        &CorpusSpec {
            kind,
            listings,
            listing_bytes,
            seed: 42,
        },
        &pools,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_lists() {
        assert_eq!(parse_normalize("all").unwrap(), NormalizeOptions::default());
        let o = parse_normalize("leetspeak,han").unwrap();
        assert!(o.leetspeak && o.han && !o.compatibility && !o.spacing);
        assert!(!parse_normalize("none").unwrap().invisible);
        assert!(parse_normalize("nfkc").is_err());
    }

    #[test]
    fn percentiles() {
        let l = Latency::of((1..=1000).collect()).unwrap();
        assert_eq!(
            (l.p50_ns, l.p99_ns, l.p999_ns, l.max_ns),
            (500, 990, 999, 1000)
        );
        assert!(Latency::of(Vec::new()).is_none());
    }
}
