//! Classification: hits × context × policy → Assessment (verdict, score, taxa, matches, reasons).

use std::collections::BTreeSet;
use std::fmt;
use std::sync::Arc;

use aho_corasick::{AhoCorasick, MatchKind};
use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind};
use crate::lexicon::{Entry, Kind, Lexicon};
use crate::normalize::{tok, NormalizeOptions, Normalized, Obfuscation, ObfuscationSet};
use crate::policy::Policy;
use crate::scan::{self, scan, Hit, ScanOptions};

/// The decision for a listing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Nothing to act on.
    Allow,
    /// A person should look at it.
    Review,
    /// Remove it.
    Block,
}

impl Verdict {
    /// `"allow"`, `"review"` or `"block"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Allow => "allow",
            Verdict::Review => "review",
            Verdict::Block => "block",
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One matched term, with its span in the original text of its field.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Match {
    /// The field the text came from (`title`, `description`, `text`, ...).
    pub field: String,
    /// Start byte offset in the original text of `field`.
    pub start: usize,
    /// End byte offset (exclusive) in the original text of `field`.
    pub end: usize,
    /// The original text of the span.
    pub text: String,
    /// The lexicon term it matched, as written in the lexicon.
    pub term: String,
    /// The term's kind (`scientific`, `synonym`, `common`, `product`, `code`, `emoji`, or a
    /// context kind: `form`, `sale`, `permit`, `colour`, `imitation`, `brand`, `benign`,
    /// `stop`, `negation`).
    pub kind: Kind,
    /// Scientific name of the taxon, for species-bearing kinds.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub taxon: Option<String>,
    /// CITES Appendix of the taxon as the Checklist writes it (`I`, `II`, `I/II`, ...).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub appendix: Option<String>,
    /// Language of the term.
    pub lang: String,
    /// Obfuscations undone to find it.
    pub obfuscations: Vec<Obfuscation>,
    /// Other kinds stored under the same key (a name that is also a brand or an everyday word).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub also: Vec<Kind>,
    /// `#` annotation of a plant listing (which parts and derivatives are covered).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub annotation: Option<String>,
}

/// A reason for the verdict, with a stable code and a sentence fit for a statement of reasons.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reason {
    /// Stable code (see the README's table).
    pub code: String,
    /// What was relied on, in words.
    pub detail: String,
}

/// The lexicon an Assessment was made with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LexiconRef {
    /// Version string.
    pub version: String,
    /// Content hash.
    pub hash: String,
}

/// The result for one listing. Serialises to the JSON documented in the README.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    /// The listing's id, when it has one.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub id: Option<String>,
    /// The decision.
    pub verdict: Verdict,
    /// Score in [0, 1].
    pub score: f32,
    /// Taxa the evidence points to, strongest first.
    pub taxa: Vec<String>,
    /// Every matched term, in field and text order; empty when no species-bearing term matched
    /// (context words alone are evidence of nothing).
    pub matches: Vec<Match>,
    /// Why, with stable codes.
    pub reasons: Vec<Reason>,
    /// The lexicon used.
    pub lexicon: LexiconRef,
}

impl Assessment {
    /// The Assessment as one line of JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Whether any reason has this code.
    pub fn has_reason(&self, code: &str) -> bool {
        self.reasons.iter().any(|r| r.code == code)
    }
}

/// A listing with named text fields (title, description, ...).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Listing {
    /// Its id, copied into the Assessment.
    pub id: Option<String>,
    /// (field name, text) pairs.
    pub fields: Vec<(String, String)>,
}

impl Listing {
    /// A listing with an id and no fields.
    pub fn new(id: impl Into<Option<String>>) -> Self {
        Listing {
            id: id.into(),
            fields: Vec::new(),
        }
    }

    /// Adds a field.
    pub fn field(mut self, name: impl Into<String>, text: impl Into<String>) -> Self {
        self.fields.push((name.into(), text.into()));
        self
    }
}

/// What a platform term does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TermAction {
    Allow,
    Deny,
    Review,
}

struct PlatformTerms {
    ac: Option<AhoCorasick>,
    actions: Vec<(TermAction, String)>,
}

struct Inner {
    lexicon: Lexicon,
    policy: Policy,
    normalize: NormalizeOptions,
    fuzzy: bool,
    max_input_bytes: usize,
    platform: PlatformTerms,
    /// Ids of the lexicon's `form` entries that say "taken from the wild" (policy
    /// `rules.wild_terms`), sorted.
    wild_ids: Vec<u32>,
    /// Policy `rules.wild_terms`, for product names that say it (`WildTerms::named_in`).
    wild_terms: WildTerms,
    /// Ids of the lexicon's `sale` entries that wink at those who know (policy
    /// `rules.knowing_terms`), sorted.
    knowing_ids: Vec<u32>,
    /// Ids of the lexicon's `form` entries that say the item is a whole preserved animal
    /// (policy `rules.specimen_terms`), sorted.
    specimen_ids: Vec<u32>,
    /// Policy `rules.unknown_species_terms`, `rules.structure_tells` and
    /// `rules.real_material_tells`, read in the text in one pass.
    phrases: PhraseSet,
    parallel: bool,
    /// Tests only: walk every word, to show the prefilter changes nothing.
    no_prefilter: bool,
    /// `names_certainly_suppressed` reads every hit (tests compare it with the early stop).
    full_suppressor_check: bool,
    /// What the clean-text screen needs of the lexicon's keys.
    screen: scan::ScreenTables,
}

/// Classifies listings. Immutable, `Send + Sync`, cheap to clone (an `Arc`): build one and
/// share it across threads.
///
/// ```
/// use citescan::{Classifier, Verdict};
/// let c = Classifier::new();
/// let a = c.classify("carved ivory bangle, DM for price");
/// assert_eq!(a.verdict, Verdict::Block);
/// assert_eq!(c.classify("ivory lace wedding dress").verdict, Verdict::Allow);
/// ```
#[derive(Clone)]
pub struct Classifier {
    inner: Arc<Inner>,
}

impl fmt::Debug for Classifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Classifier")
            .field("lexicon", &self.inner.lexicon)
            .field("policy", &self.inner.policy.name)
            .finish()
    }
}

/// Configures a [`Classifier`].
#[derive(Clone, Debug)]
pub struct ClassifierBuilder {
    lexicon: Option<Lexicon>,
    policy: Option<Policy>,
    normalize: NormalizeOptions,
    fuzzy: bool,
    max_input_bytes: usize,
    parallel: bool,
    no_prefilter: bool,
    /// `names_certainly_suppressed` reads every hit (tests compare it with the early stop).
    full_suppressor_check: bool,
}

/// Default cap on one input for the fallible byte API: 16 MiB.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 16 << 20;

impl Default for ClassifierBuilder {
    fn default() -> Self {
        ClassifierBuilder {
            lexicon: None,
            policy: None,
            normalize: NormalizeOptions::default(),
            fuzzy: true,
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
            parallel: true,
            no_prefilter: false,
            full_suppressor_check: false,
        }
    }
}

impl ClassifierBuilder {
    /// Uses this lexicon instead of the embedded default.
    pub fn lexicon(&mut self, lexicon: Lexicon) -> &mut Self {
        self.lexicon = Some(lexicon);
        self
    }
    /// Uses this policy instead of the default.
    pub fn policy(&mut self, policy: Policy) -> &mut Self {
        self.policy = Some(policy);
        self
    }
    /// Chooses which normalisations run (all by default).
    pub fn normalize(&mut self, opts: NormalizeOptions) -> &mut Self {
        self.normalize = opts;
        self
    }
    /// Turns fuzzy (misspelling) matching on or off (on by default).
    pub fn fuzzy(&mut self, on: bool) -> &mut Self {
        self.fuzzy = on;
        self
    }
    /// Caps the size of one input for [`Classifier::try_classify_bytes`] (16 MiB by default).
    pub fn max_input_bytes(&mut self, n: usize) -> &mut Self {
        self.max_input_bytes = n;
        self
    }
    /// Lets batch calls use all cores (default on, with the `parallel` feature; the
    /// environment variable `CITESCAN_NO_PARALLEL=1` turns it off at run time).
    pub fn parallel(&mut self, on: bool) -> &mut Self {
        self.parallel = on;
        self
    }

    #[cfg(test)]
    pub(crate) fn without_prefilter(&mut self) -> &mut Self {
        self.no_prefilter = true;
        self
    }

    /// `names_certainly_suppressed` scans every field to its end (no early stop).
    #[cfg(test)]
    pub(crate) fn full_suppressor_check(&mut self) -> &mut Self {
        self.full_suppressor_check = true;
        self
    }

    /// Builds the classifier. Fails only when a platform term list cannot be compiled.
    pub fn build(&self) -> Result<Classifier, Error> {
        let lexicon = self.lexicon.clone().unwrap_or_else(Lexicon::embedded);
        let policy = self.policy.clone().unwrap_or_default();
        let norm = lexicon.normalizer(self.normalize);
        let mut actions = Vec::new();
        for (list, action) in [
            (&policy.terms.allow, TermAction::Allow),
            (&policy.terms.deny, TermAction::Deny),
            (&policy.terms.review, TermAction::Review),
        ] {
            for t in list {
                let key = crate::lexicon::builder::normalize_key(&norm, t);
                if !key.is_empty() {
                    actions.push((action, key));
                }
            }
        }
        let ac = if actions.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(actions.iter().map(|(_, k)| k.as_str()))
                    .map_err(|e| Error::new(ErrorKind::Policy, format!("policy terms: {e}")))?,
            )
        };
        let wild_ids = entry_ids(&lexicon, &policy.rules.wild_terms, Kind::Form);
        let wild_terms = WildTerms::new(&policy.rules.wild_terms);
        let knowing_ids = entry_ids(&lexicon, &policy.rules.knowing_terms, Kind::Sale);
        let specimen_ids = entry_ids(&lexicon, &policy.rules.specimen_terms, Kind::Form);
        let phrases = PhraseSet::of_policy(&policy)?;
        let screen = scan::ScreenTables::with_phrases(&lexicon, &policy, Some(phrases.clone()));
        Ok(Classifier {
            inner: Arc::new(Inner {
                lexicon,
                policy,
                normalize: self.normalize,
                fuzzy: self.fuzzy,
                max_input_bytes: self.max_input_bytes,
                platform: PlatformTerms { ac, actions },
                wild_ids,
                wild_terms,
                knowing_ids,
                specimen_ids,
                phrases,
                parallel: self.parallel,
                no_prefilter: self.no_prefilter,
                full_suppressor_check: self.full_suppressor_check,
                screen,
            }),
        })
    }
}

impl Default for Classifier {
    fn default() -> Self {
        Classifier::new()
    }
}

/// One hit with what classification needs to know about it.
struct Scored<'l> {
    field: usize,
    tok: usize,
    tok_end: usize,
    hit: Hit,
    span: (usize, usize),
    obf: ObfuscationSet,
    kinds: u32,
    primary: Entry<'l>,
    species: Option<Entry<'l>>,
    platform: Option<TermAction>,
    /// A negation glued on before it inside a hashtag ("#notresin", "#nofake").
    glued_negation: bool,
}

/// Negations written glued to the word they deny inside a hashtag ("#notresin", "#nofake",
/// "#realhornnotresin"): "not" may end a longer run of glued words, the others must be the
/// hashtag's whole beginning ("#rhinoresin" ends in "no" but denies nothing).
fn glued_negation(before: &str) -> bool {
    const WHOLE: &[&str] = &[
        "no", "non", "not", "never", "nicht", "kein", "keine", "sin", "sem", "senza", "sans",
        "pas", "khong", "bukan", "tidak", "tanpa",
    ];
    before.ends_with("not") || WHOLE.contains(&before)
}

pub(crate) fn bit(k: Kind) -> u32 {
    1 << (k as u32)
}

impl Classifier {
    /// The embedded lexicon with the default policy.
    pub fn new() -> Classifier {
        match ClassifierBuilder::default().build() {
            Ok(c) => c,
            Err(e) => unreachable!("default classifier: {e}"),
        }
    }

    /// A builder to choose the lexicon, policy and normalisations.
    pub fn builder() -> ClassifierBuilder {
        ClassifierBuilder::default()
    }

    /// The lexicon.
    pub fn lexicon(&self) -> &Lexicon {
        &self.inner.lexicon
    }

    /// The policy.
    pub fn policy(&self) -> &Policy {
        &self.inner.policy
    }

    /// Whether a text would be blocked or reviewed.
    pub fn is_flagged(&self, text: &str) -> bool {
        self.classify(text).verdict != Verdict::Allow
    }

    /// Classifies one text (field name `text`).
    pub fn classify(&self, text: &str) -> Assessment {
        self.assess(None, &[("text", text)])
    }

    /// Classifies UTF-8 bytes, with a clear error for invalid UTF-8 or input over the
    /// configured size cap.
    pub fn try_classify_bytes(&self, bytes: &[u8]) -> Result<Assessment, Error> {
        if bytes.len() > self.inner.max_input_bytes {
            return Err(Error::new(
                ErrorKind::Input,
                format!(
                    "input is {} bytes, over the limit of {}",
                    bytes.len(),
                    self.inner.max_input_bytes
                ),
            ));
        }
        let text = std::str::from_utf8(bytes).map_err(|e| {
            Error::new(
                ErrorKind::Input,
                format!("input is not valid UTF-8 at byte {}", e.valid_up_to()),
            )
        })?;
        Ok(self.classify(text))
    }

