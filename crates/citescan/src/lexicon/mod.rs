//! The compiled lexicon: an FST from normalised term to entries, entry and taxon tables, and the
//! tables normalisation and fuzzy matching need, read in place from any byte buffer.

pub(crate) mod builder;
pub(crate) mod format;
pub(crate) mod marks;
pub(crate) mod source;

use std::fmt;
use std::sync::Arc;

use fst::raw::Fst;
use fst::Streamer;

pub use builder::LexiconBuilder;
pub use format::{Meta, Stats};
pub use source::{parse_source, Kind, SourceFile, TaxonRow, TermRow};

use crate::error::{Error, ErrorKind};
use crate::normalize::{HanMap, NormalizeOptions, Normalizer};
use format::{
    read_u32, read_u64, unpack_range, Section, ENTRY_LEN, NO_TAXON, SECTIONS, TAXON_FIELDS,
    TAXON_LEN,
};

/// The default lexicon, compiled from `wordlists/` when the crate was built.
static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/default.lex"));

/// The bytes behind a lexicon: static, or any owned buffer (a `Vec<u8>`, a memory map).
#[derive(Clone)]
enum Bytes {
    Static(&'static [u8]),
    Shared(Arc<dyn AsRef<[u8]> + Send + Sync + std::panic::RefUnwindSafe>),
}

impl AsRef<[u8]> for Bytes {
    fn as_ref(&self) -> &[u8] {
        match self {
            Bytes::Static(b) => b,
            Bytes::Shared(b) => (**b).as_ref(),
        }
    }
}

/// A section of the bytes, for the fst crate to read in place.
#[derive(Clone)]
pub(crate) struct Slice {
    bytes: Bytes,
    start: usize,
    end: usize,
}

impl AsRef<[u8]> for Slice {
    fn as_ref(&self) -> &[u8] {
        &self.bytes.as_ref()[self.start..self.end]
    }
}

struct Inner {
    bytes: Bytes,
    sections: [(usize, usize); SECTIONS],
    checksum: u64,
    hash_hex: String,
    meta: Meta,
    keys: fst::Map<Slice>,
    fuzzy: fst::Map<Slice>,
    /// The word table's place in `bytes` (checked at load).
    words: (u64, u32, u32),
    n_strings: usize,
    n_entries: usize,
    n_taxa: usize,
}

/// A compiled lexicon. Immutable; `Clone` is cheap (an `Arc`), and it is `Send + Sync`.
///
/// ```
/// let lex = citescan::Lexicon::embedded();
/// let hits = lex.lookup("Pangolin");
/// assert!(hits.iter().any(|e| e.taxon().is_some()));
/// ```
#[derive(Clone)]
pub struct Lexicon {
    inner: Arc<Inner>,
}

impl fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Lexicon")
            .field("version", &self.version())
            .field("hash", &self.hash())
            .field("entries", &self.inner.n_entries)
            .finish()
    }
}

fn format_err(msg: impl Into<String>) -> Error {
    Error::new(ErrorKind::LexiconFormat, msg)
}

impl Lexicon {
    /// The default lexicon embedded in the library. Ready in microseconds: nothing is rebuilt.
    pub fn embedded() -> Lexicon {
        // The embedded bytes were produced by this crate's build script and checked there.
        match Lexicon::from_static(EMBEDDED) {
            Ok(l) => l,
            Err(e) => unreachable!("embedded lexicon is invalid: {e}"),
        }
    }

    /// Loads a lexicon from static bytes (for example `include_bytes!`).
    pub fn from_static(bytes: &'static [u8]) -> Result<Lexicon, Error> {
        Lexicon::load(Bytes::Static(bytes))
    }

    /// Loads a compiled lexicon from any byte buffer: a `Vec<u8>`, or a memory map. Checks the
    /// header and section table (cheap); [`Lexicon::verify`] checks everything: call it before
    /// using bytes you did not build yourself (a corrupt automaton is only caught there).
    pub fn from_bytes<D>(data: D) -> Result<Lexicon, Error>
    where
        D: AsRef<[u8]> + Send + Sync + std::panic::RefUnwindSafe + 'static,
    {
        Lexicon::load(Bytes::Shared(Arc::new(data)))
    }

