//! The compiled lexicon's binary layout (format version 3). All integers little-endian.
//!
//! ```text
//! offset  size  field
//! 0       8     magic "CITESLEX"
//! 8       4     format version (3)
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
pub const FORMAT_VERSION: u32 = 3;
/// The rules a lexicon's tables were built under: how the normaliser folds a key (in keys and
/// text alike) and which marks the builder records for the scanner's look-ups. A lexicon built
/// under other rules loads no differently but silently misses what they changed, so loading
/// refuses it. Bump it with any change to either.
/// 1: before this field (format 3 as first released); 2: Hangul and Russian spelling folds,
/// the prefilter's marks for the second words of fuzzy phrases; 3: the curated mark of entries
/// (`ENTRY_CURATED`), the curated common names of two or three words of weight 0.6 or more in
/// the fuzzy FST (one edit: one-deletion forms in the gate), the prefilter's marks for strong
/// names with their first letter dropped, and the fuzzy gate's layout: seven bits a form,
/// forms that keep the first letter, the forms of keys of ten letters or more in a set of
/// their own (`Reach`); 4: the misspellings of Thai and Japanese names as keys of their own
/// (`misspelt_value`, `lexicon::marks`), and the Russian fold cuts -ог/-ег from a stem after
/// a case ending (носорога and носорогов meet); 5: Latin look-alikes inside a Cyrillic word
/// read as Cyrillic, the Russian fold's anchor read from the folded letter, and a Russian
/// doubled consonant read as one (беллуги and белуги meet); 6: the misspellings of Japanese
/// names of five syllables or more with one kana dropped, written twice, voiced or written
/// with another vowel of its row, and of Korean names of three syllables or more with one
/// vowel's y-glide added or dropped.
pub const KEY_RULES_VERSION: u32 = 6;
/// Bytes before the section table.
pub const HEADER_LEN: usize = 64;
/// Bytes of one entry record: term string id (u32), taxon record index (u32, `NO_TAXON` for
/// none), language index (u16), source index (u16), kind (u8), weight (u8, of 255), flags (u8,
/// `ENTRY_CURATED`), one zero byte.
pub const ENTRY_LEN: usize = 16;
/// Entry flag: the entry comes from a hand-curated source, not from a generated one (whose text
/// starts with `GENERATED_BANNER`): a name of the trade, not one of the tens of thousands of
/// names of the Checklist's files.
pub const ENTRY_CURATED: u8 = 1;
/// How a generated wordlist source starts (`tools/wordlists/generate.py` writes it); any other
/// source is hand-curated.
pub const GENERATED_BANNER: &str = "# DO NOT EDIT: generated";
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
    /// Word table: the normalised ordinary words of the dictionaries (fuzzy matching never
    /// rewrites them), as a hash table of 21-bit fingerprints, each with a bit for a word that
    /// is no plural of a key, one for a word that also starts no key, and one for a word whose
    /// keys name no taxon (see `WordTable`).
    Dictionary = 7,
    /// (traditional, simplified) u32 pairs, sorted.
    Han = 8,
    /// Token prefilter: a Bloom filter (`PREFILTER_BITS` bits, two hashes) of every key that is
    /// one word of a spaced script, and of the first two words of every longer such key. A
    /// token whose word (and word pair) is not in it starts no key, and is not walked. It also
    /// holds `phrase_start_hash` of the first word of every phrase key of the fuzzy FST.
    Prefilter = 9,
    /// Fuzzy gate: a blocked Bloom filter (`GATE_BITS` bits, `GATE_K` bits in one 64-byte block
    /// per form, see `gate_probe`, `gate_bits` and `deletion_forms`) of every fuzzy key with
    /// up to one letter deleted (two for keys that allow two edits); the forms of keys of ten
    /// letters or more have bits of their own (`Reach`). Within that many edits, a word and a
    /// key share a form with up to as many deletions each (symmetric deletion), so a word none
    /// of whose forms is in it has no fuzzy match.
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

/// The prefilter's hash for a strong name of the trade with its first letter dropped (marked
/// apart from keys and phrase words): `scan::first_letter_dropped` looks up only the words it
/// holds ("vory" for "ivory").
pub fn dropped_first_hash(rest: &[u8]) -> u64 {
    fnv1a64_from(fnv1a64(rest), &[3])
}

