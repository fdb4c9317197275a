//! Scanning a normalised view against the lexicon: exact leftmost-longest matching over the key
//! FST with script-aware boundaries, plural folding, and bounded edit distance for misspellings.
//!
//! Cost: one FST walk per candidate start (token starts; every character inside hashtags,
//! digit-glued tokens and unspaced scripts). A walk stops at the first byte no key continues
//! with, and keys are bounded in length, so the scan is linear in the text.

use fst::raw::{Fst, Node, Output};

use crate::lexicon::format::{fnv1a64, split_misspelt, WORD_CONTEXT, WORD_INERT, WORD_NO_PLURAL};
use crate::lexicon::{Kind, Lexicon};
use crate::normalize::{
    ascii_alnum_end, has_model_digits, script_change, tok, Normalized, Normalizer, Obfuscation,
    ObfuscationSet, SpacedRun, Token,
};

/// Shortest key (in chars) that may match strictly inside a glued token (`#ivoryforsale`).
const GLUED_MIN_CHARS: usize = 4;
/// Longest key walk, in bytes: bounds the work per start position.
const MAX_KEY_BYTES: usize = 256;

/// A key found in the normalised text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Hit {
    /// Byte range in the normalised text.
    pub start: u32,
    pub end: u32,
    /// Packed entry range of the key.
    pub value: u64,
    /// Obfuscations the scanner itself undid (misspelling, glued).
    pub obf: ObfuscationSet,
    /// Edit distance for fuzzy hits.
    pub distance: u8,
}

/// Scanner settings.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ScanOptions {
    pub fuzzy: bool,
    /// Skip words the token prefilter and the fuzzy gate rule out (always on; off only to test
    /// that they change nothing).
    pub prefilter: bool,
}

/// Finds the hits in `n`, leftmost-longest, in text order.
/// `src` is the text `n` was normalised from (its byte offsets are `n`'s source offsets).
pub(crate) fn scan(
    lex: &Lexicon,
    src: &str,
    n: &Normalized,
    opts: ScanOptions,
    hits: &mut Vec<Hit>,
) {
    scan_until(lex, src, n, opts, hits, |_, _, _| false);
}

/// `scan`, asking `stop` before each token (the hits so far, the tokens, the token's index)
/// whether to stop there; true when it stopped. Hits are pushed in text order, at most two a
/// token (more only in a token where terms may start anywhere, `Token::is_glued` and the
/// like: at most one a byte, and two more), and the hits taken back later are only those
/// starting at or after the start of the token two before the one read (a misspelt phrase
/// over its first words): so before token `ti`, the hits that start before
/// `tokens[ti - 2].start` are final (`names_certainly_suppressed` stops on them).
#[inline]
pub(crate) fn scan_until(
    lex: &Lexicon,
    src: &str,
    n: &Normalized,
    opts: ScanOptions,
    hits: &mut Vec<Hit>,
    mut stop: impl FnMut(&[Hit], &[Token], usize) -> bool,
) -> bool {
    let text = n.text.as_bytes();
    let fst = lex.keys_fst();
    let words = lex.word_table();
    let tokens = &n.tokens;
    let mut covered_to = 0u32; // no new hit may start before this
                               // the token before, when it is a plain word: its word-table bits
                               // (`doubled_dict_word_in_phrase`, `misspelt_dict_word_in_phrase`)
    let mut last_word: Option<Option<u32>> = None;
    for (ti, t) in tokens.iter().enumerate() {
        if stop(hits, tokens, ti) {
            return true;
        }
        let word_before = last_word.take();
        // a token of two scripts glued ("عاجivory"): keys start and end where the script changes
        let mixed = t.splits_by_script();
        let anywhere = t.flags & tok::UNSPACED != 0 || t.is_glued() || mixed;
        // a word split by a hyphen, dot or underscore ("ti-ger", "pan.go.lin") is read whole
        // before its parts ("pan" alone is the chimpanzees' genus)
        if !anywhere && t.start >= covered_to {
            if let Some((last, value)) = split_lookup(lex, src.as_bytes(), n, ti) {
                let obf = ObfuscationSet::of(Obfuscation::Spacing);
                hits.push(Hit {
                    start: t.start,
                    end: tokens[last].end,
                    value,
                    obf,
                    distance: 0,
                });
                covered_to = tokens[last].end;
                continue;
            }
        }
        // letters spaced apart are read whole, past the prefilter and the dictionaries ("t ê t ê"
        // joins into "tete", a French word, read as "tê tê" by `longest_at`)
        let plain =
            !anywhere && t.flags & (tok::PICTOGRAPH | tok::SPACED) == 0 && t.start >= covered_to;
        let hash = if plain {
            fnv1a64(&text[t.start as usize..t.end as usize])
        } else {
            0
        };
        // an ordinary word of the dictionaries (the word table's bits, one probe): one that
        // starts no key and is no plural of one (inert) gives nothing here, and neither
        // compounds nor fuzzy matching ever rewrite one (most words of most listings; hits of
        // other tokens may still cover it)
        let bits = if plain && t.flags & tok::ALPHA != 0 {
            words.get(hash)
        } else {
            None
        };
        let dict_bits = if opts.prefilter { bits } else { None };
        let plain_word = plain && t.flags & tok::ALPHA != 0 && text[t.start as usize].is_ascii();
        if plain_word {
            last_word = Some(bits);
        }
        // a word of the dictionaries with a letter doubled, after a word a phrase that names a
        // taxon may start with (one of no dictionary, or one whose keys may name one), may be
        // that phrase's word ("hard corral" for "hard coral")
        let doubled_read = || {
            t.end - t.start > FUZZY_MIN_WORD as u32
                && opts.fuzzy
                && plain_word
                && bits.is_some()
                && word_before.is_some_and(|b| b.is_none_or(|b| b & WORD_CONTEXT == 0))
                && text[t.start as usize..t.end as usize]
                    .windows(2)
                    .any(|p| p[0] == p[1])
        };
        // a word right after a name's hit may misspell the next word of one of its phrases as
        // a word of the dictionaries ("rhinoceros hoorn"): looked up below, before its bits
        // could pass it over
        let after_name = opts.fuzzy
            && plain
            && ti > 0
            && t.flags & tok::ALPHA != 0
            && hits.last().is_some_and(|h| {
                h.end == tokens[ti - 1].end
                    && lex.entries_of(h.value).any(|e| e.kind().names_taxon())
            });
        if dict_bits.is_some_and(|b| b & WORD_INERT != 0) && !after_name && !doubled_read() {
            continue;
        }
        let mut pos = t.start;
        let mut matched_at_start = false;
        // a plain word that neither is a key nor starts a longer one with the next word is
        // skipped without walking the FST (most other words)
        if opts.prefilter && plain && !may_start_key(lex, hash, text, tokens, ti) {
            pos = t.end;
        }
        while pos < t.end {
            let start_ok = !mixed || pos == t.start || script_change(&n.text, pos as usize);
            if pos >= covered_to
                && start_ok
                && !(pos > t.start && within_word(src, n, pos as usize))
            {
                if let Some((end, value, spaced)) = longest_at(fst, src, n, ti, pos as usize) {
                    // a misspelt form of a Thai or Japanese name (`lexicon::marks`)
                    let (value, edits) = split_misspelt(value);
                    let inside = pos != t.start || !ends_at_token_boundary(text, end);
                    let chars = n.text[pos as usize..end]
                        .chars()
                        .filter(|c| *c != ' ')
                        .count();
                    let unspaced = t.flags & tok::UNSPACED != 0;
                    // a unit right after a number is a word of its own ("500g", "1.8kg")
                    let after_number = pos > t.start
                        && text[pos as usize - 1].is_ascii_digit()
                        && ends_at_token_boundary(text, end);
                    // a whole word of one script in a token of two
                    let script_word = t.flags & tok::MIXED != 0
                        && (pos == t.start || script_change(&n.text, pos as usize))
                        && (ends_at_token_boundary(text, end) || script_change(&n.text, end));
                    if !inside
                        || unspaced
                        || after_number
                        || script_word
                        || chars >= GLUED_MIN_CHARS
                    {
                        let mut obf = ObfuscationSet::EMPTY;
                        // glued: it starts inside a glued word, or skipped a space in one, or
                        // ends inside one after starting before it ("ivory#tusk$i")
                        let ends_glued = !ends_at_token_boundary(text, end) && {
                            let j = tokens.partition_point(|x| (x.end as usize) < end);
                            tokens
                                .get(j)
                                .is_some_and(|x| x.is_glued() && x.start as usize != end)
                        };
                        if t.is_glued() && (inside || spaced) || ends_glued {
                            obf.insert(Obfuscation::Glued);
                        }
                        if edits > 0 {
                            obf.insert(Obfuscation::Misspelling);
                        }
                        hits.push(Hit {
                            start: pos,
                            end: end as u32,
                            value,
                            obf,
                            distance: edits,
                        });
                        covered_to = end as u32;
                        if pos == t.start {
                            matched_at_start = true;
                        }
                    }
                }
            }
            if !anywhere {
                break;
            }
            pos += utf8_len(text[pos as usize]) as u32;
        }
        // a phrase whose last words begin a longer name ("aletas de tiburón martillo": the
        // product "aletas de tiburón" and the hammerhead, "tiburón martillo"): the name is read
        // too, overlapping
        // (only a hit past its first word has later words: most hits are one word)
        if matched_at_start && !anywhere && hits.last().is_some_and(|h| h.end > t.end) {
            if let Some(h) = overlapping_name(lex, src, n, ti, hits.last().copied()) {
                covered_to = h.end;
                hits.push(h);
            }
        }
        // a name written exactly after a word of the dictionaries that is the first word of
        // one of its phrases with a letter dropped or doubled ("gadin gajah" for "gading
        // gajah"): the screen declines at the name
        if matched_at_start
            && opts.fuzzy
            && plain_word
            && word_before.is_some_and(|b| b.is_some())
            && tokens[ti - 1].end - tokens[ti - 1].start >= FUZZY_MIN_WORD as u32
            && hits.last().is_some_and(|h| {
                h.start == t.start
                    && h.end == t.end
                    && lex
                        .entries_of(h.value)
                        .any(|e| e.kind().names_taxon() && e.kind() != Kind::Code)
            })
            && free_at(&hits[..hits.len() - 1], tokens[ti - 1].start)
        {
            if let Some((last, value)) = misspelt_dict_word_in_phrase(lex, text, tokens, ti - 1) {
                covered_to = push_phrase(hits, tokens, (ti - 1, last, value, 1));
                continue;
            }
        }
        if matched_at_start || t.start < covered_to || anywhere {
            continue;
        }
        if t.flags & tok::ALPHA == 0 {
            continue;
        }
        let word = &text[t.start as usize..t.end as usize];
        if after_name {
            let free = |s: u32| free_at(hits, s);
            if let Some(p) = fuzzy_phrase(lex, text, tokens, ti, &free, opts.prefilter, true) {
                covered_to = push_phrase(hits, tokens, p);
                continue;
            }
        }
        if doubled_read() && free_at(hits, tokens[ti - 1].start) {
            if let Some((last, value)) = doubled_dict_word_in_phrase(lex, text, tokens, ti) {
                covered_to = push_phrase(hits, tokens, (ti - 1, last, value, 1));
                continue;
            }
        }
        // a word of the dictionaries that is no plural of a key: nothing more to find
        if dict_bits.is_some_and(|b| b & WORD_NO_PLURAL != 0) {
            continue;
        }
        // plurals: "pangolins", "tortues", "tortugas"; a phrase whose first word is in the
        // plural ("testuggini di Hermann")
        if let Some(value) = plural_lookup(lex, word) {
            let (end, value) = plural_phrase(lex, text, tokens, ti)
                .map_or((t.end, value), |(last, v)| (tokens[last].end, v));
            hits.push(Hit {
                start: t.start,
                end,
                value,
                obf: ObfuscationSet::EMPTY,
                distance: 0,
            });
            covered_to = end;
            continue;
        }
        // compounds: "Krokodilleder", "Nashornpulver", "rhinohorn"
        if dict_bits.is_some() {
            continue;
        }
        // Arabic clitics joined to a name: "والعاج", "بالعاج", "للعاج"
        if let Some((last, value)) = arabic_clitic_lookup(lex, text, tokens, ti) {
            hits.push(Hit {
                start: t.start,
                end: tokens[last].end,
                value,
                obf: ObfuscationSet::EMPTY,
                distance: 0,
            });
            covered_to = tokens[last].end;
            continue;
        }
        // a phrase written without its spaces: "рогсайгака", "cuernoderinoceronte"
        if let Some(value) = glued_phrase_lookup(lex, word) {
            hits.push(Hit {
                start: t.start,
                end: t.end,
                value,
                obf: ObfuscationSet::of(Obfuscation::Glued),
                distance: 0,
            });
            covered_to = t.end;
            continue;
        }
        if let Some(c) = compound_lookup(lex, word) {
            let mut obf = ObfuscationSet::of(Obfuscation::Glued);
            if c.misspelt {
                obf.insert(Obfuscation::Misspelling);
            }
            hits.push(Hit {
                start: t.start,
                end: t.start + c.name_end as u32,
                value: c.name,
                obf,
                distance: 0,
            });
            if let Some((rest_start, value)) = c.rest {
                hits.push(Hit {
                    start: t.start + rest_start as u32,
                    end: t.end,
                    value,
                    obf,
                    distance: 0,
                });
            }
            covered_to = t.end;
            continue;
        }
        if opts.fuzzy {
            // a misspelt word inside a phrase of the trade, after its exact first words
            // ("giant clamm shell") or as its first word ("afircan grey")
            let free = |s: u32| free_at(hits, s);
            let phrase =
                fuzzy_phrase(lex, text, tokens, ti, &free, opts.prefilter, false).or_else(|| {
                    fuzzy_phrase_from(lex, text, tokens, ti, opts.prefilter)
                        .map(|(last, v, d)| (ti, last, v, d))
                });
            if let Some(p) = phrase {
                covered_to = push_phrase(hits, tokens, p);
                continue;
            }
            // doubled letters ("iivoryy", "belugga") made single, then bounded edit distance,
            // then the word respelt as sellers misspell it, alone or as the first word of a
            // phrase of the trade written exactly after it ("corralo rosso")
            let found = undoubled_lookup(lex, word)
                .map(|v| (t.end, v, 1))
                .or_else(|| fuzzy_token(lex, word, opts.prefilter).map(|(v, d)| (t.end, v, d)))
                .or_else(|| {
                    respelled_lookup(lex, text, tokens, ti)
                        .map(|(last, v, d)| (tokens[last].end, v, d))
                });
            if let Some((end, value, d)) = found {
                let obf = ObfuscationSet::of(Obfuscation::Misspelling);
                hits.push(Hit {
                    start: t.start,
                    end,
                    value,
                    obf,
                    distance: d as u8,
                });
                covered_to = end;
            }
        }
    }
    false
}

/// Whether a misspelt phrase may start at byte `s`: no hit that started before it covers it
/// (a hit that starts there, "leopard" in "leopard skell", gives way to the phrase).
fn free_at(hits: &[Hit], s: u32) -> bool {
    hits.iter()
        .rev()
        .find(|h| h.start < s)
        .is_none_or(|h| h.end <= s)
}

/// Pushes the hit of a misspelt phrase (first and last token, value, distance) in place of
/// the hits taken inside it; returns its end.
fn push_phrase(hits: &mut Vec<Hit>, tokens: &[Token], p: (usize, usize, u64, u32)) -> u32 {
    let (first, last, value, d) = p;
    let start = tokens[first].start;
    while hits.last().is_some_and(|h| h.start >= start) {
        hits.pop();
    }
    hits.push(Hit {
        start,
        end: tokens[last].end,
        value,
        obf: ObfuscationSet::of(Obfuscation::Misspelling),
        distance: d as u8,
    });
    tokens[last].end
}

/// After a product name of several words that starts at token `ti` (`last`, the hit just
/// pushed; no code or cover term): a key that is a name of a taxon (scientific, synonym or
/// common), starts at one of the hit's later words and ends past the hit, read whole (the
/// first such, longest at its start).
#[cold]
#[inline(never)]
fn overlapping_name(
    lex: &Lexicon,
    src: &str,
    n: &Normalized,
    ti: usize,
    last: Option<Hit>,
) -> Option<Hit> {
    let h = last?;
    let tokens = &n.tokens[..];
    if h.start != tokens[ti].start || h.end <= tokens[ti].end {
        return None;
    }
    // (a product of a taxon, not a code or cover term: "faux ivory bangle" stays the cover)
    let is_name = |k: Kind| matches!(k, Kind::Scientific | Kind::Synonym | Kind::Common);
    let entries = || lex.entries_of(h.value);
    if !entries().any(|e| e.kind() == Kind::Product) || entries().any(|e| e.kind() == Kind::Code) {
        return None;
    }
    let fst = lex.keys_fst();
    (ti + 1..tokens.len())
        .take_while(|&tj| tokens[tj].end <= h.end)
        .filter(|&tj| tokens[tj].flags & (tok::UNSPACED | tok::PICTOGRAPH) == 0)
        .find_map(|tj| {
            let (end, value, _) = longest_at(fst, src, n, tj, tokens[tj].start as usize)?;
            let (value, edits) = split_misspelt(value);
            (end as u32 > h.end && edits == 0 && lex.entries_of(value).any(|e| is_name(e.kind())))
                .then_some(Hit {
                    start: tokens[tj].start,
                    end: end as u32,
                    value,
                    obf: ObfuscationSet::EMPTY,
                    distance: 0,
                })
        })
}