    /// Reads a compiled lexicon file and verifies it completely (checksum and every record:
    /// about 10 ms per MB), since a file may come from anywhere.
    pub fn from_path(path: impl AsRef<std::path::Path>) -> Result<Lexicon, Error> {
        let path = path.as_ref();
        let data = std::fs::read(path).map_err(|e| {
            Error::new(
                ErrorKind::Io,
                format!("cannot read {}: {e}", path.display()),
            )
        })?;
        Lexicon::from_bytes(data)
            .and_then(|l| l.verify().map(|()| l))
            .map_err(|e| format_err(format!("{}: {}", path.display(), e.message())))
    }

    fn load(bytes: Bytes) -> Result<Lexicon, Error> {
        let b = bytes.as_ref();
        if b.len() < format::HEADER_LEN + SECTIONS * 16 {
            return Err(format_err(format!(
                "not a citescan lexicon: only {} bytes",
                b.len()
            )));
        }
        if &b[0..8] != format::MAGIC {
            return Err(format_err("not a citescan lexicon: bad magic"));
        }
        let version = read_u32(b, 8);
        if version != format::FORMAT_VERSION {
            return Err(format_err(format!(
                "unsupported lexicon format version {version} (this library reads {})",
                format::FORMAT_VERSION
            )));
        }
        let n = read_u32(b, 12) as usize;
        if n != SECTIONS {
            return Err(format_err(format!(
                "lexicon has {n} sections, expected {SECTIONS}"
            )));
        }
        let total = read_u64(b, 24);
        if total != b.len() as u64 {
            return Err(format_err(format!(
                "lexicon is truncated or padded: header says {total} bytes, found {}",
                b.len()
            )));
        }
        let checksum = read_u64(b, 16);
        let mut sections = [(0usize, 0usize); SECTIONS];
        for (k, s) in sections.iter_mut().enumerate() {
            let at = format::HEADER_LEN + k * 16;
            let off = read_u64(b, at);
            let len = read_u64(b, at + 8);
            let end = off.checked_add(len).filter(|&e| e <= b.len() as u64);
            let Some(end) = end else {
                return Err(format_err(format!(
                    "lexicon section {k} lies outside the file"
                )));
            };
            *s = (off as usize, end as usize);
        }
        let sec = |s: Section| &b[sections[s as usize].0..sections[s as usize].1];
        let meta: Meta = serde_json::from_slice(sec(Section::Meta))
            .map_err(|e| format_err(format!("lexicon metadata is corrupt: {e}")))?;
        if meta.key_rules != format::KEY_RULES_VERSION {
            return Err(format_err(format!(
                "lexicon was built under key rules {} and this library folds keys under rules {} \
                 (a misspelling or a phrase it would find would be missed): rebuild it from its \
                 wordlists with `citescan lexicon build`",
                meta.key_rules,
                format::KEY_RULES_VERSION
            )));
        }
        let idx_len = sec(Section::StringIndex).len();
        if idx_len < 4 || idx_len % 4 != 0 {
            return Err(format_err("lexicon string index is corrupt"));
        }
        let n_strings = idx_len / 4 - 1;
        let entries_len = sec(Section::Entries).len();
        let taxa_len = sec(Section::Taxa).len();
        if sec(Section::Prefilter).len() as u64 != format::PREFILTER_BITS / 8
            || sec(Section::FuzzyGate).len() as u64 != format::GATE_BITS / 8
        {
            return Err(format_err("lexicon prefilter has the wrong size"));
        }
        if entries_len % ENTRY_LEN != 0
            || taxa_len % TAXON_LEN != 0
            || sec(Section::Han).len() % 8 != 0
        {
            return Err(format_err("lexicon tables have a partial record"));
        }
        let slice = |s: Section| Slice {
            bytes: bytes.clone(),
            start: sections[s as usize].0,
            end: sections[s as usize].1,
        };
        let fst_err = |what: &str, e: fst::Error| {
            format_err(format!("lexicon {what} automaton is corrupt: {e}"))
        };
        let keys = fst::Map::new(slice(Section::Keys)).map_err(|e| fst_err("key", e))?;
        let fuzzy = fst::Map::new(slice(Section::Fuzzy)).map_err(|e| fst_err("fuzzy", e))?;
        let words = format::WordTable::parse(sec(Section::Dictionary))
            .map(|t| t.header())
            .ok_or_else(|| format_err("lexicon word table is corrupt"))?;
        Ok(Lexicon {
            inner: Arc::new(Inner {
                bytes,
                sections,
                checksum,
                hash_hex: format!("{checksum:016x}"),
                meta,
                keys,
                fuzzy,
                words,
                n_strings,
                n_entries: entries_len / ENTRY_LEN,
                n_taxa: taxa_len / TAXON_LEN,
            }),
        })
    }

