//! Compiling wordlist sources into the binary lexicon format.

use std::collections::{BTreeMap, HashMap};

use super::format::{
    self, fnv1a64, pack_range, Meta, Section, Stats, ENTRY_LEN, NO_TAXON, SECTIONS,
};
use super::source::{parse_source, Kind, SourceFile, TaxonRow};
use crate::error::{Error, ErrorKind};
use crate::normalize::{script_family, HanMap, NormalizeOptions, Normalizer};

/// Builds a compiled lexicon from TSV sources (see `wordlists/FORMAT.md`).
///
/// ```
/// let mut b = citescan::LexiconBuilder::new();
/// b.version("example-1");
/// b.add_source("mine.tsv", "term\tkind\ttaxon\trank\tappendix\tlang\tweight\tsource\n\
///     rhino horn\tproduct\tRhinocerotidae\tFAMILY\tI\ten\t1.0\tmine\n").unwrap();
/// let lexicon = b.build().unwrap();
/// assert_eq!(lexicon.lookup("RHINO  horn").len(), 1);
/// ```
#[derive(Clone, Debug, Default)]
pub struct LexiconBuilder {
    version: String,
    /// Each source: its name, its contents, and whether it is generated (`GENERATED_BANNER`).
    files: Vec<(String, SourceFile, bool)>,
    max_entries: Option<usize>,
}

/// Shortest phrase (in bytes, spaces included) that fuzzy matching may reach.
pub(crate) const FUZZY_PHRASE_MIN_BYTES: usize = 9;
/// Least weight (of 255) of a common name of two or three words that fuzzy matching may reach:
/// the curated names of the trade (0.8), not every name of the Checklist's import files.
const FUZZY_PHRASE_MIN_WEIGHT: u8 = 204;
/// Least weight (of 255) of a curated common name of two or three words that fuzzy matching
/// may reach: a name of the trade written by hand ("giant panda", "tortuga marina", 0.6-0.7),
/// which a generated name of that weight is not.
const FUZZY_CURATED_PHRASE_MIN_WEIGHT: u8 = 153;

/// Least weight (of 255) of a Thai or Japanese common or product name whose misspelt forms
/// are written as keys (`marks`).
const MISSPELT_MIN_WEIGHT: u8 = 128;

/// Minimum length (in chars) of a key that fuzzy matching may reach (keys of five letters only
/// by two letters swapped: "ivroy", "rhnio").
pub(crate) const FUZZY_MIN_CHARS: usize = 5;

impl LexiconBuilder {
    /// A builder with no sources.
    pub fn new() -> Self {
        LexiconBuilder {
            version: "unversioned".into(),
            files: Vec::new(),
            max_entries: None,
        }
    }

    /// Sets the version string recorded in the lexicon (and in every Assessment).
    pub fn version(&mut self, v: impl Into<String>) -> &mut Self {
        self.version = v.into();
        self
    }

    /// Caps the number of entries; `build` fails past it instead of growing without bound.
    pub fn max_entries(&mut self, n: usize) -> &mut Self {
        self.max_entries = Some(n);
        self
    }

    /// Adds one source's text. `name` appears in error messages as `name:line`.
    pub fn add_source(&mut self, name: &str, text: &str) -> Result<&mut Self, Error> {
        let parsed = parse_source(name, text)?;
        let generated = text
            .strip_prefix('\u{feff}')
            .unwrap_or(text)
            .starts_with(format::GENERATED_BANNER);
        self.files.push((name.to_string(), parsed, generated));
        Ok(self)
    }

    /// Adds a source file (`.tsv` term list or taxa table, or a `.txt` word list).
    pub fn add_file(&mut self, path: impl AsRef<std::path::Path>) -> Result<&mut Self, Error> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|e| {
            Error::new(
                ErrorKind::Io,
                format!("cannot read {}: {e}", path.display()),
            )
        })?;
        let text = String::from_utf8(bytes).map_err(|e| {
            Error::new(
                ErrorKind::Wordlist,
                format!(
                    "{}: not valid UTF-8 (byte {})",
                    path.display(),
                    e.utf8_error().valid_up_to()
                ),
            )
        })?;
        self.add_source(&path.display().to_string(), &text)
    }

    /// Adds every `.tsv` and `.txt` file under `dir`, recursively, in sorted path order.
    pub fn add_dir(&mut self, dir: impl AsRef<std::path::Path>) -> Result<&mut Self, Error> {
        let mut paths = Vec::new();
        collect_files(dir.as_ref(), &mut paths)?;
        paths.sort();
        for p in paths {
            self.add_file(&p)?;
        }
        Ok(self)
    }

    /// Compiles the sources into lexicon bytes (load them with `Lexicon::from_bytes`).
    pub fn build_bytes(&self) -> Result<Vec<u8>, Error> {
        compile(self)
    }
}

