//! The `citescan` command: screen listings for CITES-listed wildlife from the shell.
//!
//! The command holds no screening logic: it reads inputs, calls the `citescan` library and
//! prints what it returns.
//!
//! Exit codes: 0 success; 1 a check failed (an `eval` floor missed, a lexicon that does not
//! build, a `lexicon lookup` that finds nothing, a `bench` run that fails); 2 an input, lexicon or policy file cannot be
//! opened or read, or the command line is wrong.

mod common;
mod eval;
mod explain;
mod input;
mod lexicon_cmd;
mod scan;

use clap::{Parser, Subcommand};

/// Screen marketplace listings for CITES-listed wildlife.
#[derive(Debug, Parser)]
#[command(name = "citescan", version, about, long_about = None)]
#[command(
    after_help = "Exit codes: 0 success; 1 a check failed (eval floor missed, lexicon build error, \
lookup found nothing); 2 a file cannot be opened or read, or a usage error."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Classify listings (JSON Lines, CSV or text) and write one Assessment a line, in input order.
    ///
    /// A malformed record (bad JSON, not an object, invalid UTF-8, a field that is not a string)
    /// gives `{"id": ..., "error": "line N: ...", "line": N}` in its place and the run goes on.
    /// The exit code is 0 unless a file cannot be opened (2).
    Scan(scan::ScanArgs),
    /// Show one text with its matches highlighted, each match's details, the reasons and the verdict.
    Explain(explain::ExplainArgs),
    /// Build, inspect, query and compare compiled lexicons.
    #[command(subcommand)]
    Lexicon(lexicon_cmd::LexiconCommand),
    /// Measure the classifier against labelled listings (recall, precision, false positives).
    Eval(eval::EvalArgs),
    /// Measure throughput, latency and memory on a generated corpus, beside peer matchers.
    Bench(citescan_bench::BenchArgs),
}

fn main() {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Scan(a) => scan::run(a),
        Command::Explain(a) => explain::run(a),
        Command::Lexicon(c) => lexicon_cmd::run(c),
        Command::Eval(a) => eval::run(a),
        Command::Bench(a) => citescan_bench::run(a).map_err(common::Failure::fail),
    };
    if let Err(f) = result {
        if !f.message.is_empty() {
            eprintln!("citescan: {}", f.message);
        }
        std::process::exit(f.code);
    }
}