/// The prefilter's hash for the second word of a phrase fuzzy matching may reach (marked apart
/// from keys and first words): a phrase whose first word is misspelt is tried only when its
/// second word is one.
pub fn phrase_second_hash(word: &[u8]) -> u64 {
    fnv1a64_from(fnv1a64(word), &[2])
}

/// Bits in the fuzzy gate: 2^24 (2 MiB), as 32,768 blocks of 512 bits (one cache line); a
/// form sets `GATE_K` bits in one block. The default lexicon's forms (about 700,000, of 11,600
/// keys) set a quarter of them, so a form not in it passes about one probe in 17,000; a random
/// word of eight letters passes about once in 1,200, one of ten letters, whose forms with two
/// letters deleted are probed too, about once in 160 (`fuzzy_gate_rules_out_nearly_all_...`).
pub const GATE_BITS: u64 = 1 << 24;

/// Longest word (in bytes) that has deletion forms in the gate. A query is at most 40 bytes
/// and allows at most two edits, so longer keys could never be near one.
pub const GATE_MAX_WORD: usize = 64;

/// A word of Greek or Cyrillic letters as fuzzy matching stores it: one byte a letter (α..ω
/// as 0x80..0x98, а..џ as 0xA0..0xCF), so that an edit of one letter costs one, the gate's
/// deletion forms delete letters, and the keys sort as their UTF-8 forms do (no ASCII byte
/// and no UTF-8 key of the fuzzy map starts with these bytes). `false` (and `out` partly
/// written) when a character is none of these letters or the word is longer than
/// `GATE_MAX_WORD`.
pub fn fuzzy_code(word: &str, out: &mut Vec<u8>) -> bool {
    out.clear();
    for c in word.chars() {
        let b = match c {
            '\u{3B1}'..='\u{3C9}' => 0x80 + (c as u32 - 0x3B1),
            '\u{430}'..='\u{45F}' => 0xA0 + (c as u32 - 0x430),
            _ => return false,
        };
        out.push(b as u8);
        if out.len() > GATE_MAX_WORD {
            return false;
        }
    }
    !out.is_empty()
}

/// The byte offset of a form's block in the gate, and the form's mixed hash, from which
/// `gate_bits` draws its bit positions in the block.
pub fn gate_probe(form_hash: u64) -> (usize, u64) {
    let m = mix64(form_hash);
    let block = ((m >> 40) % (GATE_BITS / 512)) as usize;
    (block * 64, m)
}

/// A form's `GATE_K` bit positions in its gate block (`gate_probe`), all different: one set
/// for the forms of keys that allow one edit, another for those of keys that allow two
/// (`Reach`). Both sets lie in the same block, so that a word allowed two edits reads one
/// cache line for both.
pub fn gate_bits(mixed: u64, reach: Reach) -> [u16; GATE_K] {
    // nine bits each from a hash of their own: the bits of `mixed` that chose the block are
    // the same for every form in it, and positions drawn from them (or from a progression,
    // as double hashing makes) would fall together
    let m = mix64(
        mixed
            ^ match reach {
                Reach::One => 0x5851_f42d_4c95_7f2d,
                Reach::Two => 0x9e37_79b9_7f4a_7c15,
            },
    );
    std::array::from_fn(|i| ((m >> (9 * i)) & 0x1FF) as u16)
}

/// Bits a form sets in the gate (and a probe tests).
pub const GATE_K: usize = 7;

/// Which of the gate's two sets a key's forms are in: by how many edits the key allows (one
/// below ten letters, two from ten on). A word's forms with two letters deleted look only in
/// `Two`: a key that allows one edit is never two deletions from a word it matches, and
/// meeting its forms there would only send ordinary long words on needless walks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    /// Keys of six to nine letters: the key and its forms with one letter deleted.
    One,
    /// Keys of ten letters or more: the key and its forms with one letter deleted, and with
    /// two for keys that allow two edits (not a curated phrase of middling weight, which
    /// allows one).
    Two,
}

