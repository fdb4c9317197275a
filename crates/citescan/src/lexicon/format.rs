//! The compiled lexicon's binary layout (format version 2). All integers little-endian.
//!
//! ```text
//! offset  size  field
//! 0       8     magic "CITESLEX"
//! 8       4     format version (2)
//! 12      4     number of sections N
//! 16      8     checksum: FNV-1a 64 of every byte from offset 32 to the end
//! 24      8     total length in bytes
//! 32      32    reserved (zero)
//! 64      16*N  section table: (offset u64, length u64) per section, in the order of `Section`
//! ...           sections
//! ```
//! Sections are read in place: nothing is rebuilt at load, so a lexicon is ready as soon as the
//! header is checked. `verify` recomputes the checksum and checks every record.

/// File magic.
pub const MAGIC: &[u8; 8] = b"CITESLEX";
/// Current format version.
pub const FORMAT_VERSION: u32 = 2;
/// Bytes before the section table.
pub const HEADER_LEN: usize = 64;
/// Bytes of one entry record.
pub const ENTRY_LEN: usize = 16;
/// Number of string ids in one taxon record.
pub const TAXON_FIELDS: usize = 12;
/// Bytes of one taxon record.
pub const TAXON_LEN: usize = TAXON_FIELDS * 4;
/// "No taxon" in an entry record.
pub const NO_TAXON: u32 = u32::MAX;

/// The sections, in file order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(usize)]
pub enum Section {
    /// JSON metadata: version, tables of languages and sources, statistics.
    Meta = 0,
    /// u32 offsets into the string blob, one more than there are strings.
    StringIndex = 1,
    /// UTF-8 strings, back to back.
    StringBlob = 2,
    /// Entry records (see `ENTRY_LEN`), sorted by normalised key.
    Entries = 3,
    /// Taxon records (see `TAXON_LEN`).
    Taxa = 4,
    /// `fst::Map`: normalised key → (first entry << 16) | entry count.
    Keys = 5,
    /// `fst::Map`: the keys fuzzy matching may reach, same values.
    Fuzzy = 6,
    /// `fst::Set`: normalised ordinary words (fuzzy matching never rewrites them).
    Dictionary = 7,
    /// (traditional, simplified) u32 pairs, sorted.
    Han = 8,
    /// Token prefilter: a Bloom filter (`PREFILTER_BITS` bits, two hashes) of every key that is
    /// one word of a spaced script, and of the first two words of every longer such key. A
    /// token whose word (and word pair) is not in it starts no key, and is not walked. It also
    /// holds `phrase_start_hash` of the first word of every phrase key of the fuzzy FST.
    Prefilter = 9,
    /// Fuzzy gate: a blocked Bloom filter (`GATE_BITS` bits, four bits in one 64-byte block
    /// per form, see `gate_probe` and `deletion_forms`) of every fuzzy key with
    /// up to one letter deleted (two for keys of ten letters or more, which allow two edits).
    /// Within that many edits, a word and a key share a form with up to as many deletions
    /// each (symmetric deletion), so a word none of whose forms is in it has no fuzzy match.
    FuzzyGate = 10,
}

/// Number of sections.
pub const SECTIONS: usize = 11;

/// Bits in the prefilter: 2^22 (512 KiB), about 0.5% false passes at 200,000 words.
pub const PREFILTER_BITS: u64 = 1 << 22;

/// The two bit positions of a word (or word pair) in the prefilter.
pub fn prefilter_bits(h: u64) -> [u64; 2] {
    let (a, b) = (h & 0xFFFF_FFFF, (h >> 32) | 1);
    [a % PREFILTER_BITS, a.wrapping_add(b) % PREFILTER_BITS]
}

/// The prefilter hash of the first word of a fuzzy phrase key: the word's FNV-1a hash
/// continued with a 0x01 byte, which no normalised text holds, so it never answers for a word
/// itself.
pub fn phrase_start_hash(word: &[u8]) -> u64 {
    fnv1a64_from(fnv1a64(word), &[1])
}

/// Bits in the fuzzy gate: 2^24 (2 MiB), as 32,768 blocks of 512 bits (one cache line); a
/// form sets four bits in one block. About 0.05% false passes per probe at the ~600,000
/// deletion forms of the default lexicon.
pub const GATE_BITS: u64 = 1 << 24;

/// Longest word (in bytes) that has deletion forms in the gate. A query is at most 40 bytes
/// and allows at most two edits, so longer keys could never be near one.
pub const GATE_MAX_WORD: usize = 64;

/// The byte offset of a form's block in the gate, and its four bit positions in the block.
pub fn gate_probe(form_hash: u64) -> (usize, [u16; 4]) {
    let m = mix64(form_hash);
    let block = ((m >> 40) % (GATE_BITS / 512)) as usize;
    let bits = [0, 9, 18, 27].map(|s| ((m >> s) & 0x1FF) as u16);
    (block * 64, bits)
}