/// What the screen needs to know of the lexicon and the policy, worked out once per classifier:
/// the keys that start with a currency sign (a handful of keys: "£" for sale), and the bytes
/// that start a key.
#[derive(Clone, Debug, Default)]
pub(crate) struct ScreenTables {
    /// Currency signs with which no key that names a taxon starts.
    currency_ok: Vec<char>,
    /// What the policy lets a faint everyday code word reach.
    faint: FaintCodes,
    /// The bytes with which some key starts: a glued word's other bytes start none.
    key_first: Vec<bool>,
    /// The pairs of bytes with which some key starts, as bits (`key_pair_bit`): a key may start
    /// inside a glued word only where two such bytes are, or at its last byte.
    key_pairs: Vec<u64>,
    /// For each word of one or two ASCII letters or digits (`short_index`), whether it is a
    /// key that names a taxon (`key_names_taxon`): "no" starts keys and is in most listings.
    short_naming: Vec<bool>,
    /// The words of `COMMON_UNLISTED` that no dictionary holds and that cannot read as a key
    /// (`may_read_as_key`), by FNV-1a hash.
    unlisted: Vec<(u64, &'static str)>,
    /// The policy's specimen terms that are one word of ASCII letters ("taxidermy",
    /// "ausgestopft"), lower-cased, by FNV-1a hash, sorted: a listing with one goes down the full
    /// path, where a preserved animal of unknown species goes to review though it names no
    /// taxon (`Classifier`'s `unnamed_specimen`). Other terms hold letters the screen never
    /// passes.
    specimen: Vec<u64>,
    /// The top bits of those hashes (`TopBits`): most words are told apart by one test.
    specimen_top: TopBits,
}

/// The top 12 bits of a set of FNV-1a hashes, as bits: a word whose hash's are not set is
/// in none of the set (one test rules out most words before a search of a sorted list).
#[derive(Clone, Debug)]
pub(crate) struct TopBits([u64; 64]);

impl Default for TopBits {
    fn default() -> Self {
        TopBits([0; 64])
    }
}

impl TopBits {
    fn insert(&mut self, h: u64) {
        let top = (h >> 52) as usize;
        self.0[top / 64] |= 1 << (top % 64);
    }

    /// Whether `h` may be in the set (false: certainly not).
    #[inline]
    fn may_hold(&self, h: u64) -> bool {
        let top = (h >> 52) as usize;
        self.0[top / 64] & (1 << (top % 64)) != 0
    }
}

impl ScreenTables {
    /// Whether the word of FNV-1a hash `h` is one of the policy's specimen terms.
    #[inline]
    fn specimen_word(&self, h: u64) -> bool {
        self.specimen_top.may_hold(h) && self.specimen.binary_search(&h).is_ok()
    }
}

impl ScreenTables {
    /// The tables, with the policy's phrases read anew (`with_phrases`).
    #[cfg(test)]
    pub(crate) fn new(lex: &Lexicon, policy: &crate::policy::Policy) -> ScreenTables {
        let phrases = crate::classify::PhraseSet::of_policy(policy);
        ScreenTables::with_phrases(lex, policy, phrases.ok())
    }

    /// The tables; `phrases` are the classifier's phrases of the policy (`PhraseSet`), which
    /// the screen reads where a weak everyday name stands (`None`: it never passes one).
    pub(crate) fn with_phrases(
        lex: &Lexicon,
        policy: &crate::policy::Policy,
        phrases: Option<crate::classify::PhraseSet>,
    ) -> ScreenTables {
        use fst::{IntoStreamer, Streamer};
        let naming = |v: u64| lex.entries_of(v).any(|e| e.kind().names_taxon());
        let currency_ok: Vec<char> = ['$', '£', '€', '¥', '₫', '₹', '฿', '₩']
            .into_iter()
            .filter(|c| {
                let mut buf = [0u8; 4];
                let p = c.encode_utf8(&mut buf).as_bytes();
                // the keys from the sign up to the next byte string
                let mut end = p.to_vec();
                if let Some(last) = end.last_mut() {
                    *last += 1;
                }
                let mut keys = lex.keys_fst().range().ge(p).lt(&end).into_stream();
                let mut ok = true;
                while let Some((_, out)) = keys.next() {
                    ok &= !naming(out.value());
                }
                ok
            })
            .collect();
        let mut specimen: Vec<u64> = policy
            .rules
            .specimen_terms
            .iter()
            .filter(|t| t.bytes().all(|x| x.is_ascii_alphanumeric()))
            .map(|t| crate::lexicon::format::fnv1a64(t.to_ascii_lowercase().as_bytes()))
            .collect();
        specimen.sort_unstable();
        let mut specimen_top = TopBits::default();
        for &h in &specimen {
            specimen_top.insert(h);
        }
        let faint = FaintCodes::new(lex, policy, phrases, &currency_ok);
        ScreenTables {
            specimen,
            specimen_top,
            currency_ok,
            faint,
            key_first: (0..=u8::MAX)
                .map(|x| lex.keys_fst().root().find_input(x).is_some())
                .collect(),
            key_pairs: {
                let fst = lex.keys_fst();
                let mut pairs = vec![0u64; 1 << 10];
                for t in fst.root().transitions() {
                    for u in fst.node(t.addr).transitions() {
                        let bit = key_pair_bit(t.inp, u.inp);
                        pairs[bit / 64] |= 1 << (bit % 64);
                    }
                }
                pairs
            },
            short_naming: {
                let alnum = || (b'0'..=b'9').chain(b'a'..=b'z');
                let mut naming = vec![false; SHORT_WORDS];
                for x in alnum() {
                    naming[short_index(&[x])] = key_names_taxon(lex, &[x]);
                    for y in alnum() {
                        naming[short_index(&[x, y])] = key_names_taxon(lex, &[x, y]);
                    }
                }
                naming
            },
            unlisted: {
                let mut inert: Vec<(u64, &'static str)> = COMMON_UNLISTED
                    .split_ascii_whitespace()
                    .map(|w| (fnv1a64(w.as_bytes()), w))
                    .filter(|&(h, w)| {
                        lex.word_table().get(h).is_none() && !may_read_as_key(lex, w.as_bytes(), h)
                    })
                    .collect();
                inert.sort_unstable();
                inert
            },
        }
    }

    /// The tables without the words of `COMMON_UNLISTED`: the screen then looks each up.
    #[cfg(test)]
    pub(crate) fn without_unlisted(&self) -> ScreenTables {
        ScreenTables {
            unlisted: Vec::new(),
            ..self.clone()
        }
    }

    /// `naming_key` for a lower-cased word of ASCII letters and digits; a word of one or two
    /// that the table says names nothing is not looked up.
    fn naming_key(&self, lex: &Lexicon, word: &[u8]) -> Option<fst::raw::Output> {
        if word.len() <= 2 && self.short_naming.get(short_index(word)) == Some(&false) {
            None
        } else {
            naming_key(lex, word)
        }
    }

    /// Whether a word of no dictionary (lower-cased, FNV-1a hash `h`) is one of
    /// `COMMON_UNLISTED` that cannot read as a key.
    fn unlisted_inert(&self, word: &[u8], h: u64) -> bool {
        let from = self.unlisted.partition_point(|&(k, _)| k < h);
        self.unlisted[from..]
            .iter()
            .take_while(|&&(k, _)| k == h)
            .any(|&(_, w)| w.as_bytes() == word)
    }
}

/// The most a faint everyday code word ("white", "black", "red": a code word below the policy's
/// `faint_code_weight` whose key is also a colour or an everyday word) or a weak everyday name
/// ("pan", "drill", "puma": a name whose key is also an everyday word) can score in a listing
/// with no permit, imitation or negation term and no other name, read from the policy: its
/// evidence (a code word's at the strongest Appendix weight; a name's at its own Appendix,
/// halved by `suppress.ambiguous_factor`, a lone genus's lowered by
/// `suppress.uninomial_factor`), the form and sale boosts scaled as the classifier scales them
/// (a name's: below), the code-word context boost, and the corroboration boost when two such
/// words may point to the same animal. The classifier's review kinds and code-word rules never
/// apply to a faint code word (`classify::faint_everyday_code`); a weak name's review kinds
/// need a permit, a specimen term or a phrase saying the species is not known, and a product
/// form touching it makes it a product of the taxon, so a listing with a weak name passes only
/// with no permit, imitation or denial key, no specimen term and no phrase saying the species
/// is not known or that papers are missing; and with no form or artefact key at all, unless
/// the name's evidence with the full form and sale boosts stays under the review threshold,
/// no name is of a carving material (where a worked object or a plant's wood near it makes a
/// product), and no form may touch a name (`NameContext::may_touch`). When this stays under
/// the review threshold, the listing is allowed with no evidence (`Classifier`'s rule for
/// faint code words and weak everyday names), and the screen passes it.
#[derive(Clone, Debug, Default)]
pub(crate) struct FaintCodes {
    appendix_max: f32,
    form: f32,
    sale: f32,
    code_context: f32,
    corroboration: f32,
    review: f32,
    faint_code_weight: f32,
    ambiguous_factor: f32,
    uninomial_factor: f32,
    /// The policy's weights of each Appendix (I, II, III, unlisted), as `Policy::appendix_weight`
    /// reads them.
    appendix: [f32; 4],
    /// The policy's phrases, of which two lists lift a weak name (`PhraseSet::lifts_names`):
    /// the species is not known (a review kind), the item has no papers (a boost).
    lifting_phrases: Option<crate::classify::PhraseSet>,
    /// What text the screen passes must hold for `lifting_phrases` to find one of them there
    /// (`PhraseFirst`).
    phrase_first: PhraseFirst,
    /// What text the screen passes must hold for `lifting_phrases` to find a tell of the real
    /// material there (`PhraseFirst`; each tell known by its place in
    /// `PhraseSet::tell_phrases`).
    tell_first: PhraseFirst,
    /// Ids of the lexicon's form entries of the policy's specimen terms, sorted: beside an
    /// animal's name, a preserved specimen goes to review.
    specimen_ids: Vec<u32>,
    /// The policy's imitation context only lowers a score (`suppress.imitation` is not
    /// negative): an imitation word then lifts a faint code word or weak name only where it is
    /// denied or the listing describes the real material (`FaintCodes::passes`).
    imitation_lowers: bool,
    /// Different tells of the real material that make an imitation claim a contradicted one
    /// (`rules.real_material_min`, at least one, as the classifier reads it).
    min_tells: usize,
    /// The least a brand or everyday-context hit in the first field takes from every name's
    /// score (`suppress.brand`, `suppress.benign`), or a negative number when one adds.
    suppress_min: f32,
}

/// The words of the text with which a phrase of a list (the phrases that lift a weak name, or
/// the tells of the real material) must start, for it to be found in text the screen passes
/// (plain ASCII with currency signs). A phrase that starts with an ASCII letter or digit is
/// found only as whole words (`classify::whole_words`), so at the start of a word of the text
/// (a run of ASCII letters and digits) that is the phrase's own leading run: the byte after
/// that run in the phrase is none (and the text's word ends there, the phrase's end being a
/// word's end) or a byte that is no ASCII letter or digit, which the text then holds too. When
/// the phrase has a second run after the bytes that follow the first, the text's next word is
/// that run likewise, and the text from the first word's start to the second's end is the
/// phrase up to that run's end (lower-cased). A phrase that starts with another byte and holds
/// only ASCII and currency signs may be found anywhere (`always`); one that holds any other
/// character never is.
#[derive(Clone, Debug, Default)]
pub(crate) struct PhraseFirst {
    /// FNV-1a hashes (lower-cased, sorted) of the phrases of one run with nothing after it but
    /// bytes that are no ASCII letters or digits, each with the phrase's index in the list.
    single: Vec<(u64, u32)>,
    /// Of the first runs of the other phrases.
    first: Vec<u64>,
    /// Of the other phrases up to their second run's end, each with the phrase's index.
    pair: Vec<(u64, u32)>,
    always: bool,
    /// The top bits of the hashes of `single` and `first` (`TopBits`): most words of a
    /// listing are told apart by one test, before any search of the lists.
    top: TopBits,
}

impl PhraseFirst {
    /// The first words of `phrases` (lower-cased), each known by its place in the list.
    fn new<'p>(phrases: impl Iterator<Item = &'p str>, currency_ok: &[char]) -> PhraseFirst {
        let mut out = PhraseFirst::default();
        for (id, p) in phrases.enumerate() {
            let id = id as u32;
            let b = p.as_bytes();
            let alnum = |x: &u8| x.is_ascii_alphanumeric();
            let run = b.iter().take_while(|x| alnum(x)).count();
            if run == 0 {
                out.always |= p.chars().all(|c| c.is_ascii() || currency_ok.contains(&c));
                continue;
            }
            let lower = b.to_ascii_lowercase();
            let gap = b[run..].iter().take_while(|x| !alnum(x)).count();
            let second = b[run + gap..].iter().take_while(|x| alnum(x)).count();
            if second == 0 {
                out.single.push((fnv1a64(&lower[..run]), id));
            } else {
                out.first.push(fnv1a64(&lower[..run]));
                out.pair.push((fnv1a64(&lower[..run + gap + second]), id));
            }
        }
        for v in [&mut out.single, &mut out.pair] {
            v.sort_unstable();
            v.dedup();
        }
        out.first.sort_unstable();
        out.first.dedup();
        for h in out
            .single
            .iter()
            .map(|&(h, _)| h)
            .chain(out.first.iter().copied())
        {
            out.top.insert(h);
        }
        out
    }

    /// Whether a word's FNV-1a hash may be in `single` or `first` (false: in neither).
    #[inline]
    fn may_hold(&self, h: u64) -> bool {
        self.top.may_hold(h)
    }

    /// Calls `f` with the index of each phrase that may start at the word of the text that
    /// ends at `end` (FNV-1a hash `h`, lower-cased), or at the word before it, `prev`
    /// (start, end, hash).
    #[inline]
    fn at_word(
        &self,
        text: &[u8],
        prev: Option<&(usize, usize, u64)>,
        end: usize,
        h: u64,
        mut f: impl FnMut(u32),
    ) {
        // each phrase of a sorted list whose hash is `h`
        let each = |v: &[(u64, u32)], h: u64, f: &mut dyn FnMut(u32)| {
            let from = v.partition_point(|&(k, _)| k < h);
            for &(_, id) in v[from..].iter().take_while(|&&(k, _)| k == h) {
                f(id);
            }
        };
        if self.may_hold(h) {
            each(&self.single, h, &mut f);
        }
        if let Some(&(p, _, hp)) = prev {
            if self.may_hold(hp) && self.first.binary_search(&hp).is_ok() {
                let both = text[p..end].iter().map(u8::to_ascii_lowercase);
                let hh = both.fold(crate::lexicon::format::FNV_START, |h, x| {
                    crate::lexicon::format::fnv1a64_from(h, &[x])
                });
                each(&self.pair, hh, &mut f);
            }
        }
    }
}

/// What the screen may pass of one key: the weight of its faint code words, and the most
/// evidence of its weak everyday names.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct FaintKey {
    code: Option<f32>,
    name: Option<f32>,
}

/// Most places of weak everyday names a listing's `FaintSeen` records; beyond them, any form
/// lifts the names.
const NAME_SPANS: usize = 4;

/// The faint everyday code words and weak everyday names a listing holds: how many distinct
/// keys (up to two, by their FST values), the strongest code word's weight and the strongest
/// name's evidence.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct FaintSeen {
    count: u8,
    keys: [u64; 2],
    weight: f32,
    code: bool,
    name_ev: f32,
    name: bool,
    /// The field being screened.
    field: usize,
    /// Where the weak names stand: field, and start and end of the word in its text.
    spans: [(usize, usize, usize); NAME_SPANS],
    n_spans: u8,
    /// More weak names stand than `spans` holds.
    spans_full: bool,
}

impl FaintSeen {
    /// Records a faint code word or weak name (its key's FST value and what the key holds);
    /// false when it is neither, or when a third distinct key would need weighing.
    #[inline(never)]
    fn note(&mut self, v: u64, key: Option<FaintKey>, at: (usize, usize)) -> bool {
        let Some(k) = key else { return false };
        let count = usize::from(self.count);
        if !self.keys[..count].contains(&v) {
            if count == self.keys.len() {
                return false;
            }
            self.keys[count] = v;
            self.count += 1;
        }
        if let Some(w) = k.code {
            self.weight = self.weight.max(w);
            self.code = true;
        }
        if let Some(ev) = k.name {
            self.name_ev = self.name_ev.max(ev);
            self.name = true;
            let n = usize::from(self.n_spans);
            if n < NAME_SPANS {
                self.spans[n] = (self.field, at.0, at.1);
                self.n_spans += 1;
            } else {
                self.spans_full = true;
            }
        }
        true
    }

    /// Whether some weak name of the keys names a carving material (a plant, a coral, a shell:
    /// `classify::is_carving_material`) or no known taxon: a worked object counts as its product
    /// form, and a plant's wood near it makes it a product, so any form or artefact lifts it.
    /// (Read only when a form or artefact stands in the listing: a taxon's record is decoded.)
    fn names_material(&self, lex: &Lexicon) -> bool {
        self.keys[..usize::from(self.count)].iter().any(|&v| {
            let kinds = lex
                .entries_of(v)
                .fold(0, |k, e| k | crate::classify::bit(e.kind()));
            lex.entries_of(v).any(|e| {
                crate::classify::everyday_name(&e, kinds)
                    && e.taxon().is_none_or(crate::classify::is_carving_material)
            })
        })
    }

    /// Whether two of the keys may corroborate each other as the classifier reads them
    /// (`classify::corroborating`: two terms that point to one family, one of them a code
    /// word): some taxon of one and some taxon of the other do (a bound: any naming entry).
    fn may_corroborate(&self, lex: &Lexicon) -> bool {
        let families = |v: u64| {
            lex.entries_of(v)
                .filter(|e| e.kind().names_taxon())
                .filter_map(|e| e.taxon())
                .map(|t| crate::classify::family_of(&t))
        };
        self.count > 1
            && self.code
            && families(self.keys[0]).any(|a| families(self.keys[1]).any(|b| a == b))
    }
}

impl FaintCodes {
    fn new(
        lex: &Lexicon,
        p: &crate::policy::Policy,
        phrases: Option<crate::classify::PhraseSet>,
        currency_ok: &[char],
    ) -> FaintCodes {
        let r = &p.rules;
        let mut specimen_ids: Vec<u32> = r
            .specimen_terms
            .iter()
            .flat_map(|t| lex.lookup(t))
            .filter(|e| e.kind() == Kind::Form)
            .map(|e| e.id())
            .collect();
        specimen_ids.sort_unstable();
        specimen_ids.dedup();
        FaintCodes {
            specimen_ids,
            phrase_first: PhraseFirst::new(
                phrases.iter().flat_map(|ph| ph.lifting_phrases()),
                currency_ok,
            ),
            tell_first: PhraseFirst::new(
                phrases.iter().flat_map(|ph| ph.tell_phrases()),
                currency_ok,
            ),
            appendix_max: [
                p.appendix.i,
                p.appendix.ii,
                p.appendix.iii,
                p.appendix.unlisted,
            ]
            .into_iter()
            .fold(0.0, f32::max),
            form: p.boosts.form,
            sale: p.boosts.sale,
            code_context: p.boosts.code_word_context,
            corroboration: p.boosts.corroboration,
            review: p.thresholds.review,
            faint_code_weight: r.faint_code_weight,
            ambiguous_factor: p.suppress.ambiguous_factor,
            uninomial_factor: p.suppress.uninomial_factor,
            appendix: [0, 1, 2, 3].map(|a| p.appendix_weight(a)),
            lifting_phrases: phrases,
            imitation_lowers: p.suppress.imitation >= 0.0,
            min_tells: r.real_material_min.max(1) as usize,
            suppress_min: p.suppress.brand.min(p.suppress.benign),
        }
    }