    /// Classifies a listing with several fields; spans refer to each field's own text.
    pub fn classify_listing(&self, listing: &Listing) -> Assessment {
        let fields: Vec<(&str, &str)> = listing
            .fields
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str()))
            .collect();
        self.assess(listing.id.clone(), &fields)
    }

    /// Classifies many texts, in input order, on all cores (see [`ClassifierBuilder::parallel`]).
    pub fn classify_batch(&self, texts: &[&str]) -> Vec<Assessment> {
        self.map_batch(texts, |t| self.classify(t))
    }

    /// Classifies many listings, in input order, on all cores.
    pub fn classify_listings(&self, listings: &[Listing]) -> Vec<Assessment> {
        self.map_batch(listings, |l| self.classify_listing(l))
    }

    fn map_batch<T: Sync, F>(&self, items: &[T], f: F) -> Vec<Assessment>
    where
        F: Fn(&T) -> Assessment + Sync + Send,
    {
        #[cfg(feature = "parallel")]
        {
            if self.inner.parallel && items.len() > 1 && !parallel_disabled() {
                use rayon::prelude::*;
                return items.par_iter().map(&f).collect();
            }
        }
        items.iter().map(f).collect()
    }

    /// The matches in one text, without a verdict.
    pub fn find_matches(&self, text: &str) -> Vec<Match> {
        self.assess(None, &[("text", text)]).matches
    }

    /// Normalises a text exactly as the classifier does (for tools and debugging).
    pub fn normalize(&self, text: &str) -> Normalized {
        self.inner
            .lexicon
            .normalizer(self.inner.normalize)
            .normalize(text)
    }

    fn assess(&self, id: Option<String>, fields: &[(&str, &str)]) -> Assessment {
        let lex = &self.inner.lexicon;
        let norm = lex.normalizer(self.inner.normalize);
        let opts = ScanOptions {
            fuzzy: self.inner.fuzzy,
            prefilter: !self.inner.no_prefilter,
        };
        // most listings: plain text in which nothing can name a taxon is allowed at once, as
        // the weighing below would allow it (no platform terms to look for, and only when the
        // prefilters are on, so that tests can compare the two paths)
        // the fields `names_certainly_suppressed` normalised and scanned, first to last, which
        // the weighing below reads again as they are
        let mut scanned: Vec<(Normalized, Vec<Hit>)> = Vec::new();
        if opts.prefilter && self.inner.platform.ac.is_none() {
            match scan::screen_listing(lex, &norm, &self.inner.screen, fields) {
                scan::Screened::Passed => return self.decide(id, fields, Vec::new(), 0),
                // a weak name with a product form apart from it, which a brand or
                // everyday-context hit in the first field keeps under review: the scanner's
                // hits say whether there is one, without weighing them
                scan::Screened::NeedsSuppressor => {
                    if self.names_certainly_suppressed(&norm, fields, opts, &mut scanned) {
                        return self.decide(id, fields, Vec::new(), 0);
                    }
                }
                scan::Screened::Declined => {}
            }
        }
        let mut scored: Vec<Scored<'_>> = Vec::new();
        let mut hits = Vec::new();
        let mut scanned = scanned.into_iter();
        for (fi, (_, text)) in fields.iter().enumerate() {
            let n = match scanned.next() {
                Some((n, h)) => {
                    hits = h;
                    n
                }
                None => {
                    let n = norm.normalize(text);
                    hits.clear();
                    scan(lex, text, &n, opts, &mut hits);
                    n
                }
            };
            self.platform_hits(&n, &mut hits);
            // (read once a field: each hit asks)
            let vietnamese = !hits.is_empty() && writes_vietnamese(text);
            for h in &hits {
                let s = self.score_hit(fi, text, vietnamese, &n, *h);
                // a hit whose every entry the text's marks rule out names nothing
                if s.kinds != 0 || s.platform.is_some() {
                    scored.push(s);
                }
            }
        }
        mark_mixed_scripts(fields, &mut scored);
        let found = scored.len();
        bound_evidence(&mut scored);
        self.decide(id, fields, scored, found)
    }

    /// `names_certainly_suppressed` of `fields`, as `assess` asks it (for tests).
    #[cfg(test)]
    pub(crate) fn suppressor_check(&self, fields: &[(&str, &str)]) -> bool {
        let norm = self.inner.lexicon.normalizer(self.inner.normalize);
        let opts = ScanOptions {
            fuzzy: self.inner.fuzzy,
            prefilter: !self.inner.no_prefilter,
        };
        self.names_certainly_suppressed(&norm, fields, opts, &mut Vec::new())
    }

    /// For a listing the screen passes only beside a brand or everyday-context hit
    /// (`scan::Screened::NeedsSuppressor`): whether the scanner finds one in the first field
    /// that the weighing certainly reads as such, so that it takes `suppress.brand` or
    /// `suppress.benign` from every name's score (anywhere in the first field, the title): a
    /// hit whose entries hold a brand or everyday-context entry and none that names a taxon
    /// (no species, so it reframes names anywhere in the field), in no hashtag (no glued
    /// negation), with no negation hit ending in its token or in the two tokens before it
    /// (`negated`, and one token more), and with no more hits in the listing than
    /// `bound_evidence` keeps (every context hit is weighed). The listing is plain ASCII text
    /// with currency signs (the screen passed it), so no entry is left out for its marks.
    ///
    /// Reads the fields in order and stops as soon as the answer is known (no such hit in the
    /// first field, or more hits than `MAX_CONTEXT_HITS`); pushes each field it normalised
    /// and scanned, with its hits, onto `scanned`, for the weighing to read again.
    fn names_certainly_suppressed(
        &self,
        norm: &crate::normalize::Normalizer<'_>,
        fields: &[(&str, &str)],
        opts: ScanOptions,
        scanned: &mut Vec<(Normalized, Vec<Hit>)>,
    ) -> bool {
        let lex = &self.inner.lexicon;
        let mut total = 0;
        for (fi, (_, text)) in fields.iter().enumerate() {
            let n = norm.normalize(text);
            let mut hits = Vec::new();
            // a listing of one field: the scan stops as soon as its final hits hold such a hit
            // and the rest of the text cannot give more hits than are weighed
            // (`suppressor_settled`); when it reads to the end, the answer is read as below
            if fields.len() == 1 && !self.inner.full_suppressor_check {
                let mut s = SuppressorScan::default();
                if scan::scan_until(lex, text, &n, opts, &mut hits, |h, t, ti| {
                    s.settled(lex, h, t, ti)
                }) {
                    return true;
                }
            } else {
                scan(lex, text, &n, opts, &mut hits);
            }
            total += hits.len();
            let found = fi != 0 || {
                let kinds = |h: &Hit| lex.entries_of(h.value).fold(0, |k, e| k | bit(e.kind()));
                let first_tok = |h: &Hit| n.tokens.partition_point(|t| t.end <= h.start);
                let last_tok = |h: &Hit| n.tokens.partition_point(|t| t.end < h.end);
                let negations: Vec<usize> = hits
                    .iter()
                    .filter(|h| kinds(h) & bit(Kind::Negation) != 0)
                    .map(last_tok)
                    .collect();
                hits.iter().any(|h| {
                    let t = first_tok(h);
                    kinds(h) & (bit(Kind::Brand) | bit(Kind::Benign)) != 0
                        && !lex.entries_of(h.value).any(|e| e.kind().names_taxon())
                        && n.tokens.get(t).is_some_and(|x| x.flags & tok::HASHTAG == 0)
                        && !negations.iter().any(|&e| e <= t && t - e <= 3)
                })
            };
            scanned.push((n, hits));
            if !found || total > MAX_CONTEXT_HITS {
                return false;
            }
        }
        // no fields: no first field to hold the hit
        !fields.is_empty()
    }

    /// Adds hits for platform allow/deny/review terms (they may not be in the lexicon).
    fn platform_hits(&self, n: &Normalized, hits: &mut Vec<Hit>) {
        let Some(ac) = &self.inner.platform.ac else {
            return;
        };
        let text = n.text.as_bytes();
        let mut extra = Vec::new();
        for m in ac.find_iter(text) {
            let (s, e) = (m.start(), m.end());
            let starts = s == 0 || text[s - 1] == b' ';
            let ends = e == text.len() || text[e] == b' ';
            if starts && ends {
                // value: u64::MAX - pattern index marks a platform term
                extra.push(Hit {
                    start: s as u32,
                    end: e as u32,
                    value: u64::MAX - m.pattern().as_u64(),
                    obf: ObfuscationSet::EMPTY,
                    distance: 0,
                });
            }
        }
        if extra.is_empty() {
            return;
        }
        // a platform term replaces lexicon hits it overlaps
        hits.retain(|h| !extra.iter().any(|x| h.start < x.end && x.start < h.end));
        hits.extend(extra);
        hits.sort_by_key(|h| h.start);
    }

    /// `vietnamese`: whether the field is written in Vietnamese with its marks
    /// (`writes_vietnamese`).
    fn score_hit<'l>(
        &'l self,
        field: usize,
        text: &str,
        vietnamese: bool,
        n: &Normalized,
        h: Hit,
    ) -> Scored<'l> {
        let lex = &self.inner.lexicon;
        let tok = n.tokens.partition_point(|t| t.end <= h.start);
        let tok_end = n.tokens.partition_point(|t| t.end < h.end);
        let span = n.original_range(h.start as usize, h.end as usize);
        let obf = n.obfuscations_in(span.0, span.1).union(h.obf);
        if h.value > u64::MAX - self.inner.platform.actions.len() as u64 {
            let idx = (u64::MAX - h.value) as usize;
            let action = self.inner.platform.actions[idx].0;
            // a platform term has no lexicon entry: use a stand-in primary of the first entry
            let primary = lex.entry(0);
            return Scored {
                field,
                tok,
                tok_end,
                hit: h,
                span,
                obf,
                kinds: 0,
                primary,
                species: None,
                platform: Some(action),
                glued_negation: false,
            };
        }
        let mut kinds = 0u32;
        let mut species: Option<(f32, Entry<'l>, u8)> = None;
        let mut first: Option<Entry<'l>> = None;
        // keys fold diacritics, so a key may hold terms that differ only in them (Vietnamese
        // "giá", price, and "giả", fake, are both "gia"): when the text writes the term with
        // its marks and some entry is spelt exactly so, an entry spelt with other marks is not
        // what it says (a term spelt without marks, "rhinoceros" beside "rhinocéros", still is)
        // (only text with marks is lower-cased and compared: plain ASCII hits cost nothing)
        let source = text
            .get(span.0..span.1)
            .filter(|t| !t.is_ascii())
            .map(str::to_lowercase);
        let spelt = |e: &Entry<'_>| source.as_deref() == Some(e.term().to_lowercase().as_str());
        let marked = source.is_some() && lex.entries_of(h.value).any(|e| spelt(&e));
        // a word written plainly, with its marks, names no one-word term whose marks differ
        // on a letter the text marks (Vietnamese "vườn", garden, is not "vượn", gibbon); in a
        // text written in Vietnamese, with its marks, a letter written bare is bare too
        // ("trong", in, is not "trồng", grown). Longer terms keep their looser match: sellers
        // drop or slip marks ("tê giac", "vẩy tê tê"), and two words rarely meet by chance;
        // an everyday word's entry stays, to keep what it weakens weak ("Minh", a given name).
        let plain = h.obf.is_empty() && h.distance == 0;
        let vietnamese = plain && vietnamese;
        let word = match (&source, vietnamese) {
            (Some(s), _) => Some(s.as_str()),
            (None, true) => text.get(span.0..span.1),
            (None, false) => None,
        }
        .filter(|_| plain);
        let other_marks = |e: &Entry<'_>| {
            marked && !e.term().is_ascii() && !spelt(e)
                // a context word spelt without marks, written with them, is another word
                // (German "für", for, is no "fur"): sellers disguise names, not context
                || word.is_some_and(|w| {
                    !e.kind().names_taxon()
                        && e.kind() != Kind::Stop
                        && e.term().is_ascii()
                        && !e.term().contains(' ')
                        && marks_conflict(w, e.term(), true)
                })
                || word.is_some_and(|w| {
                    // (a Vietnamese term written bare, "Sua" for sưa, is bare in a text
                    // written with marks: "sửa", repair, is not it)
                    let strict = vietnamese && e.lang() == "vi";
                    e.kind() != Kind::Stop
                        && !e.term().contains(' ')
                        && (strict || !e.term().is_ascii())
                        && marks_conflict(w, e.term(), strict)
                })
        };
        for e in lex.entries_of(h.value).filter(|e| !other_marks(e)) {
            kinds |= bit(e.kind());
            first.get_or_insert(e);
            if e.kind().names_taxon() {
                let app = effective_appendix(&e, false);
                let ev = self.inner.policy.appendix_weight(app) * e.weight();
                if species.as_ref().is_none_or(|(best, _, _)| ev > *best) {
                    species = Some((ev, e, app));
                }
            }
        }
        let species = species.map(|(_, e, _)| e);
        let primary = species.or(first).unwrap_or_else(|| lex.entry(0));
        let glued_negation = n.tokens.get(tok).is_some_and(|t| {
            t.flags & tok::HASHTAG != 0
                && t.start < h.start
                && n.text
                    .get(t.start as usize..h.start as usize)
                    .is_some_and(glued_negation)
        });
        Scored {
            field,
            tok,
            tok_end,
            hit: h,
            span,
            obf,
            kinds,
            primary,
            species,
            platform: None,
            glued_negation,
        }
    }

    fn decide(
        &self,
        id: Option<String>,
        fields: &[(&str, &str)],
        scored: Vec<Scored<'_>>,
        found: usize,
    ) -> Assessment {
        // context alone (a price, a colour, "for sale") is no evidence and is not reported: a
        // listing with no name, code word or platform term skips the weighing (most listings)
        if !scored
            .iter()
            .any(|s| s.species.is_some() || s.platform.is_some())
        {
            if let Some((matches, reasons)) = self.unnamed_specimen(fields, &scored) {
                return Assessment {
                    id,
                    verdict: Verdict::Review,
                    score: self.inner.policy.thresholds.review,
                    taxa: Vec::new(),
                    matches,
                    reasons,
                    lexicon: LexiconRef {
                        version: self.inner.lexicon.version().to_string(),
                        hash: self.inner.lexicon.hash(),
                    },
                };
            }
            return Assessment {
                id,
                verdict: Verdict::Allow,
                score: 0.0,
                taxa: Vec::new(),
                matches: Vec::new(),
                reasons: Vec::new(),
                lexicon: LexiconRef {
                    version: self.inner.lexicon.version().to_string(),
                    hash: self.inner.lexicon.hash(),
                },
            };
        }
        let p = &self.inner.policy;
        let lex = &self.inner.lexicon;
        let has = |k: Kind| scored.iter().any(|s| s.kinds & bit(k) != 0);
        let form = has(Kind::Form) || has(Kind::Artefact);
        let viet_price = fields.iter().any(|(_, t)| vietnamese_price(t));
        let bulk = fields.iter().any(|(_, t)| bulk_quantity(t));
        let sale = has(Kind::Sale) || viet_price;
        // a sale word glued on after a lone 4 or 2 that reads as a word ("ivory4sale", "4sale")
        // says "for sale" in full
        let glued_sale = scored.iter().any(|s| {
            s.kinds & bit(Kind::Sale) != 0
                && s.obf.contains(Obfuscation::Glued)
                && s.span.0 >= 1
                && fields.get(s.field).is_some_and(|(_, t)| {
                    let b = t.as_bytes();
                    matches!(b[s.span.0 - 1], b'4' | b'2')
                        && (s.span.0 < 2 || !b[s.span.0 - 2].is_ascii_digit())
                })
        });
        // each species hit's taxon record, read once (the weighing below compares every hit
        // with every other)
        let taxa_of: Vec<Option<crate::lexicon::Taxon<'_>>> = scored
            .iter()
            .map(|s| s.species.and_then(|e| e.taxon()))
            .collect();
        // negated context: a negation entry within two tokens before it
        // (or, inside a run of an unspaced script such as Chinese or Thai, where one token holds
        // the whole phrase, ending at most two such characters before it: "不是普通牛骨", "非树脂")
        let negated = |ci: usize| {
            let c = &scored[ci];
            c.glued_negation
                || scored.iter().any(|s| {
                    s.field == c.field
                        && s.kinds & bit(Kind::Negation) != 0
                        && ((s.tok_end < c.tok && c.tok - s.tok_end <= 2)
                            || (s.tok_end == c.tok
                                && s.hit.end <= c.hit.start
                                && c.hit.start - s.hit.end <= NEGATION_GAP))
                })
        };
        // the strongest weight among context entries of a kind (0 when absent), leaving out one
        // hit (`except`) and, where asked, those after a negation
        // the strongest weight of kind `k` among the hits `keep` accepts
        let strongest_of = |k: Kind,
                            except: Option<usize>,
                            skip_negated: bool,
                            keep: &dyn Fn(&Scored<'_>) -> bool| {
            scored
                .iter()
                .enumerate()
                .filter(|(j, o)| {
                    Some(*j) != except
                        && o.kinds & bit(k) != 0
                        && !(skip_negated && negated(*j))
                        && keep(o)
                })
                .flat_map(|(_, o)| {
                    lex.entries_of(o.hit.value)
                        .filter(|e| e.kind() == k)
                        .map(|e| e.weight())
                })
                .fold(0.0f32, f32::max)
        };
        let strongest = |k: Kind, except: Option<usize>, skip_negated: bool| {
            strongest_of(k, except, skip_negated, &|_| true)
        };
        // a price written with a thousand or million suffix, as Vietnamese listings write them
        // ("50k/con", "4tr5", "1tr2"), is sale intent too
        let sale_w = strongest(Kind::Sale, None, false)
            .max(if viet_price {
                VIETNAMESE_PRICE_WEIGHT
            } else {
                0.0
            })
            .max(if glued_sale { GLUED_SALE_WEIGHT } else { 0.0 });
        // a permit word after a negation ("no permit needed") is no claim
        let permit_w = strongest(Kind::Permit, None, true);
        let permit = permit_w > 0.0;
        // "not resin", "not bone", "非树脂": denying an imitation or a cover material claims the
        // real thing
        let authenticity = scored.iter().enumerate().any(|(j, o)| {
            negated(j)
                && (o.kinds & bit(Kind::Imitation) != 0
                    || o.species.is_some_and(|e| e.kind() == Kind::Code))
        });
        // a specimen said to be taken from the wild ("wild caught", 野生, "Wildfang"), not denied
        let listed = |o: &Scored<'_>, k: Kind, ids: &[u32]| policy_term(lex, o, k, ids);
        let wild = scored
            .iter()
            .enumerate()
            .any(|(j, o)| listed(o, Kind::Form, &self.inner.wild_ids) && !negated(j));
        // a phrase that winks at those who know ("懂的都懂", "iykyk")
        let knowing = scored
            .iter()
            .position(|o| listed(o, Kind::Sale, &self.inner.knowing_ids));
        // a whole preserved animal ("taxidermy", "stuffed", 标本), not denied
        let specimen = scored
            .iter()
            .enumerate()
            .find(|(j, o)| listed(o, Kind::Form, &self.inner.specimen_ids) && !negated(*j))
            .map(|(j, _)| j);
        // phrases read in the text itself, once and only when a rule asks: the seller says the
        // species is not known ("unknown species", "不清楚是什么"); tells of the real material's
        // inner structure ("Schreger", "人字纹"); all tells ("cold to the touch", "pesante")
        let phrases_read = std::cell::OnceCell::new();
        // the fields lower-cased, once and only when a rule reads their words
        // (`derivative_not_covered`, `instrument_not_covered`, `holds_any`)
        let lowered_read: std::cell::OnceCell<Vec<String>> = std::cell::OnceCell::new();
        let lowered = || -> &[String] {
            lowered_read.get_or_init(|| fields.iter().map(|(_, t)| t.to_lowercase()).collect())
        };
        let phrases = || phrases_read.get_or_init(|| self.inner.phrases.found(fields));
        let min_tells = p.rules.real_material_min.max(1) as usize;
        let mut reasons: Vec<Reason> = Vec::new();
        let quote = |s: &Scored<'_>| {
            let text = &fields[s.field].1[s.span.0..s.span.1];
            format!(
                "'{}' ({} bytes {}-{})",
                text, fields[s.field].0, s.span.0, s.span.1
            )
        };
        // (each different text once, in order: the texts are compared before they are quoted)
        let list_kind = |k: Kind| -> Vec<String> {
            let mut v: Vec<&str> = Vec::new();
            for s in scored.iter().filter(|s| s.kinds & bit(k) != 0) {
                let t = &fields[s.field].1[s.span.0..s.span.1];
                if !v.contains(&t) {
                    v.push(t);
                }
            }
            v.iter().map(|t| format!("'{t}'")).collect()
        };
        let window = p.suppress.window as usize;
        let near = |a: &Scored<'_>, b: &Scored<'_>| {
            a.field == b.field
                && (a.tok.abs_diff(b.tok) <= window || a.tok_end.abs_diff(b.tok) <= window)
        };
        let suppressor_kinds = [
            (Kind::Colour, p.suppress.colour, "COLOUR_CONTEXT", "colour"),
            (
                Kind::Imitation,
                p.suppress.imitation,
                "IMITATION_CONTEXT",
                "imitation or depiction",
            ),
            (Kind::Brand, p.suppress.brand, "BRAND_CONTEXT", "brand"),
            (
                Kind::Benign,
                p.suppress.benign,
                "BENIGN_CONTEXT",
                "everyday context",
            ),
            (
                Kind::Fossil,
                p.suppress.fossil,
                "FOSSIL_CONTEXT",
                "a fossil (CITES does not cover fossils)",
            ),
        ];

        // how a hit's rule reads (`Judged::rule`), kept as what it was decided on and written
        // out only for the hit whose rule the listing reports (`rule_text` below): the
        // comparison of the score, at the score then ...
        #[derive(Clone, Copy)]
        enum RuleBase {
            CodeWordReview,
            ContextCapsReview,
            AppendixBlocks,
            /// With what the other evidence is.
            OtherEvidenceBlocks(&'static str),
            ReviewAppendix,
            ScoreReview,
            BelowThreshold,
        }
        // ... and the caps and exclusions applied after it, in this order
        #[derive(Clone, Copy)]
        struct RuleWords {
            base: RuleBase,
            score: f32,
            permit_caps: bool,
            unknown_species_caps: bool,
            group_caps: bool,
            /// The term is the seller's own claim of an imitation (`RULE_FAUX_CLAIM_REVIEW`).
            faux_claim_caps: bool,
            /// What the listing offers that the annotation or the garden trade leaves out.
            offers: Option<&'static str>,
        }

        // per species hit: score and verdict
        struct Judged {
            idx: usize,
            score: f32,
            verdict: Verdict,
            rule: &'static str,
            rule_words: RuleWords,
            suppressed_by: Vec<(usize, &'static str, &'static str)>,
            appendix: u8,
            /// A code word marked as one: set in quotes, or beside a phrase that winks at those
            /// who know.
            marked: bool,
            /// A code word (not a faint one) whose listing describes the real material.
            described: bool,
            /// A review kind that holds the listing at review at least: reason code and detail.
            floor: Option<(&'static str, String)>,
            /// A weak everyday name: a name whose key is also an everyday word (`everyday_name`),
            /// written plainly (no disguise, misspelling or glue) and not read as a product.
            weak_name: bool,
        }
        let mut judged: Vec<Judged> = Vec::new();
        for (i, s) in scored.iter().enumerate() {
            let Some(sp) = s.species else { continue };
            if s.platform.is_some() {
                continue;
            }
            let mut weight = sp.weight();
            let sp_taxon = taxa_of[i];
            // wood is what an animal's figure is made of, never a product of the animal
            // ("figura de elefante de madera"): beside an animal, plant materials are no form
            let animal = sp_taxon.is_some_and(|t| t.kingdom == "Animalia");
            let plant = sp_taxon.is_some_and(|t| t.kingdom == "Plantae");
            let is_plant_material_hit = |o: &Scored<'_>| {
                lex.entries_of(o.hit.value)
                    .any(|e| e.kind() == Kind::Form && is_plant_material(e.term()))
            };
            let material_form = |o: &Scored<'_>| animal && is_plant_material_hit(o);
            let is_resin_hit = |o: &Scored<'_>| {
                lex.entries_of(o.hit.value)
                    .any(|e| e.kind() == Kind::Imitation && is_resin(e.term()))
            };
            // product form elsewhere in the listing (another hit than this one)
            let mut form_w = strongest_of(Kind::Form, Some(i), false, &|o| !material_form(o));
            // a name or emoji right next to a product form is a product of the taxon ("tiger
            // claws", "saiga horns", "🐘 tusk", "Sphyrna lewini fins", "colmillos de jaguar"):
            // touching it, or at most one short word away, in the normalised text
            // A generic product name of the same class counts as the form ("双髻鲨 鱼翅",
            // "Hammerhai Haifischflossen": the named shark's fins)
            let sp_class = sp_taxon.map(|t| t.class).filter(|c| !c.is_empty());
            // wood, timber or logs near a plant's name are the plant's own material, whatever
            // words stand between ("Swietenia macrophylla sawn timber", "Dalbergia nigra, kiln
            // dried, planks"); a live plant's pot or seedling is not a product, so only these
            let adjacent = scored.iter().enumerate().find(|(j, o)| {
                *j != i
                    // a form that is also a code word counts as the form ("tiger bone", "🐯
                    // bone": "bone" is also a code word for ivory)
                    && (o.kinds & bit(Kind::Form) != 0
                        && o.species.is_none_or(|e| e.kind() == Kind::Code)
                        && !material_form(o)
                        || o.species.is_some_and(|e| {
                            e.kind() == Kind::Product
                                && taxa_of[*j].is_some_and(|t| Some(t.class) == sp_class)
                                && taxa_of[*j].map(|t| t.name) != sp_taxon.map(|t| t.name)
                        }))
                    && (touching(s, o)
                        || quantity_between(fields, s, o)
                        || plant && near(s, o) && is_plant_material_hit(o))
            });
            let adjacent_form = adjacent.is_some();
            // a disguised product form next to the name ("Saiga h0rns") disguises the product
            let disguised_form = adjacent.is_some_and(|(_, o)| o.obf.any_deliberate());
            let is_name = matches!(sp.kind(), Kind::Scientific | Kind::Synonym | Kind::Common);
            let everyday = s.kinds & bit(Kind::Stop) != 0;
            let as_product = adjacent_form && (is_name || sp.kind() == Kind::Emoji);
            // a worked object (carving, figurine, bangle) is product context for a product name
            // or code word ("ivory carving") and for a name read as a product ("hawksbill shell
            // comb"), but beside a vertebrate's name alone it is a depiction ("elephant
            // carving", "rhino statue"), which makes no product. Plants, corals and shells are
            // what such objects are made of: beside their names it is the material ("rosewood
            // carving", "coral bead necklace", "giant clam carving")
            let material = sp_taxon.is_some_and(is_carving_material);
            let artefact_w = strongest(Kind::Artefact, Some(i), false);
            let artefact_near = material
                && artefact_w > 0.0
                && scored.iter().enumerate().any(|(j, o)| {
                    j != i
                        && o.species.is_none()
                        && o.kinds & bit(Kind::Artefact) != 0
                        && touching(s, o)
                });
            let as_product = as_product || artefact_near && (is_name || sp.kind() == Kind::Emoji);
            if as_product || material || !(is_name || sp.kind() == Kind::Emoji) {
                form_w = form_w.max(artefact_w);
            }
            let form_here = form_w > 0.0;
            // a one-word Latin name that is also an everyday word, written plainly in lower
            // case and not read as a product, is the everyday word (Malay "ada", there is, is
            // no orchid genus Ada): Latin genus names are written with a capital
            if everyday
                && !as_product
                && matches!(sp.kind(), Kind::Scientific | Kind::Synonym)
                && !sp.term().contains(' ')
                && s.obf.is_empty()
                && fields[s.field]
                    .1
                    .get(s.span.0..s.span.1)
                    .is_some_and(|t| t.chars().next().is_some_and(char::is_lowercase))
            {
                continue;
            }
            let weak_name = everyday_name(&sp, s.kinds) && !as_product && s.obf.is_empty();
            if as_product {
                // an everyday word next to a form stays weaker ("eagle claw", "tiger lily")
                let w = if everyday {
                    p.suppress.ambiguous_factor.max(0.6)
                } else {
                    p.boosts.name_with_form
                };
                weight = weight.max(w);
            } else if everyday && is_name {
                // an everyday word ("tiger", "python") weighs less alone
                weight *= p.suppress.ambiguous_factor;
            } else if everyday && sp.kind() == Kind::Product && !form_here && !sale {
                // a product name that is also an everyday word ("ivory", "caviar", "rosewood")
                // weighs less with no product form and no sale intent anywhere in the listing
                weight *= p.suppress.ambiguous_factor;
            }
            // a lone genus or family name is weaker evidence than a binomial ("Eos", "Dendrobium")
            if sp.kind() == Kind::Scientific
                && !as_product
                && sp_taxon.is_some_and(|t| !t.is_species_level())
                && !sp.term().contains(' ')
            {
                weight *= p.suppress.uninomial_factor;
            }
            // a Latin name that is also an everyday word ("Cactus", an old name of Melocactus)
            // says no species even beside a form: it keeps its loosest listing (a common name
            // beside a form still names the animal's product: "bile d'ours en gélules")
            let everyday_latin = everyday && matches!(sp.kind(), Kind::Scientific | Kind::Synonym);
            let appendix = effective_appendix(&sp, as_product && !everyday_latin);
            let ev = p.appendix_weight(appendix) * weight;
            let deliberate = s.obf.any_deliberate() || (as_product && disguised_form);
            let mut score = ev;
            if deliberate {
                score += p.boosts.deliberate_obfuscation;
            }
            if s.obf.contains(Obfuscation::Misspelling) {
                score += p.boosts.misspelling;
            }
            let factor = (ev / 0.5).min(1.0);
            score += p.boosts.form * factor * form_w;
            score += p.boosts.sale * factor * sale_w;
            // a code word below the policy's faint weight ("white", "red"): an everyday word
            // first, which neither a claim nor missing papers raise
            let faint_code =
                sp.kind() == Kind::Code && !weight_at_least(sp.weight(), p.rules.faint_code_weight);
            // (a claim is made for regulated goods, but not for what a faint everyday code word
            // names: "white orchids, nursery grown")
            if !faint_code {
                score += p.boosts.permit * permit_w;
            }
            if authenticity {
                score += p.boosts.authenticity * factor;
            }
            // the key is also the name of a product of the same taxon ("Aloe ferox", the plant and
            // its bitter crystals): what is offered is the product
            let named_product = sp.kind() == Kind::Product
                || s.kinds & bit(Kind::Product) != 0
                    && lex.entries_of(s.hit.value).any(|e| {
                        e.kind() == Kind::Product
                            && e.taxon().map(|t| t.name) == sp_taxon.map(|t| t.name)
                    });
            // an Appendix II or III product, or a name next to a product form, taken from the wild
            // (said beside it, or in the product's own name: "wild ginseng root", "женьшень
            // дикий")
            let wild_name = sp.kind() == Kind::Product && self.inner.wild_terms.named_in(sp.term());
            // (of any listed Appendix: an Appendix I product taken from the wild or in bulk is no
            // less a product, and the boost may be what carries it to the block threshold)
            // the group a name above a genus names
            let group = sp.taxon_listing().filter(|(rank, _)| {
                !matches!(*rank, "GENUS" | "SPECIES" | "SUBSPECIES" | "VARIETY")
            });
            // the animal or plant itself, named to the genus or species (no group), offered for
            // sale and said to be taken from the wild ("Dendrobates tinctorius for sale, wild
            // caught"): a wild specimen is a specimen of the trade as much as its parts are
            let wild_specimen =
                wild && is_name && sale && !everyday && sp_taxon.is_some() && group.is_none();
            let wild_product = (wild || wild_name)
                && (named_product || as_product || wild_specimen)
                && appendix != 0;
            if wild_product {
                score += p.boosts.wild * factor;
            }
            // ... or offered in bulk
            // (of a genus or species, or of a group listed whole: crocodile skins, corals; a
            // group that holds unlisted species stays a question for a person, and so does a
            // bulk lot of shark fin, whose everyday names stand for sharks and rays of any
            // family: Elasmobranchii, II/NC)
            // whether the group holds unlisted species
            let group_unlisted =
                group.is_some_and(|(_, listing)| listing.split('/').any(|a| a == "NC"));
            // a whole class that holds unlisted species ("shark fin": Elasmobranchii)
            let class_wide = group_unlisted && group.is_some_and(|(rank, _)| rank == "CLASS");
            let bulk_product =
                bulk && !group_unlisted && (named_product || as_product) && appendix != 0;
            if bulk_product {
                score += p.boosts.bulk * factor;
            }
            let is_code = sp.kind() == Kind::Code;
            // a code word that is also the everyday name of a material ("bone", "hueso",
            // "xương") hides ivory in a worked object; in a sale of the material itself ("soup
            // bones 1kg", "tulang ayam 1kg") it says what it says
            let material_code = is_code && s.kinds & bit(Kind::Form) != 0;
            if is_code
                && (if material_code {
                    artefact_w > 0.0
                } else {
                    form_here || sale
                })
            {
                score += p.boosts.code_word_context;
            }
            // another, different term of the listing points to the same family ("osso de boi" and
            // "linhas de Schreger", "white gold" and 🐘, "非料" and "白料"): independent signals
            // that agree
            let corroborated = corroborating(&scored, &taxa_of, i, &sp);
            if corroborated {
                score += p.boosts.corroboration * factor.max(if is_code { 1.0 } else { 0.0 });
            }
            // the seller says it comes without papers ("no papers", "sin papeles", 无证): the
            // buyer is told it is not the legal trade (not for a faint everyday code word)
            let undocumented = appendix != 0 && !faint_code && !phrases().undocumented.is_empty();
            if undocumented {
                score += p.boosts.undocumented * factor;
            }
            // context that reframes the term: near it in the same field, or anywhere in the
            // first field (the title says what the item is); a negation just before it cancels it
            let mut suppressed_by = Vec::new();
            // elephant ivory is passed off as mammoth ("fossil ivory") and rhino horn as woolly
            // rhino's: a fossil claim never lowers a product name or code word of either
            let fossil_cover = matches!(sp.kind(), Kind::Product | Kind::Code)
                && sp_taxon.is_some_and(|t| {
                    [t.family, t.name]
                        .iter()
                        .any(|f| matches!(*f, "Elephantidae" | "Rhinocerotidae"))
                });
            // a plant's name as timber: the key itself names the wood ("rosewood logs"), or a
            // word for wood, logs or planks stands near it
            let timber = || {
                plant
                    && (sp.term().split(' ').any(is_plant_material)
                        || scored
                            .iter()
                            .enumerate()
                            .any(|(j, o)| j != i && near(s, o) && is_plant_material_hit(o)))
            };
            if !deliberate {
                for (kind, amount, code, what) in suppressor_kinds {
                    if kind == Kind::Fossil && fossil_cover {
                        continue;
                    }
                    // a name that is also a brand or an everyday phrase ("Puma", "faux"); product
                    // names and code words carry that in their weight
                    let own = is_name && s.kinds & bit(kind) != 0;
                    let ctx = scored.iter().enumerate().find(|(j, o)| {
                        *j != i
                            && o.kinds & bit(kind) != 0
                            // a cover term ("ox bone", "faux ivory") is evidence, not a reframing;
                            // a species name that is also a brand reframes only what is near it
                            // (and never a product of its own animal: "#jaguar" beside
                            // "colmillos de jaguar" is the same animal named again)
                            && match o.species.map(|e| e.kind()) {
                                None => true,
                                Some(Kind::Code | Kind::Product) => false,
                                Some(_) => {
                                    near(s, o)
                                        && !((!is_name || as_product)
                                            && taxa_of[*j].is_some_and(|t| {
                                                sp_taxon.is_some_and(|u| u.name == t.name)
                                            }))
                                }
                            }
                            && match kind {
                                // a colour word describes the word next to it ("ivory white")
                                Kind::Colour => o.field == s.field && o.tok <= s.tok_end + 2 && s.tok <= o.tok_end + 2,
                                // an imitation word is about the item's material anywhere in
                                // the same field, or in the title; resin is a plant's own
                                // material ("agarwood chips, high resin"), no imitation of it
                                Kind::Imitation => {
                                    (o.field == s.field || o.field == 0)
                                        && !(plant && is_resin_hit(o))
                                }
                                // a fossil word within three words of the term: "Fossil" is as
                                // often the brand ("Fossil tripod")
                                Kind::Fossil => o.field == s.field && o.tok <= s.tok_end + FOSSIL_REACH && s.tok <= o.tok_end + FOSSIL_REACH,
                                _ => near(s, o) || o.field == 0,
                            }
                            && !negated(*j)
                    });
                    if own || ctx.is_some() {
                        // a brand collision is lifted when a product form stands next to it
                        if kind == Kind::Brand && own && ctx.is_none() && adjacent_form {
                            continue;
                        }
                        // everyday context ("guitar picks") does not reframe a product or code
                        // word whose listing denies an imitation ("not celluloid"): the seller
                        // claims the real material
                        if kind == Kind::Benign && authenticity && !is_name && !own {
                            continue;
                        }
                        // nor a plant's wood offered as timber ("rosewood logs for guitar
                        // makers": the instrument is what the buyer makes of it)
                        if kind == Kind::Benign && !own && timber() {
                            continue;
                        }
                        score -= amount;
                        suppressed_by.push((ctx.map(|(j, _)| j).unwrap_or(i), code, what));
                    }
                }
            }
            let suppressed = !suppressed_by.is_empty();
            // a reported code word (not an everyday word) beside both a product form and sale
            // intent is the pattern the code word exists for: a person should look
            let everyday_kinds =
                bit(Kind::Stop) | bit(Kind::Colour) | bit(Kind::Brand) | bit(Kind::Benign);
            let code_ok = is_code && s.kinds & everyday_kinds == 0 && suppressed_by.is_empty();
            // set in quotes ("« os de bœuf »", "the 'white plastic'"), or beside a phrase that
            // winks at those who know, as sellers mark a code word: one more signal
            let marked = code_ok && (in_quotes(fields, s) || knowing.is_some());
            // the review kinds: listings a person must look at whatever the score, each with
            // the reason why (the first that applies)
            // a code word for a claimed-old object: an everyday one too ("antique carved bone"),
            // but not the faintest, which are everyday words first ("white", "wood", "dragon")
            let claim_code = is_code
                && s.kinds & (bit(Kind::Colour) | bit(Kind::Brand) | bit(Kind::Benign)) == 0
                && weight_at_least(sp.weight(), p.rules.faint_code_weight);
            let only_imitation = suppressed
                && suppressed_by
                    .iter()
                    .all(|(_, code, _)| *code == "IMITATION_CONTEXT");
            let floor: Option<(&'static str, String)> = if appendix == 0 || sp.kind() == Kind::Emoji
            {
                None
            } else if only_imitation && phrases().tells.len() >= min_tells {
                // an imitation claim that the listing's own description contradicts
                Some((
                    "REVIEW_IMITATION_CONTRADICTED",
                    format!(
                        "{} is said to be an imitation, but the listing describes the real \
                         material ({})",
                        quote(s),
                        quoted(&phrases().tells)
                    ),
                ))
            } else if suppressed || plant {
                None
            } else if p.rules.claims_need_review
                && (claim_code && (form_here || s.kinds & bit(Kind::Artefact) != 0) && permit
                    || !is_code && animal && permit_w >= p.rules.permit_cap_min_weight)
            {
                Some((
                    "REVIEW_LEGALITY_CLAIM",
                    format!(
                        "{} stands beside a legality or age claim ({}); a claim is not a \
                         permit, so a person should check it",
                        quote(s),
                        list_kind(Kind::Permit).join(", ")
                    ),
                ))
            } else if let Some(k) = specimen.filter(|_| animal && !is_code) {
                Some((
                    "REVIEW_SPECIMEN",
                    format!(
                        "{} is offered as a preserved specimen ({}); a person should identify \
                         the species",
                        quote(s),
                        quote(&scored[k])
                    ),
                ))
            } else if !is_code
                && score < p.thresholds.review
                && !phrases().unknown_species.is_empty()
            {
                Some((
                    "REVIEW_UNSPECIFIED_SPECIES",
                    format!(
                        "the seller does not know which species {} is ('{}'); a person should \
                         identify it",
                        quote(s),
                        phrases().unknown_species[0]
                    ),
                ))
            } else {
                None
            };
            if floor.is_some() {
                score = score.max(p.thresholds.review);
            }
            // the listing describes the real material, its inner structure among the tells
            // ("heavy, yellowed, crosshatch on the cut edge", "压手 人字纹"): what a code word (not
            // a faint one) hides; not where the listing claims an imitation ("faux ivory, very
            // heavy" is a claim its own listing contradicts, a question for a person)
            // the entries of kind `k` among the words of the term itself ("faux" in a code word,
            // "pre-ban" in "pre-ban ivory")
            let own_words = |k: Kind| {
                sp.term()
                    .split([' ', '-'])
                    .flat_map(|w| lex.lookup(w))
                    .filter(move |e| e.kind() == k)
            };
            let described = code_ok
                && weight_at_least(sp.weight(), p.rules.faint_code_weight)
                && !phrases().structure.is_empty()
                && phrases().tells.len() >= min_tells
                && !scored
                    .iter()
                    .enumerate()
                    .any(|(j, o)| j != i && o.kinds & bit(Kind::Imitation) != 0 && !negated(j))
                && own_words(Kind::Imitation).next().is_none();
            if code_ok && (form_here && sale || (marked || described) && (form_here || sale)) {
                score = score.max(p.thresholds.review);
            }
            // ... and with one more independent signal (another term for the same animal, a
            // denied imitation or cover material: "not resin", "不是普通牛骨", a description of
            // the real material) it is the trade the code word hides (not a bulk quantity: one
            // heavy carving weighs a kilogram)
            let code_signals = [
                form_here,
                sale,
                corroborated,
                authenticity,
                marked,
                described,
                undocumented,
            ]
            .iter()
            .filter(|b| **b)
            .count();
            let code_strong = code_ok && (form_here || sale) && code_signals >= 3;
            if code_strong {
                score = score.max(p.thresholds.block);
            }
            // a deliberately disguised term in trade context (a product form or sale intent) is
            // strong evidence whatever the Appendix, unless context suggests it is not wildlife
            let reframed = scored.iter().enumerate().any(|(j, o)| {
                j != i
                    && o.species.is_none()
                    && o.kinds & (bit(Kind::Imitation) | bit(Kind::Brand) | bit(Kind::Benign)) != 0
                    && (near(s, o) || o.field == 0)
                    && !negated(j)
            });
            if deliberate
                && (form_here || sale)
                && suppressed_by.is_empty()
                && !reframed
                && p.rules.disguise_in_trade_blocks
                && appendix != 0
            {
                score = score.max(p.thresholds.block);
            }
            // a listed taxon named well enough for review, offered without papers: the seller
            // says it is not the legal trade
            if undocumented
                && sale
                && !weak_name
                && score >= p.thresholds.review
                && suppressed_by.is_empty()
                && !reframed
            {
                score = score.max(p.thresholds.block);
            }
            let score = score.clamp(0.0, 1.0);
            // Appendix II and III taxa block only on other evidence: a disguised term, a code word
            // beside product or sale context, or a named product of the taxon offered for sale
            // (of the same family, or of the same genus: a product row may name a genus whose
            // record carries no family, "red coral" for Corallium)
            let named_with_product = || {
                sp_taxon.is_some_and(|a| {
                    scored.iter().enumerate().any(|(j, o)| {
                        j != i
                            && o.species.is_some_and(|e| e.kind() == Kind::Product)
                            && taxa_of[j].is_some_and(|b| {
                                family_of(&a) == family_of(&b)
                                    || !a.genus.is_empty() && a.genus == b.genus
                                    || a.genus == b.name
                                    || b.genus == a.name
                            })
                    })
                })
            };
            let other_evidence = deliberate
                || code_strong
                || wild_product
                || bulk_product
                || undocumented && (named_product || as_product || form_here || sale)
                // a name with a product name of the same family ("Corallium japonicum" and "red
                // coral"), beside a product form and sale intent: the listing is about that
                // animal's or plant's goods, offered
                || is_name && form_here && sale && named_with_product()
                || (is_code && (form_here || sale))
                || ((named_product || as_product) && sale);
            // a code word that is itself a legality claim ("mammoth tusk", "pre-ban ivory":
            // words of the lexicon's permit entries) caps like a claim beside it
            // (read only for a hit that would block)
            let own_claim = || {
                if is_code {
                    own_words(Kind::Permit)
                        .map(|e| e.weight())
                        .fold(0.0f32, f32::max)
                } else {
                    0.0
                }
            };
            // a code word is no name: with no product form in the listing ("white plastic
            // chairs, $20") it blocks only through the code-word rule above (sale intent and two
            // more signals) or a disguise, never on its score and a price alone
            let code_short = is_code && !form_here && !code_strong && !deliberate;
            let (verdict, rule, base) = if score >= p.thresholds.block && code_short {
                (
                    Verdict::Review,
                    "RULE_CODE_WORD_REVIEW",
                    RuleBase::CodeWordReview,
                )
            } else if score >= p.thresholds.block && suppressed {
                (
                    Verdict::Review,
                    "RULE_CONTEXT_CAPS_REVIEW",
                    RuleBase::ContextCapsReview,
                )
            } else if score >= p.thresholds.block {
                if p.blocks(appendix) {
                    (
                        Verdict::Block,
                        "RULE_APPENDIX_BLOCKS",
                        RuleBase::AppendixBlocks,
                    )
                } else if other_evidence && appendix != 0 {
                    let why = if deliberate {
                        "the term was deliberately disguised"
                    } else if is_code {
                        "a code word stands beside product or sale context"
                    } else {
                        "a named product of the taxon is offered for sale"
                    };
                    (
                        Verdict::Block,
                        "RULE_OTHER_EVIDENCE_BLOCKS",
                        RuleBase::OtherEvidenceBlocks(why),
                    )
                } else {
                    (
                        Verdict::Review,
                        "RULE_REVIEW_APPENDIX",
                        RuleBase::ReviewAppendix,
                    )
                }
            } else if score >= p.thresholds.review {
                (Verdict::Review, "RULE_SCORE_REVIEW", RuleBase::ScoreReview)
            } else {
                (
                    Verdict::Allow,
                    "RULE_BELOW_THRESHOLD",
                    RuleBase::BelowThreshold,
                )
            };
            let mut words = RuleWords {
                base,
                score,
                permit_caps: false,
                unknown_species_caps: false,
                group_caps: false,
                faux_claim_caps: false,
                offers: None,
            };
            // (a seller who says it has no papers makes no claim that stands: "captive bred, no
            // papers")
            let (verdict, rule) = if verdict == Verdict::Block
                && p.rules.permit_caps_at_review
                && !deliberate
                && !undocumented
                && permit_w.max(own_claim()) >= p.rules.permit_cap_min_weight
            {
                words.permit_caps = true;
                (Verdict::Review, "RULE_PERMIT_CAPS_REVIEW")
            } else {
                (verdict, rule)
            };
            // a code word that is itself an imitation claim ("faux ivory", "façon ivoire") in a
            // listing that would block: what the seller says and what the listing shows disagree,
            // and only a person can tell (a disguise, missing papers or a wink still block)
            let faux_claim = is_code
                && sp
                    .term()
                    .to_lowercase()
                    .split([' ', '-', '\''])
                    .any(|w| FAUX_CLAIM_WORDS.contains(&w));
            let (verdict, rule) = if verdict == Verdict::Block
                && faux_claim
                && !deliberate
                && !undocumented
                && knowing.is_none()
            {
                words.faux_claim_caps = true;
                (Verdict::Review, "RULE_FAUX_CLAIM_REVIEW")
            } else {
                (verdict, rule)
            };
            // a group's name ("big cat", "bird of prey", "shark fin") in a listing whose seller
            // says the species is not known, or whose preserved specimen it offers when the
            // group holds unlisted species too ("stuffed big cat head mount", a Tierpräparat of a
            // Großkatze): which species it is, a person must tell
            let group_specimen = specimen.is_some() && is_name && group_unlisted;
            let (verdict, rule) = if verdict == Verdict::Block
                && !deliberate
                && !undocumented
                && group.is_some()
                && (!phrases().unknown_species.is_empty() || group_specimen)
            {
                words.unknown_species_caps = true;
                (Verdict::Review, "RULE_UNKNOWN_SPECIES_CAPS_REVIEW")
            } else {
                (verdict, rule)
            };
            // a name of a whole class that holds unlisted species too (an everyday shark name
            // stands for a shark or ray of any family), offered with nothing that says it is
            // wild, without papers or disguised: which species it is, a person must tell
            // ("dried shark fin, 500 g")
            let (verdict, rule) = if verdict == Verdict::Block
                && class_wide
                && !deliberate
                && !undocumented
                && !wild_product
                && !code_strong
            {
                words.group_caps = true;
                (Verdict::Review, "RULE_GROUP_CAPS_REVIEW")
            } else {
                (verdict, rule)
            };
            // what the taxon's CITES annotation leaves out: ginseng sold as an extract, tea or
            // sweets (#3 covers the roots only); a finished rosewood guitar (#15)
            let excluded = if verdict == Verdict::Allow || deliberate {
                None
            } else if derivative_not_covered(sp_taxon, lowered) {
                Some("a manufactured derivative (an extract, tea, capsules, sweets), which the taxon's CITES annotation #3 leaves out: it covers whole and sliced roots only")
            } else if instrument_not_covered(sp_taxon, lowered) {
                Some("a finished musical instrument or a finished part of one, which the taxon's CITES annotation #15 leaves out (as amended at CoP18, in force 26 November 2019); raw instrument wood it still covers")
            } else {
                None
            };
            // a live Appendix II plant of the garden trade, said to be grown by people, and
            // nothing of the wild, a bulk lot, missing papers, timber or a plant product
            let cultivated = excluded.is_none()
                && verdict != Verdict::Allow
                && !deliberate
                && appendix == 2
                && sp_taxon.is_some_and(|t| GARDEN_FAMILIES.contains(&t.family))
                && !wild_product
                && !wild
                && !bulk
                && !undocumented
                && !timber()
                && (!phrases().cultivated.is_empty()
                    || sp_taxon.is_some_and(|t| CULTIVAR_GENERA.contains(&t.genus)))
                && !holds_any(lowered(), PLANT_PRODUCTS)
                && !holds_any(lowered(), ROOT_WORDS);
            let (excluded, cultivated_rule) = if cultivated {
                (
                    Some("a live plant grown by people, of a garden family, with nothing of the wild, a bulk lot, missing papers or a plant product: artificially propagated Appendix II plants are the legal trade"),
                    true,
                )
            } else {
                (excluded, false)
            };
            let (verdict, rule, score) = if let Some(what) = excluded {
                words.offers = Some(what);
                (
                    Verdict::Allow,
                    if cultivated_rule {
                        "RULE_CULTIVATED_PLANT"
                    } else {
                        "RULE_ANNOTATION_EXCLUDES"
                    },
                    score.min(p.thresholds.review * 0.99),
                )
            } else {
                (verdict, rule, score)
            };
            judged.push(Judged {
                idx: i,
                score,
                verdict,
                rule,
                rule_words: words,
                suppressed_by,
                appendix,
                marked,
                described,
                floor,
                weak_name,
            });
        }

        // the listing's verdict: the strongest hit's
        judged.sort_by(|a, b| {
            b.verdict
                .cmp(&a.verdict)
                .then(b.score.total_cmp(&a.score))
                .then(a.idx.cmp(&b.idx))
        });
        let mut verdict = judged.first().map(|j| j.verdict).unwrap_or(Verdict::Allow);
        // an allowed listing whose only terms are faint everyday code words ("white", "black",
        // "red": colours first) or weak everyday names left under the review threshold ("pan",
        // "drill", "puma") is reported as one with no term: like context alone, such a word is
        // no evidence, and the clean-text screen passes these listings (`FaintCodes`)
        if verdict == Verdict::Allow
            && !judged.is_empty()
            && scored.iter().all(|s| s.platform.is_none())
            && judged.iter().all(|j| {
                let s = &scored[j.idx];
                j.weak_name && j.rule == "RULE_BELOW_THRESHOLD"
                    || s.species.is_some_and(|e| {
                        faint_everyday_code(&e, s.kinds, p.rules.faint_code_weight)
                    })
            })
        {
            return self.decide(id, fields, Vec::new(), 0);
        }
        let mut score = judged.first().map(|j| j.score).unwrap_or(0.0);
        let mut taxa: Vec<String> = Vec::new();
        let flagged: Vec<&Judged> = judged
            .iter()
            .filter(|j| j.verdict != Verdict::Allow)
            .collect();
        for j in &flagged {
            if let Some(t) = taxa_of[j.idx] {
                if !taxa.iter().any(|x| x == t.name) {
                    taxa.push(t.name.to_string());
                }
            }
        }
        if taxa.len() >= 2 {
            score = (score + p.boosts.several_taxa).min(1.0);
        }

        // reasons: the facts relied on
        let mut seen_taxa = BTreeSet::new();
        for j in judged
            .iter()
            .filter(|j| j.verdict != Verdict::Allow || judged.len() == 1 || j.idx == judged[0].idx)
        {
            let s = &scored[j.idx];
            let Some(sp) = s.species else { continue };
            let taxon = taxa_of[j.idx];
            let tname = taxon.map(|t| t.name).unwrap_or("");
            if !seen_taxa.insert(tname.to_string()) {
                continue;
            }
            let listing = taxon.map(|t| t.appendix).unwrap_or("");
            let code = match (sp.kind(), j.appendix) {
                (Kind::Code, _) if sale || form => "CODE_WORD_WITH_SALE_CONTEXT".to_string(),
                (Kind::Code, _) => "CODE_WORD".to_string(),
                (Kind::Emoji, _) => "EMOJI_SIGNAL".to_string(),
                (_, 0) => "UNLISTED_TAXON".to_string(),
                (Kind::Product, a) => format!("CITES_APPENDIX_{}_PRODUCT", roman(a)),
                (_, a) => format!("CITES_APPENDIX_{}_SPECIES", roman(a)),
            };
            let what = match sp.kind() {
                Kind::Scientific => "the scientific name of",
                Kind::Synonym => "a scientific synonym of",
                Kind::Common => "a common name of",
                Kind::Product => "a product name for",
                Kind::Code => "a reported trafficking code word for",
                _ => "a symbol standing for",
            };
            let listed = if listing.is_empty() {
                "not listed in the CITES Appendices".to_string()
            } else {
                format!("CITES Appendix {listing}")
            };
            reasons.push(Reason {
                code,
                detail: format!(
                    "{} matched '{}', {} {}, {}",
                    quote(s),
                    sp.term(),
                    what,
                    tname,
                    listed
                ),
            });
            if s.obf.any_deliberate() {
                let undone: Vec<&str> = s
                    .obf
                    .iter()
                    .filter(|o| o.is_deliberate())
                    .map(|o| o.as_str())
                    .collect();
                reasons.push(Reason {
                    code: "OBFUSCATED_TERM".into(),
                    detail: format!("{} was disguised; undone: {}", quote(s), undone.join(", ")),
                });
            }
            if j.described {
                reasons.push(Reason {
                    code: "CODE_WORD_DESCRIBED".into(),
                    detail: format!(
                        "the listing describes the real material behind {} ({}), one more signal \
                         of what the code word hides",
                        quote(s),
                        quoted(&phrases().tells)
                    ),
                });
            }
            if let Some((code, detail)) = &j.floor {
                if j.verdict == Verdict::Review {
                    reasons.push(Reason {
                        code: (*code).into(),
                        detail: detail.clone(),
                    });
                }
            }
            if j.marked {
                let how = match knowing {
                    Some(k) if !in_quotes(fields, s) => {
                        format!(
                            "stands beside {}, a wink at those who know,",
                            quote(&scored[k])
                        )
                    }
                    _ => "is set in quotes,".to_string(),
                };
                reasons.push(Reason {
                    code: "CODE_WORD_MARKED".into(),
                    detail: format!("{} {how} as sellers mark a code word", quote(s)),
                });
            }
            if s.obf.contains(Obfuscation::Misspelling) {
                reasons.push(Reason {
                    code: "MISSPELLED_TERM".into(),
                    detail: format!(
                        "{} is within {} edit(s) of '{}'",
                        quote(s),
                        s.hit.distance,
                        sp.term()
                    ),
                });
            }
            if s.kinds & bit(Kind::Stop) != 0
                && matches!(sp.kind(), Kind::Scientific | Kind::Synonym | Kind::Common)
                && !form
            {
                reasons.push(Reason {
                    code: "AMBIGUOUS_TERM".into(),
                    detail: format!(
                        "'{}' is also an everyday word, so it weighs less alone",
                        sp.term()
                    ),
                });
            }
            for &(ci, code, what) in &j.suppressed_by {
                let c = &scored[ci];
                reasons.push(Reason {
                    code: code.into(),
                    detail: format!(
                        "{} is {what} near {}, which lowers the score",
                        quote(c),
                        quote(s)
                    ),
                });
            }
        }
        let any_species = !judged.is_empty();
        if any_species {
            if sale {
                reasons.push(Reason {
                    code: "SALE_CONTEXT".into(),
                    detail: format!("sale intent: {}", list_kind(Kind::Sale).join(", ")),
                });
            }
            if form {
                reasons.push(Reason {
                    code: "PRODUCT_CONTEXT".into(),
                    detail: format!("product form: {}", {
                        let mut v = list_kind(Kind::Form);
                        v.extend(list_kind(Kind::Artefact));
                        v.join(", ")
                    }),
                });
            }
            if !phrases().undocumented.is_empty() {
                reasons.push(Reason {
                    code: "UNDOCUMENTED".into(),
                    detail: format!(
                        "the listing says the item comes without papers ({}): the legal trade \
                         has them",
                        quoted(&phrases().undocumented)
                    ),
                });
            }
            if permit {
                reasons.push(Reason { code: "PERMIT_CLAIM".into(), detail: format!("permit or legality claim: {}; a claim is not a permit, so a person should check it", list_kind(Kind::Permit).join(", ")) });
            }
        }
        // platform terms
        for s in scored.iter().filter(|s| s.platform.is_some()) {
            match s.platform {
                Some(TermAction::Deny) => {
                    verdict = Verdict::Block;
                    score = score.max(1.0);
                    reasons.push(Reason {
                        code: "POLICY_DENY_TERM".into(),
                        detail: format!(
                            "{} is on the platform's deny list (policy {})",
                            quote(s),
                            p.name
                        ),
                    });
                }
                Some(TermAction::Review) => {
                    if verdict == Verdict::Allow {
                        verdict = Verdict::Review;
                        score = score.max(p.thresholds.review);
                    }
                    reasons.push(Reason {
                        code: "POLICY_REVIEW_TERM".into(),
                        detail: format!(
                            "{} is on the platform's review list (policy {})",
                            quote(s),
                            p.name
                        ),
                    });
                }
                _ => reasons.push(Reason {
                    code: "POLICY_ALLOW_TERM".into(),
                    detail: format!(
                        "{} is on the platform's allow list and was ignored (policy {})",
                        quote(s),
                        p.name
                    ),
                }),
            }
        }
        if found > scored.len() && !judged.is_empty() {
            reasons.push(Reason {
                code: "EVIDENCE_LIMIT".into(),
                detail: format!(
                    "the listing has {found} matches; {} were weighed (at most {MAX_TERM_HITS} \
                     names, code words and platform terms, and {MAX_CONTEXT_HITS} context terms, \
                     those near the names first), so that a huge text costs linear time",
                    scored.len()
                ),
            });
        }
        if let Some(j) = judged.first() {
            // the rule of the hit the listing's verdict is, in words (`RuleWords`)
            let w = j.rule_words;
            let (score, s) = (w.score, &scored[j.idx]);
            let (block, review, appendix) = (p.thresholds.block, p.thresholds.review, j.appendix);
            let mut rule_text = match w.base {
                RuleBase::CodeWordReview => format!("score {score:.2} >= block threshold {block:.2}, but a code word with no product form blocks only beside sale intent and two more signals (another term for the same animal, a mark, a denied imitation, a description of the real material), so a person should look"),
                RuleBase::ContextCapsReview => format!("score {score:.2} >= block threshold {block:.2}, but context near the term suggests it may not be wildlife, so a person should look"),
                RuleBase::AppendixBlocks => format!("score {score:.2} >= block threshold {block:.2}, and Appendix {} taxa and their products block", roman(appendix)),
                RuleBase::OtherEvidenceBlocks(why) => format!("score {score:.2} >= block threshold {block:.2}; Appendix {} taxa go to review unless other evidence blocks, and here {why}", roman(appendix)),
                RuleBase::ReviewAppendix => format!("score {score:.2} >= block threshold, but {} taxa go to review without other evidence", if appendix == 0 { "unlisted".to_string() } else { format!("Appendix {}", roman(appendix)) }),
                RuleBase::ScoreReview => format!("score {score:.2} >= review threshold {review:.2}"),
                RuleBase::BelowThreshold => format!("score {score:.2} < review threshold {review:.2}"),
            };
            if w.permit_caps {
                rule_text =
                    format!("{rule_text}; a permit or legality claim caps the verdict at review");
            }
            if w.faux_claim_caps {
                rule_text = format!(
                    "{rule_text}; but {} is the seller's own claim of an imitation, which the \
                     listing's other words contradict, so a person should look",
                    quote(s)
                );
            }
            if w.unknown_species_caps {
                let why = if !phrases().unknown_species.is_empty() {
                    format!(
                        "the seller says the species is not known ({})",
                        quoted(&phrases().unknown_species)
                    )
                } else {
                    format!(
                        "it is offered as a preserved specimen ({})",
                        quote(&scored[specimen.unwrap_or(j.idx)])
                    )
                };
                rule_text = format!(
                    "{rule_text}; but {} names a group and {why}, so a person should identify \
                     the species",
                    quote(s),
                );
            }
            if w.group_caps {
                rule_text = format!(
                    "{rule_text}; but {} names a whole class that holds unlisted species too, so \
                     a person should identify the species",
                    quote(s),
                );
            }
            if let Some(what) = w.offers {
                rule_text = format!("{rule_text}; but the listing offers {what}");
            }
            let code = if reasons.iter().any(|r| r.code == "POLICY_DENY_TERM") {
                "RULE_PLATFORM_DENY"
            } else {
                j.rule
            };
            reasons.push(Reason {
                code: code.into(),
                detail: format!(
                    "automated detection by citescan with lexicon {} ({}) and policy {}: {} -> {}",
                    lex.version(),
                    lex.hash(),
                    p.name,
                    rule_text,
                    verdict
                ),
            });
        }

        // context words alone ("price", "carving") are evidence of nothing: a listing with no
        // species-bearing match reports none of them
        let matches = if judged.is_empty() {
            Vec::new()
        } else {
            scored
                .iter()
                .filter(|s| s.platform.is_none())
                .map(|s| self.to_match(fields, s))
                .collect()
        };
        Assessment {
            id,
            verdict,
            score: (score * 1000.0).round() / 1000.0,
            taxa: if verdict == Verdict::Allow {
                Vec::new()
            } else {
                taxa
            },
            matches,
            reasons,
            lexicon: LexiconRef {
                version: lex.version().to_string(),
                hash: lex.hash(),
            },
        }
    }

    /// A listing that names no taxon but offers a whole preserved animal ("taxidermy",
    /// "Tierpräparat", 박제) and says the species is not known (`rules.unknown_species_terms`):
    /// which species it is, a person must tell (REVIEW_SPECIMEN_UNNAMED). Not beside an
    /// imitation ("stuffed animal", "faux taxidermy"). Its evidence and reasons, or `None`.
    fn unnamed_specimen(
        &self,
        fields: &[(&str, &str)],
        scored: &[Scored<'_>],
    ) -> Option<(Vec<Match>, Vec<Reason>)> {
        let lex = &self.inner.lexicon;
        // (not English "stuffed" alone, a cook's word first: "stuffed peppers, unknown type of
        // cheese"; beside a group's name it still counts, `RULE_UNKNOWN_SPECIES_CAPS_REVIEW`)
        let specimen = scored.iter().find(|s| {
            policy_term(lex, s, Kind::Form, &self.inner.specimen_ids)
                && !lex
                    .entries_of(s.hit.value)
                    .any(|e| e.term().eq_ignore_ascii_case("stuffed"))
        })?;
        if scored.iter().any(|s| s.kinds & bit(Kind::Imitation) != 0) {
            return None;
        }
        let found = self.inner.phrases.found(fields);
        // the seller says the species is not known, or names the animal only by its kind
        let why = match (found.unknown_species.first(), found.animal_kinds.first()) {
            (Some(phrase), _) => format!("the seller says the species is not known ('{phrase}')"),
            (None, Some(kind)) => format!("names the animal only by its kind ('{kind}')"),
            (None, None) => return None,
        };
        let p = &self.inner.policy;
        let m = self.to_match(fields, specimen);
        let reasons = vec![
            Reason {
                code: "REVIEW_SPECIMEN_UNNAMED".into(),
                detail: format!(
                    "'{}' ({} bytes {}-{}) offers a preserved animal and {why}; a person \
                     should identify it",
                    m.text, m.field, m.start, m.end
                ),
            },
            Reason {
                code: "RULE_SPECIMEN_REVIEW".into(),
                detail: format!(
                    "automated detection by citescan with lexicon {} ({}) and policy {}: a \
                     preserved animal of a species not known goes to review -> review",
                    lex.version(),
                    lex.hash(),
                    p.name
                ),
            },
        ];
        Some((vec![m], reasons))
    }

    fn to_match(&self, fields: &[(&str, &str)], s: &Scored<'_>) -> Match {
        let e = s.primary;
        let taxon = e.taxon();
        let mut also: Vec<Kind> = Kind::ALL
            .into_iter()
            .filter(|k| s.kinds & bit(*k) != 0 && *k != e.kind())
            .collect();
        also.dedup();
        Match {
            field: fields[s.field].0.to_string(),
            start: s.span.0,
            end: s.span.1,
            text: fields[s.field].1[s.span.0..s.span.1].to_string(),
            term: e.term().to_string(),
            kind: e.kind(),
            taxon: taxon.map(|t| t.name.to_string()),
            appendix: taxon
                .map(|t| t.appendix.to_string())
                .filter(|a| !a.is_empty()),
            lang: e.lang().to_string(),
            obfuscations: s.obf.iter().collect(),
            also,
            annotation: taxon
                .map(|t| t.annotation.to_string())
                .filter(|a| !a.is_empty()),
        }
    }
}

