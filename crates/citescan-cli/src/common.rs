//! What several subcommands share: loading the lexicon, policy and classifier; exit codes.

use std::path::PathBuf;

use citescan::{Classifier, Lexicon, Policy};

/// Exit code when a check fails (an eval floor missed, a lexicon that does not build).
pub const EXIT_FAIL: i32 = 1;
/// Exit code when an input, lexicon or policy cannot be opened or read.
pub const EXIT_IO: i32 = 2;

/// An error that ends the command: the message and the exit code.
#[derive(Debug)]
pub struct Failure {
    /// Exit code.
    pub code: i32,
    /// Message (printed after `citescan: `).
    pub message: String,
}

impl Failure {
    /// An I/O or usage failure (exit 2).
    pub fn io(message: impl Into<String>) -> Failure {
        Failure {
            code: EXIT_IO,
            message: message.into(),
        }
    }
    /// A check failure (exit 1).
    pub fn fail(message: impl Into<String>) -> Failure {
        Failure {
            code: EXIT_FAIL,
            message: message.into(),
        }
    }
}

/// Options that choose the lexicon, policy and matching.
#[derive(Clone, Debug, Default, clap::Args)]
pub struct EngineArgs {
    /// A compiled lexicon file (default: the embedded lexicon).
    #[arg(long, value_name = "FILE")]
    pub lexicon: Option<PathBuf>,
    /// A policy file in TOML (default: the built-in policy).
    #[arg(long, value_name = "FILE")]
    pub policy: Option<PathBuf>,
    /// Turn off fuzzy (misspelling) matching.
    #[arg(long)]
    pub no_fuzzy: bool,
}

/// Loads a lexicon file, or the embedded one; `embedded` as a name means the embedded one.
pub fn load_lexicon(path: Option<&std::path::Path>) -> Result<Lexicon, Failure> {
    match path {
        None => Ok(Lexicon::embedded()),
        Some(p) if p.as_os_str() == "embedded" && !p.exists() => Ok(Lexicon::embedded()),
        Some(p) => Lexicon::from_path(p).map_err(|e| Failure::io(format!("lexicon: {e}"))),
    }
}

impl EngineArgs {
    /// The classifier these options describe.
    pub fn classifier(&self, parallel: bool) -> Result<Classifier, Failure> {
        let mut b = Classifier::builder();
        b.lexicon(load_lexicon(self.lexicon.as_deref())?);
        if let Some(p) = &self.policy {
            b.policy(Policy::from_path(p).map_err(|e| Failure::io(format!("policy: {e}")))?);
        }
        b.fuzzy(!self.no_fuzzy).parallel(parallel);
        b.build().map_err(|e| Failure::io(format!("policy: {e}")))
    }
}

/// Rounds to 4 decimals for JSON output.
pub fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// Writes to standard output; a reader that went away (a closed pipe) is not an error.
pub fn emit(s: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(s.as_bytes()).and_then(|_| out.flush());
}