    /// What a key (fst value `v`) holds that the screen may pass, when it holds nothing else
    /// that may be weighed: faint code words (code words below the faint weight, with a
    /// colour or everyday-word entry beside them) and weak everyday names (names with an
    /// everyday-word entry beside them), with colour, everyday-word, brand or everyday-context
    /// entries, and no other kind.
    fn key_weight(&self, lex: &Lexicon, v: Option<fst::raw::Output>) -> Option<FaintKey> {
        let v = v?.value();
        let kinds = lex
            .entries_of(v)
            .fold(0, |k, e| k | crate::classify::bit(e.kind()));
        let mut key = FaintKey::default();
        for e in lex.entries_of(v) {
            match e.kind() {
                // the classifier's own test of a faint everyday code word
                Kind::Code
                    if crate::classify::faint_everyday_code(&e, kinds, self.faint_code_weight) =>
                {
                    key.code = Some(key.code.unwrap_or(0.0).max(e.weight()));
                }
                // and of an everyday name: its evidence alone, as the classifier weighs it
                // (halved, and a lone genus or family name lowered again)
                Kind::Scientific | Kind::Synonym | Kind::Common
                    if crate::classify::everyday_name(&e, kinds) =>
                {
                    let a = crate::classify::effective_appendix(&e, false);
                    let mut ev = self.appendix[usize::from(if a <= 3 { a } else { 0 })]
                        * e.weight()
                        * self.ambiguous_factor;
                    if e.kind() == Kind::Scientific
                        && e.taxon().is_some_and(|t| !t.is_species_level())
                        && !e.term().contains(' ')
                    {
                        ev *= self.uninomial_factor;
                    }
                    key.name = Some(key.name.unwrap_or(0.0).max(ev));
                }
                Kind::Colour | Kind::Stop => {}
                // context that only lowers a name
                Kind::Brand | Kind::Benign if kinds & crate::classify::bit(Kind::Code) == 0 => {}
                _ => return None,
            }
        }
        (key.code.is_some() || key.name.is_some()).then_some(key)
    }

    /// Whether a listing of plain ASCII `fields`, whose only terms that may name a taxon
    /// are the faint code words and weak names `seen`, is certainly allowed: their highest
    /// score stays under the review threshold, and no permit, imitation or negation key (nor,
    /// with a weak name, a form or artefact key or a phrase that lifts it) stands in any field.
    /// Two such words add the corroboration boost only when they may point to one family
    /// ("white" is a code word for ivory, "black" for rhino horn: they corroborate nothing).
    ///
    /// `Screened::NeedsSuppressor`: it passes only if the first field certainly holds a brand
    /// or everyday-context hit, which takes `suppress_min` at least from every name's score: a
    /// product form apart from the names then leaves them under the threshold too.
    #[inline(never)]
    fn passes(&self, lex: &Lexicon, fields: &[(&str, &str)], seen: &FaintSeen) -> Screened {
        let factor = |ev: f32| (ev / 0.5).min(1.0);
        let corroborated = if seen.may_corroborate(lex) {
            self.corroboration
        } else {
            0.0
        };
        // a code word: any Appendix, any form and sale weight
        let ev = self.appendix_max * seen.weight;
        let code = if seen.code {
            ev + factor(ev) * (self.form + self.sale) + self.code_context
        } else {
            0.0
        };
        // a name: no form touching it (below), any sale weight (at most 1)
        let ev = seen.name_ev;
        let name = if seen.name {
            ev + factor(ev) * self.sale
        } else {
            0.0
        };
        // ... and a product form elsewhere in the listing, at any weight (at most 1): when that
        // stays under the threshold too, a form lifts a name only where it may make it a
        // product (`NameContext`)
        let with_forms = ev + factor(ev) * (self.form + self.sale) + corroborated;
        let forms_ok = seen.name && !seen.spans_full && with_forms < self.review;
        // ... or only with a brand or everyday-context hit that the classifier certainly finds
        let forms_if_suppressed = seen.name
            && !seen.spans_full
            && !forms_ok
            && self.suppress_min >= 0.0
            && with_forms - self.suppress_min < self.review;
        let suppressor = std::cell::Cell::new(false);
        // (the phrases are looked for only when some field holds a phrase's first words, and
        // the tells only when enough different ones may start at the fields' words)
        let mut phrases = PhraseWords {
            lifting: &self.phrase_first,
            lifting_word: self.phrase_first.always,
            tells: &self.tell_first,
            tells_seen: Vec::new(),
        };
        let material = std::cell::OnceCell::new();
        // an imitation word stands in some field (and lifts nothing there)
        let mut imitation = false;
        let passed = code.max(name) + corroborated < self.review
            && !fields.iter().enumerate().any(|(f, (_, t))| {
                let names = seen.name.then_some(NameContext {
                    forms_ok,
                    forms_if_suppressed,
                    suppressor: &suppressor,
                    material: &material,
                    field: f,
                    seen,
                    specimen_ids: &self.specimen_ids,
                });
                lifting_context(
                    lex,
                    t.as_bytes(),
                    names,
                    &mut phrases,
                    self.imitation_lowers.then_some(&mut imitation),
                )
            })
            // an imitation word lowers the words' scores, unless the listing describes the
            // real material: then a suppressed word goes to review at least
            // (REVIEW_IMITATION_CONTRADICTED), as the classifier finds the tells
            && (!imitation
                || self
                    .lifting_phrases
                    .as_ref()
                    .is_some_and(|ph| {
                        !((self.tell_first.always || phrases.tells_seen.len() >= self.min_tells)
                            && ph.tells_at_least(fields, self.min_tells))
                    }))
            && (!seen.name
                || self
                    .lifting_phrases
                    .as_ref()
                    .is_some_and(|ph| !(phrases.lifting_word && ph.lifts_names(fields))));
        if !passed {
            Screened::Declined
        } else if suppressor.get() {
            Screened::NeedsSuppressor
        } else {
            Screened::Passed
        }
    }
}

/// The phrases whose first words `lifting_context` looks for (`PhraseFirst`), and what it
/// finds in the fields it reads.
struct PhraseWords<'a> {
    /// The phrases that lift a weak name.
    lifting: &'a PhraseFirst,
    /// One of them may start at a word read (or anywhere: `PhraseFirst::always`).
    lifting_word: bool,
    /// The tells of the real material.
    tells: &'a PhraseFirst,
    /// The different tells that may start at a word read (their places in
    /// `PhraseSet::tell_phrases`): `PhraseSet::tells_at_least` finds no more than these.
    tells_seen: Vec<u32>,
}

/// The screen's answer for a listing (`screen_listing`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Screened {
    /// The full path must weigh it.
    Declined,
    /// Nothing in it can be weighed above allow with no evidence.
    Passed,
    /// As `Passed`, if the scanner certainly finds a brand or everyday-context hit in its first
    /// field that no negation stands before (`FaintCodes::passes`): a weak name stands with a
    /// product form apart from it, which only that suppression keeps under review.
    NeedsSuppressor,
}

/// The weak everyday names of a listing, as `lifting_context` reads one field of it.
#[derive(Clone, Copy)]
struct NameContext<'a> {
    /// A product form that does not touch a name leaves the listing under the review threshold
    /// (`FaintCodes::passes`); otherwise any form or worked object lifts the names, as it does
    /// when a name is of a carving material (`FaintSeen::names_material`, read once, here).
    forms_ok: bool,
    /// Not `forms_ok`, but a product form apart from the names leaves the listing under the
    /// threshold if the first field certainly holds a brand or everyday-context hit: such a
    /// form then sets `suppressor` instead of lifting the names.
    forms_if_suppressed: bool,
    suppressor: &'a std::cell::Cell<bool>,
    material: &'a std::cell::OnceCell<bool>,
    /// The field read.
    field: usize,
    seen: &'a FaintSeen,
    /// `FaintCodes::specimen_ids`.
    specimen_ids: &'a [u32],
}

impl NameContext<'_> {
    /// Whether a product form apart from the names leaves them under the threshold beside a
    /// brand or everyday-context hit (`forms_if_suppressed`); if so, that one is needed.
    fn needs_suppressor(&self) -> bool {
        if self.forms_if_suppressed {
            self.suppressor.set(true);
        }
        self.forms_if_suppressed
    }

    /// Whether a product form at `words[first..=last]` of the field's `text` may make a weak
    /// name of the field a product of its taxon (`classify`'s `as_product`), bounded: it may
    /// touch the name in the normalised text (`classify::ADJACENT_GAP`), where the words
    /// between that the normaliser keeps as they are (letters alone or digits alone), each
    /// with one space, and the space after them, are all that is counted; or what stands
    /// between them may be a quantity (`quantity_between`: it starts with a digit); or the name
    /// is not found at a word.
    fn may_touch(
        &self,
        text: &[u8],
        words: &[(usize, usize, u64)],
        first: usize,
        last: usize,
    ) -> bool {
        let seen = self.seen;
        seen.spans[..usize::from(seen.n_spans)]
            .iter()
            .filter(|&&(f, _, _)| f == self.field)
            .any(|&(_, s, e)| {
                let Ok(at) = words.binary_search_by_key(&s, |w| w.0) else {
                    return true;
                };
                if words[at].1 != e {
                    return true;
                }
                let (lo, hi) = if at < first {
                    (at, first)
                } else if at > last {
                    (last, at)
                } else {
                    return true;
                };
                // the bytes the words between take in the normalised text, at least
                let apart: usize = 1 + words[lo + 1..hi]
                    .iter()
                    .filter(|&&(s, e, _)| {
                        let w = &text[s..e];
                        w.iter().all(u8::is_ascii_alphabetic) || w.iter().all(u8::is_ascii_digit)
                    })
                    .map(|&(s, e, _)| e - s + 1)
                    .sum::<usize>();
                apart <= crate::classify::ADJACENT_GAP as usize
                    || text[words[lo].1..words[hi].0]
                        .trim_ascii()
                        .first()
                        .is_some_and(u8::is_ascii_digit)
            })
    }
}

/// Whether plain ASCII `text` holds a key of a kind that can lift a faint code word (a permit
/// claim, an imitation claim, a negation of a name) or, with `names`, a weak everyday name (a
/// product form that may touch it, a specimen term, or, unless `NameContext::forms_ok`, any
/// product form or worked object): every key that starts at one of its words, read as the
/// normaliser reads ASCII text (words lower-cased, joined by one space). Notes in `phrases`
/// the phrases that may start at a word (`PhraseWords`), reading every word of the text
/// (whatever it returns).
///
/// With `imitation`, an imitation key lifts nothing by itself (the classifier's imitation
/// context only lowers a score, and the caller looks for the tells that contradict it): it sets
/// `imitation`, and lifts only when a negation key ends at most three words before it (a
/// denied imitation claims the real material: `authenticity`), as does a word that mixes
/// letters and digits there (the scanner may read an imitation key inside it: "not 100resin").
fn lifting_context(
    lex: &Lexicon,
    text: &[u8],
    names: Option<NameContext<'_>>,
    phrases: &mut PhraseWords<'_>,
    imitation: Option<&mut bool>,
) -> bool {
    let fst = lex.keys_fst();
    // each word (start, end) and its FNV-1a hash lower-cased, in one pass (a word takes two
    // bytes at least, with the byte after it)
    let mut words: Vec<(usize, usize, u64)> = Vec::with_capacity(text.len() / 2 + 1);
    let mut any_mixed = false;
    let mut i = 0;
    while i < text.len() {
        if LOWER_ALNUM[usize::from(text[i])] != 0 {
            let s = i;
            let mut h = crate::lexicon::format::FNV_START;
            // (bit 0x40 of any byte, and of all bytes: a letter has it, a digit does not)
            let (mut any, mut all) = (0u8, 0xFFu8);
            while i < text.len() && LOWER_ALNUM[usize::from(text[i])] != 0 {
                let l = LOWER_ALNUM[usize::from(text[i])];
                h = crate::lexicon::format::fnv1a64_from(h, &[l]);
                any |= l;
                all &= l;
                i += 1;
            }
            // a word of letters and digits (`mixed` below)
            any_mixed |= any & !all & 0x40 != 0;
            debug_assert_eq!(i, ascii_alnum_end(text, s));
            // a phrase may start here, or at the word before
            let lifting_word = &mut phrases.lifting_word;
            phrases
                .lifting
                .at_word(text, words.last(), i, h, |_| *lifting_word = true);
            let tells_seen = &mut phrases.tells_seen;
            phrases.tells.at_word(text, words.last(), i, h, |id| {
                if !tells_seen.contains(&id) {
                    tells_seen.push(id);
                }
            });
            words.push((s, i, h));
        } else {
            i += 1;
        }
    }
    // a negation lifts a code word only when it denies it ("not white": the classifier reads
    // a denied code word as a claim of the real material) or an imitation (which lifts anyway):
    // within the classifier's two tokens, and one more to be safe
    // (a word that is a key is in the prefilter)
    let names_at = |w: &(usize, usize, u64)| {
        lex.may_start_key(w.2) && {
            let word: Vec<u8> = text[w.0..w.1].iter().map(u8::to_ascii_lowercase).collect();
            key_names_taxon(lex, &word)
        }
    };
    // where imitation keys start, and where negation keys end (word indices)
    let mut imitation_at: Vec<usize> = Vec::new();
    let mut negation_end: Vec<usize> = Vec::new();
    let mut lifts = |v: u64, first: usize, last: usize| {
        lex.entries_of(v).any(|e| match e.kind() {
            Kind::Permit => true,
            Kind::Imitation => {
                if imitation.is_none() {
                    return true;
                }
                imitation_at.push(first);
                false
            }
            // a worked object counts only beside a carving material's name (`forms_ok`)
            Kind::Form | Kind::Artefact => names.is_some_and(|n| {
                !n.forms_ok && !n.needs_suppressor()
                    || *n.material.get_or_init(|| n.seen.names_material(lex))
                    || e.kind() == Kind::Form
                        && (n.specimen_ids.binary_search(&e.id()).is_ok()
                            || n.may_touch(text, &words, first, last))
            }),
            Kind::Negation => {
                negation_end.push(last);
                words[last + 1..].iter().take(3).any(names_at)
            }
            _ => false,
        })
    };
    // a key can start only at a word that is a key of one word or starts a key with the next
    // one (the prefilter holds both)
    let lower = |&(s, e, _): &(usize, usize, u64)| text[s..e].iter().map(u8::to_ascii_lowercase);
    // (the root is read once, when a key may start)
    let mut root = None;
    let table = lex.word_table();
    for k in 0..words.len() {
        let pair = |h: u64| {
            words.get(k + 1).is_some_and(|next| {
                let h = crate::lexicon::format::fnv1a64_from(h, b" ");
                lex.may_start_key(
                    lower(next).fold(h, |h, x| crate::lexicon::format::fnv1a64_from(h, &[x])),
                )
            })
        };
        let h = words[k].2;
        // a word the word table marks inert is the first word of no key (its seed mistakes
        // no key's first word for one of its words): no key starts at it
        if table
            .get(h)
            .is_some_and(|bits| bits & crate::lexicon::format::WORD_INERT != 0)
            || !lex.may_start_key(h) && !pair(h)
        {
            continue;
        }
        let mut node = *root.get_or_insert_with(|| fst.root());
        let mut out = Output::zero();
        // each walk ends where no key goes on, so within the longest key
        'key: for (j, &(s, e, _)) in words[k..].iter().enumerate() {
            let space = (j > 0).then_some(b' ');
            for x in space
                .into_iter()
                .chain(text[s..e].iter().map(u8::to_ascii_lowercase))
            {
                let Some(t) = node.find_input(x) else {
                    break 'key;
                };
                let tr = node.transition(t);
                out = out.cat(tr.out);
                node = fst.node(tr.addr);
            }
            if node.is_final() && lifts(out.cat(node.final_output()).value(), k, k + j) {
                return true;
            }
        }
    }
    let Some(seen) = imitation else {
        return false;
    };
    // a word of letters and digits may hold an imitation key the scanner reads inside it
    // ("100resin": the keys of the lexicon's imitation entries that hold a digit hold letters
    // too, "3D printed"), which the walk above, from words' starts, does not see
    let mixed = |&(s, e, _): &(usize, usize, u64)| {
        let w = &text[s..e];
        w.iter().any(u8::is_ascii_digit) && w.iter().any(u8::is_ascii_alphabetic)
    };
    debug_assert_eq!(any_mixed, words.iter().any(mixed));
    *seen |= !imitation_at.is_empty() || any_mixed;
    // a negation within the classifier's two tokens before an imitation, and one more to be
    // safe; or before a word of letters and digits
    negation_end.iter().any(|&end| {
        (end + 1..words.len())
            .take(3)
            .any(|k| imitation_at.contains(&k) || mixed(&words[k]))
    })
}

/// Whether a text certainly holds nothing that names a taxon (no name, code word or emoji of
/// the lexicon, in any disguise the scanner undoes), decided in one pass over its bytes without
/// normalising it; most clean listings are. `false` means only "not certain": the full path
/// then runs. The classifier allows a text it passes with no evidence, as the full path would.
///
/// It takes plain ASCII text with currency signs, as the normaliser's ASCII fast path does,
/// and declines what that path or the scanner would act on: letters mixed with digits, a
/// letter three times in a row, runs of one-letter words, hashtags, symbols touching letters,
/// any other non-ASCII character, and words split by one `-._/*~` that may join into a name.
/// A word passes on its word-table bits (one probe) when no key it starts and no key it is a
/// plural of names a taxon; when it only starts such keys, it passes if the prefilter rules
/// out the word alone and the word with the next one. A word of no dictionary passes as well
/// only when no plural, compound, undoubled, fuzzy or respelt reading of it is a key, the
/// words before it start no misspelt phrase, and it and the one or two words after it are no
/// misspelt phrase (`MisspeltFrom`): the look-ups the scanner makes. Numbers and currency
/// signs pass when no key that names a taxon starts with them (`ScreenTables`). A faint
/// everyday code word passes too when the policy cannot lift it (`FaintCodes`).
#[cfg(test)]
pub(crate) fn screen_clean(
    lex: &Lexicon,
    norm: &Normalizer<'_>,
    tables: &ScreenTables,
    text: &str,
) -> bool {
    screen_fields(lex, norm, tables, &[("text", text)])
}

