//! The compiled lexicon's binary layout (format version 1). All integers little-endian.
//!
//! ```text
//! offset  size  field
//! 0       8     magic "CITESLEX"
//! 8       4     format version (1)
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
pub const FORMAT_VERSION: u32 = 1;
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
    /// token whose word (and word pair) is not in it starts no key, and is not walked.
    Prefilter = 9,
    /// Fuzzy gate: a Bloom filter (`GATE_BITS` bits, four hashes) of every fuzzy key with
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

/// Bits in the fuzzy gate: 2^24 (2 MiB), four hashes: about 0.03% false passes per probe at
/// the ~600,000 deletion forms of the default lexicon.
pub const GATE_BITS: u64 = 1 << 24;

/// The four bit positions of a word form in the fuzzy gate.
pub fn gate_bits(h: u64) -> [u64; 4] {
    let (a, b) = (h & 0xFFFF_FFFF, (h >> 32) | 1);
    [0u64, 1, 2, 3].map(|i| a.wrapping_add(i.wrapping_mul(b)) % GATE_BITS)
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