/// The Appendix a species-bearing entry is judged by. A split listing (`I/II`) of a species, or
/// a product, code word or emoji (which point at the traded, protected animal), counts at its
/// strictest; a name of a genus or family counts at its loosest, since most of its members are
/// there ("Dendrobium" is an Appendix II orchid though a few orchids are in Appendix I).
pub(crate) fn effective_appendix(e: &Entry<'_>, as_product: bool) -> u8 {
    let Some((rank, appendix)) = e.taxon_listing() else {
        return 0;
    };
    // (a name of an order or class next to a form, "falcon specimen", "baby monkey", still does
    // not say which species: it keeps its loosest listing)
    let broad = matches!(rank, "ORDER" | "CLASS" | "PHYLUM" | "KINGDOM");
    if (as_product && !broad)
        || matches!(rank, "SPECIES" | "SUBSPECIES" | "VARIETY")
        || matches!(e.kind(), Kind::Product | Kind::Code | Kind::Emoji)
    {
        crate::lexicon::strictest_appendix(appendix)
    } else {
        crate::lexicon::loosest_appendix(appendix)
    }
}

/// Most name, code word and platform-term hits weighed per listing (the first, in field and
/// text order). The weighing compares hits with each other, so bounding them keeps a listing's
/// cost linear in its length however many terms it repeats.
pub const MAX_TERM_HITS: usize = 64;
/// Most context hits (forms, sale intent, colours, ...) weighed per listing: those within
/// `CONTEXT_REACH` tokens of a kept term hit first, then the earliest others.
pub const MAX_CONTEXT_HITS: usize = 512;