/// `screen_clean` over the fields of one listing together: the classifier weighs them together,
/// so the faint code words of all fields are bounded together, and a permit or imitation term
/// in any field stops them.
#[cfg(test)]
pub(crate) fn screen_fields(
    lex: &Lexicon,
    norm: &Normalizer<'_>,
    tables: &ScreenTables,
    fields: &[(&str, &str)],
) -> bool {
    screen_listing(lex, norm, tables, fields) == Screened::Passed
}

/// `screen_fields`, with the listings it passes only beside a brand or everyday-context hit
/// that the caller must find (`Screened::NeedsSuppressor`).
pub(crate) fn screen_listing(
    lex: &Lexicon,
    norm: &Normalizer<'_>,
    tables: &ScreenTables,
    fields: &[(&str, &str)],
) -> Screened {
    let mut faint = FaintSeen::default();
    if !fields.iter().enumerate().all(|(f, (_, t))| {
        faint.field = f;
        screen_text(lex, norm, tables, t, &mut faint)
    }) {
        return Screened::Declined;
    }
    if faint.count == 0 {
        return Screened::Passed;
    }
    tables.faint.passes(lex, fields, &faint)
}

/// One field's pass of `screen_fields`; the faint code words it meets are added to `faint`.
fn screen_text(
    lex: &Lexicon,
    norm: &Normalizer<'_>,
    tables: &ScreenTables,
    text: &str,
    faint: &mut FaintSeen,
) -> bool {
    use crate::lexicon::format::{
        fnv1a64_from, phrase_start_hash, FNV_START, WORD_CONTEXT, WORD_NO_PLURAL,
    };
    let b = text.as_bytes();
    let n = b.len();
    let mut buf = [0u8; SCREEN_MAX_WORD];
    // the run of one-letter words (or one letter repeated) before: length, and how many are
    // letters (the normaliser joins three with two letters: "i v o r y")
    let mut run = SpacedRun::default();
    // the previous word: where it started and ended, and whether a name may start with it
    // across one separator ("ti-ger": a word of four letters or fewer, or of no dictionary);
    // it is lower-cased again only when it is needed, which is seldom
    let mut prev_end = usize::MAX;
    let mut prev_may_split = false;
    let mut prev_start = 0;
    // the word before, when a key that names a taxon may start with it and the next word
    let mut pair: Option<u64> = None;
    // the hashes of the two tokens before (0 for a number or a sign): a misspelt phrase may
    // start with them
    let mut before = [0u64; 2];
    // and where they start
    let mut before_at = [0usize; 2];
    // phrases that start with a word of no dictionary and go on with the words after it (up
    // to two): `fuzzy_phrase_from` may read them as a misspelt phrase
    let mut from = MisspeltFrom::default();
    // the word before is a faint code word the screen passed: the scanner reads the word
    // after it as a name's next word (`phrase_after_faint`)
    let mut after_faint = false;
    let fst = lex.keys_fst();
    let words = lex.word_table();
    // keys that a glued word before goes on into with a space: the next token must not
    // continue one ("2 hoorn kameleon" after "12")
    let mut open: Vec<Node<'_>> = Vec::new();
    let mut i = 0;
    while i < n {
        let c = b[i];
        // (a space between words, the byte most often met between them, needs nothing: it is
        // `match c`'s last arm below)
        if c == b' ' {
            i += 1;
            continue;
        }
        if LOWER_ALNUM[usize::from(c)] != 0 {
            let s = i;
            // to the word's end (as `ascii_alnum_end` finds it), lower-cased, with its digits
            // noted, its FNV-1a hash, and how often a byte repeats (a letter three times in a
            // row is a repeat the normaliser folds), in one pass
            let mut len = 0;
            // bit 0x40 of every byte: a letter has it, a digit does not
            let mut all = 0xFFu8;
            let mut h = FNV_START;
            // how often a byte repeats the one before it (a letter three times in a row makes
            // two), and that byte
            let (mut repeats, mut last) = (0u32, 0u8);
            for (slot, &x) in buf.iter_mut().zip(&b[s..]) {
                let l = LOWER_ALNUM[usize::from(x)];
                if l == 0 {
                    break;
                }
                *slot = l;
                all &= l;
                h = fnv1a64_from(h, std::slice::from_ref(&l));
                repeats += u32::from(l == last);
                last = l;
                len += 1;
            }
            i = s + len;
            // a longer word goes down the full path
            if i < n && LOWER_ALNUM[usize::from(b[i])] != 0 {
                return false;
            }
            debug_assert_eq!(i, ascii_alnum_end(b, s));
            let w = &b[s..i];
            let word = &buf[..len];
            // a letter three times in a row
            let triple = repeats >= 2 && letter_thrice(word);
            // one-letter words spaced apart, which the normaliser joins (most words end a run
            // at once, with two letters that differ: `SpacedRun::word`'s own first test, read
            // from the lower-cased word)
            if len >= 2 && buf[0] >= b'a' && buf[1] >= b'a' && buf[0] != buf[1] {
                run.reset();
            } else if run.word(w) {
                return false;
            }
            if std::mem::take(&mut after_faint)
                && phrase_after_faint(
                    lex,
                    norm,
                    b,
                    (prev_start, prev_end),
                    (s, i),
                    (before, before_at[0]),
                )
            {
                return false;
            }
            // a key open from the glued word before goes on with this one
            if !open.is_empty()
                && open
                    .drain(..)
                    .any(|node| walk_from(fst, node, word).is_some())
            {
                return false;
            }
            if all & 0x40 == 0 {
                // after a word that may start a name, it walks on into the glued word
                let after = pair.take().map(|_| lower_word(&b[prev_start..prev_end]));
                let glued = GluedWord {
                    w,
                    word,
                    // (digits sort before letters)
                    digits: word.iter().filter(|&&l| l < b'a').count(),
                    triple,
                };
                if !glued_word_passes(lex, norm, tables, glued, after, &mut open) {
                    return false;
                }
                prev_may_split = false;
                prev_end = i;
                before = [before[1], 0];
                before_at = [before_at[1], s];
                from.clear();
                continue;
            }
            if triple || from.n > 0 && from.go_on(lex, word) {
                return false;
            }
            // split by one separator from a word a name may start with
            // (a name that the two, or the two and the next, may join into starts with both)
            if prev_may_split
                && prev_end + 1 == s
                && matches!(b[s - 1], b'-' | b'.' | b'_' | b'/' | b'*' | b'~')
                && split_may_join(lex, &b[prev_start..prev_end], word)
            {
                return false;
            }
            if let Some(hp) = pair.take() {
                if lex.may_start_key(fnv1a64_from(fnv1a64_from(hp, b" "), word))
                    && pair_starts_key(fst, &b[prev_start..prev_end], word)
                    || repeats > 0 && doubled_may_go_on(lex, hp, &b[prev_start..prev_end], word)
                {
                    return false;
                }
            }
            if tables.specimen_word(h) {
                return false;
            }
            let bits = words.get(h);
            match bits {
                Some(bits) if bits & WORD_CONTEXT != 0 => {}
                // it starts a name: not alone, and not with the next word
                Some(bits) if bits & WORD_NO_PLURAL != 0 => {
                    // a word that names a taxon alone: only a faint everyday code word ("white")
                    // passes, and then only when nothing in the listing can lift it (below)
                    // (one FST look-up answers both: does it name a taxon, and how)
                    let naming = lex
                        .may_start_key(h)
                        .then(|| tables.naming_key(lex, word))
                        .flatten();
                    if let Some(v) = naming {
                        if !faint.note(v.value(), tables.faint.key_weight(lex, naming), (s, i)) {
                            return false;
                        }
                    }
                    after_faint = naming.is_some();
                    pair = Some(h);
                }
                Some(_) => return false,
                None => {
                    if no_dict_word_declines(
                        lex,
                        norm,
                        tables,
                        (b, word, (s, i)),
                        h,
                        (before, before_at),
                    ) {
                        return false;
                    }
                    from.start(word);
                    pair = Some(h);
                }
            }
            debug_assert_eq!(h, fnv1a64(word));
            debug_assert_eq!(fnv1a64_from(h, &[1]), phrase_start_hash(word));
            prev_may_split = len <= 4 || bits.is_none();
            prev_start = s;
            prev_end = i;
            before = [before[1], h];
            before_at = [before_at[1], s];
            continue;
        }
        match c {
            b'#' | b'|' => return false,
            // '@' before a word marks a handle (a separator); anywhere else it may be a letter
            b'@' if !(i + 1 < n
                && b[i + 1].is_ascii_alphabetic()
                && (i == 0 || !b[i - 1].is_ascii_alphanumeric())) =>
            {
                return false
            }
            b'$' | b'!' if i + 1 < n && b[i + 1].is_ascii_alphabetic() => return false,
            b'$' | 0x80.. => {
                // a currency sign is a token of its own; any other character needs the full path
                let Some(ch) = text[i..].chars().next() else {
                    return false;
                };
                let mut sign = [0u8; 4];
                let sign = ch.encode_utf8(&mut sign).as_bytes();
                if pair.is_some()
                    || !tables.currency_ok.contains(&ch)
                    || open
                        .drain(..)
                        .any(|node| walk_from(fst, node, sign).is_some())
                {
                    return false;
                }
                run.reset();
                prev_may_split = false;
                before = [before[1], 0];
                before_at = [before_at[1], i];
                from.clear();
                after_faint = false;
                i += ch.len_utf8();
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    // faint everyday code words met are weighed with the other fields' (`screen_fields`)
    true
}

/// Whether a word after one a name may start with (`prev`, as in the text; FNV-1a hash `hp`
/// lower-cased) may be a word of the dictionaries with a letter doubled that the scanner reads
/// as the next word of a phrase (`doubled_dict_word_in_phrase`): the prefilter's probes it
/// makes, and where one says yes, the walk of the FST it makes next (`pair_starts_key`: the
/// scanner's `phrase_walk` finds a key only where some key starts with the two words, the
/// second made single). A Bloom filter answers yes for some pairs no key starts with ("ikea
/// sunglases", "puma snekers").
#[inline(never)]
fn doubled_may_go_on(lex: &Lexicon, hp: u64, prev: &[u8], word: &[u8]) -> bool {
    use crate::lexicon::format::fnv1a64_from;
    if word.len() <= FUZZY_MIN_WORD {
        return false;
    }
    let hp = fnv1a64_from(hp, b" ");
    (1..word.len())
        .filter(|&i| word[i] == word[i - 1])
        .take(2)
        .any(|i| {
            lex.may_start_key(fnv1a64_from(fnv1a64_from(hp, &word[..i]), &word[i + 1..])) && {
                // (a word the screen reads is at most `SCREEN_MAX_WORD` long)
                let mut single = [0u8; SCREEN_MAX_WORD];
                single[..i].copy_from_slice(&word[..i]);
                single[i..word.len() - 1].copy_from_slice(&word[i + 1..]);
                pair_starts_key(lex.keys_fst(), prev, &single[..word.len() - 1])
            }
        })
}

/// Longest word the screen reads; a longer one goes down the full path.
const SCREEN_MAX_WORD: usize = 64;

/// A word of the text lower-cased, as the screen reads it (a word of at most
/// `SCREEN_MAX_WORD` ASCII letters and digits).
fn lower_word(w: &[u8]) -> ([u8; SCREEN_MAX_WORD], usize) {
    let mut out = [0u8; SCREEN_MAX_WORD];
    for (o, &x) in out.iter_mut().zip(w) {
        *o = LOWER_ALNUM[usize::from(x)];
    }
    (out, w.len())
}

/// Whether a lower-cased word holds a letter three times in a row.
fn letter_thrice(word: &[u8]) -> bool {
    word.windows(3)
        .any(|t| t[0] == t[1] && t[1] == t[2] && t[0].is_ascii_lowercase())
}

/// A pair of bytes' place among `ScreenTables::key_pairs`' bits.
fn key_pair_bit(x: u8, y: u8) -> usize {
    usize::from(x) << 8 | usize::from(y)
}

/// Words of one or two lower-case ASCII letters or digits (`short_index`).
const SHORT_WORDS: usize = 37 * 37;

/// The place of a lower-cased word of one or two ASCII letters or digits among `SHORT_WORDS`
/// (a byte as 1..=36, none as 0); past them for any other word.
fn short_index(word: &[u8]) -> usize {
    let code = |x: u8| match x {
        b'0'..=b'9' => usize::from(x - b'0') + 1,
        b'a'..=b'z' => usize::from(x - b'a') + 11,
        _ => SHORT_WORDS,
    };
    match *word {
        [x] => code(x),
        [x, y] => code(x) * 37 + code(y),
        _ => SHORT_WORDS,
    }
}

/// Whether a key of the FST that names a taxon is the word itself.
fn key_names_taxon(lex: &Lexicon, word: &[u8]) -> bool {
    naming_key(lex, word).is_some()
}

/// The FST value of the key that is the word itself, when an entry of it names a taxon.
fn naming_key(lex: &Lexicon, word: &[u8]) -> Option<fst::raw::Output> {
    lex.keys_fst()
        .get(word)
        .filter(|v| lex.entries_of(v.value()).any(|e| e.kind().names_taxon()))
}

/// The screen's test of a word split by one separator from the word before, `prev` (as in the
/// text), that a name may start with: whether a key starts with the two joined, or their
/// join is a plural of one.
#[inline(never)]
fn split_may_join(lex: &Lexicon, prev: &[u8], word: &[u8]) -> bool {
    let mut joined = [0u8; 2 * SCREEN_MAX_WORD];
    let (lower, len) = lower_word(prev);
    joined[..len].copy_from_slice(&lower[..len]);
    joined[len..len + word.len()].copy_from_slice(word);
    let joined = &joined[..len + word.len()];
    key_has_prefix(lex.keys_fst(), joined) || plural_lookup(lex, joined).is_some()
}

/// Whether the scanner may read the word at `text[word.0..word.1]`, right after a faint code
/// word at `text[faint.0..faint.1]`, as the misspelt word of a phrase of the fuzzy FST
/// (`fuzzy_phrase`): right after a name it reads even a word of the dictionaries so ("black
/// corral" for "black coral", "white tigar" for "white tiger", "red sander wood"). `before`
/// holds the FNV-1a hashes of the two tokens before the word (0 for a number or a sign) and
/// where the first starts: a phrase that may start with the token before the faint one (the
/// prefilter knows the first words of such phrases) is read as the scanner reads it, on these
/// tokens, the word and the next one, normalised (`misspelt_phrase_before`); one that starts
/// with the faint word and the word's first letter (an exact walk of the fuzzy FST) likewise,
/// on the faint word, this one and the next.
#[inline(never)]
fn phrase_after_faint(
    lex: &Lexicon,
    norm: &Normalizer<'_>,
    text: &[u8],
    faint: (usize, usize),
    word: (usize, usize),
    (before, first_at): ([u64; 2], usize),
) -> bool {
    use crate::lexicon::format::fnv1a64_from;
    let starts_phrase = |h: u64| h != 0 && lex.may_start_key(fnv1a64_from(h, &[1]));
    if starts_phrase(before[0]) {
        // (the scanner reads it right after a name's hit)
        return misspelt_phrase_before(lex, norm, text, (first_at, 2), word, &[true]);
    }
    if !starts_phrase(before[1]) {
        return false;
    }
    let fst = lex.fuzzy_fst();
    let (lower, len) = lower_word(&text[faint.0..faint.1]);
    let first = [b' ', text[word.0].to_ascii_lowercase()];
    if walk_from(fst, fst.root(), &lower[..len])
        .and_then(|node| walk_from(fst, node, &first))
        .is_none()
    {
        return false;
    }
    // the faint word, this word and the next, as the full path reads them
    let next = text[word.1..]
        .iter()
        .position(u8::is_ascii_alphanumeric)
        .map_or(text.len(), |p| ascii_alnum_end(text, word.1 + p));
    let Some(n) = std::str::from_utf8(&text[faint.0..next])
        .ok()
        .and_then(|t| norm.ascii_fast_path(t))
    else {
        return true;
    };
    n.tokens.len() < 2
        || fuzzy_phrase(lex, n.text.as_bytes(), &n.tokens, 1, &|_| true, true, true).is_some()
}

/// Whether some key starts with the word before, `prev` (as in the text), and `word` after one
/// space, as the normalised view joins them: the screen's exact answer where the prefilter
/// (a Bloom filter) says a pair may start a key. A Bloom filter answers yes for some pairs no
/// key starts with, and a phrase of a listing template it is wrong about ("size S. Still under
/// warranty") sent every listing that held it down the full path, which walks the same FST
/// from the first word and finds nothing more.
#[inline(never)]
fn pair_starts_key<D: AsRef<[u8]>>(fst: &Fst<D>, prev: &[u8], word: &[u8]) -> bool {
    let (lower, len) = lower_word(prev);
    walk_from(fst, fst.root(), &lower[..len])
        .and_then(|node| walk_from(fst, node, b" "))
        .and_then(|node| walk_from(fst, node, word))
        .is_some()
}

/// A word with digits as the screen reads it: as in the text (`w`) and lower-cased (`word`),
/// how many digits it has, and whether a letter comes three times in a row in it.
struct GluedWord<'a> {
    w: &'a [u8],
    word: &'a [u8],
    digits: usize,
    triple: bool,
}

/// The screen's reading of a word with digits: true when it passes. A number, or letters and
/// digits that the normaliser keeps as they are (a model number, a number with its unit:
/// "w32", "128gb", "6pm"), passes when no key of a taxon ends inside it; the keys that go on
/// after it with a space are added to `open`. After a word that may start a name (`after`,
/// lower-cased), no key may walk on into it.
#[inline(never)]
fn glued_word_passes<'f>(
    lex: &'f Lexicon,
    norm: &Normalizer<'_>,
    tables: &ScreenTables,
    g: GluedWord<'_>,
    after: Option<([u8; SCREEN_MAX_WORD], usize)>,
    open: &mut Vec<Node<'f>>,
) -> bool {
    let GluedWord {
        w,
        word,
        digits,
        triple,
    } = g;
    let fst = lex.keys_fst();
    // the scanner tries a key at every position of such a glued word; a run of three digits
    // or more makes a model number, never leetspeak (unless a letter is repeated three times:
    // the normaliser's fast path leaves that to the full path)
    let kept = digits == w.len()
        || has_model_digits(w) && !triple
        || norm
            .ascii_fast_path(std::str::from_utf8(w).unwrap_or(""))
            .is_some_and(|n| {
                n.events.is_empty()
                    && n.tokens.len() == 1
                    && n.tokens[0].flags == tok::DIGITS
                    && n.text.as_bytes() == word
            });
    let across = after.is_some_and(|(prev, len)| key_across(fst, &prev[..len], word));
    if !kept || across {
        return false;
    }
    // (the root is read once, when a key may start)
    let mut root = None;
    for (p, &x) in word.iter().enumerate() {
        // no key starts at a byte that starts none (most digits), nor before a byte that no
        // key goes on with from there
        if !tables.key_first[usize::from(x)]
            || word.get(p + 1).is_some_and(|&y| {
                let bit = key_pair_bit(x, y);
                tables.key_pairs[bit / 64] & (1 << (bit % 64)) == 0
            })
        {
            continue;
        }
        match key_in_glued(lex, *root.get_or_insert_with(|| fst.root()), word, p) {
            Glued::Taken => return false,
            Glued::Open(node) => open.push(node),
            Glued::None => {}
        }
    }
    true
}

/// The screen's look-ups for a word of no dictionary (`text[at.0..at.1]`, `word` lower-cased,
/// of FNV-1a hash `h`), after the tokens whose hashes are `before.0` and which start at `before.1`:
/// true when the scanner may read something there (a misspelt phrase may start before it,
/// `misspelt_phrase_before`, or the word may read as a key: `may_read_as_key`). The words of
/// `COMMON_UNLISTED` that cannot read as a key are known from `ScreenTables`.
#[inline(never)]
fn no_dict_word_declines(
    lex: &Lexicon,
    norm: &Normalizer<'_>,
    tables: &ScreenTables,
    (text, word, at): (&[u8], &[u8], (usize, usize)),
    h: u64,
    (before, before_at): ([u64; 2], [usize; 2]),
) -> bool {
    use crate::lexicon::format::fnv1a64_from;
    let phrase = |h: u64| h != 0 && lex.may_start_key(fnv1a64_from(h, &[1]));
    // (the prefilter knows the first words of the phrases; where it says one may start with
    // a token before, the scanner's reading decides, after a name's hit or not)
    let from = if phrase(before[0]) {
        Some((before_at[0], 2))
    } else if phrase(before[1]) {
        Some((before_at[1], 1))
    } else {
        None
    };
    from.is_some_and(|from| misspelt_phrase_before(lex, norm, text, from, at, &[false, true]))
        || !tables.unlisted_inert(word, h) && may_read_as_key(lex, word, h)
}

/// Whether the scanner may read the word at `text[word.0..word.1]` (ASCII letters) as the
/// misspelt word of a phrase of the fuzzy FST whose exact first words are the one or two
/// tokens before it (`fuzzy_phrase`, with `dict_ok` as `dict_ok` says, any start free): read
/// as the scanner reads it, on `from.1` tokens from `from.0`, the word and the next word,
/// normalised; the scanner's tokens there are these (the normaliser's ASCII fast path reads
/// the text the screen passes so: lower-cased words and signs, one space between them). Where
/// that span reads otherwise, it may.
fn misspelt_phrase_before(
    lex: &Lexicon,
    norm: &Normalizer<'_>,
    text: &[u8],
    (from, back): (usize, usize),
    word: (usize, usize),
    dict_ok: &[bool],
) -> bool {
    let next = text[word.1..]
        .iter()
        .position(u8::is_ascii_alphanumeric)
        .map_or(text.len(), |p| ascii_alnum_end(text, word.1 + p));
    let Some(n) = std::str::from_utf8(&text[from..next])
        .ok()
        .and_then(|t| norm.ascii_fast_path(t))
    else {
        return true;
    };
    let nt = n.text.as_bytes();
    // (token `back` is the word, from its first byte in the text to its last)
    let is_word = n.tokens.get(back).is_some_and(|t| {
        let (a, z) = (t.start as usize, t.end as usize);
        a < z
            && n.src_start[a] as usize == word.0 - from
            && n.src_end[z - 1] as usize == word.1 - from
            && nt[a..z]
                .iter()
                .copied()
                .eq(text[word.0..word.1].iter().map(u8::to_ascii_lowercase))
    });
    !is_word
        || dict_ok
            .iter()
            .any(|&d| fuzzy_phrase(lex, nt, &n.tokens, back, &|_| true, true, d).is_some())
}

/// Whether the scanner may read a word of no dictionary (lower-cased, FNV-1a hash `h`) as a
/// key, whatever stands around it: the word names a taxon, or a plural, compound, undoubled,
/// fuzzy or respelt reading of it is a key.
fn may_read_as_key(lex: &Lexicon, word: &[u8], h: u64) -> bool {
    lex.may_start_key(h) && key_names_taxon(lex, word)
        || plural_lookup(lex, word).is_some()
        || compound_lookup(lex, word).is_some()
        || glued_phrase_lookup(lex, word).is_some()
        || undoubled_lookup(lex, word).is_some()
        || fuzzy_token(lex, word, true).is_some()
        || respelling_may_start_key(lex, word)
}

/// Words that listings often hold and that no dictionary of the lexicon does, lower-cased and
/// separated by spaces: names of months and days, of holidays, of brands sold second-hand, and
/// words of the trade in goods that the dictionaries lack. For each, the screen's look-ups of a
/// word of no dictionary (`may_read_as_key`, a few thousand instructions) are made once, when
/// the classifier is built (`ScreenTables`), and those that come to nothing are then passed at
/// once. A word here that the lexicon holds, or that reads as a key, is looked up as any other.
pub(crate) const COMMON_UNLISTED: &str = "\
    january february march april may june july august september october november december \
    jan feb mar apr jun jul aug sep sept oct nov dec \
    monday tuesday wednesday thursday friday saturday sunday \
    mon tue tues wed thu thurs fri sat sun \
    christmas xmas easter halloween valentine valentines thanksgiving hanukkah diwali ramadan \
    eid weihnachten noel navidad natale \
    acer adidas asics asus bosch bose braun canon casio dell delonghi dewalt dyson fitbit \
    garmin gopro hasbro huawei ikea jbl karcher kenwood lego lenovo levis logitech makita \
    mattel miele nespresso nike nikon nintendo panasonic philips playstation reebok ryobi \
    samsung seiko sennheiser smeg sony tefal toshiba uniqlo xbox xiaomi zara \
    foldable cookware bakeware homeware kitchenware glassware unboxed preloved bnwt bnib";

/// Each ASCII letter or digit lower-cased, and 0 for every other byte: the screen's word loop
/// reads a byte's class and its folded form in one load.
pub(crate) static LOWER_ALNUM: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        if b.is_ascii_alphanumeric() {
            t[c] = b.to_ascii_lowercase();
        }
        c += 1;
    }
    t
};