fn collect_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) -> Result<(), Error> {
    let rd = std::fs::read_dir(dir).map_err(|e| {
        Error::new(
            ErrorKind::Io,
            format!("cannot read directory {}: {e}", dir.display()),
        )
    })?;
    for ent in rd {
        let ent = ent.map_err(|e| {
            Error::new(
                ErrorKind::Io,
                format!("cannot read directory {}: {e}", dir.display()),
            )
        })?;
        let p = ent.path();
        if p.is_dir() {
            collect_files(&p, out)?;
        } else if matches!(p.extension().and_then(|e| e.to_str()), Some("tsv" | "txt")) {
            out.push(p);
        }
    }
    Ok(())
}

/// Interns strings into an index + blob.
#[derive(Default)]
struct Strings {
    ids: HashMap<String, u32>,
    offsets: Vec<u32>,
    blob: Vec<u8>,
}

impl Strings {
    fn id(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = self.offsets.len() as u32;
        self.offsets.push(self.blob.len() as u32);
        self.blob.extend_from_slice(s.as_bytes());
        self.ids.insert(s.to_string(), id);
        id
    }
}

/// Two listings joined: every Appendix either names, in the order I, II, III, NC
/// ("I/II" and "II/NC" make "I/II/NC").
fn union_listing(a: &str, b: &str) -> String {
    let parts: Vec<&str> = a.split('/').chain(b.split('/')).collect();
    ["I", "II", "III", "NC"]
        .into_iter()
        .filter(|x| parts.contains(x))
        .collect::<Vec<_>>()
        .join("/")
}