/// What `names_certainly_suppressed` knows of a listing of one field as the scan goes
/// (`scan::scan_until`): the hits that are final (they start before the token two before the
/// one read), the last tokens of the negations among them, and the first tokens of the brand
/// or everyday-context hits among them that name no taxon and stand in no hashtag.
#[derive(Default)]
struct SuppressorScan {
    settled: usize,
    negations: Vec<usize>,
    candidates: Vec<usize>,
    found: bool,
}

impl SuppressorScan {
    /// Whether the hits read so far certainly answer `names_certainly_suppressed` with true,
    /// before token `ti`: a final candidate at token `t` with no negation ending in `t` or the
    /// three tokens before it (every hit that starts before token `t + 1` being final), and at
    /// most `MAX_CONTEXT_HITS` hits however the rest reads (two a token, or one a byte and two
    /// more in a token where terms start anywhere).
    fn settled(
        &mut self,
        lex: &Lexicon,
        hits: &[Hit],
        tokens: &[crate::normalize::Token],
        ti: usize,
    ) -> bool {
        if ti < 3 {
            return false;
        }
        let before = tokens[ti - 2].start;
        while self.settled < hits.len() && hits[self.settled].start < before {
            let h = hits[self.settled];
            self.settled += 1;
            let kinds = lex.entries_of(h.value).fold(0, |k, e| k | bit(e.kind()));
            if kinds & bit(Kind::Negation) != 0 {
                self.negations
                    .push(tokens.partition_point(|t| t.end < h.end));
            }
            let t = tokens.partition_point(|t| t.end <= h.start);
            if kinds & (bit(Kind::Brand) | bit(Kind::Benign)) != 0
                && !lex.entries_of(h.value).any(|e| e.kind().names_taxon())
                && tokens.get(t).is_some_and(|x| x.flags & tok::HASHTAG == 0)
            {
                self.candidates.push(t);
            }
        }
        if !self.found {
            let negations = &self.negations;
            let mut found = false;
            self.candidates.retain(|&t| {
                if t + 3 > ti {
                    return true;
                }
                found |= !negations.iter().any(|&e| e <= t && t - e <= 3);
                false
            });
            self.found = found;
        }
        self.found && {
            let anywhere = tok::UNSPACED | tok::HASHTAG | tok::DIGITS | tok::MIXED;
            let rest: usize = tokens[ti..]
                .iter()
                .map(|t| {
                    if t.flags & anywhere != 0 {
                        (t.end - t.start) as usize + 2
                    } else {
                        2
                    }
                })
                .sum();
            hits.len() + rest <= MAX_CONTEXT_HITS
        }
    }
}
/// Tokens around a term hit whose context is kept first.
const CONTEXT_REACH: usize = 8;