    /// Checks everything: the checksum, every entry and taxon record, every string offset and
    /// every key's entry range. O(size of the lexicon).
    pub fn verify(&self) -> Result<(), Error> {
        let b = self.inner.bytes.as_ref();
        let sum = format::fnv1a64(&b[32..]);
        if sum != self.inner.checksum {
            return Err(format_err(format!(
                "lexicon checksum mismatch: header {:016x}, content {sum:016x}",
                self.inner.checksum
            )));
        }
        let idx = self.section(Section::StringIndex);
        let blob = self.section(Section::StringBlob);
        let mut prev = 0u32;
        for k in 0..=self.inner.n_strings {
            let o = read_u32(idx, k * 4);
            if o < prev || o as usize > blob.len() {
                return Err(format_err(format!("lexicon string {k} has a bad offset")));
            }
            prev = o;
        }
        for k in 0..self.inner.n_strings {
            let (s, e) = (
                read_u32(idx, k * 4) as usize,
                read_u32(idx, k * 4 + 4) as usize,
            );
            if std::str::from_utf8(&blob[s..e]).is_err() {
                return Err(format_err(format!("lexicon string {k} is not UTF-8")));
            }
        }
        let ents = self.section(Section::Entries);
        for k in 0..self.inner.n_entries {
            let r = &ents[k * ENTRY_LEN..(k + 1) * ENTRY_LEN];
            let term = read_u32(r, 0) as usize;
            let taxon = read_u32(r, 4);
            let lang = u16::from_le_bytes([r[8], r[9]]) as usize;
            let source = u16::from_le_bytes([r[10], r[11]]) as usize;
            if term >= self.inner.n_strings
                || (taxon != NO_TAXON && taxon as usize >= self.inner.n_taxa)
                || lang >= self.inner.meta.langs.len()
                || source >= self.inner.meta.sources.len()
                || r[12] as usize >= Kind::ALL.len()
                || r[14] & !format::ENTRY_CURATED != 0
                || r[15] != 0
            {
                return Err(format_err(format!("lexicon entry {k} is corrupt")));
            }
        }
        let taxa = self.section(Section::Taxa);
        for k in 0..self.inner.n_taxa * TAXON_FIELDS {
            if read_u32(taxa, k * 4) as usize >= self.inner.n_strings {
                return Err(format_err(format!(
                    "lexicon taxon {} is corrupt",
                    k / TAXON_FIELDS
                )));
            }
        }
        for map in [&self.inner.keys, &self.inner.fuzzy] {
            let mut st = map.stream();
            while let Some((_, v)) = st.next() {
                let (first, count) = unpack_range(v);
                if count == 0 || first as usize + count as usize > self.inner.n_entries {
                    return Err(format_err("lexicon key points outside the entry table"));
                }
            }
        }
        Ok(())
    }

    fn section(&self, s: Section) -> &[u8] {
        let (a, b) = self.inner.sections[s as usize];
        &self.inner.bytes.as_ref()[a..b]
    }

    /// The version string given when it was built.
    pub fn version(&self) -> &str {
        &self.inner.meta.version
    }

