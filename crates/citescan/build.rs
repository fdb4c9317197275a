//! Compiles the wordlists under `wordlists/` into the embedded default lexicon.
//!
//! The lexicon modules are shared with the library through `#[path]`, so the build script and
//! the library fold terms with the very same code.

#![allow(dead_code, unused_imports, missing_docs)]

#[path = "src/lexicon/builder.rs"]
mod builder;
#[path = "src/error.rs"]
mod error;
#[path = "src/lexicon/format.rs"]
mod format;
#[path = "src/lexicon/marks.rs"]
mod marks;
#[path = "src/normalize/mod.rs"]
mod normalize;
#[path = "src/lexicon/source.rs"]
mod source;

use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let root = manifest
        .join("../..")
        .canonicalize()
        .expect("workspace root");
    // CITESCAN_WORDLISTS lets a platform embed a lexicon built from its own licensed sources
    // (same folder layout as `wordlists/`).
    println!("cargo:rerun-if-env-changed=CITESCAN_WORDLISTS");
    let wordlists = match std::env::var_os("CITESCAN_WORDLISTS") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => root.join("wordlists"),
    };
    println!("cargo:rerun-if-changed={}", wordlists.display());
    println!("cargo:rerun-if-changed=src/normalize");
    println!("cargo:rerun-if-changed=src/lexicon");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR")).join("default.lex");

    let mut b = builder::LexiconBuilder::new();
    let version = std::fs::read_to_string(wordlists.join("VERSION"))
        .map(|s| s.trim().to_string())
        .unwrap_or_else(|_| "unversioned".into());
    b.version(version);
    let mut files = Vec::new();
    for sub in ["han", "dictionary", "generated", "curated"] {
        let dir = wordlists.join(sub);
        if dir.is_dir() {
            collect(&dir, &mut files);
        }
    }
    // order matters: curated taxa rows override the generated export
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        if let Err(e) = b.add_file(f) {
            panic!("wordlist error: {e}");
        }
    }
    let bytes = match b.build_bytes() {
        Ok(b) => b,
        Err(e) => panic!("cannot compile the default lexicon: {e}"),
    };
    std::fs::write(&out, bytes).expect("write default.lex");
}

fn collect(dir: &std::path::Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("read_dir")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect(&p, out);
        } else if matches!(p.extension().and_then(|e| e.to_str()), Some("tsv" | "txt")) {
            out.push(p);
        }
    }
}