/// The set a key's forms go in (`Reach`), by its length in letters.
pub fn key_reach(key_letters: usize) -> Reach {
    if key_letters >= 10 {
        Reach::Two
    } else {
        Reach::One
    }
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
/// whether one did. The first byte is never deleted: fuzzy matching never edits it, and a
/// word and a key that share their first letter and are within n edits share a form that
/// keeps it (with n deletions or fewer on each side), while forms that drop it would meet
/// every key that only overlaps the word shifted by one ("abcdef", "bcdefg"). Each form costs O(1) after an O(n) pass, so a word of n bytes costs
/// O(n) for one deletion and O(n^2) for two. Forms repeat when the word repeats a letter;
/// that changes nothing for a Bloom filter. `None` for a word longer than `GATE_MAX_WORD`.
pub fn deletion_forms(
    word: &[u8],
    two: bool,
    f: &mut impl FnMut(u64, Deletions) -> bool,
) -> Option<bool> {
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
    if f(pre[n], Deletions::AtMostOne) {
        return Some(true);
    }
    for i in 1..n {
        let head = sub(0, i);
        if f(cat(head, sub(i + 1, n), n - i - 1), Deletions::AtMostOne) {
            return Some(true);
        }
        if two {
            for j in i + 1..n {
                let mid = cat(head, sub(i + 1, j), j - i - 1);
                if f(cat(mid, sub(j + 1, n), n - j - 1), Deletions::Two) {
                    return Some(true);
                }
            }
        }
    }
    Some(false)
}

/// How many letters a form of `deletion_forms` lacks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Deletions {
    /// The word itself, or with one letter deleted.
    AtMostOne,
    /// Two letters deleted.
    Two,
}

/// Bytes of the word table's header: seed (u64), log2 of the slot count (u32), longest probe
/// sequence (u32).
pub const WORDS_HEADER: usize = 16;
/// Bytes of one word-table slot: a little-endian u24, zero when empty.
pub const WORD_SLOT: usize = 3;
/// Fingerprint bits of a slot.
pub const WORD_FP_MASK: u32 = (1 << 21) - 1;
/// Slot bit: no key the word starts and no key it is a plural of names a taxon (they are
/// context at most), so a listing of such words is allowed without weighing.
pub const WORD_CONTEXT: u32 = 1 << 21;
/// Slot bit: the word starts no key and is no plural of one, so the scanner may pass over it.
pub const WORD_INERT: u32 = 1 << 22;
/// Slot bit: the word is no plural of a key (it may start one).
pub const WORD_NO_PLURAL: u32 = 1 << 23;
/// Largest slot count a table may declare (2^26 slots, 192 MiB).
const WORDS_MAX_LOG2: u32 = 26;

/// The ordinary words of the dictionaries as an open-addressing hash table (linear probing)
/// of 21-bit fingerprints: one probe, usually in one cache line, where an FST look-up walks a
/// node per byte. A word is found by the FNV-1a hash the scanner already computed for the
/// prefilter, mixed with the table's seed; a word that is not in the table is mistaken for one
/// with a probability of about 2^-21 per probe. The builder picks a seed under which no key's
/// first word and no plural form of a key is mistaken for a word, so an exact match is never
/// lost; a misspelling that is not a word is taken for one (and so not fuzzy-matched) about
/// once in 400,000 (about five probes at two-thirds full).
#[derive(Clone, Copy, Debug)]
pub struct WordTable<'a> {
    slots: &'a [u8],
    seed: u64,
    log2: u32,
    max_probe: u32,
}