    /// The content hash (hex of the FNV-1a 64 checksum of the compiled bytes).
    pub fn hash(&self) -> String {
        self.inner.hash_hex.clone()
    }

    /// Build-time metadata and statistics.
    pub fn meta(&self) -> &Meta {
        &self.inner.meta
    }

    /// The compiled bytes (write them to a file to ship this lexicon).
    pub fn as_bytes(&self) -> &[u8] {
        self.inner.bytes.as_ref()
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.inner.n_entries
    }

    /// Whether it has no entries.
    pub fn is_empty(&self) -> bool {
        self.inner.n_entries == 0
    }

    /// Number of taxa.
    pub fn taxa_len(&self) -> usize {
        self.inner.n_taxa
    }

    /// A normaliser that folds text exactly as this lexicon's terms were folded.
    pub fn normalizer(&self, opts: NormalizeOptions) -> Normalizer<'_> {
        Normalizer::new(opts, HanMap(self.section(Section::Han)))
    }

    /// The entries stored under `term` after normalisation (exact lookup, no fuzzy matching).
    pub fn lookup(&self, term: &str) -> Vec<Entry<'_>> {
        let key = builder::normalize_key(&self.normalizer(NormalizeOptions::default()), term);
        match self.inner.keys.get(key.as_bytes()) {
            // a misspelt form of a Thai or Japanese name (`lexicon::marks`) is no entry's key
            Some(v) if format::split_misspelt(v).1 == 0 => self.entries_of(v).collect(),
            _ => Vec::new(),
        }
    }

    /// The keys within `max_dist` edits of `term` (after normalisation) that fuzzy matching may
    /// reach, with their distance, closest first.
    pub fn fuzzy_lookup(&self, term: &str, max_dist: u32) -> Vec<(String, u32)> {
        let key = builder::normalize_key(&self.normalizer(NormalizeOptions::default()), term);
        let mut out = Vec::new();
        // Greek and Cyrillic keys are stored one byte a letter (`format::fuzzy_code`)
        let mut code = Vec::new();
        let query = if !key.is_ascii() && format::fuzzy_code(&key, &mut code) {
            &code[..]
        } else {
            key.as_bytes()
        };
        crate::scan::fuzzy_candidates(self.fuzzy_fst(), query, max_dist, 0, &mut |k, _, d| {
            let text = if k.first().is_some_and(|b| *b >= 0x80) {
                k.iter().filter_map(|&b| fuzzy_letter(b)).collect()
            } else {
                String::from_utf8_lossy(k).into_owned()
            };
            out.push((text, d));
        });
        out.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
        out
    }

    /// Whether `word` (normalised) is an ordinary dictionary word.
    pub fn is_dictionary_word(&self, word: &str) -> bool {
        let key = builder::normalize_key(&self.normalizer(NormalizeOptions::default()), word);
        self.dict_contains(key.as_bytes())
    }

    pub(crate) fn keys_fst(&self) -> &Fst<Slice> {
        self.inner.keys.as_fst()
    }

    pub(crate) fn fuzzy_fst(&self) -> &Fst<Slice> {
        self.inner.fuzzy.as_fst()
    }

    /// Whether a word (or "word word" pair) of the normalised text may start a key, by its
    /// FNV-1a hash: false means certainly not.
    #[inline]
    pub(crate) fn may_start_key(&self, hash: u64) -> bool {
        let bits = self.section(Section::Prefilter);
        format::prefilter_bits(hash)
            .iter()
            .all(|&b| bits[(b / 8) as usize] & (1 << (b % 8)) != 0)
    }

    /// Whether a word may be within `max` (1 or 2) edits of a fuzzy key (false means
    /// certainly not): its forms with up to `max` letters deleted, against the gate.
    pub(crate) fn may_be_near_fuzzy_key(&self, word: &[u8], max: u32) -> bool {
        let gate = self.section(Section::FuzzyGate);
        // the keys within `max` edits of the word are `max` letters longer or shorter at most:
        // look in each set only if some are (`format::Reach`: keys of ten letters or more
        // allow two edits); the word's forms with two letters deleted meet only keys that
        // allow two edits
        let two = max >= 2;
        let n = word.len();
        let (short_keys, long_keys) = (n <= 9 + max as usize, n + max as usize >= 10);
        let mut near = |h: u64, d: format::Deletions| {
            let (at, m) = format::gate_probe(h);
            let block = &gate[at..at + 64];
            let set = |reach| {
                format::gate_bits(m, reach)
                    .iter()
                    .all(|&b| block[usize::from(b / 8)] & (1 << (b % 8)) != 0)
            };
            short_keys && d == format::Deletions::AtMostOne && set(format::Reach::One)
                || long_keys && set(format::Reach::Two)
        };
        // a word too long for the gate is not ruled out
        format::deletion_forms(word, two, &mut near).unwrap_or(true)
    }

    pub(crate) fn dict_contains(&self, word: &[u8]) -> bool {
        // the table also holds every word of one or two letters (for their bits); the
        // dictionaries' words have three letters or more
        word.len() >= 3 && self.word_bits(format::fnv1a64(word)).is_some()
    }

    /// The word-table bits of a normalised word, by its FNV-1a hash: `None` for a word of no
    /// dictionary, `Some(format::WORD_INERT)` for one the scanner may pass over.
    #[inline]
    pub(crate) fn word_bits(&self, fnv: u64) -> Option<u32> {
        self.word_table().get(fnv)
    }

    /// The word table, to probe for many words in a row (`word_bits` finds it each time).
    #[inline]
    pub(crate) fn word_table(&self) -> format::WordTable<'_> {
        let (seed, log2, max_probe) = self.inner.words;
        format::WordTable::from_parts(self.section(Section::Dictionary), seed, log2, max_probe)
    }

    /// The entries of a packed key value.
    pub(crate) fn entries_of(&self, v: u64) -> impl Iterator<Item = Entry<'_>> + '_ {
        let (first, count) = unpack_range(v);
        (first..first + count).map(move |i| self.entry(i))
    }

    /// All keys with their entries, in key order (for diffs and tools); the misspelt forms of
    /// Thai and Japanese names the scanner also meets (`lexicon::marks`) are left out.
    pub fn iter(&self) -> impl Iterator<Item = (String, Vec<Entry<'_>>)> + '_ {
        let mut stream = self.inner.keys.stream();
        let mut all = Vec::new();
        while let Some((k, v)) = stream.next() {
            if format::split_misspelt(v).1 == 0 {
                all.push((String::from_utf8_lossy(k).into_owned(), v));
            }
        }
        all.into_iter()
            .map(move |(k, v)| (k, self.entries_of(v).collect()))
    }

    /// All keys, in order (without entries; without the misspelt forms, as `iter`).
    pub fn keys(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut stream = self.inner.keys.stream();
        while let Some((k, v)) = stream.next() {
            if format::split_misspelt(v).1 == 0 {
                out.push(String::from_utf8_lossy(k).into_owned());
            }
        }
        out
    }

    /// The misspelt forms of Thai and Japanese names written as keys (`lexicon::marks`), each
    /// with the name's key and the number of marks it changed, in order (for tools and tests).
    pub fn misspelt_forms(&self) -> Vec<(String, String, u8)> {
        let mut names = std::collections::HashMap::new();
        let mut forms = Vec::new();
        let mut stream = self.inner.keys.stream();
        while let Some((k, v)) = stream.next() {
            let (value, edits) = format::split_misspelt(v);
            let k = String::from_utf8_lossy(k).into_owned();
            if edits == 0 {
                names.insert(value, k);
            } else {
                forms.push((k, value, edits));
            }
        }
        forms
            .into_iter()
            .map(|(k, v, e)| (k, names.get(&v).cloned().unwrap_or_default(), e))
            .collect()
    }

    fn string(&self, id: u32) -> &str {
        let idx = self.section(Section::StringIndex);
        let blob = self.section(Section::StringBlob);
        let id = id as usize;
        if id >= self.inner.n_strings {
            return "";
        }
        let (s, e) = (
            read_u32(idx, id * 4) as usize,
            read_u32(idx, id * 4 + 4) as usize,
        );
        blob.get(s..e)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or("")
    }

    pub(crate) fn entry(&self, i: u32) -> Entry<'_> {
        let ents = self.section(Section::Entries);
        let i = (i as usize).min(self.inner.n_entries.saturating_sub(1));
        let r = &ents[i * ENTRY_LEN..(i + 1) * ENTRY_LEN];
        let lang = u16::from_le_bytes([r[8], r[9]]) as usize;
        let source = u16::from_le_bytes([r[10], r[11]]) as usize;
        Entry {
            lex: self,
            id: i as u32,
            term: read_u32(r, 0),
            taxon: read_u32(r, 4),
            lang: self
                .inner
                .meta
                .langs
                .get(lang)
                .map(String::as_str)
                .unwrap_or(""),
            source: self
                .inner
                .meta
                .sources
                .get(source)
                .map(String::as_str)
                .unwrap_or(""),
            kind: Kind::from_code(r[12]),
            weight: r[13] as f32 / 255.0,
            curated: r[14] & format::ENTRY_CURATED != 0,
        }
    }

    /// Every taxon record, in name order.
    pub fn taxa(&self) -> impl Iterator<Item = Taxon<'_>> + '_ {
        (0..self.inner.n_taxa as u32).map(move |i| self.taxon_at(i))
    }

    /// The key a term is stored under: normalised as the lexicon folds its terms, tokens
    /// joined by single spaces.
    pub fn normalize_key(&self, term: &str) -> String {
        builder::normalize_key(&self.normalizer(NormalizeOptions::default()), term)
    }

    /// The taxon with this exact scientific name, if the lexicon has it.
    pub fn taxon(&self, name: &str) -> Option<Taxon<'_>> {
        // taxa are stored sorted by name
        let taxa = self.section(Section::Taxa);
        let (mut lo, mut hi) = (0usize, self.inner.n_taxa);
        while lo < hi {
            let mid = (lo + hi) / 2;
            let n = self.string(read_u32(taxa, mid * TAXON_LEN));
            match n.cmp(name) {
                std::cmp::Ordering::Equal => return Some(self.taxon_at(mid as u32)),
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
            }
        }
        None
    }

    fn taxon_at(&self, i: u32) -> Taxon<'_> {
        let taxa = self.section(Section::Taxa);
        let base = i as usize * TAXON_LEN;
        let f = |k: usize| self.string(read_u32(taxa, base + k * 4));
        Taxon {
            name: f(0),
            rank: f(1),
            kingdom: f(2),
            phylum: f(3),
            class: f(4),
            order: f(5),
            family: f(6),
            genus: f(7),
            appendix: f(8),
            annotation: f(9),
            listed: f(10),
            source: f(11),
        }
    }
}

