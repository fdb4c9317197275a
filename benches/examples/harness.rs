//! The `citescan bench` harness as a stand-alone program, for before the CLI has the subcommand:
//! `cargo run --release -p citescan-bench --example harness -- --compare`.

use clap::Parser;

/// Throughput, latency and memory of citescan, side by side with its peers.
#[derive(Parser)]
#[command(name = "harness")]
struct Cli {
    #[command(flatten)]
    args: citescan_bench::BenchArgs,
}

fn main() {
    let cli = Cli::parse();
    if let Err(e) = citescan_bench::run(cli.args) {
        eprintln!("bench: {e}");
        std::process::exit(1);
    }
}
