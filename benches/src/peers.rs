//! The Rust peers and baselines citescan is measured against, over the same terms: the
//! lexicon's normalised keys. They search lower-cased text (lower-cased once, before timing), and
//! do no other normalisation: they are what a plain keyword matcher costs.

use std::collections::HashSet;

use aho_corasick::{AhoCorasick, MatchKind};
use fst::raw::Fst;

/// Lower-cases a text the way the peers expect (Unicode lower case; ASCII fast path).
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.to_lowercase()
    }
}

/// A byte that belongs to a word for the token-based peers: ASCII letters and digits, and every
/// byte of a non-ASCII character.
#[inline]
fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// Raw `aho-corasick` (leftmost-longest) over all keys.
pub struct AcPeer {
    ac: AhoCorasick,
}

impl AcPeer {
    /// Builds the automaton (the default, which picks a contiguous NFA for a large set).
    pub fn new<I, P>(terms: I) -> Result<AcPeer, String>
    where
        I: IntoIterator<Item = P>,
        P: AsRef<[u8]>,
    {
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(terms)
            .map_err(|e| format!("aho-corasick build: {e}"))?;
        Ok(AcPeer { ac })
    }

    /// Non-overlapping leftmost-longest matches in one text.
    #[inline]
    pub fn count(&self, text: &str) -> u64 {
        self.ac.find_iter(text).count() as u64
    }

    /// Heap bytes of the automaton.
    pub fn memory_usage(&self) -> usize {
        self.ac.memory_usage()
    }
}

/// An FST of the keys, walked from every token start: the longest key that ends at a word
/// boundary counts as a match and the walk resumes after it.
pub struct FstPeer {
    set: fst::Set<Vec<u8>>,
}

impl FstPeer {
    /// Builds the set from keys in any order (they are sorted and deduplicated here).
    pub fn new<I, S>(terms: I) -> Result<FstPeer, String>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut keys: Vec<String> = terms.into_iter().map(|s| s.as_ref().to_string()).collect();
        keys.sort_unstable();
        keys.dedup();
        let set = fst::Set::from_iter(keys).map_err(|e| format!("fst build: {e}"))?;
        Ok(FstPeer { set })
    }

    fn fst(&self) -> &Fst<Vec<u8>> {
        self.set.as_fst()
    }

    /// Matches in one (lower-cased) text.
    pub fn count(&self, text: &str) -> u64 {
        let fst = self.fst();
        let t = text.as_bytes();
        let root = fst.root();
        let mut n = 0u64;
        let mut i = 0usize;
        while i < t.len() {
            if !is_word(t[i]) || (i > 0 && is_word(t[i - 1])) {
                i += 1;
                continue;
            }
            let mut node = root;
            let mut j = i;
            let mut best = 0usize;
            while j < t.len() {
                let Some(k) = node.find_input(t[j]) else {
                    break;
                };
                node = fst.node(node.transition_addr(k));
                j += 1;
                if node.is_final() && (j == t.len() || !is_word(t[j])) {
                    best = j;
                }
            }
            if best > 0 {
                n += 1;
                i = best;
            } else {
                i += 1;
            }
        }
        n
    }
}

/// A `HashSet` of the keys, looked up for every token and every run of two and three tokens.
pub struct TokenSetPeer {
    set: HashSet<String>,
}

impl TokenSetPeer {
    /// The set of keys of at most three words.
    pub fn new<I, S>(terms: I) -> TokenSetPeer
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let set = terms
            .into_iter()
            .map(|s| s.as_ref().to_string())
            .filter(|k| k.split(' ').count() <= 3)
            .collect();
        TokenSetPeer { set }
    }

    /// Hits in one (lower-cased) text: n-grams of 1 to 3 tokens that are keys.
    pub fn count(&self, text: &str, buf: &mut String, toks: &mut Vec<(usize, usize)>) -> u64 {
        let t = text.as_bytes();
        toks.clear();
        let mut i = 0;
        while i < t.len() {
            if is_word(t[i]) {
                let s = i;
                while i < t.len() && is_word(t[i]) {
                    i += 1;
                }
                toks.push((s, i));
            } else {
                i += 1;
            }
        }
        let mut n = 0u64;
        for k in 0..toks.len() {
            buf.clear();
            for (g, &(s, e)) in toks[k..toks.len().min(k + 3)].iter().enumerate() {
                if g > 0 {
                    buf.push(' ');
                }
                buf.push_str(&text[s..e]);
                if self.set.contains(buf.as_str()) {
                    n += 1;
                }
            }
        }
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn peers_agree_on_a_small_case() {
        let terms = ["ivory", "rhino horn", "horn"];
        let text = lower("Carved IVORY bangle and rhino horn cup; hornet nest");
        assert_eq!(AcPeer::new(terms).unwrap().count(&text), 3); // ivory, rhino horn, horn(et)
        assert_eq!(FstPeer::new(terms).unwrap().count(&text), 2); // whole words only
        let mut buf = String::new();
        let mut toks = Vec::new();
        // ivory, rhino horn, horn (inside "rhino horn")
        assert_eq!(
            TokenSetPeer::new(terms).count(&text, &mut buf, &mut toks),
            3
        );
    }
}