/// The screen's record of the phrases `fuzzy_phrase_from` may read: each starts with a word of
/// no dictionary and holds the words after it so far (up to two).
struct MisspeltFrom {
    /// The phrase (words joined by one space), its first word's length, its words.
    open: [(
        [u8; crate::lexicon::format::GATE_MAX_WORD],
        usize,
        usize,
        usize,
    ); 2],
    n: usize,
}

impl Default for MisspeltFrom {
    fn default() -> Self {
        MisspeltFrom {
            open: [([0; crate::lexicon::format::GATE_MAX_WORD], 0, 0, 0); 2],
            n: 0,
        }
    }
}

impl MisspeltFrom {
    fn clear(&mut self) {
        self.n = 0;
    }

    /// A word of no dictionary: a phrase may start with it.
    fn start(&mut self, word: &[u8]) {
        if word.len() < SHORT_PHRASE_WORD || word.len() > self.open[0].0.len() {
            return;
        }
        if self.n == self.open.len() {
            self.open.swap(0, 1);
            self.n -= 1;
        }
        let (buf, len, first, words) = &mut self.open[self.n];
        buf[..word.len()].copy_from_slice(word);
        (*len, *first, *words) = (word.len(), word.len(), 1);
        self.n += 1;
    }

    /// The next word: whether a phrase it ends may be a misspelt phrase key (`phrase_near`).
    fn go_on(&mut self, lex: &Lexicon, word: &[u8]) -> bool {
        let mut kept = 0;
        for k in 0..self.n {
            let (buf, len, first, words) = &mut self.open[k];
            if *len + 1 + word.len() > buf.len() {
                continue;
            }
            buf[*len] = b' ';
            buf[*len + 1..*len + 1 + word.len()].copy_from_slice(word);
            *len += 1 + word.len();
            *words += 1;
            if phrase_near(lex, &buf[..*len], *first, true).is_some() {
                return true;
            }
            if *words < 3 {
                self.open.swap(kept, k);
                kept += 1;
            }
        }
        self.n = kept;
        false
    }
}

/// The FST node after `bytes`, from `node`, when some key goes on with them.
fn walk_from<'f, D: AsRef<[u8]>>(
    fst: &'f Fst<D>,
    mut node: Node<'f>,
    bytes: &[u8],
) -> Option<Node<'f>> {
    for &x in bytes {
        let k = node.find_input(x)?;
        node = fst.node(node.transition(k).addr);
    }
    Some(node)
}

/// What a key starting at one byte of a glued word may do.
enum Glued<'f> {
    /// Nothing: no key goes on with the word's bytes from there.
    None,
    /// The scanner may take one that names a taxon and ends inside the word.
    Taken,
    /// Keys go on after the word with a space: the node after the space.
    Open(Node<'f>),
}

/// What a key starting at byte `p` of a glued word (one with digits) may do: end inside it
/// after four letters or more, or at its end when it starts the word or follows a digit
/// (`longest_at`'s rules), naming a taxon, or go on after it with a space.
/// `root` is the FST's root node (built once for all the word's bytes).
fn key_in_glued<'f>(lex: &'f Lexicon, root: Node<'f>, word: &[u8], p: usize) -> Glued<'f> {
    let fst = lex.keys_fst();
    let mut node = root;
    let mut out = Output::zero();
    for (q, &x) in word.iter().enumerate().skip(p) {
        let Some(k) = node.find_input(x) else {
            return Glued::None;
        };
        let t = node.transition(k);
        out = out.cat(t.out);
        node = fst.node(t.addr);
        let end = q + 1;
        // a key of context ("pm" after "6") names nothing: only a longer one may
        if node.is_final()
            && (end - p >= GLUED_MIN_CHARS
                || end == word.len() && (p == 0 || word[p - 1].is_ascii_digit()))
            && lex
                .entries_of(out.cat(node.final_output()).value())
                .any(|e| e.kind().names_taxon())
        {
            return Glued::Taken;
        }
    }
    match node.find_input(b' ') {
        Some(k) => Glued::Open(fst.node(node.transition(k).addr)),
        None => Glued::None,
    }
}

/// Whether a key starts with the word `first`, a space, then ends inside the glued word
/// `glued` or goes on after it with a space (a walk from `first` into a glued word).
fn key_across<D: AsRef<[u8]>>(fst: &Fst<D>, first: &[u8], glued: &[u8]) -> bool {
    let Some(mut node) = walk_from(fst, fst.root(), first).and_then(|n| walk_from(fst, n, b" "))
    else {
        return false;
    };
    for &x in glued {
        let Some(k) = node.find_input(x) else {
            return false;
        };
        node = fst.node(node.transition(k).addr);
        if node.is_final() {
            return true;
        }
    }
    node.find_input(b' ').is_some()
}

/// Whether some key starts with `prefix`.
fn key_has_prefix<D: AsRef<[u8]>>(fst: &Fst<D>, prefix: &[u8]) -> bool {
    walk_from(fst, fst.root(), prefix).is_some()
}

/// Whether token `ti` alone, or with the token after it, may start a key (prefilter).
/// `h` is the FNV-1a hash of the token's word.
fn may_start_key(lex: &Lexicon, h: u64, text: &[u8], tokens: &[Token], ti: usize) -> bool {
    use crate::lexicon::format::fnv1a64_from;
    if lex.may_start_key(h) {
        return true;
    }
    match tokens.get(ti + 1) {
        // a key may end inside a glued or unspaced token ("giant #clamm"): its pair hash
        // says nothing
        Some(n) if n.is_glued() || n.flags & tok::UNSPACED != 0 => true,
        Some(n) => {
            let h = fnv1a64_from(
                fnv1a64_from(h, b" "),
                &text[n.start as usize..n.end as usize],
            );
            lex.may_start_key(h)
        }
        None => false,
    }
}

/// Exact lookup of one word, through the prefilter.
fn get_word(lex: &Lexicon, w: &[u8]) -> Option<u64> {
    if lex.may_start_key(crate::lexicon::format::fnv1a64(w)) {
        lex.keys_fst().get(w).map(|o| o.value())
    } else {
        None
    }
}