impl<'a> WordTable<'a> {
    /// Reads a table section; `None` when its header does not fit its length.
    pub fn parse(sec: &'a [u8]) -> Option<WordTable<'a>> {
        if sec.len() < WORDS_HEADER {
            return None;
        }
        let seed = read_u64(sec, 0);
        let log2 = read_u32(sec, 8);
        let max_probe = read_u32(sec, 12);
        if log2 > WORDS_MAX_LOG2 || sec.len() != WORDS_HEADER + (WORD_SLOT << log2) {
            return None;
        }
        Some(WordTable {
            slots: &sec[WORDS_HEADER..],
            seed,
            log2,
            max_probe: max_probe.min(1 << log2),
        })
    }

    /// (seed, log2 of the slot count, longest probe sequence), to rebuild the view cheaply.
    pub fn header(&self) -> (u64, u32, u32) {
        (self.seed, self.log2, self.max_probe)
    }

    /// The view of a section `parse` accepted, from its `header`.
    #[inline]
    pub fn from_parts(sec: &'a [u8], seed: u64, log2: u32, max_probe: u32) -> WordTable<'a> {
        WordTable {
            slots: &sec[WORDS_HEADER..],
            seed,
            log2,
            max_probe,
        }
    }

    /// The slot bits of the word whose FNV-1a hash is `fnv` (`WORD_INERT`, `WORD_NO_PLURAL`,
    /// `WORD_CONTEXT`), or `None` when it is not a word of the table.
    #[inline]
    pub fn get(&self, fnv: u64) -> Option<u32> {
        let (mut at, fp) = word_slot(fnv, self.seed, self.log2);
        let mask = (1usize << self.log2) - 1;
        let mut probes = self.max_probe;
        loop {
            // (the slot's three bytes and the next slot's first: a four-byte read, each test
            // masked to what it reads)
            let v = self.slot_and_next(at);
            if v & 0xFF_FFFF == 0 {
                return None;
            }
            if v & WORD_FP_MASK == fp {
                return Some(v & 0xFF_FFFF & !WORD_FP_MASK);
            }
            if probes == 0 {
                return None;
            }
            probes -= 1;
            at = (at + 1) & mask;
        }
    }

    /// Slot `i` in the low three bytes, and above them the next slot's first byte (0 after the
    /// last slot).
    #[inline]
    fn slot_and_next(&self, i: usize) -> u32 {
        let at = i * WORD_SLOT;
        match self.slots.get(at..at + 4) {
            Some(&[a, b, c, d]) => u32::from_le_bytes([a, b, c, d]),
            _ => self.slot(i),
        }
    }

    #[inline]
    fn slot(&self, i: usize) -> u32 {
        // one four-byte read and a mask (the table is probed for every word of a listing);
        // the last slot, with no byte after it, is read byte by byte
        let at = i * WORD_SLOT;
        match self.slots.get(at..at + 4) {
            Some(&[a, b, c, d]) => u32::from_le_bytes([a, b, c, d]) & 0xFF_FFFF,
            _ => match self.slots.get(at..at + WORD_SLOT) {
                Some(&[a, b, c]) => u32::from(a) | u32::from(b) << 8 | u32::from(c) << 16,
                _ => 0,
            },
        }
    }
}

/// A word's first slot and its fingerprint (never zero).
fn word_slot(fnv: u64, seed: u64, log2: u32) -> (usize, u32) {
    let m = mix64(fnv ^ seed);
    let at = if log2 == 0 {
        0
    } else {
        (m >> (64 - log2)) as usize
    };
    let fp = (m as u32 & WORD_FP_MASK).max(1);
    (at, fp)
}

/// Builds a word table section from (FNV-1a hash, slot bits) pairs, at most 2/3 full. Returns
/// `None` when two words share a slot and a fingerprint (the caller tries another seed).
pub fn build_word_table(words: &[(u64, u32)], seed: u64) -> Option<Vec<u8>> {
    let mut log2 = 4;
    while (1usize << log2) * 2 < words.len() * 3 {
        log2 += 1;
    }
    let n = 1usize << log2;
    let mut slots = vec![0u32; n];
    let mut max_probe = 0u32;
    for &(fnv, bits) in words {
        let (mut at, fp) = word_slot(fnv, seed, log2);
        let mut probe = 0;
        loop {
            if slots[at] == 0 {
                slots[at] = fp | (bits & !WORD_FP_MASK);
                break;
            }
            if slots[at] & WORD_FP_MASK == fp {
                return None;
            }
            at = (at + 1) & (n - 1);
            probe += 1;
        }
        max_probe = max_probe.max(probe);
    }
    let mut out = Vec::with_capacity(WORDS_HEADER + n * WORD_SLOT);
    out.extend_from_slice(&seed.to_le_bytes());
    out.extend_from_slice(&log2.to_le_bytes());
    out.extend_from_slice(&max_probe.to_le_bytes());
    for v in slots {
        out.extend_from_slice(&v.to_le_bytes()[..WORD_SLOT]);
    }
    Some(out)
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

/// Where a key's value records that the key is a misspelling of a name written out by the
/// builder (`lexicon::marks`): the number of marks it changed, in the bits above the entry
/// range (`pack_range` uses 48). Zero for every other key.
const MISSPELT_SHIFT: u32 = 48;

/// The value of a misspelt form of the key whose value is `value`, `edits` marks away.
pub fn misspelt_value(value: u64, edits: u8) -> u64 {
    value | (u64::from(edits.max(1)) << MISSPELT_SHIFT)
}

/// A key's value split into its entry range's value and the marks it changed (0 for a key
/// as written).
#[inline]
pub fn split_misspelt(v: u64) -> (u64, u8) {
    (v & ((1 << MISSPELT_SHIFT) - 1), (v >> MISSPELT_SHIFT) as u8)
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

fn key_rules_before_the_field() -> u32 {
    1
}

/// The JSON metadata section.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Meta {
    /// The lexicon's version, as given to the builder.
    pub version: String,
    /// `KEY_RULES_VERSION` of the library that built it (1 when the field is missing: a file
    /// built before it existed).
    #[serde(default = "key_rules_before_the_field")]
    pub key_rules: u32,
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
    /// Misspelt forms of Thai and Japanese names written as keys of their own (not counted in
    /// `keys`).
    #[serde(default)]
    pub misspelt_keys: u64,
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
        for i in 1..word.len() {
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
                let stopped = deletion_forms(word, two, &mut |h, _| {
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
            deletion_forms(b"ivroy", false, &mut |h, _| h == target),
            Some(true)
        );
        assert_eq!(
            deletion_forms(&[b'a'; GATE_MAX_WORD + 1], false, &mut |_, _| false),
            None
        );
    }

    #[test]
    fn word_table_finds_its_words_and_their_bits() {
        let words: Vec<(u64, u32)> = (0..5000u32)
            .map(|i| {
                let w = format!("word{i}");
                let bits = [
                    WORD_INERT | WORD_NO_PLURAL | WORD_CONTEXT,
                    WORD_NO_PLURAL,
                    0,
                ][i as usize % 3];
                (fnv1a64(w.as_bytes()), bits)
            })
            .collect();
        let sec = build_word_table(&words, 7).unwrap();
        let t = WordTable::parse(&sec).unwrap();
        for (i, &(h, bits)) in words.iter().enumerate() {
            assert_eq!(t.get(h), Some(bits), "word{i}");
        }
        // words it does not hold are absent (at this size, about 1 in 4 million is not)
        let absent = (0..5000)
            .filter(|i| t.get(fnv1a64(format!("other{i}").as_bytes())).is_none())
            .count();
        assert_eq!(absent, 5000);
        // the view rebuilt from its header answers the same
        let (seed, log2, max_probe) = t.header();
        let again = WordTable::from_parts(&sec, seed, log2, max_probe);
        assert_eq!(again.get(words[10].0), t.get(words[10].0));
        // each slot reads as its three bytes, the last one (no byte after it) too
        for i in 0..1usize << t.log2 {
            let b = &t.slots[i * WORD_SLOT..i * WORD_SLOT + WORD_SLOT];
            let expect = u32::from(b[0]) | u32::from(b[1]) << 8 | u32::from(b[2]) << 16;
            assert_eq!(t.slot(i), expect, "slot {i}");
        }
        // an empty table holds nothing
        let empty = build_word_table(&[], 1).unwrap();
        assert_eq!(WordTable::parse(&empty).unwrap().get(words[0].0), None);
    }

    #[test]
    fn a_corrupt_word_table_is_refused_or_stays_bounded() {
        let sec = build_word_table(&[(fnv1a64(b"tiger"), 0)], 3).unwrap();
        // a header that does not fit the length, or declares too many slots
        assert!(WordTable::parse(&sec[..sec.len() - 1]).is_none());
        assert!(WordTable::parse(&sec[..WORDS_HEADER - 1]).is_none());
        let mut big = sec.clone();
        big[8..12].copy_from_slice(&40u32.to_le_bytes());
        assert!(WordTable::parse(&big).is_none());
        // every slot full and a huge probe bound: a look-up still ends
        let mut full = sec.clone();
        for b in &mut full[WORDS_HEADER..] {
            *b = 0xFF;
        }
        full[12..16].copy_from_slice(&u32::MAX.to_le_bytes());
        let t = WordTable::parse(&full).unwrap();
        for w in [&b"tiger"[..], b"ivory", b"lion"] {
            let h = fnv1a64(w);
            let (_, fp) = word_slot(h, t.seed, t.log2);
            let expect = (fp == WORD_FP_MASK).then_some(0xFF_FFFF & !WORD_FP_MASK);
            assert_eq!(expect.is_some(), t.get(h).is_some());
            assert_eq!(t.get(h), expect);
        }
    }
}
