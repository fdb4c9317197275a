//! # citescan
//!
//! Screens marketplace and social-media listings for CITES-listed wildlife: ivory, rhino horn,
//! pangolin scales, live parrots, reptile skins, corals, orchids, agarwood, rosewood and the
//! rest of the ~40,000 listed species, in many languages and through the disguises sellers use
//! (code words, misspellings, leetspeak, spaced letters, look-alike and invisible characters).
//!
//! ## Overview
//! One way through, each step owning one noun:
//! 1. **normalise**: text → [`Normalized`] (folded view, map back to original byte offsets,
//!    obfuscations undone);
//! 2. **scan**: normalised view × [`Lexicon`] → hits (exact leftmost-longest over an FST,
//!    bounded edit distance for misspellings);
//! 3. **classify**: hits × context × [`Policy`] → [`Assessment`] (verdict, score, taxa,
//!    matches with byte spans into the original text, reasons with stable codes).
//!
//! ## Example
//! ```
//! use citescan::{Classifier, Verdict};
//!
//! let classifier = Classifier::new(); // embedded lexicon, default policy
//! let a = classifier.classify("p4ng0lin sc4les 1kg WhatsApp");
//! assert_eq!(a.verdict, Verdict::Block);
//! let m = &a.matches[0];
//! assert_eq!(&"p4ng0lin sc4les 1kg WhatsApp"[m.start..m.end], "p4ng0lin sc4les");
//! assert!(m.obfuscations.contains(&citescan::Obfuscation::Leetspeak));
//! println!("{}", a.to_json());
//! ```
//!
//! ## Performance
//! Linear in the input. The compiled lexicon is read in place from the embedded bytes (or any
//! buffer, a memory map included), so a classifier is ready in microseconds. Memory per call is
//! bounded by about 10 bytes per input byte (the normalised view and its offset map) plus the
//! matches. See the README for measured throughput.
//!
//! ## Untrusted input
//! Every public function accepts any `&str` without panicking; [`Classifier::try_classify_bytes`]
//! takes raw bytes and returns an error for invalid UTF-8 or input over a configured cap.
//! [`Lexicon::from_bytes`] checks the header and section table of an untrusted lexicon and
//! [`Lexicon::verify`] checks every record and the checksum.
//!
//! ## Crate features
//! - `parallel` (default): batch calls use all cores through rayon. It changes speed, never
//!   verdicts. `CITESCAN_NO_PARALLEL=1` turns it off at run time (needed after `fork`).

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod classify;
mod error;
pub mod lexicon;
pub mod normalize;
mod policy;
mod scan;

pub use classify::{
    Assessment, Classifier, ClassifierBuilder, LexiconRef, Listing, Match, Reason, Verdict,
    DEFAULT_MAX_INPUT_BYTES, MAX_CONTEXT_HITS, MAX_TERM_HITS,
};
pub use error::{Error, ErrorKind};
pub use lexicon::{Entry, Kind, Lexicon, LexiconBuilder, Taxon};
pub use normalize::{NormalizeOptions, Normalized, Normalizer, Obfuscation, ObfuscationSet};
pub use policy::{Policy, DEFAULT_POLICY_TOML};

#[cfg(test)]
mod tests;