/// One lexicon entry: a term with its kind, taxon, language, weight and source.
#[derive(Clone, Copy)]
pub struct Entry<'a> {
    lex: &'a Lexicon,
    id: u32,
    term: u32,
    taxon: u32,
    lang: &'a str,
    source: &'a str,
    kind: Kind,
    weight: f32,
    curated: bool,
}

impl fmt::Debug for Entry<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Entry")
            .field("term", &self.term())
            .field("kind", &self.kind)
            .field("taxon", &self.taxon().map(|t| t.name))
            .field("lang", &self.lang)
            .field("weight", &self.weight)
            .finish()
    }
}

impl<'a> Entry<'a> {
    /// Index in the lexicon's entry table.
    pub fn id(&self) -> u32 {
        self.id
    }
    /// The term as written in the source.
    pub fn term(&self) -> &'a str {
        self.lex.string(self.term)
    }
    /// Its kind.
    pub fn kind(&self) -> Kind {
        self.kind
    }
    /// Its taxon, for species-bearing kinds.
    pub fn taxon(&self) -> Option<Taxon<'a>> {
        if self.taxon == NO_TAXON {
            None
        } else {
            Some(self.lex.taxon_at(self.taxon))
        }
    }
    /// The rank and Appendix of its taxon (reads two fields, not the whole record).
    pub(crate) fn taxon_listing(&self) -> Option<(&'a str, &'a str)> {
        if self.taxon == NO_TAXON {
            return None;
        }
        let taxa = self.lex.section(Section::Taxa);
        let base = self.taxon as usize * TAXON_LEN;
        Some((
            self.lex.string(read_u32(taxa, base + 4)),
            self.lex.string(read_u32(taxa, base + 8 * 4)),
        ))
    }

    /// Language code.
    pub fn lang(&self) -> &'a str {
        self.lang
    }
    /// Evidence weight in [0, 1].
    pub fn weight(&self) -> f32 {
        self.weight
    }
    /// Whether it comes from a hand-curated source (a name of the trade), not from one
    /// generated from the Checklist's files (see `wordlists/FORMAT.md`).
    pub fn curated(&self) -> bool {
        self.curated
    }
    /// Source id (see `wordlists/SOURCES.tsv`).
    pub fn source(&self) -> &'a str {
        self.source
    }
}