/// Keeps at most `MAX_TERM_HITS` term hits and `MAX_CONTEXT_HITS` context hits, in their
/// order. `scored` is in field and text order. Linear in its length.
fn bound_evidence(scored: &mut Vec<Scored<'_>>) {
    let is_term = |s: &Scored<'_>| s.species.is_some() || s.platform.is_some();
    let terms = scored.iter().filter(|s| is_term(s)).count();
    if terms <= MAX_TERM_HITS && scored.len() - terms <= MAX_CONTEXT_HITS {
        return;
    }
    let n = scored.len();
    let mut keep = vec![false; n];
    let mut kept_terms = 0;
    let mut kept_context = 0;
    for i in 0..n {
        if !is_term(&scored[i]) || kept_terms == MAX_TERM_HITS {
            continue;
        }
        keep[i] = true;
        kept_terms += 1;
        // its context, both ways, while it stays within reach (hits are in text order)
        let (field, tok) = (scored[i].field, scored[i].tok);
        let near =
            |j: usize| scored[j].field == field && scored[j].tok.abs_diff(tok) <= CONTEXT_REACH;
        let mut take = |j: usize, keep: &mut Vec<bool>| {
            if !keep[j] && !is_term(&scored[j]) && kept_context < MAX_CONTEXT_HITS {
                keep[j] = true;
                kept_context += 1;
            }
        };
        let mut j = i;
        while j > 0 && near(j - 1) {
            j -= 1;
            take(j, &mut keep);
        }
        let mut j = i + 1;
        while j < n && near(j) {
            take(j, &mut keep);
            j += 1;
        }
    }
    for (i, k) in keep.iter_mut().enumerate() {
        if !*k && !is_term(&scored[i]) && kept_context < MAX_CONTEXT_HITS {
            *k = true;
            kept_context += 1;
        }
    }
    let mut i = 0;
    scored.retain(|_| {
        i += 1;
        keep[i - 1]
    });
}

/// Whether objects are carved or strung from the taxon itself rather than made in its shape:
/// plants (woods, seeds), corals and shells.
pub(crate) fn is_carving_material(t: crate::lexicon::Taxon<'_>) -> bool {
    t.kingdom == "Plantae" || matches!(t.phylum, "Cnidaria" | "Mollusca")
}

/// Whether two hits stand in the same field at most `ADJACENT_GAP` bytes apart in the
/// normalised text (touching, or one short word between).
fn touching(a: &Scored<'_>, b: &Scored<'_>) -> bool {
    a.field == b.field
        && b.hit.start <= a.hit.end + ADJACENT_GAP
        && a.hit.start <= b.hit.end + ADJACENT_GAP
}

/// Marks a name glued to a product form written in another script, with nothing between them
/// in the text ("tiger骨", "tigerкоготь", "pangolin鳞片"), as mixed scripts, a deliberate
/// disguise: both hits. Only a name, product or code word of a taxon beside a form that names
/// none; two names ("老虎tiger", a title in two languages) or a brand are ordinary writing.
fn mark_mixed_scripts(fields: &[(&str, &str)], scored: &mut [Scored<'_>]) {
    use crate::normalize::script_family as family;
    let form = |s: &Scored<'_>| {
        s.species.is_none()
            && s.kinds & (bit(Kind::Form) | bit(Kind::Artefact)) != 0
            && s.kinds & (bit(Kind::Brand) | bit(Kind::Benign) | bit(Kind::Imitation)) == 0
    };
    let named = |s: &Scored<'_>| {
        s.species.is_some() && s.kinds & (bit(Kind::Brand) | bit(Kind::Benign)) == 0
    };
    // a name spelt in two scripts with no space at the change ("犀jiao粉", "hu骨酒": the telling
    // character in pinyin)
    // (look-alike letters of another script are reported as `confusable` already)
    for s in scored
        .iter_mut()
        .filter(|s| named(s) && !s.obf.contains(Obfuscation::Confusable))
    {
        let Some(text) = fields
            .get(s.field)
            .and_then(|(_, t)| t.get(s.span.0..s.span.1))
        else {
            continue;
        };
        let mut prev: Option<char> = None;
        let mixed = text.chars().any(|c| {
            let change = prev
                .is_some_and(|p| p.is_alphabetic() && c.is_alphabetic() && family(p) != family(c));
            prev = Some(c);
            change
        });
        if mixed {
            s.obf.insert(Obfuscation::MixedScript);
        }
    }
    for k in 1..scored.len() {
        let (a, b) = (&scored[k - 1], &scored[k]);
        if a.field != b.field
            || a.span.1 != b.span.0
            || !(named(a) && form(b) || form(a) && named(b))
        {
            continue;
        }
        let text = fields[a.field].1;
        let before = text.get(..a.span.1).and_then(|t| t.chars().next_back());
        let after = text.get(b.span.0..).and_then(|t| t.chars().next());
        if let (Some(x), Some(y)) = (before, after) {
            if x.is_alphabetic() && y.is_alphabetic() && family(x) != family(y) {
                scored[k - 1].obf.insert(Obfuscation::MixedScript);
                scored[k].obf.insert(Obfuscation::MixedScript);
            }
        }
    }
}