fn utf8_len(b: u8) -> usize {
    match b {
        0x00..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

fn ends_at_token_boundary(text: &[u8], end: usize) -> bool {
    end == text.len() || text[end] == b' '
}

/// The longest key starting at `start` that ends at a valid place. Returns (end, value,
/// whether a space of the key was skipped inside a glued token).
fn longest_at<D: AsRef<[u8]>>(
    fst: &Fst<D>,
    src: &str,
    n: &Normalized,
    mut ti: usize,
    start: usize,
) -> Option<(usize, u64, bool)> {
    let text = n.text.as_bytes();
    let tokens = &n.tokens[..];
    // Iterative walk with at most one pending branch: inside glued tokens a key's space may be
    // skipped ("#rhinohorn" for "rhino horn"); we explore that branch after the main one.
    let mut best: Option<(usize, u64, bool)> = None;
    // the branch stack allocates only when a glued token offers a branch
    let mut stack: Vec<(Node<'_>, Output, usize, usize, bool)> = Vec::new();
    let mut first = Some((fst.root(), Output::zero(), start, ti, false));
    let limit = (start + MAX_KEY_BYTES).min(text.len());
    while let Some((mut node, mut out, mut pos, tix, skipped)) =
        first.take().or_else(|| stack.pop())
    {
        ti = tix;
        loop {
            if pos > start && node.is_final() && valid_end(src, n, ti, start, pos) {
                let v = out.cat(node.final_output()).value();
                if best.is_none_or(|(e, _, _)| pos > e)
                    && (split_misspelt(v).1 == 0 || misspelt_fits(src, n, start, pos))
                {
                    best = Some((pos, v, skipped));
                }
            }
            if pos >= limit {
                break;
            }
            // letters spaced apart lose the name's own spaces too ("t ê t ê" for "tê tê")
            let glued = tokens[ti].is_glued() || tokens[ti].flags & tok::SPACED != 0;
            let b = text[pos];
            if glued && b != b' ' && stack.len() < 8 {
                if let Some(i) = node.find_input(b' ') {
                    let t = node.transition(i);
                    stack.push((fst.node(t.addr), out.cat(t.out), pos, ti, true));
                }
            }
            let Some(i) = node.find_input(b) else { break };
            let t = node.transition(i);
            out = out.cat(t.out);
            node = fst.node(t.addr);
            if b == b' ' {
                ti += 1;
                if ti >= tokens.len() {
                    break;
                }
            }
            pos += 1;
        }
    }
    best
}

/// Whether a key starting at `start` may end at `pos` (a byte offset in token `ti`, or just
/// past it).
fn valid_end(src: &str, n: &Normalized, ti: usize, start: usize, pos: usize) -> bool {
    let text = n.text.as_bytes();
    if short_in_hiragana(src, n, start, pos) {
        return false;
    }
    if pos == text.len() || text[pos] == b' ' {
        return true;
    }
    // inside a token: only where terms may be glued, and on a char boundary (in a token of two
    // scripts, where the script changes)
    let t = &n.tokens[ti];
    if t.splits_by_script() {
        return script_change(&n.text, pos);
    }
    (t.flags & tok::UNSPACED != 0 || t.is_glued())
        && (text[pos] & 0xC0) != 0x80
        && !within_word(src, n, pos)
}

/// Whether a misspelt form of a Thai or Japanese name (`lexicon::marks`) may be read at the
/// view's bytes `start..end`: on whole syllables as the script writes them (no Thai vowel
/// written before its consonant left behind at the start, no mark or vowel after the last
/// consonant cut off at the end), and never starting or ending inside a run of hiragana (the
/// grammar of Japanese is written in hiragana: a misspelt name inside a run is more often a
/// word; katakana runs are kept whole by `valid_end` and the scan's start rule already).
#[cold]
#[inline(never)]
fn misspelt_fits(src: &str, n: &Normalized, start: usize, end: usize) -> bool {
    let text = &n.text;
    let before = text[..start].chars().next_back();
    if before.is_some_and(|c| matches!(c, '\u{0E40}'..='\u{0E44}')) {
        return false;
    }
    let after = text[end..].chars().next();
    if after.is_some_and(|c| {
        unicode_normalization::char::is_combining_mark(c)
            || matches!(c, '\u{0E30}' | '\u{0E32}' | '\u{0E33}' | '\u{0E45}')
    }) {
        return false;
    }
    // (the long-vowel mark ー ends katakana as often as hiragana: it is no hiragana here)
    let hira = |c: char| is_hiragana(c) && c != '\u{30FC}';
    let hiragana_inside =
        |p: usize| source_chars_around(src, n, p).is_some_and(|(a, b)| hira(a) && hira(b));
    !hiragana_inside(start) && !hiragana_inside(end)
}

/// The original characters on either side of byte `pos` of the view, if both exist.
fn source_chars_around(src: &str, n: &Normalized, pos: usize) -> Option<(char, char)> {
    if pos == 0 || pos >= n.text.len() {
        return None;
    }
    let a = src.get(n.src_start[pos - 1] as usize..)?.chars().next()?;
    let b = src.get(n.src_start[pos] as usize..)?.chars().next()?;
    Some((a, b))
}

/// Whether `pos` falls inside a word of a script that, though unspaced, writes loanwords as
/// runs: katakana ("サイ" is no rhino inside "サイズ"), where a match may not start or end in
/// the middle of a run. The normaliser folds katakana to hiragana, so the run is read in the
/// source text.
fn within_word(src: &str, n: &Normalized, pos: usize) -> bool {
    matches!(source_chars_around(src, n, pos), Some((a, b)) if is_katakana(a) && is_katakana(b))
}

/// Whether the view's bytes `start..end` are one or two kana written in hiragana that start
/// or end inside a run of hiragana, or three that do both: the grammar of Japanese is written
/// in hiragana, so a name that short (a katakana one folded: サイ, カバ) counts there only as a
/// whole run ("さい" is no rhino inside "ください", nor "かば" inside "かばん"), and one of
/// three kana not in the middle of one ("よごれ", dirt, in "多少のよごれがあります").
fn short_in_hiragana(src: &str, n: &Normalized, start: usize, end: usize) -> bool {
    let text = n.text.as_bytes();
    // one to three kana are three to nine bytes, each starting with 0xE3
    if end - start > 9 || text[start] != 0xE3 || n.text.get(start..end).is_none() {
        return false;
    }
    let chars = n.text[start..end].chars().count();
    let all_hiragana = (start..end).all(|p| {
        (text[p] & 0xC0) == 0x80
            || src
                .get(n.src_start[p] as usize..)
                .and_then(|s| s.chars().next())
                .is_some_and(is_hiragana)
    });
    if chars > 3 || !all_hiragana {
        return false;
    }
    let inside = |p: usize| {
        source_chars_around(src, n, p).is_some_and(|(a, b)| is_hiragana(a) && is_hiragana(b))
    };
    if chars == 3 {
        // three kana may not sit inside a run on both sides ("よごれ" is dirt in "のよごれが")
        inside(start) && inside(end)
    } else {
        inside(start) || inside(end)
    }
}

fn is_katakana(c: char) -> bool {
    matches!(c,
        '\u{30A1}'..='\u{30FA}' | '\u{30FC}' | '\u{31F0}'..='\u{31FF}'
        // half-width, circled and squared katakana (folded by NFKC)
        | '\u{FF66}'..='\u{FF9F}' | '\u{32D0}'..='\u{32FE}' | '\u{3300}'..='\u{3357}')
}

fn is_hiragana(c: char) -> bool {
    matches!(
        c,
        '\u{3041}'..='\u{3096}' | '\u{309D}' | '\u{309E}' | '\u{30FC}'
    )
}

/// Looks a plural up as its singular: English, French, Spanish and Portuguese `-s` and
/// `-es`; Italian `-i` for `-o` and `-e` ("avori", "tigri", "testuggini") and `-e` for `-a`
/// ("tartarughe"). Only a singular that is itself a key counts, and for the Italian forms only
/// a key that names a taxon.
pub(crate) fn plural_lookup(lex: &Lexicon, word: &[u8]) -> Option<u64> {
    let n = word.len();
    if n < 4 {
        return None;
    }
    // the Italian forms only lead to names of taxa: "figure" is no plural of a context word
    let with = |stem: &[u8], end: &[u8]| {
        let mut w = Vec::with_capacity(stem.len() + end.len());
        w.extend_from_slice(stem);
        w.extend_from_slice(end);
        get_word(lex, &w).filter(|&v| lex.entries_of(v).any(|e| e.kind().names_taxon()))
    };
    match word[n - 1] {
        // (a stem that ends in "s" takes "-es", never a bare "-s": "loss" is no plural of
        // "Los", a lynx; a doubled "s" typed by mistake, "cactuss", is `undoubled_lookup`'s)
        b's' => (word[n - 2] != b's')
            .then(|| get_word(lex, &word[..n - 1]))
            .flatten()
            .or_else(|| {
                if word[n - 2] == b'e' && n >= 5 {
                    get_word(lex, &word[..n - 2])
                } else {
                    None
                }
            })
            .filter(|&v| plural_in_s(lex, v)),
        b'i' if n >= 5 => {
            let stem = &word[..n - 1];
            with(stem, b"o").or_else(|| with(stem, b"e")).or_else(|| {
                // "-chi"/"-ghi" for "-co"/"-go"
                stem.strip_suffix(b"h").and_then(|s| with(s, b"o"))
            })
        }
        b'e' if n >= 5 => {
            let stem = &word[..n - 1];
            with(stem, b"a").or_else(|| stem.strip_suffix(b"h").and_then(|s| with(s, b"a")))
        }
        _ => None,
    }
}

/// Whether some entry of a key is of a language that makes plurals with `-s` (not Vietnamese,
/// Malay, Indonesian, Tagalog or a language of another script): English "cops" is no plural
/// of Vietnamese "cọp", a tiger.
fn plural_in_s(lex: &Lexicon, value: u64) -> bool {
    lex.entries_of(value).any(|e| {
        !matches!(
            e.lang(),
            "vi" | "id" | "ms" | "tl" | "zh" | "ja" | "ko" | "th" | "km" | "lo" | "my" | "sw"
        )
    })
}

/// Token `ti`, a plural (`plural_lookup`), read as the first word of a phrase in the singular
/// whose next one or two words follow exactly: "testuggini di Hermann", "colmillos de
/// elefante" where only the singular phrase is a key. Only phrases that name a taxon count.
/// Returns the last token and the key's value.
fn plural_phrase(lex: &Lexicon, text: &[u8], tokens: &[Token], ti: usize) -> Option<(usize, u64)> {
    let t = &tokens[ti];
    let word = &text[t.start as usize..t.end as usize];
    let n = word.len();
    if ti + 1 >= tokens.len() || n < 4 {
        return None;
    }
    let fst = lex.keys_fst();
    let names = |v: u64| lex.entries_of(v).any(|e| e.kind().names_taxon());
    let try_stem = |parts: &[&[u8]]| {
        phrase_walk(
            lex,
            text,
            tokens,
            (fst.root(), Output::zero()),
            parts,
            (ti + 1, ti + 1),
            &names,
        )
    };
    let stem = &word[..n - 1];
    match word[n - 1] {
        b's' => (word[n - 2] != b's')
            .then(|| try_stem(&[stem]))
            .flatten()
            .or_else(|| {
                (word[n - 2] == b'e' && n >= 5)
                    .then(|| try_stem(&[&word[..n - 2]]))
                    .flatten()
            }),
        b'i' if n >= 5 => try_stem(&[stem, b"o"]).or_else(|| try_stem(&[stem, b"e"])),
        b'e' if n >= 5 => try_stem(&[stem, b"a"]),
        _ => None,
    }
}

/// Reads token `ti` and the one or two tokens after it as one word split by a hyphen, dot,
/// underscore, slash, asterisk or tilde in the listing ("ti-ger", "pan.go.lin", "rhi_no"):
/// when, joined, they are a name of a taxon. Each part must be short (four letters or fewer)
/// or no word of the dictionary, so that ordinary hyphenated words ("black-wood") are left
/// alone. Returns the last token of the longest such word and the key's value.
fn split_lookup(lex: &Lexicon, src: &[u8], n: &Normalized, ti: usize) -> Option<(usize, u64)> {
    const SHORT: usize = 4;
    let tokens = &n.tokens;
    let text = n.text.as_bytes();
    let word = |t: &Token| &text[t.start as usize..t.end as usize];
    let part_ok = |w: &[u8]| w.len() <= SHORT || !lex.dict_contains(w);
    let first = &tokens[ti];
    let next = tokens.get(ti + 1)?;
    // cheap first: most words are followed by a space
    let sep = *n.src_end.get((first.end as usize).checked_sub(1)?)? as usize;
    if *n.src_start.get(next.start as usize)? as usize != sep + 1
        || !matches!(src.get(sep), Some(b'-' | b'.' | b'_' | b'/' | b'*' | b'~'))
        || first.flags & tok::ALPHA == 0
        || !part_ok(word(first))
    {
        return None;
    }
    let mut joined: Vec<u8> = word(first).to_vec();
    let mut best = None;
    for k in 1..=2 {
        let (a, b) = (&tokens[ti + k - 1], tokens.get(ti + k)?);
        if b.flags & tok::ALPHA == 0 || b.start == b.end {
            break;
        }
        // in the listing, exactly one separator that is no space between the two
        let a_end = *n.src_end.get((a.end as usize).checked_sub(1)?)? as usize;
        let b_start = *n.src_start.get(b.start as usize)? as usize;
        if b_start != a_end + 1
            || !matches!(
                src.get(a_end),
                Some(b'-' | b'.' | b'_' | b'/' | b'*' | b'~')
            )
            || !part_ok(word(b))
        {
            break;
        }
        joined.extend_from_slice(word(b));
        let found = get_word(lex, &joined).or_else(|| plural_lookup(lex, &joined));
        if let Some(v) = found.filter(|&v| lex.entries_of(v).any(|e| e.kind().names_taxon())) {
            best = Some((ti + k, v));
        }
    }
    best
}

/// A word read as a compound: a name, then the rest of the word.
struct Compound {
    /// Byte length of the name at the start of the word, and its key value.
    name_end: usize,
    name: u64,
    /// Where the rest starts (after a linking letter) and its key value, when it is a key.
    rest: Option<(usize, u64)>,
    /// Whether the rest is a misspelt product form.
    misspelt: bool,
}

/// Linking letters between the parts of a compound ("Krokodil-s-leder", "Elefant-en-zahn").
const COMPOUND_LINKS: [&[u8]; 7] = [b"", b"s", b"n", b"e", b"en", b"es", b"er"];

/// Reads a word that is no key as a compound, as German, Dutch and the Nordic languages write
/// them, and as sellers glue English ones: a name of a taxon, then a head word of three
/// letters or more, maybe after a linking letter ("Krokodilleder", "Nashornpulver",
/// "olifantstand", "rhinohorn"). The name has five letters or more; the head must be a product
/// form, or, after a name of six letters or more that is not also an everyday word, another
/// key or an ordinary word of the dictionary ("Krokodilhandtasche"). A head that is colour,
/// imitation, brand or everyday context never counts ("Elfenbeinfarbe"), and a word of the
/// dictionary is never split ("bearskin", "transplant"). The longest name wins.
fn compound_lookup(lex: &Lexicon, word: &[u8]) -> Option<Compound> {
    const MIN_HEAD: usize = 3;
    const MIN_NAME: usize = 5;
    if word.len() < MIN_NAME + MIN_HEAD
        || !word.iter().all(|b| b.is_ascii_alphabetic() || *b >= 0x80)
    {
        return None;
    }
    // every key that is a prefix of the word, leaving room for a head
    let fst = lex.keys_fst();
    let mut node = fst.root();
    let mut out = Output::zero();
    let mut prefixes: Vec<(usize, u64)> = Vec::new();
    for (i, &b) in word[..word.len() - MIN_HEAD].iter().enumerate() {
        let Some(k) = node.find_input(b) else { break };
        let t = node.transition(k);
        out = out.cat(t.out);
        node = fst.node(t.addr);
        if node.is_final() && i + 1 >= MIN_NAME {
            prefixes.push((i + 1, out.cat(node.final_output()).value()));
        }
    }
    // a word of the dictionary is read as itself ("bearskin", "transplant")
    if prefixes.is_empty() || lex.dict_contains(word) {
        return None;
    }
    for &(end, name) in prefixes.iter().rev() {
        let names = lex.entries_of(name).any(|e| {
            matches!(
                e.kind(),
                Kind::Scientific | Kind::Synonym | Kind::Common | Kind::Product
            )
        });
        if !names {
            continue;
        }
        let everyday = lex.entries_of(name).any(|e| e.kind().is_reframing());
        for link in COMPOUND_LINKS {
            let Some(head) = word[end..].strip_prefix(link) else {
                continue;
            };
            if head.len() < MIN_HEAD {
                continue;
            }
            let rest_start = end + link.len();
            if let Some(v) = get_word(lex, head).or_else(|| plural_lookup(lex, head)) {
                if lex.entries_of(v).any(|e| e.kind().is_reframing()) {
                    continue;
                }
                let form = lex
                    .entries_of(v)
                    .any(|e| matches!(e.kind(), Kind::Form | Kind::Artefact));
                if form || !everyday && end >= 6 {
                    return Some(Compound {
                        name_end: end,
                        name,
                        rest: Some((rest_start, v)),
                        misspelt: false,
                    });
                }
            } else if !everyday && end >= 6 && head.len() >= 4 && lex.dict_contains(head) {
                return Some(Compound {
                    name_end: end,
                    name,
                    rest: None,
                    misspelt: false,
                });
            }
        }
    }
    // the head misspelt: one edit from a product form of five letters or more, after the
    // longest name that is no everyday word ("Nashornpulfer"); a walk of the key FST only for
    // the rare word that starts with a name and reads no other way
    let &(end, name) = prefixes.last()?;
    let head = &word[end..];
    if head.len() < FUZZY_MIN_WORD || lex.entries_of(name).any(|e| e.kind().is_reframing()) {
        return None;
    }
    let mut best: Option<(u32, u64)> = None;
    fuzzy_candidates(fst, head, 1, 1, &mut |key, value, d| {
        if d == 1
            && key.len() >= FUZZY_MIN_WORD
            && best.is_none()
            && lex.entries_of(value).any(|e| e.kind() == Kind::Form)
        {
            best = Some((d, value));
        }
    });
    best.map(|(_, v)| Compound {
        name_end: end,
        name,
        rest: Some((end, v)),
        misspelt: true,
    })
}

/// A word of no dictionary read as a phrase key written without its spaces ("рогсайгака" for
/// "рог сайгака", "cuernoderinoceronte"): a walk of the key FST along the word's bytes that may
/// skip a key's space between any two of them, as `longest_at` does inside a glued token. Only
/// a key that covers the whole word, skipped a space and names a taxon counts, and never in a
/// word of the dictionary ("bearskin"); at most
/// `GLUED_PHRASE_BRANCHES` skips are tried, so the walk stays linear in the word.
fn glued_phrase_lookup(lex: &Lexicon, word: &[u8]) -> Option<u64> {
    const MIN_BYTES: usize = 6;
    if word.len() < MIN_BYTES || word.len() > MAX_KEY_BYTES {
        return None;
    }
    let fst = lex.keys_fst();
    // the walk from the word's start, then the branches after a skipped space (the stack
    // allocates only when a key may skip one: most words the screen asks about start none)
    let mut first = Some((fst.root(), Output::zero(), 0usize, false));
    let mut stack = Vec::new();
    let mut branches = 0;
    while let Some((mut node, mut out, mut pos, skipped)) = first.take().or_else(|| stack.pop()) {
        loop {
            if pos == word.len() {
                if skipped && node.is_final() {
                    let v = out.cat(node.final_output()).value();
                    if split_misspelt(v).1 == 0 && lex.entries_of(v).any(|e| e.kind().names_taxon())
                    {
                        // a word of the dictionary is read as itself ("bearskin")
                        return (!lex.dict_contains(word)).then_some(v);
                    }
                }
                break;
            }
            if pos > 0 && branches < GLUED_PHRASE_BRANCHES {
                if let Some(i) = node.find_input(b' ') {
                    let t = node.transition(i);
                    stack.push((fst.node(t.addr), out.cat(t.out), pos, true));
                    branches += 1;
                }
            }
            let Some(i) = node.find_input(word[pos]) else {
                break;
            };
            let t = node.transition(i);
            out = out.cat(t.out);
            node = fst.node(t.addr);
            pos += 1;
        }
    }
    None
}

/// The conjunctions, prepositions and article Arabic writes joined to the next word, longest
/// first: "wa-l-", "bi-l-", "fa-l-", "ka-l-", "li-l-", "al-", then "wa-", "bi-", "li-", "fa-",
/// "ka-".
const ARABIC_CLITICS: [&str; 11] = [
    "وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ل", "ف", "ك",
];

/// Token `ti`, a word of Arabic letters that is no key, read with a clitic taken off its
/// front (`ARABIC_CLITICS`), alone or as the first word of a phrase whose next words follow
/// exactly ("والعاج" for "عاج", "وقرن وحيد القرن"). What is left must be two letters or more
/// (three after a clitic of one letter), and only a key that names a taxon or a product
/// counts. Returns the last token and the key's value.
fn arabic_clitic_lookup(
    lex: &Lexicon,
    text: &[u8],
    tokens: &[Token],
    ti: usize,
) -> Option<(usize, u64)> {
    let t = &tokens[ti];
    let word = &text[t.start as usize..t.end as usize];
    // U+0600-U+06FF: lead bytes 0xD8-0xDB
    if !matches!(word.first(), Some(0xD8..=0xDB)) {
        return None;
    }
    let w = std::str::from_utf8(word).ok()?;
    let fst = lex.keys_fst();
    let names = |v: u64| {
        lex.entries_of(v)
            .any(|e| e.kind().names_taxon() || e.kind() == Kind::Product)
    };
    ARABIC_CLITICS.iter().find_map(|c| {
        let rest = w.strip_prefix(c)?;
        let min = if c.chars().count() == 1 { 3 } else { 2 };
        if rest.chars().count() < min {
            return None;
        }
        phrase_walk(
            lex,
            text,
            tokens,
            (fst.root(), Output::zero()),
            &[rest.as_bytes()],
            (ti + 1, ti),
            &names,
        )
    })
}

/// Most skipped spaces `glued_phrase_lookup` tries in one word.
const GLUED_PHRASE_BRANCHES: usize = 16;

/// Looks a word up with its doubled letters made single, when it has any and is not an
/// ordinary word. Only for words of five letters or more.
fn undoubled_lookup(lex: &Lexicon, word: &[u8]) -> Option<u64> {
    if word.len() < 5 || !word.windows(2).any(|w| w[0] == w[1]) {
        return None;
    }
    let mut single: Vec<u8> = word.to_vec();
    single.dedup();
    if single.len() < 4 {
        return None;
    }
    // the lookups go through the prefilter; the dictionary only for a word they find
    get_word(lex, &single)
        .or_else(|| plural_lookup(lex, &single))
        .filter(|_| !lex.dict_contains(word))
}

/// Allowed edit distance for a key of `chars` characters.
fn allowed_distance(chars: usize) -> u32 {
    if chars >= 10 {
        2
    } else if chars >= 6 {
        1
    } else {
        0
    }
}

/// Whether a fuzzy key `d` edits from `word` counts: within the distance the key's length
/// allows (none for a key of five letters: those are reached only by the swaps of
/// `fuzzy_token`).
fn fuzzy_allowed(key: &[u8], d: u32) -> bool {
    d > 0 && d <= allowed_distance(key.len())
}

/// Whether a fuzzy key may be reached with two edits (when long enough): a word, a product
/// name or a strong common name, not a phrase the builder let in only as a curated common name
/// of middling weight ("tortuga marina", 0.6), which the gate holds with one letter deleted.
fn two_edits_reach(lex: &Lexicon, key: &[u8], value: u64) -> bool {
    !key.contains(&b' ')
        || lex.entries_of(value).any(|e| {
            e.kind() == Kind::Product
                || e.kind() == Kind::Common && e.weight() >= STRONG_SHORT_COMMON
        })
}

/// Keys and words of this many letters match only with two letters swapped.
const TRANSPOSE_ONLY_CHARS: usize = 5;

/// The closest fuzzy key for one word, if any: never for a dictionary word. Then, for an ASCII
/// word, a strong name of the trade with its first letter dropped (`first_letter_dropped`).
fn fuzzy_token(lex: &Lexicon, word: &[u8], gate: bool) -> Option<(u64, u32)> {
    fuzzy_token_near(lex, word, gate).or_else(|| first_letter_dropped(lex, word, gate))
}

/// Shortest word read as a name with its first letter dropped ("vory" for "ivory").
const DROPPED_FIRST_MIN_WORD: usize = 4;

/// A word that is a strong name of the trade (`strong_name`) with its first letter dropped:
/// "vory" for "ivory", "angolin" for "pangolin". Edits elsewhere keep the first letter, which
/// sellers rarely change ("bangolin" is no "pangolin"), but a first letter left out is a common
/// slip. Never a word of the dictionary; the prefilter, which marks every such name with its
/// first letter dropped (`format::dropped_first_hash`), rules out most words with one probe
/// before any FST look-up.
fn first_letter_dropped(lex: &Lexicon, word: &[u8], gate: bool) -> Option<(u64, u32)> {
    const MAX: usize = 40;
    if word.len() < DROPPED_FIRST_MIN_WORD || word.len() >= MAX || !word.is_ascii() {
        return None;
    }
    // the prefilter marks the strong names with their first letter dropped: one probe
    let marked = || lex.may_start_key(crate::lexicon::format::dropped_first_hash(word));
    if gate && !marked() || lex.dict_contains(word) {
        return None;
    }
    let fst = lex.fuzzy_fst();
    let mut cand = [0u8; MAX];
    cand[1..=word.len()].copy_from_slice(word);
    fst.root().transitions().find_map(|t| {
        if !t.inp.is_ascii_lowercase() {
            return None;
        }
        cand[0] = t.inp;
        let v = fst.get(&cand[..=word.len()])?.value();
        strong_name(lex, v).then_some((v, 1))
    })
}

/// Whether a key is a name of the trade strong enough that a word of five letters a vowel away
/// may read as it: a product name, or a strong common name ("ivory", "bekko", "saiga"), never a
/// genus or one of the thousands of common names of the Checklist's files ("Lamia", "Monos",
/// "Pongo"), which ordinary words misspelt run into.
fn strong_name(lex: &Lexicon, v: u64) -> bool {
    lex.entries_of(v).any(|e| {
        e.kind() == Kind::Product && e.weight() >= 0.6
            || e.kind() == Kind::Common && e.weight() >= STRONG_SHORT_COMMON
    })
}

/// `fuzzy_token` but for a dropped first letter.
fn fuzzy_token_near(lex: &Lexicon, word: &[u8], gate: bool) -> Option<(u64, u32)> {
    if word.len() < FUZZY_MIN_WORD || word.len() > 40 {
        return None;
    }
    if !word.is_ascii() {
        return fuzzy_coded(lex, word, gate);
    }
    // a five-letter key, looked up exactly: one prefilter probe a candidate before any FST
    // lookup, and the dictionary only for a candidate found
    let short_key = |cand: &[u8]| {
        get_word(lex, cand)
            .filter(|_| lex.fuzzy_fst().get(cand).is_some() && !lex.dict_contains(word))
            .map(|v| (v, 1))
    };
    // a vowel changed or added reaches only the trade's own names: a product name, or a
    // strong common name ("ivory", "bekko", "saiga"), never a genus or one of the thousands of
    // common names of the Checklist's files ("Lamia", "Monos", "Pongo"), which ordinary words
    // misspelt run into
    let strong_key = |cand: &[u8]| short_key(cand).filter(|&(v, _)| strong_name(lex, v));
    if word.len() == TRANSPOSE_ONLY_CHARS {
        // two neighbouring letters swapped (never the first), or a vowel written for another
        // ("ivori", "tigar": sellers spell the vowels as they hear them); never a consonant
        // changed, a letter dropped or added ("duong" is no "dugong", "tiler" no "tiger")
        let mut cand = [0u8; TRANSPOSE_ONLY_CHARS];
        for i in 1..TRANSPOSE_ONLY_CHARS - 1 {
            if word[i] == word[i + 1] {
                continue;
            }
            cand.copy_from_slice(word);
            cand.swap(i, i + 1);
            if let Some(found) = short_key(&cand) {
                return Some(found);
            }
        }
        for i in 1..TRANSPOSE_ONLY_CHARS {
            if !SHORT_KEY_VOWELS.contains(&word[i]) {
                continue;
            }
            for &v in SHORT_KEY_VOWELS {
                cand.copy_from_slice(word);
                cand[i] = v;
                if v != word[i] {
                    if let Some(found) = strong_key(&cand) {
                        return Some(found);
                    }
                }
            }
        }
        return None;
    }
    // cheap first: a key must share the word's first letter (misspellings rarely touch it)
    let fst = lex.fuzzy_fst();
    fst.root().find_input(word[0])?;
    let max = allowed_distance(word.len() + 1).max(1);
    // the dictionary rules out ordinary words (an FST walk whose upper levels stay in cache),
    // then the symmetric-deletion gate most others (one cache line per deletion form)
    if lex.dict_contains(word) {
        return None;
    }
    if !gate || lex.may_be_near_fuzzy_key(word, max) {
        if let Some(found) = closest_key(lex, fst, word, max, &|key, d| fuzzy_allowed(key, d)) {
            return Some(found);
        }
    }
    // six letters: a five-letter key (which the gate does not hold) with a vowel added, or a
    // letter doubled ("ivorey", "tigere", "pandda")
    if word.len() != TRANSPOSE_ONLY_CHARS + 1 {
        return None;
    }
    let mut cand = [0u8; TRANSPOSE_ONLY_CHARS];
    (1..word.len()).find_map(|i| {
        if !SHORT_KEY_VOWELS.contains(&word[i]) && word[i] != word[i - 1] {
            return None;
        }
        cand[..i].copy_from_slice(&word[..i]);
        cand[i..].copy_from_slice(&word[i + 1..]);
        strong_key(&cand)
    })
}

/// Least weight of a common name of five letters that a vowel changed or added may reach.
const STRONG_SHORT_COMMON: f32 = 0.8;

/// The vowels one may be written for another in a key of five letters ("ivori", "tigar"), or
/// added to one ("ivorey").
const SHORT_KEY_VOWELS: &[u8] = b"aeiouy";

/// The closest key of `fst` within `max` edits of `query` that `allowed` accepts (then the
/// one nearest in length), with its distance.
fn closest_key<D: AsRef<[u8]>>(
    lex: &Lexicon,
    fst: &Fst<D>,
    query: &[u8],
    max: u32,
    allowed: &dyn Fn(&[u8], u32) -> bool,
) -> Option<(u64, u32)> {
    let mut best: Option<(u32, usize, u64)> = None;
    fuzzy_candidates(fst, query, max, 1, &mut |key, value, d| {
        if !allowed(key, d) || d >= 2 && !two_edits_reach(lex, key, value) {
            return;
        }
        let gap = key.len().abs_diff(query.len());
        if best.is_none_or(|(bd, blen, _)| d < bd || (d == bd && gap < blen)) {
            best = Some((d, gap, value));
        }
    });
    best.map(|(d, _, v)| (v, d))
}

/// Greek and Cyrillic keys and words of this many letters or fewer match only with two letters
/// swapped.
const CODED_TRANSPOSE_ONLY_CHARS: usize = 6;

/// `fuzzy_token` for a word of Greek or Cyrillic letters: the same walk over the keys coded one
/// byte a letter (`format::fuzzy_code`), so that distances count letters, not bytes.
fn fuzzy_coded(lex: &Lexicon, word: &[u8], gate: bool) -> Option<(u64, u32)> {
    // a coded word has at least one byte per letter and two per UTF-8 letter: only words whose
    // first byte leads a Greek or Cyrillic letter are tried
    if !matches!(word[0], 0xCE..=0xD1) {
        return None;
    }
    let mut code = Vec::with_capacity(word.len() / 2);
    if !crate::lexicon::format::fuzzy_code(std::str::from_utf8(word).ok()?, &mut code)
        || code.len() < TRANSPOSE_ONLY_CHARS
    {
        return None;
    }
    let fst = lex.fuzzy_fst();
    fst.root().find_input(code[0])?;
    // no dictionary of these languages rules out ordinary words, and their words inflect: a
    // key of six letters or fewer is reached only by two letters swapped ("салонов" is no
    // "слонов")
    if code.len() <= CODED_TRANSPOSE_ONLY_CHARS {
        let mut swapped = [0u8; CODED_TRANSPOSE_ONLY_CHARS];
        let swapped = &mut swapped[..code.len()];
        for i in 1..code.len() - 1 {
            if code[i] == code[i + 1] {
                continue;
            }
            swapped.copy_from_slice(&code);
            swapped.swap(i, i + 1);
            if let Some(v) = fst.get(&*swapped) {
                if !lex.dict_contains(word) {
                    return Some((v.value(), 1));
                }
            }
        }
        return None;
    }
    let max = allowed_distance(code.len() + 1).max(1);
    let ruled_out = lex.dict_contains(word) || gate && !lex.may_be_near_fuzzy_key(&code, max);
    if ruled_out {
        return None;
    }
    closest_key(lex, fst, &code, max, &|key, d| {
        fuzzy_allowed(key, d) && key.len() > CODED_TRANSPOSE_ONLY_CHARS
    })
}

/// A phrase of two or three words ending with, or just after, token `ti` (a word no key and
/// no dictionary word, of four letters or more; of three, only with one letter dropped) that
/// is within the allowed distance of a phrase key of the fuzzy FST, the words before `ti`
/// written exactly: "giant clamm" for "giant clam", "agar wod" for "agar wood". The phrase
/// starts where `free` says no hit that started before it covers the text (a hit of its first
/// words alone gives way to it). A phrase that starts with the misspelt word is
/// `fuzzy_phrase_from`'s. With `dict_ok` (only right after a name's hit, where the screen has
/// already declined) the word may be one of the dictionary: of five letters or more with any
/// edit ("rhinoceros hoorn"), of three or four with one letter dropped ("bear bil"). Returns
/// its first and last token, the key's value and the distance; the closest, then the longest,
/// wins.
fn fuzzy_phrase(
    lex: &Lexicon,
    text: &[u8],
    tokens: &[Token],
    ti: usize,
    free: &dyn Fn(u32) -> bool,
    gate: bool,
    dict_ok: bool,
) -> Option<(usize, usize, u64, u32)> {
    let word = |i: usize| &text[tokens[i].start as usize..tokens[i].end as usize];
    let plain = |i: usize| {
        tokens.get(i).is_some_and(|t| {
            t.flags & tok::ALPHA != 0 && text[t.start as usize..t.end as usize].is_ascii()
        })
    };
    let w = word(ti);
    if w.len() < SHORT_PHRASE_WORD || !w.is_ascii() || ti == 0 {
        return None;
    }
    // a word of three letters (or, right after a name, a word of the dictionary shorter than
    // five) is read only as the phrase's word with one letter dropped ("bear bil", "agar wod"):
    // any edit of so short a word makes another word as often as a misspelling
    let dropped_only = w.len() < if dict_ok { FUZZY_MIN_WORD } else { 4 };
    let fst = lex.fuzzy_fst();
    // whether a phrase key starts with the word (the prefilter knows their first words)
    let starts_phrase =
        |i: usize| lex.may_start_key(crate::lexicon::format::phrase_start_hash(word(i)));
    // whether a phrase key starts with these bytes (an exact walk)
    let starts_a_key = |bytes: &[u8]| {
        let mut node = fst.root();
        for &b in bytes {
            match node.find_input(b) {
                Some(i) => node = fst.node(node.transition(i).addr),
                None => return false,
            }
        }
        true
    };
    // cheapest first: a free start and a word that starts a phrase (one Bloom probe each for
    // the word before and the one before that)
    let starts =
        |back: usize| back <= ti && free(tokens[ti - back].start) && starts_phrase(ti - back);
    let (one, two) = (starts(1), starts(2));
    if !one && !two {
        return None;
    }
    let mut checked_dict = false;
    let mut best: Option<(u32, usize, usize, usize, u64)> = None;
    for (back, ahead) in [(1, 0), (1, 1), (2, 0)] {
        if !(if back == 1 { one } else { two }) || ti + ahead >= tokens.len() {
            continue;
        }
        let (first, last) = (ti - back, ti + ahead);
        if !(first..=last).all(plain) {
            continue;
        }
        let phrase = &text[tokens[first].start as usize..tokens[last].end as usize];
        // (the phrase key may be one letter longer than the text: "bear bil" for "bear bile")
        if phrase.len() + usize::from(dropped_only) < 9 || phrase.len() > 40 {
            continue;
        }
        // one word is misspelt: the edits its length allows (the gate then needs only its
        // one-deletion forms for most words)
        let max = allowed_distance(w.len() + 1).max(1);
        // the words before the misspelt one must be exact, and so its first letter: the walk
        // follows them without branching, so a phrase costs about what one word costs
        let fixed = (tokens[ti].start - tokens[first].start) as usize + 1;
        if !starts_a_key(&phrase[..fixed]) {
            continue;
        }
        // a word of the dictionary is never rewritten (asked once, and only here: the walk
        // above rules out most words more cheaply)
        if !checked_dict && !dict_ok {
            if lex.dict_contains(w) {
                return None;
            }
            checked_dict = true;
        }
        if gate && !lex.may_be_near_fuzzy_key(phrase, max) {
            continue;
        }
        fuzzy_candidates(fst, phrase, max, fixed, &mut |key, value, d| {
            if !key.contains(&b' ')
                || !fuzzy_allowed(key, d)
                || dropped_only && key.len() != phrase.len() + 1
                || d >= 2 && !two_edits_reach(lex, key, value)
            {
                return;
            }
            let better = match best {
                None => true,
                Some((bd, blen, ..)) => d < bd || d == bd && phrase.len() > blen,
            };
            if better {
                best = Some((d, phrase.len(), first, last, value));
            }
        });
    }
    best.map(|(d, _, first, last, value)| (first, last, value, d))
}

/// A phrase of two or three words starting with token `ti` (a word no key and no dictionary
/// word, of five letters or more, maybe misspelt in any letter but its first; of three or four,
/// with one letter dropped: "tigr bone") that is one edit from a phrase key of the fuzzy FST:
/// "afircan grey", "almmeja gigante", "crrocodile lizard".
/// Returns the last token, the key's value and the distance (1); the longer phrase wins.
fn fuzzy_phrase_from(
    lex: &Lexicon,
    text: &[u8],
    tokens: &[Token],
    ti: usize,
    gate: bool,
) -> Option<(usize, u64, u32)> {
    let plain = |i: usize| {
        tokens.get(i).is_some_and(|t| {
            t.flags & tok::ALPHA != 0 && text[t.start as usize..t.end as usize].is_ascii()
        })
    };
    if !plain(ti) || !plain(ti + 1) {
        return None;
    }
    let start = tokens[ti].start as usize;
    let first = tokens[ti].end as usize - start;
    let mut best = None;
    for last in [ti + 2, ti + 1] {
        if last == ti + 2 && !plain(last) {
            continue;
        }
        let phrase = &text[start..tokens[last].end as usize];
        if let Some((v, d)) = phrase_near(lex, phrase, first, gate) {
            best = Some((last, v, d));
            break;
        }
    }
    best
}

/// The phrase key of the fuzzy FST one edit from `phrase` (ASCII words joined by one space,
/// the first `first` bytes of which are a word of no key) in its first word, sharing its first
/// letter, the words after written exactly: the look-up of `fuzzy_phrase_from`, which the
/// screen makes too. The prefilter (is the second word one of a phrase's?) and the
/// symmetric-deletion gate rule out most phrases first; a word of the dictionary is never
/// rewritten.
fn phrase_near(lex: &Lexicon, phrase: &[u8], first: usize, gate: bool) -> Option<(u64, u32)> {
    use crate::lexicon::format::phrase_second_hash;
    // a first word of three or four letters only with one letter dropped ("tigr bone")
    let dropped_only = first < FUZZY_MIN_WORD;
    if first < SHORT_PHRASE_WORD
        || phrase.len() + usize::from(dropped_only)
            < crate::lexicon::builder::FUZZY_PHRASE_MIN_BYTES
        || phrase.len() > crate::lexicon::format::GATE_MAX_WORD
    {
        return None;
    }
    let rest = &phrase[first..]; // " grey", " de oud"
    let second = rest[1..].split(|&b| b == b' ').next().unwrap_or(&[]);
    if gate && !lex.may_start_key(phrase_second_hash(second)) {
        return None;
    }
    let fst = lex.fuzzy_fst();
    fst.root().find_input(phrase[0])?;
    if gate && !lex.may_be_near_fuzzy_key(phrase, 1) || lex.dict_contains(&phrase[..first]) {
        return None;
    }
    closest_key(lex, fst, phrase, 1, &|key, d| {
        key.ends_with(rest)
            && key.len() > rest.len()
            && fuzzy_allowed(key, d)
            && (!dropped_only || key.len() == phrase.len() + 1)
    })
}

/// Whether a respelling of `word` (the ones `respelled_lookup` tries) may be a key or start
/// one: the screen's look-up for it, which cannot see the words after.
fn respelling_may_start_key(lex: &Lexicon, word: &[u8]) -> bool {
    if word.len() < 5 || word.len() > 24 {
        return false;
    }
    let fst = lex.keys_fst();
    let mut found = false;
    respellings(word, &mut |c: &[u8]| {
        found = lex.may_start_key(fnv1a64(c))
            || walk_from(fst, fst.root(), c).is_some_and(|n| n.find_input(b' ').is_some());
        found
    });
    found
}

/// Most respellings tried for one word.
const MAX_RESPELLINGS: usize = 12;

/// Calls `f` with respellings of a word as sellers misspell it, each one edit of a kind common
/// in the languages of the trade: a doubled letter doubled in the wrong place ("corralo" for
/// "corallo", "avorrio"), b for v and v for b (Spanish and Portuguese say them alike), y for
/// ll and ll for y ("colmiyo"), s for z, k for a hard c ("karey") and y for i before a
/// consonant ("tyger"). At most `MAX_RESPELLINGS`, no first letter changed but a k, no
/// allocation; `f` returns true to stop.
fn respellings(w: &[u8], f: &mut dyn FnMut(&[u8]) -> bool) {
    const CAP: usize = 32;
    let n = w.len();
    if n + 1 > CAP {
        return;
    }
    let mut buf = [0u8; CAP];
    let mut tried = 0;
    let mut emit = |parts: [&[u8]; 3], buf: &mut [u8; CAP]| -> bool {
        if tried >= MAX_RESPELLINGS {
            return true;
        }
        let mut k = 0;
        for p in parts {
            buf[k..k + p.len()].copy_from_slice(p);
            k += p.len();
        }
        tried += 1;
        f(&buf[..k])
    };
    // exactly one doubled consonant: double another consonant instead (not the last letter)
    let mut doubled = (1..n).filter(|&i| w[i] == w[i - 1] && !b"aeiou".contains(&w[i]));
    if let (Some(d), None) = (doubled.next(), doubled.next()) {
        // the word with the pair made single is w[..d] + w[d+1..]; double its letter i
        for i in 1..n - 2 {
            let j = if i < d { i } else { i + 1 }; // index of that letter in w
            let c = w[j];
            if i == d - 1 || b"aeiou".contains(&c) {
                continue;
            }
            let stop = if i < d {
                emit(
                    [&w[..=j], &[c], &[&w[j + 1..d], &w[d + 1..]].concat()],
                    &mut buf,
                )
            } else {
                emit(
                    [&[&w[..d], &w[d + 1..=j]].concat(), &[c], &w[j + 1..]],
                    &mut buf,
                )
            };
            if stop {
                return;
            }
        }
    }
    for i in 0..n {
        let stop = match w[i] {
            // k for a hard c, first letter too ("karey", "kolmillo"), y for i ("tyger")
            b'k' => emit([&w[..i], b"c", &w[i + 1..]], &mut buf),
            _ if i == 0 => false,
            b'y' if i + 1 < n && !b"aeiou".contains(&w[i + 1]) => {
                emit([&w[..i], b"i", &w[i + 1..]], &mut buf)
            }
            b'b' => emit([&w[..i], b"v", &w[i + 1..]], &mut buf),
            b'v' => emit([&w[..i], b"b", &w[i + 1..]], &mut buf),
            b'z' => emit([&w[..i], b"s", &w[i + 1..]], &mut buf),
            b'y' if i + 1 < n => emit([&w[..i], b"ll", &w[i + 1..]], &mut buf),
            b'l' if i + 1 < n && w[i + 1] == b'l' => emit([&w[..i], b"y", &w[i + 2..]], &mut buf),
            _ => false,
        };
        if stop {
            return;
        }
    }
}

/// Token `ti` (a word no key and no dictionary word, found by no other look-up) read as one of
/// its `respellings`, looked up exactly: alone, or as the first word of a key whose next words
/// follow exactly in the text ("corralo rosso" for "corallo rosso"). Each respelling costs a
/// prefilter probe or two before any FST walk. Only keys that name a taxon or a product count.
/// Returns the last token, the key's value and the distance (1).
fn respelled_lookup(
    lex: &Lexicon,
    text: &[u8],
    tokens: &[Token],
    ti: usize,
) -> Option<(usize, u64, u32)> {
    use crate::lexicon::format::fnv1a64_from;
    let t = &tokens[ti];
    let w = &text[t.start as usize..t.end as usize];
    if w.len() < 5 || w.len() > 24 || !w.is_ascii() {
        return None;
    }
    let next = tokens
        .get(ti + 1)
        .map(|n| &text[n.start as usize..n.end as usize]);
    let fst = lex.keys_fst();
    // the text after the word, up to the end of the second token after it
    let rest_end = tokens[(ti + 2).min(tokens.len() - 1)].end as usize;
    let rest = &text[t.end as usize..rest_end.max(t.end as usize)];
    let mut best: Option<(usize, u64)> = None; // (bytes of rest used, value)
    respellings(w, &mut |c: &[u8]| {
        let h = fnv1a64(c);
        let alone = lex.may_start_key(h);
        let pair = !alone
            && next.is_some_and(|nw| lex.may_start_key(fnv1a64_from(fnv1a64_from(h, b" "), nw)));
        if !alone && !pair {
            return false;
        }
        // walk the respelling, then the text after it exactly
        let mut node = fst.root();
        let mut out = Output::zero();
        let mut ok = true;
        for &b in c.iter() {
            match node.find_input(b) {
                Some(i) => {
                    let tr = node.transition(i);
                    out = out.cat(tr.out);
                    node = fst.node(tr.addr);
                }
                None => {
                    ok = false;
                    break;
                }
            }
        }
        if !ok {
            return false;
        }
        let names = |v: u64| {
            lex.entries_of(v)
                .any(|e| e.kind().names_taxon() || e.kind() == Kind::Product)
        };
        let consider = |k: usize, v: u64, best: &mut Option<(usize, u64)>| {
            if names(v) && best.is_none_or(|(bk, _)| k > bk) {
                *best = Some((k, v));
            }
        };
        if node.is_final() {
            consider(0, out.cat(node.final_output()).value(), &mut best);
        }
        let mut k = 0;
        while k < rest.len() {
            let Some(i) = node.find_input(rest[k]) else {
                break;
            };
            let tr = node.transition(i);
            out = out.cat(tr.out);
            node = fst.node(tr.addr);
            k += 1;
            if (k == rest.len() || rest[k] == b' ') && node.is_final() {
                consider(k, out.cat(node.final_output()).value(), &mut best);
            }
        }
        false
    });
    let (k, value) = best?;
    // a word of the dictionary is never rewritten (asked only for a word found)
    if lex.dict_contains(w) {
        return None;
    }
    let end = t.end as usize + k;
    let last = (ti..tokens.len()).find(|&j| tokens[j].end as usize == end)?;
    Some((last, value, 1))
}

/// Whether a phrase key may be read with one of its words misspelt as a word of the
/// dictionaries (`doubled_dict_word_in_phrase`, `misspelt_dict_word_in_phrase`): it names a
/// taxon as a name of the trade (a product name, or a hand-curated name that is no code word),
/// and nothing reframes it.
fn dict_misspelt_phrase_ok(lex: &Lexicon, value: u64) -> bool {
    lex.entries_of(value).any(|e| {
        e.kind().names_taxon()
            && e.kind() != Kind::Code
            && (e.curated() || e.kind() == Kind::Product)
    }) && !lex.entries_of(value).any(|e| e.kind().is_reframing())
}

/// Walks `parts` exactly through the key FST from `from` (a node and the output so far), then
/// the words of the tokens from `next` on, each after one space (up to the token after
/// `next`): the last token at whose end a key `ok` accepts ends, with its value (the longest
/// wins). A key that ends with `parts` counts only when `next` is past `min_next`.
fn phrase_walk<'f>(
    lex: &'f Lexicon,
    text: &[u8],
    tokens: &[Token],
    from: (Node<'f>, Output),
    parts: &[&[u8]],
    (next, min_next): (usize, usize),
    ok: &dyn Fn(u64) -> bool,
) -> Option<(usize, u64)> {
    let fst = lex.keys_fst();
    let (mut node, mut out) = from;
    let mut best = None;
    let step = |node: &mut Node<'f>, out: &mut Output, bytes: &[u8]| {
        for &x in bytes {
            let Some(i) = node.find_input(x) else {
                return false;
            };
            let tr = node.transition(i);
            *out = out.cat(tr.out);
            *node = fst.node(tr.addr);
        }
        true
    };
    for p in parts {
        if !step(&mut node, &mut out, p) {
            return None;
        }
    }
    if node.is_final() && next > min_next {
        let v = out.cat(node.final_output()).value();
        if split_misspelt(v).1 == 0 && ok(v) {
            best = Some((next - 1, v));
        }
    }
    for (k, t) in tokens.iter().enumerate().skip(next).take(2) {
        if t.flags & tok::ALPHA == 0
            || !step(&mut node, &mut out, b" ")
            || !step(&mut node, &mut out, &text[t.start as usize..t.end as usize])
        {
            break;
        }
        if node.is_final() {
            let v = out.cat(node.final_output()).value();
            if split_misspelt(v).1 == 0 && ok(v) {
                best = Some((k, v));
            }
        }
    }
    best
}

/// Token `ti`, a word of the dictionaries of six letters or more with a letter doubled, after
/// a word a phrase may start with, read as that phrase's word with the letter single, the
/// words before and after written exactly: "hard corral" for "hard coral", "stony corral".
/// A doubled letter is the one slip that makes a dictionary word of a name often enough
/// ("corral", "mirra") and seldom reads another word as one. Each reading costs one probe of
/// the prefilter (which holds the first two words of every key; the screen makes the same
/// probe) before an exact walk. Returns the last token and the key's value.
fn doubled_dict_word_in_phrase(
    lex: &Lexicon,
    text: &[u8],
    tokens: &[Token],
    ti: usize,
) -> Option<(usize, u64)> {
    use crate::lexicon::format::fnv1a64_from;
    let prev = &text[tokens[ti - 1].start as usize..tokens[ti - 1].end as usize];
    let w = &text[tokens[ti].start as usize..tokens[ti].end as usize];
    let fst = lex.keys_fst();
    let hp = fnv1a64_from(fnv1a64(prev), b" ");
    let ok = |v: u64| dict_misspelt_phrase_ok(lex, v);
    with_doubled_made_single(w, |single| {
        if !lex.may_start_key(fnv1a64_from(hp, single)) {
            return None;
        }
        let start = (fst.root(), Output::zero());
        // the phrase ends with the word, or goes on exactly with the next one
        phrase_walk(
            lex,
            text,
            tokens,
            start,
            &[prev, b" ", single],
            (ti + 1, 0),
            &ok,
        )
    })
}

/// `f`'s first answer for the word with one of its first two doubled letters made single
/// ("corral": "coral"), or `None` (also for a word longer than the screen reads).
fn with_doubled_made_single<T>(w: &[u8], mut f: impl FnMut(&[u8]) -> Option<T>) -> Option<T> {
    let mut buf = [0u8; SCREEN_MAX_WORD];
    if w.len() > buf.len() {
        return None;
    }
    for i in (1..w.len()).filter(|&i| w[i] == w[i - 1]).take(2) {
        buf[..i].copy_from_slice(&w[..i]);
        buf[i..w.len() - 1].copy_from_slice(&w[i + 1..]);
        if let Some(found) = f(&buf[..w.len() - 1]) {
            return Some(found);
        }
    }
    None
}

/// Token `ti`, a word of the dictionaries of five letters or more, read as the first word of a
/// phrase with one letter (not its first) dropped or doubled, when the name after it is
/// written exactly ("gadin gajah" for "gading gajah": gadin is a French word): the name is
/// there anyway, so the screen has declined, and the look-up runs only after a name's exact
/// hit. The other words of the phrase follow exactly. Returns the last token and the key's
/// value.
fn misspelt_dict_word_in_phrase(
    lex: &Lexicon,
    text: &[u8],
    tokens: &[Token],
    ti: usize,
) -> Option<(usize, u64)> {
    let w = &text[tokens[ti].start as usize..tokens[ti].end as usize];
    let fst = lex.keys_fst();
    let ok = |v: u64| dict_misspelt_phrase_ok(lex, v);
    if w.len() > SCREEN_MAX_WORD {
        return None;
    }
    // a letter doubled: made single
    let doubled = with_doubled_made_single(w, |single| {
        let start = (fst.root(), Output::zero());
        phrase_walk(lex, text, tokens, start, &[single], (ti + 1, ti + 1), &ok)
    });
    if doubled.is_some() {
        return doubled;
    }
    // a letter dropped: each letter a key goes on with, put back after the first
    let mut node = fst.root();
    let mut out = Output::zero();
    for p in 1..=w.len() {
        let tr = node.transition(node.find_input(w[p - 1])?);
        out = out.cat(tr.out);
        node = fst.node(tr.addr);
        for t in node.transitions() {
            if !t.inp.is_ascii_lowercase() {
                continue;
            }
            let from = (fst.node(t.addr), out.cat(t.out));
            let rest: &[u8] = &w[p..];
            if let Some(found) =
                phrase_walk(lex, text, tokens, from, &[rest], (ti + 1, ti + 1), &ok)
            {
                return Some(found);
            }
        }
    }
    None
}

/// Shortest word fuzzy matching looks at (five letters: only for a swap).
const FUZZY_MIN_WORD: usize = 5;

/// Shortest word of a phrase that fuzzy matching reads as misspelt (three letters: only as the
/// phrase's word with one letter dropped, the other words written exactly).
const SHORT_PHRASE_WORD: usize = 3;

/// Every key of `fst` within `max` edits (Levenshtein with adjacent transpositions) of `query`,
/// among keys that start with the query's first `fixed` bytes.
pub(crate) fn fuzzy_candidates<D: AsRef<[u8]>>(
    fst: &Fst<D>,
    query: &[u8],
    max: u32,
    fixed: usize,
    found: &mut dyn FnMut(&[u8], u64, u32),
) {
    if query.is_empty() || query.len() > 64 || fixed > query.len() {
        return;
    }
    let m = query.len();
    let depth = m + max as usize + 1;
    // one flat buffer of DP rows, one row per depth of the walk
    let mut rows = vec![0u32; (depth + 1) * (m + 1)];
    for (j, r) in rows[..=m].iter_mut().enumerate() {
        *r = j as u32;
    }
    let mut prefix = Vec::with_capacity(depth);
    let mut ctx = Ctx {
        fst,
        query,
        max,
        fixed,
        found,
        rows,
        width: m + 1,
        limit: depth,
    };
    walk(&mut ctx, fst.root(), Output::zero(), &mut prefix);
}

struct Ctx<'a, 'f, D: AsRef<[u8]>> {
    fst: &'a Fst<D>,
    query: &'a [u8],
    max: u32,
    fixed: usize,
    found: &'a mut (dyn FnMut(&[u8], u64, u32) + 'f),
    rows: Vec<u32>,
    width: usize,
    limit: usize,
}

/// Visits the children of `node`; `prefix` is the key so far (its row is at depth
/// `prefix.len()`).
fn walk<D: AsRef<[u8]>>(
    ctx: &mut Ctx<'_, '_, D>,
    node: Node<'_>,
    out: Output,
    prefix: &mut Vec<u8>,
) {
    let d = prefix.len() + 1; // depth of the child rows
    if d >= ctx.limit {
        return;
    }
    let (q, m, w) = (ctx.query, ctx.query.len(), ctx.width);
    for t in node.transitions() {
        let c = t.inp;
        if d <= ctx.fixed && c != q[d - 1] {
            continue;
        }
        let (before, after) = ctx.rows.split_at_mut(d * w);
        let prev = &before[(d - 1) * w..d * w];
        let prev2 = if d >= 2 {
            Some((&before[(d - 2) * w..(d - 1) * w], prefix[d - 2]))
        } else {
            None
        };
        let row = &mut after[..w];
        row[0] = prev[0] + 1;
        let mut min = row[0];
        // only the band of cells within `max` of the diagonal can hold `max` or less (a prefix
        // of `d` bytes is at least |d - j| edits from one of `j`); the cells just outside it
        // hold `max + 1`, which stands for any larger distance, for the next rows to read
        let far = ctx.max + 1;
        let (lo, hi) = (
            d.saturating_sub(ctx.max as usize).max(1),
            (d + ctx.max as usize).min(m),
        );
        if lo >= 2 {
            row[lo - 1] = far;
        }
        if hi < m {
            row[hi + 1] = far;
        }
        for j in lo..=hi {
            let cost = u32::from(q[j - 1] != c);
            let mut v = (prev[j] + 1).min(row[j - 1] + 1).min(prev[j - 1] + cost);
            if let Some((pp, pc)) = prev2 {
                if j >= 2 && q[j - 1] == pc && q[j - 2] == c {
                    v = v.min(pp[j - 2] + 1);
                }
            }
            let v = v.min(far);
            row[j] = v;
            min = min.min(v);
        }
        if min > ctx.max {
            continue;
        }
        let last = if hi == m { row[m] } else { far };
        let child = ctx.fst.node(t.addr);
        let out = out.cat(t.out);
        prefix.push(c);
        if child.is_final() && last <= ctx.max {
            (ctx.found)(prefix, out.cat(child.final_output()).value(), last);
        }
        walk(ctx, child, out, prefix);
        prefix.pop();
    }
}

#[cfg(test)]
mod screen_table_tests {
    use super::*;

    #[test]
    fn the_short_word_table_answers_as_the_key_fst() {
        let lex = Lexicon::embedded();
        let tables = ScreenTables::new(&lex, &crate::policy::Policy::default());
        let alnum: Vec<u8> = (b'0'..=b'9').chain(b'a'..=b'z').collect();
        let mut naming = 0;
        for &x in &alnum {
            for word in std::iter::once(vec![x]).chain(alnum.iter().map(|&y| vec![x, y])) {
                let expect = key_names_taxon(&lex, &word);
                let got = tables.naming_key(&lex, &word);
                assert_eq!(got.is_some(), expect, "{word:?}");
                assert_eq!(got, naming_key(&lex, &word), "{word:?}");
                naming += usize::from(expect);
            }
        }
        // words of more letters, and bytes outside the table, are looked up
        for word in [&b"no"[..], b"ivory", b"n-", b"\xc3\xa9"] {
            assert_eq!(
                tables.naming_key(&lex, word),
                naming_key(&lex, word),
                "{word:?}"
            );
        }
        assert!(naming < 100, "{naming} short words name a taxon");
    }
}
