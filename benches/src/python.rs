//! Runs the Python peers (`benches/python/peers.py`) from a venv the harness makes.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The script, embedded so the harness works from any working directory.
const PEERS_PY: &str = include_str!("../python/peers.py");
const PACKAGES: &[(&str, &str)] = &[
    ("hyperscan", "hyperscan"),
    ("pyahocorasick", "ahocorasick"),
    ("flashtext", "flashtext"),
];

#[derive(Debug, serde::Deserialize)]
pub(crate) struct PyPeer {
    pub name: String,
    pub mode: String,
    pub build_secs: f64,
    pub secs: f64,
    pub matches: u64,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, serde::Deserialize)]
pub(crate) struct PySkip {
    pub name: String,
    pub reason: String,
}

#[derive(Debug, serde::Deserialize)]
pub(crate) struct PyOut {
    pub python: Option<String>,
    pub peers: Vec<PyPeer>,
    pub skipped: Vec<PySkip>,
}

/// `$CITESCAN_BENCH_VENV`, or `target/bench-venv` under the working directory.
fn venv_dir() -> PathBuf {
    std::env::var_os("CITESCAN_BENCH_VENV")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("target/bench-venv"))
}

fn quiet(cmd: &mut Command) -> Result<(bool, String), String> {
    let out = cmd
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run {cmd:?}: {e}"))?;
    let err = String::from_utf8_lossy(&out.stderr);
    let last = err
        .lines()
        .filter(|l| !l.trim().is_empty())
        .last()
        .unwrap_or("")
        .to_string();
    Ok((out.status.success(), last))
}

/// Makes the venv if needed and installs the missing packages one by one; returns the venv's
/// python. A package that does not install is left out (peers.py then reports it skipped).
fn ensure_venv(log: &dyn Fn(&str)) -> Result<PathBuf, String> {
    let dir = venv_dir();
    let py = dir.join("bin").join("python");
    if !py.exists() {
        log(&format!("making a venv in {}", dir.display()));
        let (ok, err) = quiet(Command::new("python3").arg("-m").arg("venv").arg(&dir))?;
        if !ok {
            return Err(format!("python3 -m venv {} failed: {err}", dir.display()));
        }
    }
    for (package, module) in PACKAGES {
        let (present, _) = quiet(Command::new(&py).arg("-c").arg(format!("import {module}")))?;
        if present {
            continue;
        }
        log(&format!("pip install {package}"));
        let (ok, err) = quiet(Command::new(&py).args([
            "-m",
            "pip",
            "install",
            "-q",
            "--disable-pip-version-check",
            package,
        ]))?;
        if !ok {
            log(&format!(
                "pip install {package} failed ({err}); its rows are skipped"
            ));
        }
    }
    Ok(py)
}

fn write_lines(path: &Path, lines: &[String]) -> Result<(), String> {
    let mut s = String::with_capacity(lines.iter().map(|l| l.len() + 1).sum());
    for l in lines {
        s.push_str(l);
        s.push('\n');
    }
    std::fs::write(path, s).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Runs the Python peers over the (lower-cased) listings and the terms.
pub(crate) fn run_peers(
    listings: &[String],
    terms: &[String],
    rounds: usize,
) -> Result<PyOut, String> {
    let log = |m: &str| eprintln!("bench: {m}");
    let py = ensure_venv(&log)?;
    let dir = std::env::temp_dir().join(format!("citescan-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot make {}: {e}", dir.display()))?;
    let result = (|| {
        let corpus = dir.join("corpus.txt");
        let term_file = dir.join("terms.txt");
        let script = dir.join("peers.py");
        write_lines(&corpus, listings)?;
        write_lines(&term_file, terms)?;
        std::fs::write(&script, PEERS_PY)
            .map_err(|e| format!("cannot write {}: {e}", script.display()))?;
        log("running the Python peers (hyperscan, pyahocorasick, flashtext)");
        let out = Command::new(&py)
            .arg(&script)
            .arg(&corpus)
            .arg(&term_file)
            .arg(rounds.max(1).to_string())
            .stdin(Stdio::null())
            .output()
            .map_err(|e| format!("cannot run {}: {e}", py.display()))?;
        if !out.status.success() {
            let err = String::from_utf8_lossy(&out.stderr);
            return Err(format!(
                "peers.py failed: {}",
                err.lines().last().unwrap_or("")
            ));
        }
        let stdout = String::from_utf8_lossy(&out.stdout);
        let line = stdout
            .lines()
            .rev()
            .find(|l| l.starts_with('{'))
            .ok_or("peers.py printed no JSON")?;
        serde_json::from_str::<PyOut>(line).map_err(|e| format!("peers.py output: {e}"))
    })();
    let _ = std::fs::remove_dir_all(&dir);
    result
}