/// Gives a taxon that only term rows name (the family Elephantidae, which the Checklist lists
/// by its species; a genus listed after the export) the kingdom, phylum, class, order, family
/// and genus the taxa rows give the group it heads: the first row of that family, genus, order
/// or class, or for a species the first row of its genus. Rules read the kingdom and class
/// ("a listed animal beside a legality claim"); without them ivory would be neither animal nor
/// plant. A taxon no row places stays as it was. One pass over the rows, then one look-up each.
fn inherit_ranks(taxa: &mut BTreeMap<String, TaxonRow>) {
    let mut heads: HashMap<(&'static str, String), TaxonRow> = HashMap::new();
    for t in taxa.values().filter(|t| !t.kingdom.is_empty()) {
        for (rank, name) in [
            ("CLASS", &t.class),
            ("ORDER", &t.order),
            ("FAMILY", &t.family),
            ("GENUS", &t.genus),
        ] {
            if !name.is_empty() {
                heads
                    .entry((rank, name.clone()))
                    .or_insert_with(|| t.clone());
            }
        }
    }
    for t in taxa.values_mut().filter(|t| t.kingdom.is_empty()) {
        // (a species is placed by its genus, the first word of its name)
        let (rank, head): (&'static str, String) = match t.rank.as_str() {
            "CLASS" => ("CLASS", t.taxon.clone()),
            "ORDER" => ("ORDER", t.taxon.clone()),
            "FAMILY" => ("FAMILY", t.taxon.clone()),
            "GENUS" => ("GENUS", t.taxon.clone()),
            "SPECIES" | "SUBSPECIES" | "VARIETY" => (
                "GENUS",
                t.taxon.split(' ').next().unwrap_or_default().to_string(),
            ),
            _ => continue,
        };
        let Some(h) = heads.get(&(rank, head)) else {
            continue;
        };
        t.kingdom = h.kingdom.clone();
        t.phylum = h.phylum.clone();
        t.class = h.class.clone();
        // the ranks above the taxon's own, and its own name at its rank
        if rank != "CLASS" {
            t.order = h.order.clone();
        }
        if matches!(rank, "FAMILY" | "GENUS") {
            t.family = h.family.clone();
        }
        if rank == "GENUS" {
            t.genus = h.genus.clone();
        }
    }
}

struct PendingEntry {
    key: String,
    term: String,
    kind: Kind,
    taxon: u32,
    lang: u16,
    source: u16,
    weight: u8,
    /// From a hand-curated source (`format::ENTRY_CURATED`).
    curated: bool,
}

fn compile(b: &LexiconBuilder) -> Result<Vec<u8>, Error> {
    // han table first: the normaliser needs it
    let mut han: BTreeMap<u32, u32> = BTreeMap::new();
    for (_, f, _) in &b.files {
        if let SourceFile::Han(pairs) = f {
            for &(t, s) in pairs {
                han.insert(t as u32, s as u32);
            }
        }
    }
    let mut han_bytes = Vec::with_capacity(han.len() * 8);
    for (t, s) in &han {
        han_bytes.extend_from_slice(&t.to_le_bytes());
        han_bytes.extend_from_slice(&s.to_le_bytes());
    }
    let opts = NormalizeOptions::default();
    let norm = Normalizer::new(opts, HanMap(&han_bytes));

    // taxa: later files override earlier ones (curated post-2017 listings override the export)
    let mut taxa: BTreeMap<String, TaxonRow> = BTreeMap::new();
    for (_, f, _) in &b.files {
        if let SourceFile::Taxa(rows) = f {
            for r in rows {
                taxa.insert(r.taxon.clone(), r.clone());
            }
        }
    }
    // taxa only named by term rows get a record from the first such row, listed in every
    // Appendix any of those rows gives ("turtle" says the order holds unlisted species, "NC",
    // where a row generated from its listed members says only "I/II")
    let listed: std::collections::HashSet<String> = taxa.keys().cloned().collect();
    for (_, f, _) in &b.files {
        if let SourceFile::Terms(rows) = f {
            for r in rows.iter().filter(|r| !r.taxon.is_empty()) {
                let t = taxa.entry(r.taxon.clone()).or_insert_with(|| TaxonRow {
                    taxon: r.taxon.clone(),
                    rank: r.rank.clone(),
                    appendix: r.appendix.clone(),
                    source: r.source.clone(),
                    ..TaxonRow::default()
                });
                if t.appendix.is_empty() && !r.appendix.is_empty() {
                    t.appendix = r.appendix.clone();
                } else if !listed.contains(&r.taxon) && !r.appendix.is_empty() {
                    t.appendix = union_listing(&t.appendix, &r.appendix);
                }
                if t.rank.is_empty() && !r.rank.is_empty() {
                    t.rank = r.rank.clone();
                }
            }
        }
    }
    inherit_ranks(&mut taxa);

    let mut strings = Strings::default();
    let mut stats = Stats::default();
    let mut taxon_ids: HashMap<String, u32> = HashMap::new();
    let mut taxa_bytes = Vec::with_capacity(taxa.len() * format::TAXON_LEN);
    for (i, (name, t)) in taxa.iter().enumerate() {
        taxon_ids.insert(name.clone(), i as u32);
        for field in [
            &t.taxon,
            &t.rank,
            &t.kingdom,
            &t.phylum,
            &t.class,
            &t.order,
            &t.family,
            &t.genus,
            &t.appendix,
            &t.annotation,
            &t.listed,
            &t.source,
        ] {
            taxa_bytes.extend_from_slice(&strings.id(field).to_le_bytes());
        }
        *stats
            .taxa_by_appendix
            .entry(if t.appendix.is_empty() {
                "none".into()
            } else {
                t.appendix.clone()
            })
            .or_default() += 1;
        *stats
            .taxa_by_kingdom
            .entry(if t.kingdom.is_empty() {
                "unknown".into()
            } else {
                t.kingdom.clone()
            })
            .or_default() += 1;
        let listed = t.listed.split_whitespace().next().unwrap_or("").to_string();
        *stats
            .taxa_by_listed
            .entry(if listed.is_empty() {
                "unknown".into()
            } else {
                listed
            })
            .or_default() += 1;
    }
    stats.taxa = taxa.len() as u64;

    let mut langs: Vec<String> = Vec::new();
    let mut lang_ids: HashMap<String, u16> = HashMap::new();
    let mut sources: Vec<String> = Vec::new();
    let mut source_ids: HashMap<String, u16> = HashMap::new();
    let intern_small =
        |table: &mut Vec<String>, ids: &mut HashMap<String, u16>, s: &str| -> Result<u16, Error> {
            if let Some(&i) = ids.get(s) {
                return Ok(i);
            }
            if table.len() >= u16::MAX as usize {
                return Err(Error::new(
                    ErrorKind::Limit,
                    "more than 65535 languages or sources",
                ));
            }
            let i = table.len() as u16;
            table.push(s.to_string());
            ids.insert(s.to_string(), i);
            Ok(i)
        };

    let mut pending: Vec<PendingEntry> = Vec::new();
    let mut dedup: HashMap<(String, Kind, u32, u16, String), usize> = HashMap::new();
    for (_, f, generated) in &b.files {
        let SourceFile::Terms(rows) = f else { continue };
        let curated = !generated;
        for r in rows {
            // private-use characters stand for glyphs no text will contain: the row is unusable
            if r.term
                .chars()
                .any(|c| matches!(c as u32, 0xE000..=0xF8FF | 0xF0000..=0x10FFFF))
            {
                stats.dropped_unusable += 1;
                continue;
            }
            let key = normalize_key(&norm, &r.term);
            if key.is_empty() {
                stats.dropped_empty += 1;
                continue;
            }
            // a one-character name or reframing context word in an unspaced script (大, 象, 本,
            // 色) would match inside any text: 本 inside 本物 ("genuine") is no book
            let mut chars = key.chars();
            let one_unspaced = matches!((chars.next(), chars.next()), (Some(c), None) if !c.is_ascii() && c.is_alphabetic());
            let reframing = r.kind.is_reframing();
            if one_unspaced && (r.kind.names_taxon() && r.kind != Kind::Emoji || reframing) {
                stats.dropped_unusable += 1;
                continue;
            }
            let taxon = if r.taxon.is_empty() {
                NO_TAXON
            } else {
                taxon_ids[&r.taxon]
            };
            let lang = intern_small(&mut langs, &mut lang_ids, &r.lang)?;
            let source = intern_small(&mut sources, &mut source_ids, &r.source)?;
            let weight = (r.weight * 255.0).round().clamp(0.0, 255.0) as u8;
            // Malay and Indonesian write a doubled word with a 2 ("kura2" for "kura-kura"):
            // such a name is read in both spellings
            let short_double = matches!(r.lang.as_str(), "id" | "ms")
                .then(|| reduplication_with_two(&key))
                .flatten();
            // context words of one key and language that differ in their marks are different
            // words (Vietnamese "vảy", scale, and "vây", fin, are both forms): each keeps its
            // entry, so the text's marks tell them apart; names merge (a name's accents vary).
            // Only words in Latin letters: in other scripts a key also folds endings ("кости"
            // and "кость" are one word)
            let latin = |c: char| !c.is_alphabetic() || script_family(c) == script_family('a');
            let marks = if taxon == NO_TAXON && !r.term.is_ascii() && r.term.chars().all(latin) {
                r.term.to_lowercase()
            } else {
                String::new()
            };
            for key in std::iter::once(key).chain(short_double) {
                let dk = (key.clone(), r.kind, taxon, lang, marks.clone());
                if let Some(&i) = dedup.get(&dk) {
                    if pending[i].weight < weight {
                        pending[i].weight = weight;
                    }
                    pending[i].curated |= curated;
                    continue;
                }
                dedup.insert(dk, pending.len());
                pending.push(PendingEntry {
                    key,
                    term: r.term.clone(),
                    kind: r.kind,
                    taxon,
                    lang,
                    source,
                    weight,
                    curated,
                });
                if let Some(max) = b.max_entries {
                    if pending.len() > max {
                        return Err(Error::new(
                            ErrorKind::Limit,
                            format!("more than {max} entries"),
                        ));
                    }
                }
            }
        }
    }
    pending.sort_by(|a, b| {
        a.key
            .as_bytes()
            .cmp(b.key.as_bytes())
            .then(a.kind.cmp(&b.kind))
            .then(b.weight.cmp(&a.weight))
            .then(a.taxon.cmp(&b.taxon))
    });

    // dictionary of ordinary words, normalised like everything else
    let mut dict_words: Vec<String> = Vec::new();
    for (_, f, _) in &b.files {
        if let SourceFile::Words(ws) = f {
            for w in ws {
                let k = normalize_key(&norm, w);
                if !k.is_empty() && !k.contains(' ') {
                    dict_words.push(k);
                }
            }
        }
    }
    dict_words.sort_unstable();
    dict_words.dedup();
    stats.dictionary_words = dict_words.len() as u64;
    let dict = word_table(&dict_words, &pending)?;

    let mut fuzzy_keys: Vec<String> = Vec::new();
    // whether each of them may be reached with two edits (when it is long enough)
    let mut fuzzy_two: Vec<bool> = Vec::new();
    // strong names of the trade that may be read with their first letter dropped
    let mut dropped_first: Vec<String> = Vec::new();
    // single Greek or Cyrillic words, stored one byte a letter (`format::fuzzy_code`)
    let mut coded_keys: Vec<(Vec<u8>, u64)> = Vec::new();
    let mut entries_bytes = Vec::with_capacity(pending.len() * ENTRY_LEN);
    let mut exact_keys: Vec<(&str, u64)> = Vec::with_capacity(pending.len());
    // misspelt forms of Thai and Japanese names, with their marked value (None when two names
    // share one)
    let mut misspelt: BTreeMap<String, Option<u64>> = BTreeMap::new();
    let mut fuzzy = fst::MapBuilder::memory();
    let mut i = 0usize;
    while i < pending.len() {
        let mut j = i;
        while j < pending.len() && pending[j].key == pending[i].key {
            j += 1;
        }
        let value = pack_range(i as u32, (j - i) as u32);
        let key = &pending[i].key;
        exact_keys.push((key.as_str(), value));
        stats.keys += 1;
        let group = &pending[i..j];
        // a Thai, Japanese or Korean name of the trade is written again with a mark misspelt
        // (`marks`): not a brand's, nor one that also reads as context
        if group.iter().any(|e| {
            matches!(e.kind, Kind::Common | Kind::Product) && e.weight >= MISSPELT_MIN_WEIGHT
        }) && !group
            .iter()
            .any(|e| e.kind == Kind::Brand || e.kind.is_reframing())
        {
            super::marks::misspellings(key, &mut |form, edits| {
                let v = format::misspelt_value(value, edits);
                misspelt
                    .entry(form.to_string())
                    .and_modify(|old: &mut Option<u64>| {
                        // two names misspelt alike: the form names neither; the same name
                        // misspelt two ways keeps the fewer edits
                        match *old {
                            Some(o) if format::split_misspelt(o).0 == value => {
                                *old = Some(o.min(v))
                            }
                            _ => *old = None,
                        }
                    })
                    .or_insert(Some(v));
            });
        }
        // fuzzy matching may reach single-word ASCII names and product names of five letters or
        // more, except those that are also brands (a misspelt brand is still the brand); and
        // the trade's own phrases of two or three words: product names and strong common names
        // ("giant clam", "corallo rosso"), whose parts a seller may misspell
        let words = key.split(' ').count();
        let mut code = Vec::new();
        let coded = !key.is_ascii() && format::fuzzy_code(key, &mut code);
        let fuzzy_ok = key.chars().count() >= FUZZY_MIN_CHARS
            && (coded || key.chars().all(|c| c.is_ascii_alphabetic() || c == ' '))
            && !group.iter().any(|e| matches!(e.kind, Kind::Brand))
            && if words == 1 {
                group.iter().any(|e| {
                    matches!(
                        e.kind,
                        Kind::Scientific | Kind::Synonym | Kind::Common | Kind::Product
                    )
                })
            } else {
                words <= 3
                    && key.len() >= FUZZY_PHRASE_MIN_BYTES
                    && key.len() <= format::GATE_MAX_WORD
                    && !group.iter().any(|e| e.kind.is_reframing())
                    && group.iter().any(|e| {
                        e.kind == Kind::Product
                            || e.kind == Kind::Common
                                && (e.weight >= FUZZY_PHRASE_MIN_WEIGHT
                                    || e.curated && e.weight >= FUZZY_CURATED_PHRASE_MIN_WEIGHT)
                    })
            };
        if fuzzy_ok && coded {
            coded_keys.push((code, value));
            stats.fuzzy_keys += 1;
        } else if fuzzy_ok {
            // (a superset of `scan::strong_name`: product names from 0.6, common names from 0.8)
            if words == 1
                && key.len() > FUZZY_MIN_CHARS - 1
                && group.iter().any(|e| {
                    e.kind == Kind::Product && e.weight >= 150
                        || e.kind == Kind::Common && e.weight >= 200
                })
            {
                dropped_first.push(key[1..].to_string());
            }
            fuzzy_keys.push(key.clone());
            // a phrase reached only as a curated name of middling weight takes one edit
            // (`scan::two_edits_reach`): its two-deletion forms would fill the gate
            fuzzy_two.push(
                words == 1
                    || group.iter().any(|e| {
                        e.kind == Kind::Product
                            || e.kind == Kind::Common && e.weight >= FUZZY_PHRASE_MIN_WEIGHT
                    }),
            );
            fuzzy
                .insert(key.as_bytes(), value)
                .map_err(|e| Error::new(ErrorKind::Limit, format!("fuzzy fst: {e}")))?;
            stats.fuzzy_keys += 1;
        }
        for e in group {
            let term = strings.id(&e.term);
            entries_bytes.extend_from_slice(&term.to_le_bytes());
            entries_bytes.extend_from_slice(&e.taxon.to_le_bytes());
            entries_bytes.extend_from_slice(&e.lang.to_le_bytes());
            entries_bytes.extend_from_slice(&e.source.to_le_bytes());
            entries_bytes.push(e.kind as u8);
            entries_bytes.push(e.weight);
            entries_bytes.push(if e.curated { format::ENTRY_CURATED } else { 0 });
            entries_bytes.push(0);
            *stats
                .entries_by_kind
                .entry(e.kind.as_str().to_string())
                .or_default() += 1;
            if e.kind.names_taxon() && e.kind != Kind::Code {
                *stats
                    .names_by_lang
                    .entry(langs[e.lang as usize].clone())
                    .or_default() += 1;
            }
            if e.kind == Kind::Code {
                *stats
                    .code_words_by_lang
                    .entry(langs[e.lang as usize].clone())
                    .or_default() += 1;
            }
        }
        i = j;
    }
    stats.entries = pending.len() as u64;
    // the key FST: every key, and every misspelt form that is no key itself, in byte order
    let mut keys = fst::MapBuilder::memory();
    let mut forms = misspelt
        .iter()
        .filter_map(|(k, v)| v.map(|v| (k.as_str(), v)))
        .peekable();
    for &(key, value) in &exact_keys {
        while let Some(&(form, v)) = forms.peek() {
            if form.as_bytes() >= key.as_bytes() {
                break;
            }
            keys.insert(form.as_bytes(), v)
                .map_err(|e| Error::new(ErrorKind::Limit, format!("key fst: {e}")))?;
            stats.misspelt_keys += 1;
            forms.next();
        }
        if forms.peek().is_some_and(|&(form, _)| form == key) {
            forms.next();
        }
        keys.insert(key.as_bytes(), value)
            .map_err(|e| Error::new(ErrorKind::Limit, format!("key fst: {e}")))?;
    }
    for (form, v) in forms {
        keys.insert(form.as_bytes(), v)
            .map_err(|e| Error::new(ErrorKind::Limit, format!("key fst: {e}")))?;
        stats.misspelt_keys += 1;
    }
    let keys = keys
        .into_inner()
        .map_err(|e| Error::new(ErrorKind::Limit, format!("key fst: {e}")))?;
    // the coded keys sort after every ASCII one (their bytes are 0x80 or more), and among
    // themselves as their UTF-8 forms did
    coded_keys.sort_unstable();
    for (code, value) in &coded_keys {
        fuzzy
            .insert(code, *value)
            .map_err(|e| Error::new(ErrorKind::Limit, format!("fuzzy fst: {e}")))?;
    }
    let fuzzy = fuzzy
        .into_inner()
        .map_err(|e| Error::new(ErrorKind::Limit, format!("fuzzy fst: {e}")))?;

    let mut string_index = Vec::with_capacity((strings.offsets.len() + 1) * 4);
    for o in &strings.offsets {
        string_index.extend_from_slice(&o.to_le_bytes());
    }
    string_index.extend_from_slice(&(strings.blob.len() as u32).to_le_bytes());
    if strings.blob.len() > u32::MAX as usize {
        return Err(Error::new(
            ErrorKind::Limit,
            "string table larger than 4 GiB",
        ));
    }

    let meta = Meta {
        version: b.version.clone(),
        key_rules: format::KEY_RULES_VERSION,
        langs,
        sources,
        inputs: b.files.iter().map(|(n, ..)| short_name(n)).collect(),
        stats,
    };
    let meta_json = serde_json::to_vec(&meta)
        .map_err(|e| Error::new(ErrorKind::Limit, format!("meta: {e}")))?;

    // the token prefilter: one-word keys and the first two words of longer keys, for keys
    // that start in a spaced script (unspaced runs and glued tokens are walked at every char)
    let mut prefilter = vec![0u8; (format::PREFILTER_BITS / 8) as usize];
    {
        let mut set_hash = |h: u64| {
            for bit in format::prefilter_bits(h) {
                prefilter[(bit / 8) as usize] |= 1 << (bit % 8);
            }
        };
        let mut set_bits = |word: &[u8]| set_hash(format::fnv1a64(word));
        for e in &pending {
            let k = e.key.as_bytes();
            let first_char = e.key.chars().next();
            if first_char.is_some_and(|c| !crate::normalize::starts_unspaced(c)) {
                let mut words = k.split(|&b| b == b' ');
                let w1 = words.next().unwrap_or(&[]);
                match words.next() {
                    None => set_bits(w1),
                    Some(w2) => set_bits(&k[..w1.len() + 1 + w2.len()]),
                }
            }
        }
        // and the first word of every phrase fuzzy matching may reach, marked apart, so that
        // the scanner tries a misspelt phrase only after a word that starts one
        // (and its second word, marked apart again, for a phrase whose first word is misspelt)
        for rest in &dropped_first {
            set_hash(format::dropped_first_hash(rest.as_bytes()));
        }
        for k in fuzzy_keys.iter().filter(|k| k.contains(' ')) {
            let mut words = k.split(' ');
            set_hash(format::phrase_start_hash(
                words.next().unwrap_or("").as_bytes(),
            ));
            set_hash(format::phrase_second_hash(
                words.next().unwrap_or("").as_bytes(),
            ));
        }
    }

    // the fuzzy gate: every fuzzy key and its one-deletion forms; keys that allow two edits
    // (ten letters or more, not a phrase of middling weight) get their two-deletion forms too;
    // keys of ten letters or more go in a set of their own (`Reach`)
    let mut gate = vec![0u8; (format::GATE_BITS / 8) as usize];
    let coded = coded_keys.iter().map(|(c, _)| (&c[..], true));
    let plain = fuzzy_keys
        .iter()
        .zip(&fuzzy_two)
        .map(|(k, &two)| (k.as_bytes(), two));
    for (k, two) in plain.chain(coded) {
        // keys of five letters are reached only by swapping two letters of a five-letter word,
        // looked up exactly: the gate never answers for them
        if k.len() <= FUZZY_MIN_CHARS {
            continue;
        }
        let reach = format::key_reach(k.len());
        let mut set = |h: u64, _: format::Deletions| {
            let (at, m) = format::gate_probe(h);
            for b in format::gate_bits(m, reach) {
                gate[at + usize::from(b / 8)] |= 1 << (b % 8);
            }
            false
        };
        // a key longer than the gate's words can never be near a query (at most 40 bytes)
        let _ = format::deletion_forms(k, two && reach == format::Reach::Two, &mut set);
    }

    let sections: [&[u8]; SECTIONS] = [
        &meta_json,
        &string_index,
        &strings.blob,
        &entries_bytes,
        &taxa_bytes,
        &keys,
        &fuzzy,
        &dict,
        &han_bytes,
        &prefilter,
        &gate,
    ];
    debug_assert_eq!(Section::FuzzyGate as usize, SECTIONS - 1);
    let table_len = SECTIONS * 16;
    let mut out = vec![0u8; format::HEADER_LEN + table_len];
    let mut offset = out.len();
    for (k, s) in sections.iter().enumerate() {
        // align each section to 8 bytes
        let pad = (8 - offset % 8) % 8;
        offset += pad;
        let at = format::HEADER_LEN + k * 16;
        out[at..at + 8].copy_from_slice(&(offset as u64).to_le_bytes());
        out[at + 8..at + 16].copy_from_slice(&(s.len() as u64).to_le_bytes());
        offset += s.len();
    }
    for s in sections.iter() {
        while out.len() % 8 != 0 {
            out.push(0);
        }
        out.extend_from_slice(s);
    }
    out[0..8].copy_from_slice(format::MAGIC);
    out[8..12].copy_from_slice(&format::FORMAT_VERSION.to_le_bytes());
    out[12..16].copy_from_slice(&(SECTIONS as u32).to_le_bytes());
    let total = out.len() as u64;
    out[24..32].copy_from_slice(&total.to_le_bytes());
    let sum = fnv1a64(&out[32..]);
    out[16..24].copy_from_slice(&sum.to_le_bytes());
    Ok(out)
}

/// The word table section (see `format::WordTable`): every dictionary word and every word of
/// one or two ASCII letters, marked when it is no plural form of a key (a word that is itself
/// a one-word key is matched as itself, never read as a plural), inert when it is also the
/// first word of no key, so that the scanner passes over it with one probe, and context when
/// no key it starts or is a plural of names a taxon. The seed is the first under which no
/// key's first word and no plural form of a key that is not itself in the table is mistaken
/// for a word of it.
fn word_table(dict_words: &[String], pending: &[PendingEntry]) -> Result<Vec<u8>, Error> {
    use std::collections::HashSet;
    // the words the scanner acts on when it meets them as a token: the first word of every
    // key of a spaced script, and every form `scan::plural_lookup` reads as a plural of a
    // one-word key (a superset: `-s` and `-es` of every key, the Italian forms of keys that
    // name a taxon)
    let mut starts: HashSet<Vec<u8>> = HashSet::new();
    let mut plurals: HashSet<Vec<u8>> = HashSet::new();
    // the same, for keys that name a taxon
    let mut naming: HashSet<Vec<u8>> = HashSet::new();
    let mut starts_naming: HashSet<Vec<u8>> = HashSet::new();
    // one-word keys: the scanner matches such a word exactly and never reads it as a plural
    let mut exact: HashSet<Vec<u8>> = HashSet::new();
    let mut i = 0;
    while i < pending.len() {
        let key = &pending[i].key;
        let mut j = i;
        let mut names = false;
        while j < pending.len() && pending[j].key == *key {
            names |= pending[j].kind.names_taxon();
            j += 1;
        }
        i = j;
        if key
            .chars()
            .next()
            .is_none_or(crate::normalize::starts_unspaced)
        {
            continue;
        }
        let k = key.as_bytes();
        let first = k.split(|&b| b == b' ').next().unwrap_or(k);
        starts.insert(first.to_vec());
        if names {
            naming.insert(first.to_vec());
            starts_naming.insert(first.to_vec());
        }
        if first.len() != k.len() {
            continue;
        }
        exact.insert(k.to_vec());
        // (as `scan::plural_lookup`: a key that ends in "s" takes "-es" only)
        for end in [&b"s"[..], b"es"] {
            if end == b"s" && k.ends_with(b"s") {
                continue;
            }
            plurals.insert([k, end].concat());
            if names {
                naming.insert([k, end].concat());
            }
        }
        if let (true, Some((&last, stem))) = (names, k.split_last()) {
            let ends: &[&[u8]] = match last {
                b'o' => &[b"i", b"hi"],
                b'e' => &[b"i"],
                b'a' => &[b"e", b"he"],
                _ => &[],
            };
            for end in ends {
                plurals.insert([stem, end].concat());
                naming.insert([stem, end].concat());
            }
        }
    }
    // and every word of one or two ASCII letters ("a", "on", "is"): too short for plurals,
    // compounds and fuzzy matching, so their bits only say which keys they start
    let mut short: Vec<Vec<u8>> = Vec::new();
    for a in b'a'..=b'z' {
        short.push(vec![a]);
        for b in b'a'..=b'z' {
            short.push(vec![a, b]);
        }
    }
    let in_dict: HashSet<&[u8]> = dict_words.iter().map(|w| w.as_bytes()).collect();
    short.retain(|w| !in_dict.contains(w.as_slice()));
    plurals.retain(|w| !exact.contains(w));
    naming.retain(|w| !exact.contains(w) || starts_naming.contains(w));
    let words: Vec<(u64, u32)> = dict_words
        .iter()
        .map(|w| w.as_bytes())
        .chain(short.iter().map(|w| w.as_slice()))
        .map(|w| {
            let mut bits = 0;
            if !naming.contains(w) {
                bits |= format::WORD_CONTEXT;
            }
            if !plurals.contains(w) {
                bits |= format::WORD_NO_PLURAL;
                if !starts.contains(w) {
                    bits |= format::WORD_INERT;
                }
            }
            (fnv1a64(w), bits)
        })
        .collect();
    let in_table: HashSet<&[u8]> = in_dict
        .iter()
        .copied()
        .chain(short.iter().map(|w| w.as_slice()))
        .collect();
    let outside: Vec<u64> = starts
        .iter()
        .chain(&plurals)
        .filter(|w| !in_table.contains(w.as_slice()))
        .map(|w| fnv1a64(w))
        .collect();
    for attempt in 0u64..64 {
        let seed = 0x5157_4f52_4453_0000 ^ attempt;
        let Some(table) = format::build_word_table(&words, seed) else {
            continue;
        };
        let t = format::WordTable::parse(&table)
            .ok_or_else(|| Error::new(ErrorKind::Limit, "word table does not parse"))?;
        if outside.iter().all(|&h| t.get(h).is_none()) {
            return Ok(table);
        }
    }
    Err(Error::new(
        ErrorKind::Limit,
        "no seed gives a word table without collisions",
    ))
}

/// The file name without directories, so a lexicon built elsewhere records the same inputs.
fn short_name(n: &str) -> String {
    let p = std::path::Path::new(n);
    let parent = p
        .parent()
        .and_then(|d| d.file_name())
        .and_then(|d| d.to_str());
    let file = p.file_name().and_then(|f| f.to_str()).unwrap_or(n);
    match parent {
        Some(d) if !d.is_empty() => format!("{d}/{file}"),
        _ => file.to_string(),
    }
}

/// The key a term is stored under: its normalised tokens joined by single spaces.
/// A key whose first word is doubled ("kura kura moncong babi", from "kura-kura") written as
/// Malay and Indonesian shorten it, the word once and a 2 ("kura2 moncong babi"); None for
/// other keys. Only a doubled word of three letters or more ("anak2" stays out: "an an" is no
/// doubling of a name).
fn reduplication_with_two(key: &str) -> Option<String> {
    let mut words = key.splitn(3, ' ');
    let (first, second) = (words.next()?, words.next()?);
    if first != second || first.chars().count() < 3 || !first.chars().all(char::is_alphabetic) {
        return None;
    }
    Some(match words.next() {
        Some(rest) => format!("{first}2 {rest}"),
        None => format!("{first}2"),
    })
}

pub(crate) fn normalize_key(norm: &Normalizer<'_>, term: &str) -> String {
    let n = norm.normalize(term);
    let mut key = String::with_capacity(n.text.len());
    for t in &n.tokens {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(&n.text[t.start as usize..t.end as usize]);
    }
    key
}

#[cfg(test)]
mod tests {
    use super::reduplication_with_two;

    #[test]
    fn a_doubled_first_word_is_also_written_with_a_2() {
        assert_eq!(
            reduplication_with_two("kura kura moncong babi").as_deref(),
            Some("kura2 moncong babi")
        );
        assert_eq!(
            reduplication_with_two("berang berang").as_deref(),
            Some("berang2")
        );
        // a short word, a word not doubled, or a doubling later in the key is left alone
        assert_eq!(reduplication_with_two("an an"), None);
        assert_eq!(reduplication_with_two("kura moncong babi"), None);
        assert_eq!(reduplication_with_two("burung kupu kupu"), None);
    }
}