/// The murmur3 64-bit finaliser: spreads a polynomial hash over all 64 bits.
fn mix64(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// Multiplier of the gate's polynomial hash (odd).
const POLY: u64 = 0x9E37_79B9_7F4A_7C15;

/// Calls `f` with the polynomial hash of `word` and of each of its forms with one letter
/// deleted (and two, when `two`), stopping at the first call that returns true; returns
/// whether one did. Each form costs O(1) after an O(n) pass, so a word of n bytes costs
/// O(n) for one deletion and O(n^2) for two. Forms repeat when the word repeats a letter;
/// that changes nothing for a Bloom filter. `None` for a word longer than `GATE_MAX_WORD`.
pub fn deletion_forms(word: &[u8], two: bool, f: &mut impl FnMut(u64) -> bool) -> Option<bool> {
    let n = word.len();
    if n > GATE_MAX_WORD {
        return None;
    }
    // pre[m]: hash of word[..m]; pow[m]: POLY^m
    let mut pre = [0u64; GATE_MAX_WORD + 1];
    let mut pow = [1u64; GATE_MAX_WORD + 1];
    for (m, &b) in word.iter().enumerate() {
        pre[m + 1] = pre[m].wrapping_mul(POLY).wrapping_add(u64::from(b) + 1);
        pow[m + 1] = pow[m].wrapping_mul(POLY);
    }
    // hash of word[a..b]; hash(x ++ y) = hash(x) * POLY^|y| + hash(y)
    let sub = |a: usize, b: usize| pre[b].wrapping_sub(pre[a].wrapping_mul(pow[b - a]));
    let cat = |x: u64, y: u64, ylen: usize| x.wrapping_mul(pow[ylen]).wrapping_add(y);
    if f(pre[n]) {
        return Some(true);
    }
    for i in 0..n {
        let head = sub(0, i);
        if f(cat(head, sub(i + 1, n), n - i - 1)) {
            return Some(true);
        }
        if two {
            for j in i + 1..n {
                let mid = cat(head, sub(i + 1, j), j - i - 1);
                if f(cat(mid, sub(j + 1, n), n - j - 1)) {
                    return Some(true);
                }
            }
        }
    }
    Some(false)
}

/// FNV-1a 64 continued from `h` (start with `FNV_START`).
pub fn fnv1a64_from(mut h: u64, data: &[u8]) -> u64 {
    for &b in data {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// FNV-1a 64 offset basis.
pub const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a, 64 bits: the checksum and content hash.
pub fn fnv1a64(data: &[u8]) -> u64 {
    fnv1a64_from(FNV_START, data)
}

/// Packs a key's entry range into an fst value.
pub fn pack_range(first: u32, count: u32) -> u64 {
    ((first as u64) << 16) | (count.min(0xFFFF) as u64)
}

/// Unpacks an fst value into (first entry, count).
pub fn unpack_range(v: u64) -> (u32, u32) {
    ((v >> 16) as u32, (v & 0xFFFF) as u32)
}

pub(crate) fn read_u32(b: &[u8], at: usize) -> u32 {
    let mut a = [0u8; 4];
    a.copy_from_slice(&b[at..at + 4]);
    u32::from_le_bytes(a)
}

pub(crate) fn read_u64(b: &[u8], at: usize) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(&b[at..at + 8]);
    u64::from_le_bytes(a)
}

/// The JSON metadata section.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Meta {
    /// The lexicon's version, as given to the builder.
    pub version: String,
    /// Language codes; entries refer to them by index.
    pub langs: Vec<String>,
    /// Source ids; entries refer to them by index.
    pub sources: Vec<String>,
    /// The source files it was built from, in order.
    pub inputs: Vec<String>,
    /// Statistics computed when it was built.
    pub stats: Stats,
}

/// Counts computed when a lexicon is built.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Stats {
    /// Entries (a term with one kind, taxon and language).
    pub entries: u64,
    /// Distinct normalised keys.
    pub keys: u64,
    /// Keys that fuzzy matching may reach.
    pub fuzzy_keys: u64,
    /// Ordinary words in the dictionary.
    pub dictionary_words: u64,
    /// Taxa.
    pub taxa: u64,
    /// Entries per kind.
    pub entries_by_kind: std::collections::BTreeMap<String, u64>,
    /// Species-bearing entries (names) per language.
    pub names_by_lang: std::collections::BTreeMap<String, u64>,
    /// Code-word entries per language.
    pub code_words_by_lang: std::collections::BTreeMap<String, u64>,
    /// Taxa per CITES Appendix as written (split listings kept).
    pub taxa_by_appendix: std::collections::BTreeMap<String, u64>,
    /// Taxa per kingdom.
    pub taxa_by_kingdom: std::collections::BTreeMap<String, u64>,
    /// Taxa per listing event (CoP).
    pub taxa_by_listed: std::collections::BTreeMap<String, u64>,
    /// Rows dropped because their term normalised to nothing.
    pub dropped_empty: u64,
    /// Rows dropped as unusable: private-use characters, or a name of one unspaced-script
    /// character.
    #[serde(default)]
    pub dropped_unusable: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every form's hash, straight from its bytes.
    fn direct(word: &[u8], two: bool) -> Vec<u64> {
        let h = |w: &[u8]| {
            w.iter().fold(0u64, |h, &b| {
                h.wrapping_mul(POLY).wrapping_add(u64::from(b) + 1)
            })
        };
        let mut out = vec![h(word)];
        for i in 0..word.len() {
            let mut one = word.to_vec();
            one.remove(i);
            out.push(h(&one));
            if two {
                for j in i..one.len() {
                    let mut t = one.clone();
                    t.remove(j);
                    out.push(h(&t));
                }
            }
        }
        out
    }

    #[test]
    fn deletion_forms_hash_each_form_as_its_own_bytes() {
        for word in [&b"pangolin"[..], b"a", b"", b"hippocampus", b"aab"] {
            for two in [false, true] {
                let mut got = Vec::new();
                let stopped = deletion_forms(word, two, &mut |h| {
                    got.push(h);
                    false
                });
                assert_eq!(stopped, Some(false));
                assert_eq!(got, direct(word, two), "{word:?} two={two}");
            }
        }
        // it stops at the first form the callback accepts, and declines long words
        let target = direct(b"ivroy", false)[3];
        assert_eq!(
            deletion_forms(b"ivroy", false, &mut |h| h == target),
            Some(true)
        );
        assert_eq!(
            deletion_forms(&[b'a'; GATE_MAX_WORD + 1], false, &mut |_| false),
            None
        );
    }
}