/// A taxon record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Taxon<'a> {
    /// Scientific name.
    pub name: &'a str,
    /// Rank (`SPECIES`, `GENUS`, `FAMILY`, ...).
    pub rank: &'a str,
    /// Kingdom.
    pub kingdom: &'a str,
    /// Phylum.
    pub phylum: &'a str,
    /// Class.
    pub class: &'a str,
    /// Order.
    pub order: &'a str,
    /// Family.
    pub family: &'a str,
    /// Genus.
    pub genus: &'a str,
    /// CITES Appendix as the Checklist writes it, split listings kept (`I/II`, `II/NC`).
    pub appendix: &'a str,
    /// `#` annotation: which parts and derivatives a plant listing covers.
    pub annotation: &'a str,
    /// When and where the listing was adopted.
    pub listed: &'a str,
    /// Source id.
    pub source: &'a str,
}

impl Taxon<'_> {
    /// Whether it is a species or lower (its listing applies to one kind of animal or plant).
    pub fn is_species_level(&self) -> bool {
        matches!(self.rank, "SPECIES" | "SUBSPECIES" | "VARIETY")
    }

    /// The most restrictive Appendix of a (possibly split) listing: 1, 2 or 3; 0 if not listed.
    pub fn strictest_appendix(&self) -> u8 {
        strictest_appendix(self.appendix)
    }
}