/// Whether only a quantity with its unit stands between two hits of one field ("seahorse 50pcs
/// dried", "saiga 2 kg horns"): the name and the product form still read as one product ("50 pcs
/// of dried seahorse"), as they do across digits glued to the name ("tiger2024 skin"). A bare
/// number is not enough ("seahorse 2024 dried"): the unit must be one
/// of `BULK_UNITS`, glued to the number or after one space.
fn quantity_between(fields: &[(&str, &str)], a: &Scored<'_>, b: &Scored<'_>) -> bool {
    if a.field != b.field {
        return false;
    }
    let Some((_, text)) = fields.get(a.field) else {
        return false;
    };
    let (lo, hi) = if a.span.1 <= b.span.0 {
        (a.span.1, b.span.0)
    } else if b.span.1 <= a.span.0 {
        (b.span.1, a.span.0)
    } else {
        return false;
    };
    let Some(gap) = text.get(lo..hi) else {
        return false;
    };
    // digits glued to the first term, then one space ("tiger2024 skin"): a disguise, not a
    // number of its own
    let digits = gap.trim_end();
    if gap.len() - digits.len() <= 1
        && !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
    {
        return true;
    }
    let gap = gap.trim();
    if gap.is_empty() || gap.len() > 24 {
        return false;
    }
    let digits = gap
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '.' || *c == ','))
        .map_or(gap.len(), |(i, _)| i);
    if digits == 0 || !gap.as_bytes()[0].is_ascii_digit() {
        return false;
    }
    let unit = gap[digits..].trim_start();
    // at most one space between the number and its unit
    if gap[digits..].len() - unit.len() > 1 {
        return false;
    }
    let unit = unit.to_lowercase();
    BULK_UNITS.iter().any(|(u, _, _)| *u == unit)
}

/// The sorted ids of the lexicon's entries of kind `kind` for a policy's list of terms
/// (`rules.wild_terms`, `rules.knowing_terms`).
fn entry_ids(lexicon: &Lexicon, terms: &[String], kind: Kind) -> Vec<u32> {
    let mut ids: Vec<u32> = terms
        .iter()
        .flat_map(|t| lexicon.lookup(t))
        .filter(|e| e.kind() == kind)
        .map(|e| e.id())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// Whether a hit is a faint everyday code word: a code word below the policy's
/// `faint_code_weight` whose key is also a colour or an everyday word ("white", "black", "red").
/// Alone it never reaches review under the default policy, and an allowed listing does not
/// report it (nor does the screen send the listing down the full path for it: `FaintCodes`).
pub(crate) fn faint_everyday_code(e: &Entry<'_>, kinds: u32, faint_code_weight: f32) -> bool {
    e.kind() == Kind::Code
        && !weight_at_least(e.weight(), faint_code_weight)
        && kinds & (bit(Kind::Colour) | bit(Kind::Stop)) != 0
}

/// Whether a hit may be a weak everyday name: a scientific name, synonym or common name whose
/// key is also an everyday word ("pan", "drill", "puma"). The weighing halves such a name alone
/// (`suppress.ambiguous_factor`); written plainly and not read as a product, in an allowed
/// listing it is no evidence, and the listing reports no term (nor does the screen send the
/// listing down the full path for it when nothing can lift it: `FaintCodes`).
pub(crate) fn everyday_name(e: &Entry<'_>, kinds: u32) -> bool {
    matches!(e.kind(), Kind::Scientific | Kind::Synonym | Kind::Common)
        && kinds & bit(Kind::Stop) != 0
}

/// Whether a product's name says it was taken from the wild: it holds one of `wild_terms`
/// (`holds_word`: "wild ginseng root", "野生人参"). The plain reading, which the classifier's
/// `WildTerms::named_in` is tested against.
#[cfg(test)]
pub(crate) fn names_wild(term: &str, wild_terms: &[String]) -> bool {
    let term = term.to_lowercase();
    wild_terms
        .iter()
        .any(|w| holds_word(&term, &w.to_lowercase()))
}

/// Policy `rules.wild_terms`, lower-cased once: `named_in` gives `names_wild`'s answer without
/// lower-casing every term and building a searcher for each on every call (a hundred terms for
/// each product name weighed).
#[derive(Clone, Debug, Default)]
pub(crate) struct WildTerms {
    /// The terms lower-cased (no empty one).
    words: Vec<String>,
}

impl WildTerms {
    pub(crate) fn new(terms: &[String]) -> WildTerms {
        // (an empty term is held by no text: `holds_word`)
        let words = terms
            .iter()
            .map(|w| w.to_lowercase())
            .filter(|w| !w.is_empty())
            .collect();
        WildTerms { words }
    }

    /// Whether a product's name holds one of the terms: `names_wild(term, terms)`. A term
    /// `holds_word` counts occurs in the name, so it is no longer than the name and its first
    /// byte is in it: only the terms that pass both are searched for.
    pub(crate) fn named_in(&self, term: &str) -> bool {
        let term = term.to_lowercase();
        let bytes = term.as_bytes();
        self.words.iter().any(|w| {
            w.len() <= bytes.len()
                && memchr::memchr(w.as_bytes()[0], bytes).is_some()
                && holds_word(&term, w)
        })
    }
}

/// Whether lower-cased `text` holds lower-cased `word` as whole words, or, for a word in a
/// script of three-byte letters written with few spaces or none (Chinese, Japanese, Thai,
/// Korean), anywhere.
fn holds_word(text: &str, word: &str) -> bool {
    word_ends(text, word).next().is_some()
}

/// Where each occurrence of `word` that `holds_word` counts ends in `text`.
fn word_ends<'t>(text: &'t str, word: &'t str) -> impl Iterator<Item = usize> + 't {
    let unspaced = word
        .chars()
        .all(|c| c.len_utf8() >= 3 || !c.is_alphabetic());
    text.match_indices(word)
        .filter(move |(at, _)| {
            let before = text[..*at].chars().next_back();
            let after = text[at + word.len()..].chars().next();
            !word.is_empty()
                && (unspaced
                    || !before.is_some_and(char::is_alphanumeric)
                        && !after.is_some_and(char::is_alphanumeric))
        })
        .map(move |(at, _)| at + word.len())
}

/// Manufactured derivatives of ginseng root, in the lexicon's languages. CITES annotation #3
/// (Panax ginseng, Panax quinquefolius) designates "whole and sliced roots and parts of roots,
/// excluding manufactured parts or derivatives such as powders, pills, extracts, tonics, teas
/// and confectionery": a listing of these is not of a listed specimen.
const ROOT_DERIVATIVES: &[&str] = &[
    "extract",
    "extracts",
    "powder",
    "powders",
    "pill",
    "pills",
    "capsule",
    "capsules",
    "tablet",
    "tablets",
    "tea",
    "teas",
    "tonic",
    "tonics",
    "candy",
    "candies",
    "drink",
    "drinks",
    "syrup",
    "jelly",
    "essence",
    "concentrate",
    "gum",
    "chocolate",
    "soap",
    "cream",
    "shampoo",
    "serum",
    "extrait",
    "poudre",
    "gélules",
    "thé",
    "bonbons",
    "extracto",
    "polvo",
    "cápsulas",
    "té",
    "caramelos",
    "extrato",
    "chá",
    "balas",
    "estratto",
    "polvere",
    "capsule",
    "tè",
    "caramelle",
    "Extrakt",
    "Pulver",
    "Kapseln",
    "Tee",
    "Bonbons",
    "ekstrak",
    "bubuk",
    "serbuk",
    "kapsul",
    "teh",
    "permen",
    "gula-gula",
    "trà",
    "viên nang",
    "kẹo",
    "nước uống",
    "экстракт",
    "порошок",
    "капсулы",
    "чай",
    "конфеты",
    "茶",
    "胶囊",
    "膠囊",
    "口服液",
    "精华",
    "糖",
    "浓缩液",
    "膏",
    "エキス",
    "カプセル",
    "茶",
    "キャンディ",
    "飴",
    "ドリンク",
    "진액",
    "엑기스",
    "캡슐",
    "차",
    "캔디",
    "젤리",
    "스틱",
    "음료",
    "홍삼정",
    "ชา",
    "แคปซูล",
    "สกัด",
];

/// Words for the roots themselves, which annotation #3 covers: a listing that names them offers
/// roots, whatever derivative it also names ("wild roots, brew them as tea").
const ROOT_WORDS: &[&str] = &[
    "root",
    "roots",
    "racine",
    "racines",
    "raíz",
    "raíces",
    "raiz",
    "raízes",
    "radice",
    "radici",
    "Wurzel",
    "Wurzeln",
    "akar",
    "rễ",
    "củ",
    "корень",
    "корни",
    "根",
    "뿌리",
    "ราก",
    "whole",
    "sliced",
    "slices",
];

/// Whether a taxon's CITES annotation is #3 (ginseng: roots only) and the listing offers a
/// manufactured derivative (`ROOT_DERIVATIVES`) instead, naming no roots (`ROOT_WORDS`).
/// `lowered` gives the listing's fields lower-cased.
fn derivative_not_covered<'t>(
    taxon: Option<crate::lexicon::Taxon<'_>>,
    lowered: impl FnOnce() -> &'t [String],
) -> bool {
    if !taxon.is_some_and(|t| t.annotation.starts_with("#3 ")) {
        return false;
    }
    let texts = lowered();
    let derivative = |t: &str| {
        ROOT_DERIVATIVES
            .iter()
            .any(|w| holds_word(t, &w.to_lowercase()))
    };
    // a root word names roots unless a derivative word follows it ("root extract", "root tea")
    let roots = |t: &str| {
        ROOT_WORDS.iter().any(|w| {
            let w = w.to_lowercase();
            let named = word_ends(t, &w).any(|end| {
                let next = t[end..].split_whitespace().next().unwrap_or("");
                !derivative(next.trim_matches(|c: char| !c.is_alphanumeric()))
            });
            named
        })
    };
    holds_any(texts, ROOT_DERIVATIVES) && !texts.iter().any(|t| roots(t))
}

/// Finished musical instruments and their finished parts, in the lexicon's languages. CITES
/// annotation #15, as amended at CoP18 (in force 26 November 2019), leaves them out of the
/// Appendix II listing of Dalbergia spp. (not Dalbergia nigra, in Appendix I) and of three
/// Guibourtia species.
const INSTRUMENTS: &[&str] = &[
    "guitar",
    "guitars",
    "violin",
    "viola",
    "cello",
    "ukulele",
    "mandolin",
    "banjo",
    "piano",
    "marimba",
    "xylophone",
    "clarinet",
    "oboe",
    "bagpipes",
    "fretboard",
    "fingerboard",
    "gitarre",
    "geige",
    "violine",
    "klavier",
    "guitare",
    "violon",
    "violoncelle",
    "guitarra",
    "violão",
    "violín",
    "chitarra",
    "violino",
    "гитара",
    "гитару",
    "скрипка",
    "吉他",
    "小提琴",
    "ギター",
    "バイオリン",
    "đàn guitar",
    "กีตาร์",
    "gitar",
    "biola",
    "sitar",
    "harp",
    "flute",
    "bassoon",
    "double bass",
    "kontrabass",
    "contrabajo",
    "erhu",
    "pipa",
    "guzheng",
    "乐器",
    "樂器",
    "二胡",
    "琵琶",
    "古筝",
    "古箏",
    "扬琴",
    "三弦",
    "月琴",
    "三味線",
    "가야금",
    "해금",
    "đàn tranh",
    "đàn bầu",
    "đàn nguyệt",
    "kecapi",
    "clarinette",
    "klarinette",
    "clarinetto",
    "clarinete",
    "klarinet",
    "klarnet",
    "кларнет",
    "单簧管",
    "クラリネット",
    "클라리넷",
    "hautbois",
    "fagott",
    "flûte",
    "flauta",
    "flauto",
    "flöte",
    "griffbrett",
    "kytara",
    "kytaru",
    "kytary",
    "hmatník",
    "hmatníkem",
    "housle",
    "gitara",
    "skrzypce",
    "keman",
    "bağlama",
    "κιθάρα",
    "βιολί",
    "μπουζούκι",
];

/// Words of raw or half-made wood for instruments: these the annotation still covers (a set of
/// back and sides, a fretboard blank, tonewood). Not "set" alone: a guitar comes with a set of
/// strings.
const INSTRUMENT_WOOD: &[&str] = &[
    "tonewood",
    "blank",
    "blanks",
    "billet",
    "billets",
    "unfinished",
    "back and sides set",
    "tonewood set",
    "log",
    "logs",
    "plank",
    "planks",
    "lumber",
    "timber",
    "lutherie",
    "luthier",
    "luthiers",
    "tonholz",
    "plots",
    "bruts",
    "legno di risonanza",
    "luthería",
    "原木",
    "板材",
];

/// Whether the taxon is one that annotation #15 covers (`INSTRUMENTS`) and the listing offers a
/// finished musical instrument or part, with no raw instrument wood. `lowered` gives the
/// listing's fields lower-cased.
fn instrument_not_covered<'t>(
    taxon: Option<crate::lexicon::Taxon<'_>>,
    lowered: impl FnOnce() -> &'t [String],
) -> bool {
    let covered = taxon.is_some_and(|t| {
        t.genus == "Dalbergia" && t.name != "Dalbergia nigra"
            || matches!(
                t.name,
                "Guibourtia demeusei" | "Guibourtia pellegriniana" | "Guibourtia tessmannii"
            )
    });
    if !covered {
        return false;
    }
    let texts = lowered();
    holds_any(texts, INSTRUMENTS) && !holds_any(texts, INSTRUMENT_WOOD)
}

/// Families of the garden and house-plant trade whose Appendix II members are sold alive,
/// artificially propagated, in every garden centre: orchids, cacti, pitcher plants, succulent
/// euphorbias and aloes, cycads, air plants, cyclamens, snowdrops, tree ferns.
const GARDEN_FAMILIES: &[&str] = &[
    "Orchidaceae",
    "Cactaceae",
    "Nepenthaceae",
    "Sarraceniaceae",
    "Droseraceae",
    "Euphorbiaceae",
    "Xanthorrhoeaceae",
    "Liliaceae",
    "Cycadaceae",
    "Zamiaceae",
    "Stangeriaceae",
    "Bromeliaceae",
    "Didiereaceae",
    "Apocynaceae",
    "Primulaceae",
    "Amaryllidaceae",
    "Cyatheaceae",
    "Dicksoniaceae",
    "Portulacaceae",
    "Crassulaceae",
];

/// Cactus genera whose artificially propagated hybrids and cultivars the Appendices leave out
/// (the Christmas and Easter cacti of house-plant shops): no grower's claim is needed.
const CULTIVAR_GENERA: &[&str] = &["Schlumbergera", "Hatiora", "Rhipsalidopsis"];

/// Words of a plant product rather than a live plant (dried stems, powder, extract, chips,
/// oil), in the lexicon's languages: a grower's claim does not make these a garden plant.
const PLANT_PRODUCTS: &[&str] = &[
    "dried",
    "dry",
    "powder",
    "extract",
    "extracts",
    "chips",
    "oil",
    "tea",
    "capsules",
    "stems",
    "tablets",
    "resin",
    "seco",
    "secos",
    "seca",
    "secas",
    "polvo",
    "pó",
    "extrato",
    "extracto",
    "séché",
    "séchés",
    "poudre",
    "getrocknet",
    "pulver",
    "essiccato",
    "essiccati",
    "polvere",
    "сушёный",
    "сушеный",
    "порошок",
    "干",
    "乾",
    "粉",
    "枫斗",
    "楓斗",
    "沉香",
    "khô",
    "bột",
    "แห้ง",
    "ผง",
    "kering",
    "bubuk",
    "건조",
    "분말",
    "乾燥",
];

/// Whether a context hit (one that names no taxon) is one of a policy's terms of kind `k`
/// (`ids`, from `entry_ids`).
fn policy_term(lex: &Lexicon, o: &Scored<'_>, k: Kind, ids: &[u32]) -> bool {
    !ids.is_empty()
        && o.species.is_none()
        && o.kinds & bit(k) != 0
        && lex
            .entries_of(o.hit.value)
            .any(|e| e.kind() == k && ids.binary_search(&e.id()).is_ok())
}

/// Whether any of the lower-cased texts holds one of `words` as a whole word (case-folded).
fn holds_any(texts: &[String], words: &[&str]) -> bool {
    texts
        .iter()
        .any(|t| words.iter().any(|w| holds_word(t, &w.to_lowercase())))
}

/// Whether an imitation word is resin, in the lexicon's languages: what a fake ivory or horn
/// is cast from, but the very substance of agarwood and other resinous woods.
fn is_resin(term: &str) -> bool {
    const RESIN: &[&str] = &[
        "resin",
        "resins",
        "resina",
        "resinas",
        "résine",
        "résines",
        "harz",
        "树脂",
        "樹脂",
        "nhựa",
        "nhựa resin",
        "smola",
        "смола",
        "レジン",
        "수지",
        "เรซิน",
    ];
    RESIN.iter().any(|r| term.eq_ignore_ascii_case(r))
}