/// The Appendices (1, 2, 3) named in a listing string such as `I/II/NC`.
fn appendices(s: &str) -> impl Iterator<Item = u8> + '_ {
    s.split(['/', ';', ',', ' '])
        .filter_map(|p| match p.trim() {
            "I" => Some(1),
            "II" => Some(2),
            "III" => Some(3),
            _ => None,
        })
}

/// The least restrictive Appendix in a listing string: 1, 2 or 3; 0 when none. For a genus or
/// family listed `I/II`, most members are in the looser Appendix.
pub fn loosest_appendix(s: &str) -> u8 {
    appendices(s).max().unwrap_or(0)
}

/// The most restrictive Appendix in a listing string: 1, 2 or 3; 0 when none.
pub fn strictest_appendix(s: &str) -> u8 {
    appendices(s).min().unwrap_or(0)
}

impl LexiconBuilder {
    /// Compiles the sources into a loaded [`Lexicon`].
    pub fn build(&self) -> Result<Lexicon, Error> {
        Lexicon::from_bytes(self.build_bytes()?)
    }
}

/// The letter a byte of a coded fuzzy key stands for (`format::fuzzy_code`).
fn fuzzy_letter(b: u8) -> Option<char> {
    match b {
        0x80..=0x98 => char::from_u32(0x3B1 + u32::from(b - 0x80)),
        0xA0..=0xCF => char::from_u32(0x430 + u32::from(b - 0xA0)),
        _ => None,
    }
}