/// Whether a product form names a material of plants: wood, timber, logs, planks, in the
/// lexicon's languages. Beside an animal's name it is what a figure is made of; near a plant's
/// name, the plant's own wood.
fn is_plant_material(term: &str) -> bool {
    const MATERIALS: &[&str] = &[
        "wood",
        "log",
        "logs",
        "timber",
        "plank",
        "planks",
        "lumber",
        "sawn wood",
        "veneer",
        "原木",
        "木材",
        "板材",
        "木屑",
        "gỗ",
        "gỗ tròn",
        "gỗ xẻ",
        "ไม้ซุง",
        "ไม้แปรรูป",
        "kayu gelondongan",
        "kayu olahan",
        "kayu balak",
        "kayu gergaji",
        "목재",
        "bois",
        "bois massif",
        "tronco",
        "troncos",
        "madera",
        "madeira",
        "Rundholz",
        "Holz",
        "Schnittholz",
        "Brett",
        "Bretter",
        "Bohlen",
        "Stämme",
        "Baumstämme",
        "legno",
        "legname",
        "tronchi",
        "tavole",
        "segati",
        "billet",
        "billets",
        "tablas",
        "tablones",
        "madera aserrada",
        "toras",
        "tábuas",
        "pranchas",
        "madeira serrada",
        "planches",
        "plateaux",
        "bois de cœur",
        "heartwood",
        "slab",
        "slabs",
        "Kernholz",
        "duramen",
        "心材",
        "lõi gỗ",
        "grumes",
        "bois scié",
        "kayu bulat",
        "kayu gergajian",
        "木料",
        "木方",
        "丸太",
        "製材",
        "원목",
        "брёвна",
        "бревна",
        "доски",
        "пиломатериалы",
    ];
    MATERIALS.iter().any(|m| m.eq_ignore_ascii_case(term))
}

/// Whether a hit stands between quotation marks in its field (spaces inside them allowed):
/// `"white plastic"`, `« os de bœuf »`, `「象牙」`. An apostrophe counts only where no letter
/// touches it from outside (not the elision of "d'os", nor "rhino's").
fn in_quotes(fields: &[(&str, &str)], s: &Scored<'_>) -> bool {
    let Some((_, text)) = fields.get(s.field) else {
        return false;
    };
    let (Some(before), Some(after)) = (text.get(..s.span.0), text.get(s.span.1..)) else {
        return false;
    };
    let mut back = before.trim_end().chars().rev();
    let mut on = after.trim_start().chars();
    let (Some(open), Some(close)) = (back.next(), on.next()) else {
        return false;
    };
    let apostrophe = |c: char| matches!(c, '\'' | '‘' | '’');
    let letter_outside = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    if apostrophe(open) && letter_outside(back.next())
        || apostrophe(close) && letter_outside(on.next())
    {
        return false;
    }
    matches!(
        (open, close),
        ('"', '"')
            | ('\'', '\'')
            | ('“', '”')
            | ('„', '“')
            | ('”', '”')
            | ('‘', '’')
            | ('«', '»')
            | ('»', '«')
            | ('‹', '›')
            | ('「', '」')
            | ('『', '』')
    )
}

/// Tokens between a fossil word and the term it reframes ("fossil tiger shark teeth", "shark
/// tooth fossil", "turtle shell fragment, Eocene").
const FOSSIL_REACH: usize = 3;

/// How far apart (in bytes of the normalised text) a name and a product form may stand and
/// still read as one product: one space, or one word of up to two letters ("de", "of", "の").
pub(crate) const ADJACENT_GAP: u32 = 4;

/// How far (in bytes of the normalised text) a negation may end before the context word it
/// cancels inside one run of an unspaced script: two CJK characters ("不是普通牛骨").
const NEGATION_GAP: u32 = 6;

/// Words by which a seller calls the item an imitation ("faux ivory", "façon ivoire"): a code
/// word holding one is the seller's claim, not a cover material ("white plastic", "ox bone").
const FAUX_CLAIM_WORDS: &[&str] = &[
    "faux",
    "fake",
    "imitation",
    "façon",
    "simili",
    "imitación",
    "imitação",
    "imitazione",
    "finto",
    "falso",
    "künstlich",
    "kunst",
    "nachbildung",
];

/// Sale weight of a sale word glued on after a digit read as a word ("ivory4sale": for sale).
const GLUED_SALE_WEIGHT: f32 = 1.0;

/// Sale weight of a Vietnamese price ("50k", "4tr5").
const VIETNAMESE_PRICE_WEIGHT: f32 = 0.8;

/// Whether a letter is one only Vietnamese writes among the languages of the lexicon: ă, đ, ơ,
/// ư, and the letters of the Latin Extended Additional block that carry a Vietnamese tone
/// (ạ, ả, ấ, ...; both cases: the block holds capital and small letters in turn).
fn vietnamese_letter(c: char) -> bool {
    matches!(c, 'ă' | 'đ' | 'ơ' | 'ư' | 'Ă' | 'Đ' | 'Ơ' | 'Ư')
        || ('\u{1ea0}'..='\u{1ef9}').contains(&c)
}

/// Whether a text is written in Vietnamese with its marks (then a bare letter is meant bare).
fn writes_vietnamese(text: &str) -> bool {
    vietnamese_lead_bytes(text) && text.chars().any(vietnamese_letter)
}

/// Whether a text holds a byte with which UTF-8 starts a letter of `vietnamese_letter` or
/// 'â', 'ê', 'ô' (either case): 0xC3 (U+00C0-U+00FF), 0xC4 (U+0100-U+013F), 0xC6
/// (U+0180-U+01BF) or 0xE1 (U+1000-U+1FFF). A text with none (plain ASCII, or ASCII with a
/// currency sign: most listings) holds none of them, and is not decoded. (The bytes are
/// looked for with `memchr`, many at a time.)
fn vietnamese_lead_bytes(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr3(0xC3, 0xC4, 0xC6, b).is_some() || memchr::memchr(0xE1, b).is_some()
}

/// Whether the marks of `source` (a word of the text, lower-cased) and of `term` (a lexicon
/// term) disagree on some letter: both mark it, differently; or, when `strict`, one marks it
/// and the other does not. Letters are compared in canonical decomposition, base letter and
/// marks; words whose letters do not line up one to one (another spelling, a misspelling,
/// spaces written otherwise) are not compared, and do not conflict.
fn marks_conflict(source: &str, term: &str, strict: bool) -> bool {
    use unicode_normalization::char::is_combining_mark;
    use unicode_normalization::UnicodeNormalization;
    // each letter as its base and the marks after it
    fn letters(s: &str) -> Vec<(char, String)> {
        let mut out: Vec<(char, String)> = Vec::new();
        for c in s.nfd().flat_map(char::to_lowercase) {
            if is_combining_mark(c) {
                if let Some((_, marks)) = out.last_mut() {
                    marks.push(c);
                }
            } else if c.is_alphanumeric() {
                out.push((c, String::new()));
            }
        }
        out
    }
    let (a, b) = (letters(source), letters(term));
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(&b).any(|((ca, ma), (cb, mb))| {
        ca == cb && ma != mb && (strict || !ma.is_empty() && !mb.is_empty())
    })
}

/// Whether a text holds a price in Vietnamese shorthand: digits followed by `k` (thousand đồng)
/// or `tr` (triệu, million), then a non-letter or digits ("50k/con", "800k", "4tr5", "2tr/kg"),
/// in a text with letters only Vietnamese uses (ă, â, đ, ê, ô, ơ, ư), so "4k TV" is no price.
fn vietnamese_price(text: &str) -> bool {
    // Vietnamese is written with letters beyond ASCII: most listings leave at once
    if !vietnamese_lead_bytes(text) {
        return false;
    }
    // (both cases: the range holds capital and small letters in turn)
    if !text
        .chars()
        .any(|c| vietnamese_letter(c) || matches!(c, 'â' | 'ê' | 'ô' | 'Â' | 'Ê' | 'Ô'))
    {
        return false;
    }
    // the suffixes are ASCII: the bytes are compared lower-cased one by one
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_alphanumeric()) {
            let mut j = i;
            while j < b.len() && (b[j].is_ascii_digit() || b[j] == b'.' || b[j] == b',') {
                j += 1;
            }
            let rest = &b[j..];
            let after = |n: usize| {
                rest.get(n)
                    .is_none_or(|c| !c.is_ascii_alphabetic() && *c < 0x80)
            };
            let lower_at = |n: usize| rest.get(n).map(u8::to_ascii_lowercase);
            if (lower_at(0) == Some(b'k') && after(1))
                || (lower_at(0) == Some(b't') && lower_at(1) == Some(b'r') && after(2))
            {
                return true;
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    false
}

/// Units of a bulk quantity: (spelling, grams per unit or `PIECE`, whether it is written glued to
/// the next word, as units of the scripts without spaces are: "30只出售", "2公斤装").
const BULK_UNITS: &[(&str, f64, bool)] = &[
    ("kg", 1000.0, false),
    ("kgs", 1000.0, false),
    ("kilo", 1000.0, false),
    ("kilos", 1000.0, false),
    ("kilogram", 1000.0, false),
    ("kilograms", 1000.0, false),
    ("kilogramm", 1000.0, false),
    ("kilogramos", 1000.0, false),
    ("quilos", 1000.0, false),
    ("公斤", 1000.0, true),
    ("千克", 1000.0, true),
    ("キロ", 1000.0, true),
    ("킬로", 1000.0, true),
    ("кг", 1000.0, false),
    ("กิโล", 1000.0, true),
    ("斤", 500.0, true),
    ("ton", 1e6, false),
    ("tons", 1e6, false),
    ("tonne", 1e6, false),
    ("tonnes", 1e6, false),
    ("tonnen", 1e6, false),
    ("toneladas", 1e6, false),
    ("tonelada", 1e6, false),
    ("tonnellate", 1e6, false),
    ("tấn", 1e6, false),
    ("тонн", 1e6, false),
    ("тонны", 1e6, false),
    ("тонна", 1e6, false),
    ("吨", 1e6, true),
    ("噸", 1e6, true),
    ("トン", 1e6, true),
    ("톤", 1e6, true),
    ("ตัน", 1e6, true),
    ("lb", 453.6, false),
    ("lbs", 453.6, false),
    ("pound", 453.6, false),
    ("pounds", 453.6, false),
    ("g", 1.0, false),
    ("gr", 1.0, false),
    ("gram", 1.0, false),
    ("grams", 1.0, false),
    ("gramos", 1.0, false),
    ("grammes", 1.0, false),
    ("克", 1.0, true),
    ("pcs", PIECE, false),
    ("pc", PIECE, false),
    ("pieces", PIECE, false),
    ("pz", PIECE, false),
    ("pezzi", PIECE, false),
    ("piezas", PIECE, false),
    ("stück", PIECE, false),
    ("stk", PIECE, false),
    ("buah", PIECE, false),
    ("biji", PIECE, false),
    ("ekor", PIECE, false),
    ("keping", PIECE, false),
    ("adet", PIECE, false),
    ("tane", PIECE, false),
    ("sztuk", PIECE, false),
    ("szt", PIECE, false),
    ("stuks", PIECE, false),
    ("pièces", PIECE, false),
    ("unidades", PIECE, false),
    ("peças", PIECE, false),
    ("chiếc", PIECE, false),
    ("ชิ้น", PIECE, true),
    ("头", PIECE, true),
    ("頭", PIECE, true),
    ("羽", PIECE, true),
    ("шт", PIECE, false),
    ("个", PIECE, true),
    ("只", PIECE, true),
    ("条", PIECE, true),
    ("件", PIECE, true),
    ("개", PIECE, true),
    ("마리", PIECE, true),
    ("匹", PIECE, true),
    ("本", PIECE, true),
    ("con", PIECE, false),
    ("ตัว", PIECE, true),
    // sheets: skins and hides are counted as flat pieces
    ("张", PIECE, true),
    ("張", PIECE, true),
    ("枚", PIECE, true),
    ("장", PIECE, true),
    ("lembar", PIECE, false),
    ("helai", PIECE, false),
    ("tấm", PIECE, false),
    ("แผ่น", PIECE, true),
    ("sheets", PIECE, false),
    ("skins", PIECE, false),
    ("hides", PIECE, false),
    ("pelts", PIECE, false),
    ("قطعة", PIECE, false),
    ("كيلو", 1000.0, false),
    ("كغ", 1000.0, false),
    ("كجم", 1000.0, false),
    ("کیلو", 1000.0, false),
    ("کلو", 1000.0, false),
    ("किलो", 1000.0, false),
    ("طن", 1e6, false),
    ("cbm", VOLUME, false),
    ("kubikmeter", VOLUME, false),
    ("festmeter", VOLUME, false),
    ("khối", VOLUME, false),
    ("kubik", VOLUME, false),
    ("куб", VOLUME, false),
    ("кубов", VOLUME, false),
    ("куба", VOLUME, false),
    ("кубометр", VOLUME, false),
    ("кубометра", VOLUME, false),
    ("кубометров", VOLUME, false),
    ("立方", VOLUME, true),
    ("立方米", VOLUME, true),
];
/// `BULK_UNITS`' grams for a unit that counts pieces.
const PIECE: f64 = -1.0;
/// `BULK_UNITS`' grams for a unit of cubic metres (of timber): one or more is a bulk lot.
/// `m3` and `m³` are read apart, since a digit ends a unit.
const VOLUME: f64 = -2.0;

/// Cubic metres written with a sign or in words (longest first where one starts another).
const CUBIC_METRES: &[&str] = &[
    "m3",
    "m³",
    "cubic meters",
    "cubic metres",
    "cubic meter",
    "cubic metre",
    "metros cúbicos",
    "metro cúbico",
    "metros cubicos",
    "mètres cubes",
    "mètre cube",
    "metri cubi",
    "metro cubo",
    "meter kubik",
    "mét khối",
];

/// Whether a text offers a bulk quantity: a number followed by a unit of weight that makes a
/// kilogram or more ("2kg", "1.5 kilos", "3 公斤", "4 lbs", "2斤", "10 tons", "5 tấn"; "1 lb"
/// and "1斤" are not),
/// or by a unit of pieces that makes twenty or more ("50pcs", "100 pieces", "30只"), or a cubic
/// metre or more ("10 m3", "5 khối", "2立方"). One pass over the bytes.
fn bulk_quantity(text: &str) -> bool {
    const BULK_GRAMS: f64 = 1000.0;
    const BULK_PIECES: f64 = 20.0;
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && b[i - 1].is_ascii_alphanumeric()) {
            i += 1;
            continue;
        }
        // the number: digits with one decimal point or comma ("1.5", "2,5"); a comma followed
        // by three digits groups thousands ("1,000")
        let s = i;
        let mut value = String::new();
        while i < b.len() && (b[i].is_ascii_digit() || matches!(b[i], b'.' | b',')) {
            if b[i].is_ascii_digit() {
                value.push(b[i] as char);
            } else if (b[i] == b','
                // (a dot groups thousands too, after one to three digits that are no zero:
                // "10.000 adet"; "0.500" is a decimal)
                || b[i] == b'.' && (1..=3).contains(&(i - s)) && b[s] != b'0' && !value.contains('.'))
                && b.get(i + 1..i + 4)
                    .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
                && b.get(i + 4).is_none_or(|d| !d.is_ascii_digit())
            {
                // a thousands separator
            } else if !value.contains('.') && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
                value.push('.');
            } else {
                break;
            }
            i += 1;
        }
        let Ok(n) = value.parse::<f64>() else {
            i = i.max(s + 1);
            continue;
        };
        // a lot of twenty or more, the count after the word for a lot ("lot of 30", "lote de
        // 50 pieles", "partia 40 sztuk")
        if n >= BULK_PIECES && after_lot_word(&text[..s]) {
            return true;
        }
        // the unit: after at most one space, up to the next character that is no letter
        let mut j = i;
        if b.get(j) == Some(&b' ') {
            j += 1;
        }
        let rest = &text[j..];
        // (cubic metres in words too: "30 cubic meters", "10 metros cúbicos")
        let cubic = CUBIC_METRES.iter().any(|m| {
            rest.get(..m.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(m))
                && !rest[m.len()..].starts_with(|c: char| c.is_alphanumeric())
        });
        if cubic && n >= 1.0 {
            return true;
        }
        let unit_len = rest
            .char_indices()
            .find(|&(k, c)| !c.is_alphabetic() || (k > 0 && glued_unit_ends(rest, k)))
            .map_or(rest.len(), |(k, _)| k);
        if unit_len > 24 {
            continue;
        }
        let unit = rest[..unit_len].to_lowercase();
        if let Some(&(_, grams, _)) = BULK_UNITS.iter().find(|(u, _, _)| *u == unit) {
            if grams == PIECE && n >= BULK_PIECES
                || grams == VOLUME && n >= 1.0
                || grams > 0.0 && n * grams >= BULK_GRAMS
            {
                return true;
            }
        }
    }
    false
}

/// Words for a lot, each with the word that links it to a count ("lot of 30"), lower-cased.
const LOT_WORDS: &[&str] = &[
    "lot of",
    "lots of",
    "batch of",
    "bundle of",
    "lote de",
    "lotes de",
    "lote com",
    "lot de",
    "lotto di",
    "lotto da",
    "partia",
    "partij van",
    "partij",
    "posten von",
    "posten",
    "konvolut",
    "lô",
    "партия",
    "партия из",
];

/// Whether `before` (the text before a number) ends with a word for a lot and one space.
fn after_lot_word(before: &str) -> bool {
    let Some(head) = before.strip_suffix(' ') else {
        return false;
    };
    LOT_WORDS.iter().any(|w| {
        head.len() >= w.len()
            && head.is_char_boundary(head.len() - w.len())
            && head[head.len() - w.len()..].eq_ignore_ascii_case(w)
            && head[..head.len() - w.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Whether a unit read from `rest` ends before byte `k`: a unit written glued to the next word
/// ("30只出售", "2公斤装") is cut after its known spelling.
fn glued_unit_ends(rest: &str, k: usize) -> bool {
    let head = &rest[..k];
    // (every unit written glued is of a script beyond ASCII: a unit test holds it)
    !head.is_ascii() && BULK_UNITS.iter().any(|&(u, _, glued)| glued && u == head)
}

/// The family a taxon belongs to (itself for a family; the genus or name when the family is not
/// recorded), to tell whether two terms point to the same animal.
pub(crate) fn family_of<'a>(t: &crate::lexicon::Taxon<'a>) -> &'a str {
    if !t.family.is_empty() {
        t.family
    } else if t.rank == "FAMILY" || t.genus.is_empty() {
        t.name
    } else {
        t.genus
    }
}

/// Whether another species-bearing hit of the listing, under a different key, points to the
/// same family as hit `i` (a second, independent signal for the same animal).
fn corroborating(
    scored: &[Scored<'_>],
    taxa_of: &[Option<crate::lexicon::Taxon<'_>>],
    i: usize,
    sp: &Entry<'_>,
) -> bool {
    let Some(fam) = taxa_of[i].map(|t| family_of(&t)) else {
        return false;
    };
    let indirect = |e: &Entry<'_>| matches!(e.kind(), Kind::Code | Kind::Emoji);
    scored.iter().enumerate().any(|(j, o)| {
        j != i
            && o.platform.is_none()
            // at least one of the two is an indirect signal (a code word or an emoji): a name and
            // its product name ("hawksbill", "hawksbill shell") say the same thing twice
            && (indirect(sp) || o.species.is_some_and(|e| indirect(&e)))
            && o.hit.value != scored[i].hit.value
            && taxa_of[j].is_some_and(|t| family_of(&t) == fam)
    })
}

/// Whether a lexicon weight reaches a policy's: weights are stored in 255ths, so 0.15 reads
/// back as 0.149; half a step of slack.
fn weight_at_least(weight: f32, min: f32) -> bool {
    weight + 0.5 / 255.0 >= min
}

/// Phrases of a policy read in a listing's text in one pass: case-folded, and as whole words
/// where a phrase starts or ends with a letter or digit of a spaced script (Latin, Greek,
/// Cyrillic, Hangul); in unspaced scripts (Han, kana, Thai) any occurrence counts.
#[derive(Clone, Debug, Default)]
pub(crate) struct PhraseSet {
    ac: Option<AhoCorasick>,
    /// Each pattern's phrase and list (0 unknown species, 1 structure tells, 2 tells, 3
    /// undocumented, 4 cultivated, 5 animal kinds).
    patterns: Vec<(String, u8)>,
    /// What a field must hold for the search to find a phrase in it: fields without are not
    /// searched (most fields of most listings).
    keys: PhraseKeys,
}

/// A test that a field holds none of a `PhraseSet`'s phrases, cheaper than the search (one pass
/// over the bytes, a hash per word). A phrase of ASCII characters with words (runs of ASCII
/// letters and digits) is found only where the field's words hold its first word, or its first
/// two words in a row (its words are whole words: `whole_words`, and what stands between them
/// in the phrase stands between them in the field), ASCII case folded; a phrase with other
/// characters is found only in a field that holds them (or that the search lower-cases first,
/// which is not tested and always searched).
#[derive(Clone, Debug, Default)]
struct PhraseKeys {
    /// Some phrase of ASCII characters has no word: every field is searched.
    always: bool,
    /// The key of each phrase of ASCII characters (`word_key` of its one word, `pair_key` of its
    /// first two), sorted.
    keys: Vec<u64>,
    /// Bit `k % PHRASE_KEY_BITS` of each key (most words of a field are tested with this alone).
    bits: Vec<u64>,
    /// The characters beyond ASCII of the other phrases, sorted.
    chars: Vec<char>,
}

/// Bits of `PhraseKeys::bits`.
const PHRASE_KEY_BITS: u64 = 1 << 14;

impl PhraseKeys {
    fn new(phrases: &[(String, u8)]) -> PhraseKeys {
        let mut out = PhraseKeys {
            bits: vec![0; (PHRASE_KEY_BITS / 64) as usize],
            ..PhraseKeys::default()
        };
        for (p, _) in phrases {
            if !p.is_ascii() {
                out.chars.extend(p.chars().filter(|c| !c.is_ascii()));
                continue;
            }
            let mut words = p
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(|w| word_key(w.as_bytes()));
            match (words.next(), words.next()) {
                (None, _) => out.always = true,
                (Some(a), None) => out.keys.push(a),
                (Some(a), Some(b)) => out.keys.push(pair_key(a, b)),
            }
        }
        for &k in &out.keys {
            out.bits[((k % PHRASE_KEY_BITS) / 64) as usize] |= 1 << (k % 64);
        }
        out.keys.sort_unstable();
        out.keys.dedup();
        out.chars.sort_unstable();
        out.chars.dedup();
        out
    }

    fn has(&self, k: u64) -> bool {
        self.bits[((k % PHRASE_KEY_BITS) / 64) as usize] & (1 << (k % 64)) != 0
            && self.keys.binary_search(&k).is_ok()
    }

    /// Whether `text` may hold a phrase (false: it holds none, and `PhraseSet::each` finds
    /// none in it). One pass over the bytes: each word is hashed as it is read.
    fn may_hold(&self, text: &str) -> bool {
        if self.always {
            return true;
        }
        let b = text.as_bytes();
        // the word being read (its key so far) and the key of the word before
        let (mut key, mut in_word) = (FNV_OFFSET, false);
        let mut before: Option<u64> = None;
        for (i, &c) in b.iter().enumerate() {
            let l = crate::scan::LOWER_ALNUM[usize::from(c)];
            if l != 0 {
                key = (key ^ u64::from(l)).wrapping_mul(FNV_PRIME);
                in_word = true;
                continue;
            }
            if in_word {
                if self.has(key) || before.is_some_and(|a| self.has(pair_key(a, key))) {
                    return true;
                }
                before = Some(key);
                (key, in_word) = (FNV_OFFSET, false);
            }
            if c >= 0xC0 {
                // (a character the search's lower-casing would change: the field is lower-cased
                // before the search, and searched)
                let Some(ch) = text.get(i..).and_then(|t| t.chars().next()) else {
                    return true;
                };
                let mut lower = ch.to_lowercase();
                if lower.next() != Some(ch)
                    || lower.next().is_some()
                    || self.chars.binary_search(&ch).is_ok()
                {
                    return true;
                }
            }
        }
        in_word && (self.has(key) || before.is_some_and(|a| self.has(pair_key(a, key))))
    }
}

/// FNV-1a's offset basis and prime, for `word_key`.
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// A word's key for `PhraseKeys`: FNV-1a of its bytes, ASCII lower-cased.
fn word_key(w: &[u8]) -> u64 {
    w.iter().fold(FNV_OFFSET, |h, &c| {
        (h ^ u64::from(c.to_ascii_lowercase())).wrapping_mul(FNV_PRIME)
    })
}

/// The key of two words in a row for `PhraseKeys`.
fn pair_key(a: u64, b: u64) -> u64 {
    (a.rotate_left(23) ^ b).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// The phrases a listing holds, by list.
#[derive(Default, Debug, PartialEq)]
pub(crate) struct PhrasesFound {
    pub(crate) unknown_species: Vec<String>,
    /// Tells of the inner structure.
    pub(crate) structure: Vec<String>,
    /// Every tell, the structure tells among them.
    pub(crate) tells: Vec<String>,
    /// Phrases saying the item comes without papers.
    pub(crate) undocumented: Vec<String>,
    /// Phrases saying a plant was grown by people.
    pub(crate) cultivated: Vec<String>,
    /// Words naming an animal only by its kind ("bird").
    pub(crate) animal_kinds: Vec<String>,
}

impl PhraseSet {
    /// The phrase lists of a policy's rules, in `PhraseSet`'s list order.
    pub(crate) fn policy_lists(policy: &Policy) -> [&Vec<String>; 6] {
        let r = &policy.rules;
        [
            &r.unknown_species_terms,
            &r.structure_tells,
            &r.real_material_tells,
            &r.undocumented_terms,
            &r.cultivated_terms,
            &r.animal_kind_terms,
        ]
    }

    /// The set of a policy's phrase lists (`policy_lists`).
    pub(crate) fn of_policy(policy: &Policy) -> Result<PhraseSet, Error> {
        PhraseSet::new(PhraseSet::policy_lists(policy))
    }

    pub(crate) fn new(lists: [&Vec<String>; 6]) -> Result<PhraseSet, Error> {
        let mut patterns: Vec<(String, u8)> = Vec::new();
        for (k, list) in lists.iter().enumerate() {
            for t in list.iter() {
                let t = t.trim().to_lowercase();
                if !t.is_empty() && !patterns.iter().any(|(p, l)| *p == t && *l == k as u8) {
                    patterns.push((t, k as u8));
                }
            }
        }
        let ac = if patterns.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .ascii_case_insensitive(true)
                    .build(patterns.iter().map(|(p, _)| p.as_str()))
                    .map_err(|e| Error::new(ErrorKind::Policy, format!("policy phrases: {e}")))?,
            )
        };
        let keys = PhraseKeys::new(&patterns);
        Ok(PhraseSet { ac, patterns, keys })
    }

    /// The same set, searching every field (tests: `PhraseKeys` changes nothing found).
    #[cfg(test)]
    pub(crate) fn searching_every_field(&self) -> PhraseSet {
        let mut all = self.clone();
        all.keys.always = true;
        all
    }

    pub(crate) fn found(&self, fields: &[(&str, &str)]) -> PhrasesFound {
        let mut out = PhrasesFound::default();
        self.each(fields, |phrase, list| {
            let put = |v: &mut Vec<String>| {
                if !v.iter().any(|p| p == phrase) {
                    v.push(phrase.to_string());
                }
            };
            match list {
                0 => put(&mut out.unknown_species),
                1 => {
                    put(&mut out.structure);
                    put(&mut out.tells);
                }
                2 => put(&mut out.tells),
                3 => put(&mut out.undocumented),
                4 => put(&mut out.cultivated),
                _ => put(&mut out.animal_kinds),
            }
            true
        });
        out
    }

    /// Whether a listing holds a phrase that lifts a weak everyday name: the seller does not
    /// know the species (a review kind), or says the item has no papers (a boost); the first
    /// such phrase ends the search.
    pub(crate) fn lifts_names(&self, fields: &[(&str, &str)]) -> bool {
        let mut lifts = false;
        self.each(fields, |_, list| {
            lifts = matches!(list, 0 | 3);
            !lifts
        });
        lifts
    }

    /// Whether a listing holds `min` different tells of the real material (of the structure
    /// or not), as `found` counts them in `PhrasesFound::tells`; the search ends when it does.
    pub(crate) fn tells_at_least(&self, fields: &[(&str, &str)], min: usize) -> bool {
        let mut tells: Vec<String> = Vec::new();
        self.each(fields, |phrase, list| {
            if matches!(list, 1 | 2) && !tells.iter().any(|t| t == phrase) {
                tells.push(phrase.to_string());
            }
            tells.len() < min
        });
        tells.len() >= min
    }

    /// The phrases `lifts_names` looks for (lower-cased).
    pub(crate) fn lifting_phrases(&self) -> impl Iterator<Item = &str> + '_ {
        self.patterns
            .iter()
            .filter(|(_, list)| matches!(list, 0 | 3))
            .map(|(p, _)| p.as_str())
    }

    /// The different tells `tells_at_least` counts (lower-cased), each once.
    pub(crate) fn tell_phrases(&self) -> impl Iterator<Item = &str> + '_ {
        let tells = |list: &u8| matches!(list, 1 | 2);
        self.patterns
            .iter()
            .enumerate()
            .filter(move |&(i, (p, list))| {
                tells(list) && !self.patterns[..i].iter().any(|(q, l)| q == p && tells(l))
            })
            .map(|(_, (p, _))| p.as_str())
    }

    /// Calls `f` with each phrase found (as whole words) and its list, in order, while it
    /// returns true.
    fn each(&self, fields: &[(&str, &str)], mut f: impl FnMut(&str, u8) -> bool) {
        let Some(ac) = &self.ac else {
            return;
        };
        for (_, text) in fields {
            if !self.keys.may_hold(text) {
                continue;
            }
            // ASCII text is matched as it is (the automaton ignores ASCII case), and so is text
            // whose other characters have no case ("£", "€", "¥": lower-casing it would change
            // only ASCII letters, at the same offsets); other text is lower-cased first
            let lowered;
            let text: &str = if text.is_ascii() || lowercase_changes_only_ascii(text) {
                text
            } else {
                lowered = text.to_lowercase();
                &lowered
            };
            for m in ac.find_overlapping_iter(text) {
                let (phrase, list) = &self.patterns[m.pattern().as_usize()];
                if whole_words(text, m.start(), m.end()) && !f(phrase, *list) {
                    return;
                }
            }
        }
    }
}

/// Whether `str::to_lowercase` leaves every character of `text` but ASCII letters as it is
/// (each other character lower-cases to itself alone), so that a search that ignores ASCII case
/// finds in `text` what it finds in its lower-cased copy, at the same offsets.
fn lowercase_changes_only_ascii(text: &str) -> bool {
    // (the ASCII bytes are skipped without decoding: listings are mostly ASCII)
    let mut rest = text;
    while let Some(p) = rest.bytes().position(|b| !b.is_ascii()) {
        let Some(c) = rest[p..].chars().next() else {
            return true;
        };
        let mut lower = c.to_lowercase();
        if lower.next() != Some(c) || lower.next().is_some() {
            return false;
        }
        rest = &rest[p + c.len_utf8()..];
    }
    true
}

/// Whether `text[start..end]` stands as whole words: where its first or last character is a
/// letter or digit of a spaced script, it must not touch another letter or digit.
fn whole_words(text: &str, start: usize, end: usize) -> bool {
    let spaced = |c: char| {
        c.is_alphanumeric() && ((c as u32) < 0x0E00 || (0xAC00..=0xD7A3).contains(&(c as u32)))
    };
    let inner = &text[start..end];
    let (Some(first), Some(last)) = (inner.chars().next(), inner.chars().next_back()) else {
        return false;
    };
    let glued_before = spaced(first)
        && text[..start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric());
    let glued_after = spaced(last)
        && text[end..]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric());
    !glued_before && !glued_after
}

/// Phrases as a quoted list.
fn quoted(v: &[String]) -> String {
    v.iter()
        .map(|t| format!("'{t}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn roman(a: u8) -> &'static str {
    match a {
        1 => "I",
        2 => "II",
        3 => "III",
        _ => "none",
    }
}

#[cfg(feature = "parallel")]
fn parallel_disabled() -> bool {
    std::env::var_os("CITESCAN_NO_PARALLEL").is_some_and(|v| !v.is_empty() && v != "0")
}

#[cfg(test)]
mod bulk_tests {
    use super::bulk_quantity;

    #[test]
    fn bulk_quantities_are_a_kilogram_twenty_pieces_or_a_cubic_metre() {
        for text in [
            "dried seahorse 1kg",
            "agarwood chips 1.5 kilos",
            "chips 2,5 kg",
            "3 lbs of roots",
            "海马 干 2公斤 大货",
            "石斛 3斤",
            "1,200 g of powder",
            "50pcs",
            "100 pieces",
            "30只出售",
            "20 con giống",
            "Шкуры 25 шт",
            "2 KG",
            "logs 10 m3",
            "sawn wood 2.5m³, export",
            "gỗ trắc 5 khối",
            "原木 2立方 出售",
            "3 cbm",
            "rosewood logs 10 tons",
            "0.5 tonne",
            "gỗ trắc 2 tấn",
            "鱼翅 1吨",
            "доски, 2 куба",
            "rosewood logs 30 cubic meters",
            "madera 10 metros cúbicos",
            "Stämme 5 Kubikmeter",
            "Piel de cocodrilo curtida, lote de 30",
            "lot of 25 carved pieces",
            "партия 40",
            "soğan 10.000 adet",
            "100 ekor kering",
            "3.000 pcs",
            "50 sztuk",
            "1,000,000 g",
            "1.000,5 kg",
        ] {
            assert!(bulk_quantity(text), "{text:?}");
        }
        for text in [
            "",
            "500g",
            "1 lb",
            "1斤",
            "19 pcs",
            "size 10kgx",
            "model X100pcs",
            "price 2000 EUR",
            "Samsung 128GB",
            "5 kilometres away",
            "a 10-ton truck toy",
            "tons of fun",
            "1kgg",
            "0.5 m3",
            "0.5 cubic meters",
            "2 cubicles",
            "10 m3x",
            "2 min",
            "10 m",
            "lot of 5",
            "pilot of 30 years",
            "lote de",
            "0.500 kg",
            "19 ekor",
        ] {
            assert!(!bulk_quantity(text), "{text:?}");
        }
    }

    #[test]
    fn units_written_glued_are_beyond_ascii() {
        // `glued_unit_ends` passes over ASCII text at once
        for &(u, _, glued) in super::BULK_UNITS {
            assert!(!glued || !u.is_ascii(), "{u}");
        }
    }
}

#[cfg(test)]
mod vietnamese_tests {
    use super::{vietnamese_lead_bytes, vietnamese_letter, vietnamese_price, writes_vietnamese};

    #[test]
    fn every_letter_vietnamese_reads_starts_with_a_lead_byte_looked_for() {
        let mut n = 0;
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            if vietnamese_letter(c) || matches!(c, 'â' | 'ê' | 'ô' | 'Â' | 'Ê' | 'Ô') {
                n += 1;
                assert!(vietnamese_lead_bytes(c.encode_utf8(&mut [0; 4])), "{c:?}");
            }
        }
        assert!(n > 100);
        assert!(!vietnamese_lead_bytes("£120, €5, ¥300, plain text"));
        assert!(writes_vietnamese("ngà voi thật"));
        assert!(!writes_vietnamese("£120 for a café table"));
        assert!(vietnamese_price("sừng tê giác 50k/con"));
        assert!(!vietnamese_price("£50k TV"));
    }
}
