//! Normalisation: listing text → a folded view for matching, with a map from every byte of the
//! view back to the byte range of the original character it came from, and a record of which
//! obfuscations were undone where.
//!
//! The same normaliser folds lexicon terms when a lexicon is compiled, so a term and a listing
//! that spell it in any supported disguise meet in one form.
//!
//! Two passes, both linear in the input:
//! 1. per character: drop invisibles, NFKC compatibility folding, full case folding, strip
//!    diacritics after Latin/Greek/Cyrillic letters, traditional → simplified Chinese, classify.
//! 2. per word: undo look-alike letters and leetspeak (decisions that need the whole word),
//!    join letters spaced apart, collapse repeated letters, and emit tokens separated by one
//!    space.

mod tables;

use std::fmt;

use serde::{Deserialize, Serialize};

pub(crate) use tables::is_invisible;

/// The script family of a letter, to tell two scripts glued together: Latin, Greek, Cyrillic,
/// another spaced script, or one written without spaces (Han, kana, Hangul, Thai, ...).
pub(crate) fn script_family(c: char) -> u8 {
    match script_of(c) {
        Script::Latin => 0,
        Script::Greek => 1,
        Script::Cyrillic => 2,
        Script::OtherSpaced => 3,
        Script::Unspaced => 4,
    }
}

/// Whether byte `pos` of a normalised text is where a token of letters changes between Latin,
/// Greek or Cyrillic and Arabic, Devanagari or another spaced script (`tok::MIXED`): a letter on
/// each side, one of each.
pub(crate) fn script_change(text: &str, pos: usize) -> bool {
    let other = |c: char| !c.is_ascii() && script_of(c) == Script::OtherSpaced;
    if !text.is_char_boundary(pos) {
        return false;
    }
    let (Some(a), Some(b)) = (text[..pos].chars().next_back(), text[pos..].chars().next()) else {
        return false;
    };
    a.is_alphabetic() && b.is_alphabetic() && other(a) != other(b)
}
use tables::{
    confusable_latin, cyrillic_leet, cyrillic_lookalike, is_emoji_modifier, is_glued_sale_tail,
    is_pictograph, is_unit, leet_letter, lone_digit_unit, lone_digit_unit_prefix, script_of,
    unit_prefix, Script,
};

/// An obfuscation that normalisation (or fuzzy matching) undid to find a match.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Obfuscation {
    /// Compatibility forms folded by NFKC: full-width, ligatures, mathematical or circled letters.
    Compatibility,
    /// Zero-width and other invisible characters removed.
    Invisible,
    /// Letters from another script that look like Latin ones (Cyrillic `о`, Greek `ο`, ...).
    Confusable,
    /// Digits or symbols standing for letters (`1v0ry`, `$hark`).
    Leetspeak,
    /// Letters spaced or punctuated apart (`i v o r y`, `r.h.i.n.o`), or emoji set inside a
    /// word (`rhi🦏no`).
    Spacing,
    /// Letters repeated to break a word (`iiivoryyy`).
    Repeated,
    /// Traditional Chinese characters folded to simplified ones.
    TraditionalChinese,
    /// Found by bounded edit distance (a misspelling).
    Misspelling,
    /// Found glued to other letters or digits: inside a hashtag, after a number, or as a
    /// part of a compound word (`#ivoryforsale`, `Krokodilleder`).
    Glued,
    /// A name glued, with no space, to a product form written in another script (`tiger骨`,
    /// `tigerкоготь`): two scripts mixed to break the phrase a filter looks for.
    MixedScript,
}

impl Obfuscation {
    /// Every obfuscation, in a stable order.
    pub const ALL: [Obfuscation; 10] = [
        Obfuscation::Compatibility,
        Obfuscation::Invisible,
        Obfuscation::Confusable,
        Obfuscation::Leetspeak,
        Obfuscation::Spacing,
        Obfuscation::Repeated,
        Obfuscation::TraditionalChinese,
        Obfuscation::Misspelling,
        Obfuscation::Glued,
        Obfuscation::MixedScript,
    ];

    /// The stable snake_case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Obfuscation::Compatibility => "compatibility",
            Obfuscation::Invisible => "invisible",
            Obfuscation::Confusable => "confusable",
            Obfuscation::Leetspeak => "leetspeak",
            Obfuscation::Spacing => "spacing",
            Obfuscation::Repeated => "repeated",
            Obfuscation::TraditionalChinese => "traditional_chinese",
            Obfuscation::Misspelling => "misspelling",
            Obfuscation::Glued => "glued",
            Obfuscation::MixedScript => "mixed_script",
        }
    }

    /// Whether undoing it suggests the seller meant to dodge a filter (as opposed to ordinary
    /// writing such as traditional Chinese, a misspelling or a hashtag).
    pub fn is_deliberate(self) -> bool {
        matches!(
            self,
            Obfuscation::Invisible
                | Obfuscation::Confusable
                | Obfuscation::Leetspeak
                | Obfuscation::Spacing
                | Obfuscation::Repeated
                | Obfuscation::Compatibility
                | Obfuscation::MixedScript
        )
    }

    pub(crate) fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

impl fmt::Display for Obfuscation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A set of [`Obfuscation`]s, as a bit set.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct ObfuscationSet(u16);

impl ObfuscationSet {
    /// The empty set.
    pub const EMPTY: ObfuscationSet = ObfuscationSet(0);

    /// The set of `o` alone.
    pub(crate) fn of(o: Obfuscation) -> ObfuscationSet {
        ObfuscationSet(o.bit())
    }
    /// Adds one.
    pub fn insert(&mut self, o: Obfuscation) {
        self.0 |= o.bit();
    }
    /// Whether it holds `o`.
    pub fn contains(self, o: Obfuscation) -> bool {
        self.0 & o.bit() != 0
    }
    /// Whether it is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
    /// The union of both.
    pub fn union(self, other: ObfuscationSet) -> ObfuscationSet {
        ObfuscationSet(self.0 | other.0)
    }
    /// Whether any member is deliberate (see [`Obfuscation::is_deliberate`]).
    pub fn any_deliberate(self) -> bool {
        self.iter().any(Obfuscation::is_deliberate)
    }
    /// Its members in the stable order of [`Obfuscation::ALL`].
    pub fn iter(self) -> impl Iterator<Item = Obfuscation> {
        Obfuscation::ALL
            .into_iter()
            .filter(move |o| self.contains(*o))
    }
}

/// Which normalisations run. All are on by default; turning one off changes what is found
/// (the benchmark harness uses this to price each step).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NormalizeOptions {
    /// NFKC compatibility folding (full-width, ligatures, math letters).
    pub compatibility: bool,
    /// Remove invisible characters.
    pub invisible: bool,
    /// Map look-alike letters from other scripts inside Latin words.
    pub confusables: bool,
    /// Read digits and symbols inside words as letters.
    pub leetspeak: bool,
    /// Join letters spaced or punctuated apart.
    pub spacing: bool,
    /// Collapse letters repeated three or more times.
    pub repeats: bool,
    /// Fold traditional Chinese characters to simplified ones.
    pub han: bool,
}

impl Default for NormalizeOptions {
    fn default() -> Self {
        NormalizeOptions {
            compatibility: true,
            invisible: true,
            confusables: true,
            leetspeak: true,
            spacing: true,
            repeats: true,
            han: true,
        }
    }
}

/// The unit of an ASCII character: letters lower-cased, digits and leet symbols with the letter
/// they may stand for.
fn ascii_unit(c: char, start: u32, end: u32) -> Unit {
    let b = c as u8;
    let (ch, class) = match b {
        b'a'..=b'z' => (c, Class::Letter(Script::Latin)),
        b'A'..=b'Z' => ((b | 0x20) as char, Class::Letter(Script::Latin)),
        b'0'..=b'9' => (c, Class::Digit),
        b'#' => (c, Class::Hash),
        b'@' | b'$' | b'!' | b'|' => (c, Class::LeetSymbol),
        _ => (c, Class::Separator),
    };
    let alt = if matches!(class, Class::Digit | Class::LeetSymbol) {
        leet_letter(c)
    } else {
        None
    };
    Unit {
        start,
        end,
        ch,
        alt,
        class,
    }
}

/// Whether a key starting with this (normalised) character starts in an unspaced script or
/// with a pictograph: such keys match inside runs, so the token prefilter does not cover them.
/// Where the run of ASCII letters and digits of `b` that starts at `i` ends.
pub(crate) fn ascii_alnum_end(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i].is_ascii_alphanumeric() {
        i += 1;
    }
    i
}

/// `ASCII_WORD`'s class of an ASCII digit (a bit).
const DIGIT: u8 = 1;
/// `ASCII_WORD`'s class of an ASCII letter (a bit).
const LETTER: u8 = 2;

/// For each byte: its class (0 for any byte that is no ASCII letter or digit, `DIGIT`,
/// `LETTER`) and its ASCII lower case.
static ASCII_WORD: [(u8, u8); 256] = {
    let mut t = [(0u8, 0u8); 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        let class = if b.is_ascii_digit() {
            DIGIT
        } else if b.is_ascii_alphabetic() {
            LETTER
        } else {
            0
        };
        t[c] = (class, b.to_ascii_lowercase());
        c += 1;
    }
    t
};

/// Whether an ASCII word holds a run of three digits or more: with letters, a model number
/// ("s2100", "w320", "0161x"), which the normaliser never reads as leetspeak.
pub(crate) fn has_model_digits(w: &[u8]) -> bool {
    let mut run = 0usize;
    w.iter().any(|x| {
        run = if x.is_ascii_digit() { run + 1 } else { 0 };
        run >= 3
    }) && !leet_then_quantity(w)
}

/// Whether an ASCII word is leetspeak with a quantity glued on ("av0rio800g"), as the full
/// path's word rule reads it (`leet_before_quantity`).
pub(crate) fn leet_then_quantity(w: &[u8]) -> bool {
    let units: Vec<Unit> = w.iter().map(|&b| ascii_unit(b as char, 0, 0)).collect();
    leet_before_quantity(units.len(), |k| &units[k]).is_some()
}

/// Where the quantity starts in a word of leetspeak with a quantity glued on ("av0rio800g":
/// 6), the word's `n` units read through `u`: the last run of digits with a unit after it to
/// the word's end; before it three letters or more (a letter repeated counted once), runs of
/// at most two digits or signs, and one that stands for a letter. The word must not start
/// with a digit and must hold two runs or more. `fold_spaced_word` reads the leetspeak before
/// the quantity; the fast path and the screen leave such a word to it (`has_model_digits`).
fn leet_before_quantity<'u>(n: usize, u: impl Fn(usize) -> &'u Unit) -> Option<usize> {
    let digit_or_sign = |k: usize| matches!(u(k).class, Class::Digit | Class::LeetSymbol);
    let is_letter = |k: usize| matches!(u(k).class, Class::Letter(_) | Class::Mark);
    let runs = (0..n)
        .filter(|&k| digit_or_sign(k) && (k == 0 || !digit_or_sign(k - 1)))
        .count();
    if runs < 2 || n == 0 || u(0).class == Class::Digit {
        return None;
    }
    let last = (0..n).rev().find(|&k| u(k).class == Class::Digit)?;
    let mut f = last;
    while f > 0 && u(f - 1).class == Class::Digit {
        f -= 1;
    }
    let mut unit: Vec<char> = (last + 1..n).map(|k| u(k).latinish()).collect();
    unit.dedup();
    let unit: String = unit.into_iter().collect();
    let mut before: Vec<char> = (0..f)
        .filter(|&k| is_letter(k))
        .map(|k| u(k).latinish())
        .collect();
    before.dedup();
    let mut run = 0usize;
    let short_runs = (0..f).all(|k| {
        run = if digit_or_sign(k) { run + 1 } else { 0 };
        run <= 2
    });
    let leet = |k: usize| digit_or_sign(k) && u(k).alt.is_some();
    (!unit.is_empty()
        && (last + 1..n).all(is_letter)
        && is_unit(&unit)
        && before.len() >= 3
        && short_runs
        && (0..f).any(leet))
    .then_some(f)
}

/// The run of one-letter ASCII words (one letter, maybe repeated or written as a digit: "i",
/// "e3", "5") read so far: the full path joins three or more of them, two of them holding a
/// letter, into one word ("i v o r y", "a 5 m"; `join_spaced`).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct SpacedRun {
    words: usize,
    letters: usize,
}

impl SpacedRun {
    /// Takes the next word of letters and digits; true when the run is one the full path
    /// joins.
    #[inline]
    pub(crate) fn word(&mut self, w: &[u8]) -> bool {
        // most words leave at once: two letters that differ
        if let [a, b, ..] = w {
            if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() && !a.eq_ignore_ascii_case(b) {
                self.reset();
                return false;
            }
        }
        self.word_slow(w)
    }

    fn word_slow(&mut self, w: &[u8]) -> bool {
        let lat = |x: u8| {
            if x.is_ascii_digit() {
                leet_letter(x as char).map_or(x, |c| c as u8)
            } else {
                x.to_ascii_lowercase()
            }
        };
        // one letter throughout (most words leave at their second byte), then: a letter, or a
        // lone digit
        let one = w.first().is_some_and(|&f| {
            let f = lat(f);
            w[1..].iter().all(|&x| lat(x) == f)
        });
        let alpha = one && w.iter().any(u8::is_ascii_alphabetic);
        if one && (w.len() == 1 || alpha) {
            self.words += 1;
            self.letters += usize::from(alpha);
            self.words >= 3 && self.letters >= 2
        } else {
            self.reset();
            false
        }
    }

    /// Ends the run (a word of several letters, or a sign, came between).
    pub(crate) fn reset(&mut self) {
        *self = SpacedRun::default();
    }
}

pub(crate) fn starts_unspaced(c: char) -> bool {
    script_of(c) == Script::Unspaced || !c.is_alphanumeric() && !c.is_ascii()
}

/// Whether a character is a Latin, Greek or Cyrillic letter (their diacritics are folded away).
fn is_european(c: char) -> bool {
    matches!(
        script_of(c),
        Script::Latin | Script::Greek | Script::Cyrillic
    ) && c.is_alphabetic()
}

/// Flags of a token of the normalised view.
pub(crate) mod tok {
    /// Written in a script without spaces between words: terms match inside it.
    pub const UNSPACED: u8 = 1;
    /// Came after a `#`.
    pub const HASHTAG: u8 = 2;
    /// Contains digits (after leetspeak was undone): terms may be glued to them.
    pub const DIGITS: u8 = 4;
    /// A pictograph (emoji).
    pub const PICTOGRAPH: u8 = 8;
    /// Joined from letters spaced apart.
    pub const SPACED: u8 = 16;
    /// Only letters (no digits or marks of other kinds).
    pub const ALPHA: u8 = 32;
    /// Letters of Latin, Greek or Cyrillic glued to letters of Arabic, Devanagari or another
    /// spaced script ("عاجivory"): terms may start and end where the script changes.
    pub const MIXED: u8 = 64;
}

/// A token of the normalised view: a byte range of [`Normalized::text`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    pub start: u32,
    pub end: u32,
    pub flags: u8,
}

impl Token {
    /// Terms may start and end anywhere inside it (hashtags, digits, unspaced scripts).
    pub fn is_glued(&self) -> bool {
        self.flags & (tok::HASHTAG | tok::DIGITS) != 0
    }

    /// A token of two scripts glued (`tok::MIXED`) and nothing that lets terms match anywhere
    /// in it: terms start and end only where its script changes.
    pub(crate) fn splits_by_script(&self) -> bool {
        self.flags & tok::MIXED != 0 && self.flags & tok::UNSPACED == 0 && !self.is_glued()
    }
}

/// An obfuscation undone over a byte range of the original text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Event {
    pub start: u32,
    pub end: u32,
    pub kind: Obfuscation,
}

/// The normalised view of one text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Normalized {
    pub(crate) text: String,
    /// For each byte of `text`: the start of the original character it came from.
    pub(crate) src_start: Vec<u32>,
    /// For each byte of `text`: the end of the original character it came from.
    pub(crate) src_end: Vec<u32>,
    pub(crate) tokens: Vec<Token>,
    pub(crate) events: Vec<Event>,
}

impl Normalized {
    /// The normalised text: folded, tokens separated by single spaces.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The original byte range `[start, end)` that the normalised byte range `[a, b)` came from.
    /// `a < b <= self.as_str().len()`.
    pub fn original_range(&self, a: usize, b: usize) -> (usize, usize) {
        debug_assert!(a < b && b <= self.text.len());
        (self.src_start[a] as usize, self.src_end[b - 1] as usize)
    }

    /// The obfuscations undone within the original byte range `[start, end)`.
    pub fn obfuscations_in(&self, start: usize, end: usize) -> ObfuscationSet {
        let mut set = ObfuscationSet::EMPTY;
        // events are sorted by start; those starting before `end` may overlap
        let upto = self.events.partition_point(|e| (e.start as usize) < end);
        for e in &self.events[..upto] {
            if (e.end as usize) > start {
                set.insert(e.kind);
            }
        }
        set
    }

    /// The tokens' normalised texts (for tests and tools).
    pub fn token_strs(&self) -> Vec<&str> {
        self.tokens
            .iter()
            .map(|t| &self.text[t.start as usize..t.end as usize])
            .collect()
    }
}

/// One character of pass 1.
#[derive(Clone, Copy, Debug)]
struct Unit {
    start: u32,
    end: u32,
    /// Folded character.
    ch: char,
    /// Latin look-alike target, or leet letter, if any.
    alt: Option<char>,
    class: Class,
}

impl Unit {
    /// The letter it reads as when look-alikes and leetspeak are undone. Decisions that must
    /// come out the same when the view is normalised again compare these.
    fn latinish(&self) -> char {
        match self.class {
            Class::Digit | Class::LeetSymbol => self.alt.unwrap_or(self.ch),
            Class::Letter(s) if s != Script::Latin => self.alt.unwrap_or(self.ch),
            _ => self.ch,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Letter(Script),
    /// A combining mark kept (after a non-Latin base).
    Mark,
    Digit,
    LeetSymbol,
    Hash,
    Pictograph,
    /// A currency sign: a token of its own, so sale terms like `€` can match.
    Currency,
    Separator,
}

/// Folds text (see the module docs). Cheap to clone; holds only its options and a reference to
/// the lexicon's traditional → simplified table.
#[derive(Clone, Debug)]
pub struct Normalizer<'a> {
    opts: NormalizeOptions,
    /// Sorted (traditional, simplified) code point pairs.
    han: HanMap<'a>,
}

/// A sorted table of (traditional, simplified) code points, 8 bytes a pair, little-endian.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct HanMap<'a>(pub &'a [u8]);

impl HanMap<'_> {
    fn get(&self, c: char) -> Option<char> {
        let n = self.0.len() / 8;
        let key = c as u32;
        let (mut lo, mut hi) = (0usize, n);
        while lo < hi {
            let mid = (lo + hi) / 2;
            let k = u32::from_le_bytes(self.0[mid * 8..mid * 8 + 4].try_into().ok()?);
            if k == key {
                let v = u32::from_le_bytes(self.0[mid * 8 + 4..mid * 8 + 8].try_into().ok()?);
                return char::from_u32(v);
            } else if k < key {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        None
    }
}

impl<'a> Normalizer<'a> {
    pub(crate) fn new(opts: NormalizeOptions, han: HanMap<'a>) -> Self {
        Normalizer { opts, han }
    }

    /// Normalises `text`.
    pub fn normalize(&self, text: &str) -> Normalized {
        if let Some(fast) = self.ascii_fast_path(text) {
            return fast;
        }
        self.normalize_full(text)
    }

    /// The fast path for plain ASCII text (currency signs allowed), which is most listings: lower
    /// case, one space between words, nothing to undo. It declines (returns `None`) as soon as the
    /// text holds anything a normalisation step would act on (letters mixed with one or two digits
    /// other than a number with its unit, symbols touching letters, a
    /// letter three times in a row, three one-letter words in a row of which two are letters, '@'
    /// or '|'), and the full
    /// path runs instead. A property test checks that both paths agree wherever this one answers.
    pub(crate) fn ascii_fast_path(&self, text: &str) -> Option<Normalized> {
        let b = text.as_bytes();
        let n = b.len();
        let mut out = Normalized {
            // filled from `bytes` at the end
            text: String::new(),
            src_start: Vec::with_capacity(n),
            src_end: Vec::with_capacity(n),
            tokens: Vec::with_capacity(n / 5 + 1),
            events: Vec::new(),
        };
        let mut bytes: Vec<u8> = Vec::with_capacity(n);
        let mut hashtag = false;
        // the run of one-letter words just before (its length, and how many hold a letter):
        // the full path joins a run of three or more with two letters ("i v o r y", "a 5 m")
        let mut run = SpacedRun::default();
        let mut i = 0;
        let push_space = |bytes: &mut Vec<u8>, out: &mut Normalized| {
            if !bytes.is_empty() {
                let prev_end = *out.src_end.last().unwrap_or(&0);
                bytes.push(b' ');
                out.src_start.push(prev_end);
                out.src_end.push(prev_end);
            }
        };
        while i < n {
            let c = b[i];
            if ASCII_WORD[usize::from(c)].0 != 0 {
                let s = i;
                // the word is written lower-cased as it is read (and taken back below when its
                // letters mix with digits: the full path's word rule writes it then)
                push_space(&mut bytes, &mut out);
                let start = bytes.len();
                // to the word's end (`ascii_alnum_end`), with whether it holds digits and
                // letters and a byte three times in a row (ASCII case folded), in one pass
                // (the classes met, as bits, and the test for a repeat, without branches)
                let (mut classes, mut thrice) = (0u8, false);
                // the two bytes before, lower-cased (0: none; no word byte lower-cases to 0)
                let (mut p1, mut p2) = (0u8, 0u8);
                while i < n {
                    // (one table read gives the byte's class and its lower case)
                    let (class, l) = ASCII_WORD[usize::from(b[i])];
                    if class == 0 {
                        break;
                    }
                    classes |= class;
                    thrice |= (l == p1) & (l == p2);
                    p2 = p1;
                    p1 = l;
                    bytes.push(l);
                    out.src_start.push(i as u32);
                    out.src_end.push(i as u32 + 1);
                    i += 1;
                }
                debug_assert_eq!(i, ascii_alnum_end(b, s));
                let (digit, alpha) = (classes & DIGIT != 0, classes & LETTER != 0);
                let w = &b[s..i];
                // a model number: the full path keeps such a word as it is
                let model = digit && alpha && has_model_digits(w);
                // one-letter words spaced apart, which the full path joins
                if run.word(w) {
                    return None;
                }
                let mut mixed = false;
                if digit && alpha && !model {
                    // a number with its unit ("128gb", "10cm", "2kg"): digits, then letters that
                    // are a unit; anything else may be leetspeak
                    let lead = w.iter().take_while(|x| x.is_ascii_digit()).count();
                    let rest = &w[lead..];
                    let mut unit: Vec<u8> = rest.iter().map(u8::to_ascii_lowercase).collect();
                    unit.dedup();
                    let unit = std::str::from_utf8(&unit).unwrap_or("");
                    let leet_digit = w[..lead].iter().any(|&d| leet_letter(d as char).is_some());
                    mixed = !rest.iter().all(u8::is_ascii_alphabetic)
                        || lead == 0
                        || leet_digit && !(is_unit(unit) || unit_prefix(unit))
                        || unit_prefix(unit);
                }
                // a letter three times in a row ("iiivory"; digits alike, as the full path's
                // repeat rule reads a word with letters)
                debug_assert_eq!(
                    thrice,
                    w.windows(3).any(|t| {
                        t[0].eq_ignore_ascii_case(&t[1]) && t[1].eq_ignore_ascii_case(&t[2])
                    })
                );
                if !mixed && alpha && thrice {
                    return None;
                }
                if mixed && w.len() > 32 {
                    return None;
                }
                let mut flags = if digit { tok::DIGITS } else { tok::ALPHA };
                if mixed {
                    bytes.truncate(start);
                    out.src_start.truncate(start);
                    out.src_end.truncate(start);
                    // letters mixed with digits ("W32", "60x40", "p4ng0lin"): the full path's
                    // own word rule decides whether it is leetspeak, on this word alone
                    let units: Vec<Unit> = (s..i)
                        .map(|k| ascii_unit(b[k] as char, k as u32, k as u32 + 1))
                        .collect();
                    let idx: Vec<usize> = (0..units.len()).collect();
                    let mut folded: Vec<(char, u32, u32)> = Vec::with_capacity(w.len());
                    self.fold_spaced_word(&units, &idx, &mut folded, &mut out.events);
                    flags = tok::ALPHA;
                    for &(c, cs, ce) in &folded {
                        if !c.is_ascii() {
                            return None;
                        }
                        if c.is_ascii_digit() {
                            flags = tok::DIGITS;
                        } else if !c.is_ascii_alphabetic() && flags == tok::ALPHA {
                            flags = 0;
                        }
                        bytes.push(c as u8);
                        out.src_start.push(cs);
                        out.src_end.push(ce);
                    }
                }
                if hashtag {
                    flags |= tok::HASHTAG;
                }
                out.tokens.push(Token {
                    start: start as u32,
                    end: bytes.len() as u32,
                    flags,
                });
                hashtag = false;
                continue;
            }
            if !c.is_ascii() {
                // a currency sign is a token of its own; any other non-ASCII character needs the
                // full path
                let ch = text[i..].chars().next()?;
                if !tables::is_currency(ch) {
                    return None;
                }
                let len = ch.len_utf8();
                push_space(&mut bytes, &mut out);
                let start = bytes.len() as u32;
                let mut buf = [0u8; 4];
                bytes.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                for _ in 0..len {
                    out.src_start.push(i as u32);
                    out.src_end.push((i + len) as u32);
                }
                out.tokens.push(Token {
                    start,
                    end: bytes.len() as u32,
                    flags: tok::PICTOGRAPH,
                });
                hashtag = false;
                run.reset();
                i += len;
                continue;
            }
            match c {
                b'#' => hashtag = true,
                // '@' before a word marks a handle (a separator); after a letter it may be a letter
                b'@' if i + 1 < n
                    && b[i + 1].is_ascii_alphabetic()
                    && (i == 0 || !b[i - 1].is_ascii_alphanumeric()) => {}
                b'@' | b'|' => return None,
                b'$' | b'!' if i + 1 < n && b[i + 1].is_ascii_alphabetic() => return None,
                b'$' => {
                    push_space(&mut bytes, &mut out);
                    let start = bytes.len() as u32;
                    bytes.push(b'$');
                    out.src_start.push(i as u32);
                    out.src_end.push(i as u32 + 1);
                    out.tokens.push(Token {
                        start,
                        end: start + 1,
                        flags: tok::PICTOGRAPH,
                    });
                    hashtag = false;
                    run.reset();
                }
                b'!' => {}
                _ => hashtag = false,
            }
            i += 1;
        }
        // whole characters were pushed
        out.text = String::from_utf8(bytes).ok()?;
        out.events.sort_by_key(|e| (e.start, e.end));
        Some(out)
    }

    /// The full two-pass normalisation (the fast path must give exactly what this gives).
    pub(crate) fn normalize_full(&self, text: &str) -> Normalized {
        // (room for a view as long as the text, which is about what most texts give: the
        // view and its maps then grow seldom or never)
        let mut out = Normalized {
            text: String::with_capacity(text.len()),
            src_start: Vec::with_capacity(text.len()),
            src_end: Vec::with_capacity(text.len()),
            tokens: Vec::with_capacity(text.len() / 5 + 1),
            events: Vec::new(),
        };
        let mut units = Vec::with_capacity(text.len());
        self.pass1(text, &mut units, &mut out.events);
        self.pass2(&units, &mut out);
        out.events.sort_by_key(|e| (e.start, e.end));
        out
    }

    /// Pass 1: per character.
    fn pass1(&self, text: &str, units: &mut Vec<Unit>, events: &mut Vec<Event>) {
        let mut last_letter_script: Option<Script> = None;
        for (i, c) in text.char_indices() {
            let start = i as u32;
            let end = (i + c.len_utf8()) as u32;
            if c.is_ascii() {
                let u = ascii_unit(c, start, end);
                last_letter_script = if let Class::Letter(s) = u.class {
                    Some(s)
                } else {
                    None
                };
                units.push(u);
                continue;
            }
            if tables::is_optional_mark(c) {
                // Arabic harakat and tatweel, Hebrew points: ordinary writing leaves them out or
                // adds them at will, so they are dropped (their bytes stay inside the letter's
                // span) and count as no disguise
                if let Some(u) = units
                    .last_mut()
                    .filter(|u| matches!(u.class, Class::Letter(_) | Class::Mark))
                {
                    u.end = u.end.max(end);
                }
                continue;
            }
            if matches!(c, '\u{200C}' | '\u{200D}')
                && last_letter_script == Some(Script::OtherSpaced)
                && units.last().is_some_and(|u| u.end == start)
            {
                // the zero-width non-joiner and joiner are spelling inside Persian and Indic
                // words (لاک‌پشت, turtle): dropped, not a disguise
                if let Some(u) = units.last_mut() {
                    u.end = end;
                }
                continue;
            }
            if self.opts.invisible && is_invisible(c) {
                // Variation selectors after a pictograph are presentation, not obfuscation.
                let after_pict = units.last().is_some_and(|u| u.class == Class::Pictograph);
                if !after_pict {
                    events.push(Event {
                        start,
                        end,
                        kind: Obfuscation::Invisible,
                    });
                }
                continue;
            }
            if is_emoji_modifier(c) {
                continue;
            }
            // letters drawn as emoji (🅸🆅🅾🆁🆈, 🅘🅥🅞, 🇮🇻🇴), which NFKC leaves: the letter they show
            let c = match tables::emoji_letter(c).filter(|_| self.opts.compatibility) {
                Some(l) => {
                    events.push(Event {
                        start,
                        end,
                        kind: Obfuscation::Compatibility,
                    });
                    l
                }
                None => c,
            };
            let confusable = if self.opts.confusables {
                confusable_latin(c)
            } else {
                None
            };
            // Compatibility decomposition, then fold case and strip marks per resulting char.
            let mut compat = false;
            let mut buf: [char; 8] = ['\0'; 8];
            let mut n = 0usize;
            let is_hangul_syllable = ('\u{AC00}'..='\u{D7A3}').contains(&c);
            if is_hangul_syllable {
                buf[0] = fold_hangul(c);
                n = 1;
            } else if self.opts.compatibility {
                let mut canon_len = 0usize;
                unicode_normalization::char::decompose_canonical(c, |_| canon_len += 1);
                let mut k = 0usize;
                let mut differs = false;
                unicode_normalization::char::decompose_compatible(c, |d| {
                    if n < buf.len() {
                        buf[n] = d;
                        n += 1;
                    }
                    k += 1;
                });
                // compatibility (not merely canonical) decomposition happened
                if k != canon_len {
                    differs = true;
                } else {
                    let mut j = 0usize;
                    unicode_normalization::char::decompose_canonical(c, |d| {
                        if j < n && buf[j] != d {
                            differs = true;
                        }
                        j += 1;
                    });
                }
                compat = differs;
            } else {
                unicode_normalization::char::decompose_canonical(c, |d| {
                    if n < buf.len() {
                        buf[n] = d;
                        n += 1;
                    }
                });
            }
            if compat {
                events.push(Event {
                    start,
                    end,
                    kind: Obfuscation::Compatibility,
                });
            }
            // an optional mark inside a precomposed letter (the hamza of أ, the shin dot of שׁ) goes
            if n > 1 {
                let mut m = 1usize;
                for k in 1..n {
                    if !tables::is_optional_mark(buf[k]) {
                        buf[m] = buf[k];
                        m += 1;
                    }
                }
                n = m;
            }
            // Outside Latin, Greek and Cyrillic, marks are part of the letter (kana voicing,
            // Indic vowel signs): compose them back so the view keeps the NFC form.
            if n > 1 && !is_european(buf[0]) {
                let mut composed = buf[0];
                let mut k = 1usize;
                let mut rest = 0usize;
                let mut tail = ['\0'; 8];
                while k < n {
                    match unicode_normalization::char::compose(composed, buf[k]) {
                        Some(c) => composed = c,
                        None => {
                            tail[rest] = buf[k];
                            rest += 1;
                        }
                    }
                    k += 1;
                }
                buf[0] = composed;
                buf[1..=rest].copy_from_slice(&tail[..rest]);
                n = 1 + rest;
            }
            let mut first = true;
            for &d in &buf[..n] {
                if unicode_normalization::char::is_combining_mark(d) {
                    match last_letter_script {
                        Some(Script::Latin | Script::Greek | Script::Cyrillic) => {
                            // a diacritic: dropped, but its bytes stay inside the letter's span
                            if let Some(u) = units.last_mut() {
                                u.end = u.end.max(end);
                            }
                            continue;
                        }
                        Some(_) => {
                            // a mark written apart (half-width ﾞ after ｿ) composes with its
                            // letter as in NFC
                            if let Some(u) = units
                                .last_mut()
                                .filter(|u| u.end == start && matches!(u.class, Class::Letter(_)))
                            {
                                if let Some(c) = unicode_normalization::char::compose(u.ch, d) {
                                    u.ch = c;
                                    u.end = end;
                                    continue;
                                }
                            }
                            units.push(Unit {
                                start,
                                end,
                                ch: d,
                                alt: None,
                                class: Class::Mark,
                            });
                        }
                        None => {}
                    }
                    continue;
                }
                self.push_folded(
                    d,
                    start,
                    end,
                    if first { confusable } else { None },
                    units,
                    events,
                );
                first = false;
                if let Some(Unit {
                    class: Class::Letter(s),
                    ..
                }) = units.last()
                {
                    last_letter_script = Some(*s);
                } else {
                    last_letter_script = None;
                }
            }
        }
    }

    /// Case folds `d` (one char of a decomposition) and pushes its units.
    fn push_folded(
        &self,
        d: char,
        start: u32,
        end: u32,
        confusable: Option<char>,
        units: &mut Vec<Unit>,
        events: &mut Vec<Event>,
    ) {
        if d.is_ascii() {
            units.push(ascii_unit(d, start, end));
            return;
        }
        if d.is_alphabetic() {
            // full case folding: lowercase, plus the foldings lowercase does not do
            let mut pushed = false;
            for l in d.to_lowercase() {
                if unicode_normalization::char::is_combining_mark(l) {
                    continue; // İ → i + U+0307: the dot goes with the diacritics
                }
                let folded: &[char] = match l {
                    'ß' => &['s', 's'],
                    'ς' => &['σ'],
                    'ſ' => &['s'],
                    _ => std::slice::from_ref(&l),
                };
                for &f in folded {
                    // the Turkish dotless ı is a letter of its own, not a look-alike: it folds
                    // to i (as İ does) without counting as a disguise
                    let mut f = if f == 'ı' { 'i' } else { f };
                    // Latin small capitals (ɪᴠᴏʀʏ) imitate ordinary letters; NFKC leaves them
                    if let Some(plain) = tables::small_capital(f) {
                        f = plain;
                        events.push(Event {
                            start,
                            end,
                            kind: Obfuscation::Confusable,
                        });
                    }
                    let script = script_of(f);
                    if script == Script::Unspaced && self.opts.han {
                        if let Some(s) = self.han.get(f) {
                            f = s;
                            events.push(Event {
                                start,
                                end,
                                kind: Obfuscation::TraditionalChinese,
                            });
                        }
                    }
                    let alt = if script == Script::Latin {
                        None
                    } else {
                        confusable
                    };
                    units.push(Unit {
                        start,
                        end,
                        ch: f,
                        alt,
                        class: Class::Letter(script),
                    });
                    pushed = true;
                }
            }
            if !pushed {
                units.push(Unit {
                    start,
                    end,
                    ch: ' ',
                    alt: None,
                    class: Class::Separator,
                });
            }
        } else if d.is_numeric() {
            // other digits (Arabic-Indic, ...) count as digits but not as leetspeak
            units.push(Unit {
                start,
                end,
                ch: d,
                alt: None,
                class: Class::Digit,
            });
        } else if is_pictograph(d) {
            units.push(Unit {
                start,
                end,
                ch: d,
                alt: None,
                class: Class::Pictograph,
            });
        } else if tables::is_currency(d) {
            units.push(Unit {
                start,
                end,
                ch: d,
                alt: None,
                class: Class::Currency,
            });
        } else {
            units.push(Unit {
                start,
                end,
                ch: d,
                alt: None,
                class: Class::Separator,
            });
        }
    }

    /// Pass 2: group units into words, undo word-level obfuscations, emit tokens.
    fn pass2(&self, units: &[Unit], out: &mut Normalized) {
        let words = group_words(units, self.opts.spacing, &mut out.events);
        let words = if self.opts.spacing {
            join_spaced(units, words, &mut out.events)
        } else {
            words
        };
        let words = split_at_script_change(units, words);
        let mut scratch: Vec<(char, u32, u32)> = Vec::new();
        let mut cyrillic: Vec<Unit> = Vec::new();
        let mut relettered: Vec<Unit> = Vec::new();
        let relettered_idx: Vec<usize> =
            (0..words.iter().map(|w| w.units.len()).max().unwrap_or(0)).collect();
        for w in &words {
            scratch.clear();
            let mut flags = w.flags;
            match w.kind {
                WordKind::Pictograph | WordKind::Unspaced => {
                    for &ui in &w.units {
                        let u = &units[ui];
                        let mut c = katakana_to_hiragana(u.ch);
                        if matches!(c, 'お' | 'オ' | 'ー') {
                            if let Some(f) = scratch.last().and_then(|p| long_vowel(p.0, c)) {
                                c = f;
                            }
                        }
                        scratch.push((c, u.start, u.end));
                    }
                }
                WordKind::Spaced => {
                    // a Cyrillic word with Latin look-alikes slipped in ("нocорога", Latin o
                    // and c) is read as the Cyrillic word it imitates
                    let (units, widx): (&[Unit], &[usize]) = if self.latin_in_cyrillic(
                        units,
                        &w.units,
                        &mut relettered,
                        &mut out.events,
                    ) {
                        (&relettered, &relettered_idx[..relettered.len()])
                    } else {
                        (units, &w.units)
                    };
                    if self.fold_cyrillic_word(units, widx, &mut cyrillic, &mut out.events) {
                        let idx: Vec<usize> = (0..cyrillic.len()).collect();
                        self.fold_spaced_word(&cyrillic, &idx, &mut scratch, &mut out.events);
                    } else {
                        self.fold_spaced_word(units, widx, &mut scratch, &mut out.events);
                    }
                    let mut alpha = true;
                    // letters of another spaced script, and of Latin, Greek or Cyrillic
                    let (mut other, mut european) = (false, false);
                    for &(c, _, _) in scratch.iter() {
                        if c.is_numeric() {
                            flags |= tok::DIGITS;
                            alpha = false;
                        } else if !c.is_alphabetic() {
                            alpha = false;
                        } else if !c.is_ascii() && script_of(c) == Script::OtherSpaced {
                            other = true;
                        } else {
                            european = true;
                        }
                    }
                    if alpha {
                        flags |= tok::ALPHA;
                    }
                    if other && european {
                        flags |= tok::MIXED;
                    }
                }
            }
            if scratch.is_empty() {
                continue;
            }
            if !out.text.is_empty() {
                // the space between tokens maps to the end of the previous token's last char
                let prev_end = *out.src_end.last().unwrap_or(&0);
                out.text.push(' ');
                out.src_start.push(prev_end);
                out.src_end.push(prev_end);
            }
            let tstart = out.text.len() as u32;
            for &(c, s, e) in scratch.iter() {
                let before = out.text.len();
                out.text.push(c);
                for _ in before..out.text.len() {
                    out.src_start.push(s);
                    out.src_end.push(e);
                }
            }
            out.tokens.push(Token {
                start: tstart,
                end: out.text.len() as u32,
                flags,
            });
        }
    }

    /// A word of Cyrillic letters with Latin look-alikes slipped in ("нocорога": Latin `o` and
    /// `c` among Cyrillic letters): its units with each Latin letter replaced by the Cyrillic
    /// letter it imitates, into `out`, with a look-alike event for each; false (and `out`
    /// unused) for any other word. The word must hold a Cyrillic letter that imitates no Latin
    /// one (`н`, `г`, `д`, ...), so an English word disguised with Cyrillic look-alikes
    /// ("іvоry") is left to `fold_spaced_word`, which reads it as Latin; every letter of another
    /// script must imitate a Cyrillic one (a Latin letter, or a Greek look-alike of one); and a
    /// word with a mark, digit or sign, or one that would read as one letter repeated, is left
    /// as it is. The result is all Cyrillic, so a second normalisation agrees.
    fn latin_in_cyrillic(
        &self,
        units: &[Unit],
        idx: &[usize],
        out: &mut Vec<Unit>,
        events: &mut Vec<Event>,
    ) -> bool {
        if !self.opts.confusables && !self.opts.leetspeak {
            return false;
        }
        let letter = |k: usize| {
            idx.get(k)
                .is_some_and(|&i| matches!(units[i].class, Class::Letter(_)))
        };
        // the Cyrillic letter a letter of another script imitates: a Latin letter's own, or
        // that of the Latin letter a Greek look-alike imitates (`fold_spaced_word` would read
        // it as that Latin letter); and the letter a lone digit between two letters stands for
        // ("р0г": `cyrillic_leet`)
        let imitated = |k: usize| {
            let u = &units[idx[k]];
            match u.class {
                Class::Letter(Script::Latin) if self.opts.confusables => cyrillic_lookalike(u.ch),
                Class::Letter(Script::Cyrillic) => None,
                Class::Letter(_) if self.opts.confusables => u.alt.and_then(cyrillic_lookalike),
                Class::Digit if self.opts.leetspeak && k > 0 && letter(k - 1) && letter(k + 1) => {
                    cyrillic_leet(u.ch)
                }
                _ => None,
            }
        };
        let mut foreign = false;
        let mut anchored = false;
        for (k, &i) in idx.iter().enumerate() {
            let u = &units[i];
            match u.class {
                // (by the folded letter: a capital `Н` imitates `H`, but reads as `н`, which
                // imitates nothing, once normalised)
                Class::Letter(Script::Cyrillic) => anchored |= confusable_latin(u.ch).is_none(),
                // letters, and digits between letters: a mark, another digit or a sign leaves
                // the word to `fold_spaced_word`
                _ => {
                    if imitated(k).is_none() {
                        return false;
                    }
                    foreign = true;
                }
            }
        }
        if !foreign || !anchored {
            return false;
        }
        out.clear();
        for (k, &i) in idx.iter().enumerate() {
            let u = units[i];
            match imitated(k) {
                Some(c) => {
                    out.push(Unit {
                        ch: c,
                        alt: confusable_latin(c),
                        class: Class::Letter(Script::Cyrillic),
                        ..u
                    });
                }
                _ => out.push(u),
            }
        }
        // one letter repeated ("rг" read "гг") is what a run of spaced letters is joined with
        // (`SpacedRun`), decided on the letters as written: such a word is left as it is
        if out.iter().all(|v| v.ch == out[0].ch) {
            out.clear();
            return false;
        }
        for (k, &i) in idx.iter().enumerate() {
            if imitated(k).is_some() {
                events.push(Event {
                    start: units[i].start,
                    end: units[i].end,
                    kind: if units[i].class == Class::Digit {
                        Obfuscation::Leetspeak
                    } else {
                        Obfuscation::Confusable
                    },
                });
            }
        }
        true
    }

    /// The units of a word of Cyrillic letters only, with the spellings Russian writers
    /// confuse folded (`fold_cyrillic`; soft and hard signs after a letter dropped, their bytes
    /// kept in its span), into `out`; false (and `out` unused) for any other word. Only a word
    /// with a letter that is no look-alike of a Latin one and that the fold keeps (`д`, `л`,
    /// `и`, ...) is folded: it stays Cyrillic whatever the fold does to its look-alikes, so
    /// the fold comes before the repeats are collapsed and a second normalisation agrees.
    ///
    /// Then letters repeated three times or more collapse (as `fold_spaced_word` would), a
    /// doubled consonant reads as one ("беллуги", "белуги"), and a case ending is cut off
    /// (`russian_ending`): "тигром", "тигра" and "тигр" all read
    /// "тигр", "слоновой кости" and "слоновая кость" both "сланав каст". The ending's bytes stay
    /// in the span of the stem's last letter.
    fn fold_cyrillic_word(
        &self,
        units: &[Unit],
        idx: &[usize],
        out: &mut Vec<Unit>,
        events: &mut Vec<Event>,
    ) -> bool {
        let all_cyrillic = idx
            .iter()
            .all(|&i| units[i].class == Class::Letter(Script::Cyrillic));
        // (by the folded letter: a capital `Н` imitates `H`, but reads as `н` once normalised,
        // and both passes must agree)
        let anchored = idx.iter().any(|&i| {
            let u = &units[i];
            confusable_latin(u.ch).is_none()
                && fold_cyrillic(u.ch) == u.ch
                && !matches!(u.ch, 'ь' | 'ъ')
        });
        if !all_cyrillic || !anchored {
            return false;
        }
        out.clear();
        for &i in idx {
            let u = units[i];
            if matches!(u.ch, 'ь' | 'ъ') {
                if let Some(prev) = out.last_mut() {
                    prev.end = u.end;
                    continue;
                }
            }
            let ch = fold_cyrillic(u.ch);
            let alt = if ch == u.ch || !self.opts.confusables {
                u.alt
            } else {
                confusable_latin(ch)
            };
            out.push(Unit { ch, alt, ..u });
        }
        if self.opts.repeats {
            let mut k = 0;
            while k < out.len() {
                let mut j = k + 1;
                while j < out.len() && out[j].ch == out[k].ch {
                    j += 1;
                }
                if j - k >= 3 {
                    events.push(Event {
                        start: out[k].start,
                        end: out[j - 1].end,
                        kind: Obfuscation::Repeated,
                    });
                    out[k].end = out[j - 1].end;
                    out.drain(k + 1..j);
                }
                k += 1;
            }
        }
        // a doubled consonant is as often written single ("беллуги" for "белуги", "грам" for
        // "грамм"): a pair of one consonant reads as one, its span over both (a longer run is
        // a repeat, collapsed above)
        let mut w = 0;
        for k in 0..out.len() {
            let pair_end = w > 0
                && out[w - 1].ch == out[k].ch
                && is_russian_consonant(out[k].ch)
                && (w < 2 || out[w - 2].ch != out[k].ch)
                && out.get(k + 1).is_none_or(|n| n.ch != out[k].ch);
            if pair_end {
                out[w - 1].end = out[k].end;
            } else {
                out[w] = out[k];
                w += 1;
            }
        }
        out.truncate(w);
        let cut = russian_ending(out);
        if cut > 0 {
            let last = out.len() - cut;
            out[last - 1].end = out[out.len() - 1].end;
            out.truncate(last);
        }
        true
    }

    /// Undoes look-alikes, leetspeak and repeats in one word of a spaced script.
    fn fold_spaced_word(
        &self,
        units: &[Unit],
        idx: &[usize],
        out: &mut Vec<(char, u32, u32)>,
        events: &mut Vec<Event>,
    ) {
        let n = idx.len();
        let u = |k: usize| &units[idx[k]];
        let is_letter = |k: usize| matches!(u(k).class, Class::Letter(_) | Class::Mark);
        // look-alikes: map when the word mixes Latin with look-alikes, or is made only of
        // look-alikes (a whole word disguised); real Cyrillic/Greek words keep their letters.
        let mut latin = 0usize;
        let mut lookalike = 0usize;
        let mut other_letters = 0usize;
        for k in 0..n {
            // a letter repeated counts once: repeats collapse, and both passes must agree
            if k > 0 && u(k - 1).latinish() == u(k).latinish() {
                continue;
            }
            match u(k).class {
                Class::Letter(Script::Latin) => latin += 1,
                Class::Letter(_) if u(k).alt.is_some() => lookalike += 1,
                Class::Letter(_) => other_letters += 1,
                _ => {}
            }
        }
        let letters = latin + lookalike + other_letters;
        // leetspeak: a word that mixes letters with digits or symbols that stand for letters is
        // read as letters, unless it looks like a number with a unit ("2kg", "3pcs", "4th") or
        // a model number with a multi-digit run ("win10"). The decision is made for the whole
        // word from characters that folding does not change, so normalising twice agrees.
        let leet_ok =
            |k: usize| matches!(u(k).class, Class::Digit | Class::LeetSymbol) && u(k).alt.is_some();
        let mut leet = vec![false; n];
        // a word anchored in Cyrillic (a letter that imitates no Latin one: "н0сорог") is not
        // read as Latin leetspeak: its Latin letters would be read back as Cyrillic on a second
        // pass (`latin_in_cyrillic`), and the two passes must agree
        let cyrillic_anchor =
            (0..n).any(|k| u(k).class == Class::Letter(Script::Cyrillic) && u(k).alt.is_none());
        if self.opts.leetspeak && !cyrillic_anchor && letters >= 1 && n >= 2 && (0..n).any(leet_ok)
        {
            let mut longest_run = 0usize;
            let mut k = 0;
            while k < n {
                if matches!(u(k).class, Class::Digit | Class::LeetSymbol) {
                    let mut j = k;
                    while j < n && matches!(u(j).class, Class::Digit | Class::LeetSymbol) {
                        j += 1;
                    }
                    longest_run = longest_run.max(j - k);
                    k = j;
                } else {
                    k += 1;
                }
            }
            // digits first, then a unit ("2kg", "1kgivory", "4th"); a lone digit that may
            // stand for a letter is a quantity before a word only with a unit no word starts
            // with (`lone_digit_unit_prefix`: "4garwood" is agarwood)
            let lead_digits = (0..n).take_while(|&k| u(k).class == Class::Digit).count();
            let lone_leet = |k: usize| u(k).alt.filter(|_| u(k).class == Class::Digit);
            let quantity = lead_digits > 0 && (lead_digits..n).all(&is_letter) && {
                // compare look-alikes by the letter they imitate, so both passes agree
                let mut rest: Vec<char> = (lead_digits..n).map(|k| u(k).latinish()).collect();
                // repeated letters collapse later: compare without repeats
                rest.dedup();
                let rest: String = rest.into_iter().collect();
                is_unit(&rest)
                    || (lead_digits == 1 && is_glued_sale_tail(u(0).ch, &rest))
                    || match lone_leet(0).filter(|_| lead_digits == 1) {
                        Some(_) => lone_digit_unit_prefix(u(0).ch, &rest),
                        None => unit_prefix(&rest),
                    }
            };
            // letters, then the word's only digits and a unit: a quantity glued on ("horn1kg",
            // "ivory60g"), not leetspeak ("m4rf1l" has two digit runs and stays leetspeak)
            let runs = (0..n)
                .filter(|&k| matches!(u(k).class, Class::Digit | Class::LeetSymbol))
                .filter(|&k| k == 0 || !matches!(u(k - 1).class, Class::Digit | Class::LeetSymbol))
                .count();
            let trailing_quantity = runs == 1 && lead_digits == 0 && {
                let first_digit = (0..n).find(|&k| u(k).class == Class::Digit);
                match first_digit {
                    Some(f)
                        if {
                            // at least three letters before, counting a repeated letter once
                            let mut before: Vec<char> = (0..f).map(|k| u(k).latinish()).collect();
                            before.dedup();
                            before.len() >= 3
                        } && (f..n).all(|k| u(k).class != Class::LeetSymbol) =>
                    {
                        let after: Vec<usize> =
                            (f..n).skip_while(|&k| u(k).class == Class::Digit).collect();
                        let mut unit: Vec<char> = after.iter().map(|&k| u(k).latinish()).collect();
                        unit.dedup();
                        let unit: String = unit.into_iter().collect();
                        // a lone digit that may stand for a letter, between letters, is a
                        // quantity only with a unit no word ends with ("horn1kg"; but
                        // "Elfenb3in", "marf1l": `lone_digit_unit`)
                        let lone = after.len() + 1 == n - f && lone_leet(f).is_some();
                        !unit.is_empty()
                            && after.iter().all(|&k| is_letter(k))
                            && ((is_unit(&unit) && (!lone || lone_digit_unit(u(f).ch, &unit)))
                                || (lone && is_glued_sale_tail(u(f).ch, &unit)))
                    }
                    _ => false,
                }
            };
            // one letter with two digits is a model number ("A13", "S21"), not leetspeak; with
            // one digit it may be ("t3" for the Vietnamese "tê")
            let model = letters == 1 && longest_run >= 2;
            // a word's only digits, two of them, ending it after three letters or more: a number
            // glued on ("ivory88", "rhino20"), not two letters ("ivorybb"); one digit there may
            // still be a letter ("rhin0")
            let trailing_number = runs == 1
                && lead_digits == 0
                && n >= 5
                && (n - 2..n).all(|k| u(k).class == Class::Digit)
                && (0..n - 2).all(&is_letter)
                && {
                    let mut before: Vec<char> = (0..n - 2).map(|k| u(k).latinish()).collect();
                    before.dedup();
                    before.len() >= 3
                };
            // leetspeak, then a quantity glued on ("av0rio800g", "1v0ry2kg"): the quantity is
            // the last run of digits with a unit after it to the word's end; before it, three
            // letters or more and runs of at most two digits or signs, read as leetspeak. Read
            // once, the word is letters and a quantity, which a second pass keeps as it is.
            let glued_quantity = leet_before_quantity(n, u);
            if longest_run <= 2 && !quantity && !trailing_quantity && !model && !trailing_number {
                for (k, l) in leet.iter_mut().enumerate() {
                    *l = leet_ok(k);
                }
            } else if let Some(f) = glued_quantity {
                for (k, l) in leet.iter_mut().enumerate().take(f) {
                    *l = leet_ok(k);
                }
            }
        }
        // letters read from leetspeak are Latin too, so the decision is the same on a second pass
        let latin = latin + leet.iter().filter(|&&l| l).count();
        let map_lookalikes =
            self.opts.confusables && lookalike > 0 && latin > 0 && latin >= other_letters;
        let mut prev: Option<char> = None;
        let mut run = 0usize;
        for (k, &is_leet) in leet.iter().enumerate() {
            let unit = u(k);
            let mut c = unit.ch;
            if is_leet {
                c = unit.alt.unwrap_or(c);
                events.push(Event {
                    start: unit.start,
                    end: unit.end,
                    kind: Obfuscation::Leetspeak,
                });
            } else if map_lookalikes && matches!(unit.class, Class::Letter(s) if s != Script::Latin)
            {
                if let Some(a) = unit.alt {
                    c = a;
                    events.push(Event {
                        start: unit.start,
                        end: unit.end,
                        kind: Obfuscation::Confusable,
                    });
                }
            }
            // collapse runs of three or more identical letters to one
            if self.opts.repeats && c.is_alphabetic() && Some(c) == prev {
                run += 1;
                if run >= 2 {
                    // third or later repetition: drop, and when it is the third, drop the second
                    if run == 2 {
                        if let Some(&(_, s, _)) = out.last() {
                            out.pop();
                            events.push(Event {
                                start: s,
                                end: unit.end,
                                kind: Obfuscation::Repeated,
                            });
                        }
                    } else {
                        events.push(Event {
                            start: unit.start,
                            end: unit.end,
                            kind: Obfuscation::Repeated,
                        });
                    }
                    // extend the kept letter's source range over the dropped ones
                    if let Some(last) = out.last_mut() {
                        last.2 = unit.end;
                    }
                    continue;
                }
            } else {
                run = 0;
            }
            prev = Some(c);
            out.push((c, unit.start, unit.end));
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum WordKind {
    Spaced,
    Unspaced,
    Pictograph,
}

impl Word {
    /// A placeholder left behind when a word is moved out of a list.
    const EMPTY: Word = Word {
        units: Vec::new(),
        kind: WordKind::Pictograph,
        flags: 0,
        gap: 0,
    };

    /// A word's units, from its first: room for a word of eight characters, so that most
    /// words fill it without growing it.
    fn units_from(k: usize) -> Vec<usize> {
        let mut units = Vec::with_capacity(8);
        units.push(k);
        units
    }

    /// A pictograph or currency sign: a word of its own.
    fn pictograph(unit: usize, gap: usize) -> Word {
        Word {
            units: vec![unit],
            kind: WordKind::Pictograph,
            flags: tok::PICTOGRAPH,
            gap,
        }
    }
}

#[derive(Clone, Debug)]
struct Word {
    units: Vec<usize>,
    kind: WordKind,
    flags: u8,
    /// Separator units between the previous word and this one.
    gap: usize,
}

/// Splits pass-1 units into words. With `inside` (the spacing option), emoji set between the
/// letters of one word ("rhi🦏no", "pango🐾lin") are left out of it, as punctuation between
/// letters is (an event of kind `Spacing` each).
fn group_words(units: &[Unit], inside: bool, events: &mut Vec<Event>) -> Vec<Word> {
    let mut words: Vec<Word> = Vec::new();
    let mut cur: Option<Word> = None;
    let mut gap = 0usize;
    let mut hashtag = false;
    let n = units.len();
    let spaced_letter =
        |k: usize| k < n && matches!(units[k].class, Class::Letter(s) if s != Script::Unspaced);
    let flush = |cur: &mut Option<Word>, words: &mut Vec<Word>| {
        if let Some(w) = cur.take() {
            words.push(w);
        }
    };
    for (k, unit) in units.iter().enumerate() {
        let kind_of_letter = |s: Script| {
            if s == Script::Unspaced {
                WordKind::Unspaced
            } else {
                WordKind::Spaced
            }
        };
        match unit.class {
            Class::Letter(s) => {
                let wk = kind_of_letter(s);
                match &mut cur {
                    Some(w) if w.kind == wk => w.units.push(k),
                    Some(w) if w.kind == WordKind::Spaced && wk == WordKind::Unspaced => {
                        // script change inside a run: new token, glued to the previous one
                        flush(&mut cur, &mut words);
                        cur = Some(Word {
                            units: Word::units_from(k),
                            kind: wk,
                            flags: tok::UNSPACED,
                            gap: 0,
                        });
                    }
                    Some(_) => {
                        flush(&mut cur, &mut words);
                        let flags = if wk == WordKind::Unspaced {
                            tok::UNSPACED
                        } else {
                            0
                        };
                        cur = Some(Word {
                            units: Word::units_from(k),
                            kind: wk,
                            flags,
                            gap: 0,
                        });
                    }
                    None => {
                        let mut flags = if wk == WordKind::Unspaced {
                            tok::UNSPACED
                        } else {
                            0
                        };
                        if hashtag {
                            flags |= tok::HASHTAG;
                        }
                        cur = Some(Word {
                            units: Word::units_from(k),
                            kind: wk,
                            flags,
                            gap,
                        });
                    }
                }
                gap = 0;
                hashtag = false;
            }
            Class::Mark => {
                if let Some(w) = &mut cur {
                    w.units.push(k);
                }
            }
            Class::Digit | Class::LeetSymbol => {
                let symbol = unit.class == Class::LeetSymbol;
                // a symbol is part of a word only when a letter follows it ("$hark", "p@ngolin");
                // '$' anywhere else is a currency sign, other symbols separate
                // ('@' may also end a word: "ng@ voi")
                let in_word = !symbol
                    || spaced_letter(k + 1)
                    || unit.ch == '@' && matches!(&cur, Some(w) if w.kind == WordKind::Spaced);
                match &mut cur {
                    Some(w) if w.kind == WordKind::Spaced && in_word => w.units.push(k),
                    _ => {
                        flush(&mut cur, &mut words);
                        // '@' before a word is a handle, not a letter
                        let starts = in_word && !(symbol && matches!(unit.ch, '@' | '|'));
                        if starts {
                            let flags = if hashtag { tok::HASHTAG } else { 0 };
                            cur = Some(Word {
                                units: Word::units_from(k),
                                kind: WordKind::Spaced,
                                flags,
                                gap,
                            });
                            gap = 0;
                            hashtag = false;
                        } else if unit.ch == '$' {
                            words.push(Word::pictograph(k, gap));
                            gap = 0;
                            hashtag = false;
                        } else {
                            gap += 1;
                        }
                    }
                }
            }
            Class::Pictograph | Class::Currency => {
                // emoji between two letters of a spaced script, nothing else between: inside
                // one word (not after a lone "I": "I❤️NY", "I❤️ivory" say "I love")
                let in_word = inside
                    && unit.class == Class::Pictograph
                    && matches!(&cur, Some(w) if w.kind == WordKind::Spaced
                        && w.units.last().is_some_and(|&u| spaced_letter(u))
                        && !(w.units.len() == 1 && units[w.units[0]].ch == 'i'))
                    && {
                        let next = (k + 1..n)
                            .find(|&j| units[j].class != Class::Pictograph)
                            .unwrap_or(n);
                        spaced_letter(next)
                    };
                if in_word {
                    events.push(Event {
                        start: unit.start,
                        end: unit.end,
                        kind: Obfuscation::Spacing,
                    });
                    continue;
                }
                flush(&mut cur, &mut words);
                words.push(Word::pictograph(k, gap));
                gap = 0;
                hashtag = false;
            }
            Class::Hash => {
                flush(&mut cur, &mut words);
                hashtag = true;
                gap += 1;
            }
            Class::Separator => {
                flush(&mut cur, &mut words);
                hashtag = false;
                gap += 1;
            }
        }
    }
    flush(&mut cur, &mut words);
    words
}

/// Joins letters spaced or punctuated apart into one word: runs of three or more one-letter
/// words, at least two of them letters (`i v o r y`, `r.h.i.n.o`, `p-a-n-g-o-l-i-n`), and runs
/// of two or more one-character words of an unspaced script (`象 牙`, `น อ แ ร ด`).
fn join_spaced(units: &[Unit], mut words: Vec<Word>, events: &mut Vec<Event>) -> Vec<Word> {
    // one character, or one letter repeated ("iii", "!i": they fold to one letter anyway),
    // plus marks for unspaced scripts (Thai vowel signs, kana voicing)
    let single = |w: &Word| {
        let mut chars = w.units.iter().filter(|&&u| units[u].class != Class::Mark);
        let Some(&first) = chars.next() else {
            return false;
        };
        let folded = |u: usize| units[u].latinish();
        match w.kind {
            WordKind::Spaced => {
                w.units.iter().all(|&u| {
                    matches!(
                        units[u].class,
                        Class::Letter(_) | Class::Digit | Class::LeetSymbol
                    ) && folded(u) == folded(first)
                }) && (w.units.len() == 1
                    || w.units
                        .iter()
                        .any(|&u| matches!(units[u].class, Class::Letter(_))))
            }
            WordKind::Unspaced => chars.next().is_none(),
            WordKind::Pictograph => false,
        }
    };
    let mut out: Vec<Word> = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        if single(&words[i]) {
            let kind = words[i].kind;
            // any separators between them (the view collapses every gap to one space, so a
            // narrower rule would not give the same text when normalising twice)
            let mut j = i + 1;
            while j < words.len() && words[j].kind == kind && single(&words[j]) && words[j].gap >= 1
            {
                j += 1;
            }
            let letters = words[i..j]
                .iter()
                .filter(|w| {
                    w.units
                        .iter()
                        .any(|&u| matches!(units[u].class, Class::Letter(_)))
                })
                .count();
            let enough = match kind {
                WordKind::Unspaced => j - i >= 2,
                _ => j - i >= 3 && letters >= 2,
            };
            if enough {
                // letters dotted apart inside words and spaced between them ("t.ê t.ê",
                // "p.a.n.g.o.l.i.n s.c.a.l.e.s") are joined word by word
                let mut groups = dotted_groups(units, &words[i..j]);
                if groups.len() == 1 {
                    groups = wide_gap_groups(units, &words[i..j]);
                }
                for (a, b) in groups {
                    let (a, b) = (i + a, i + b);
                    let mut w = std::mem::replace(&mut words[a], Word::EMPTY);
                    for wj in &words[a + 1..b] {
                        w.units.extend_from_slice(&wj.units);
                    }
                    w.flags |= tok::SPACED;
                    let s = units[w.units[0]].start;
                    let e = units[*w.units.last().unwrap_or(&w.units[0])].end;
                    events.push(Event {
                        start: s,
                        end: e,
                        kind: Obfuscation::Spacing,
                    });
                    out.push(w);
                }
                i = j;
                continue;
            }
        }
        out.push(std::mem::replace(&mut words[i], Word::EMPTY));
        i += 1;
    }
    out
}

/// Splits a word of Latin letters glued to a word of Cyrillic letters ("Ivoryкость",
/// "слоноваяivory") into the two words, the second glued to the first (no gap), so each is
/// read in its own script. Each letter is read as Latin, as a Cyrillic letter that imitates no
/// Latin one (`т`, `ь`, `л`), or as a look-alike (`о`, `с`, capital `Н`, Greek `ο`: those
/// that `fold_spaced_word` may read as Latin); a digit, a sign or another letter leaves the
/// word whole. The word splits
/// when all its Latin letters stand on one side of all its real Cyrillic ones, each side has
/// two different letters or more, and the Latin side holds a letter (or a look-alike read as one) that no
/// Cyrillic letter imitates (`i`, `v`, `l`, `d`, ...); the look-alikes between the two go with
/// the Cyrillic word ("Rhinoрог"), or, when that cut does not fit, with the Latin one: a word whose Latin letters only imitate Cyrillic ones is a disguise, read by
/// `Normalizer::latin_in_cyrillic` ("тигpa": Latin `p`, `a`), and one whose Cyrillic letters
/// are only look-alikes is read as Latin by `fold_spaced_word` ("ivorу": Cyrillic `у`).
///
/// Idempotent: a word that splits is two words on a second pass; one that does not is read
/// whole, its look-alikes as Latin or none (its real Cyrillic letters keep it from leetspeak),
/// and read again it splits no more than it did: read as Latin, the look-alikes between make
/// the Latin word of the second cut, which did not fit.
fn split_at_script_change(units: &[Unit], words: Vec<Word>) -> Vec<Word> {
    #[derive(Clone, Copy, PartialEq)]
    enum K {
        Latin,
        Cyrillic,
        Alike,
    }
    let kind = |i: usize| {
        let u = &units[i];
        match u.class {
            Class::Letter(Script::Latin) => Some(K::Latin),
            // by the letter as written (what `fold_spaced_word` maps) and as folded (what a
            // second pass reads)
            Class::Letter(Script::Cyrillic) => {
                Some(if u.alt.is_some() || confusable_latin(u.ch).is_some() {
                    K::Alike
                } else {
                    K::Cyrillic
                })
            }
            // a Greek look-alike may be read as Latin too
            Class::Letter(Script::Greek) if u.alt.is_some() => Some(K::Alike),
            _ => None,
        }
    };
    // where the word splits, if it does
    let split = |w: &Word| -> Option<usize> {
        if w.kind != WordKind::Spaced || w.units.len() < 4 {
            return None;
        }
        let (mut first_latin, mut last_latin) = (None, None);
        let (mut first_cyr, mut last_cyr) = (None, None);
        for (k, &i) in w.units.iter().enumerate() {
            match kind(i)? {
                K::Latin => {
                    first_latin.get_or_insert(k);
                    last_latin = Some(k);
                }
                K::Cyrillic => {
                    first_cyr.get_or_insert(k);
                    last_cyr = Some(k);
                }
                K::Alike => {}
            }
        }
        let (fl, ll, fc, lc) = (first_latin?, last_latin?, first_cyr?, last_cyr?);
        // the cuts next to the Latin letters and next to the real Cyrillic ones: the look-alikes
        // between go with the Cyrillic word ("Rhinoрог"), or else with the Latin one
        let (near_latin, near_cyrillic, latin_first) = if ll < fc {
            (ll + 1, fc, true)
        } else if lc < fl {
            (fl, lc + 1, false)
        } else {
            return None;
        };
        // each word of two different letters at least, as read once folded (a word of one
        // letter, maybe repeated, would be joined to its neighbours on a second pass)
        let letters = |part: &[usize]| {
            let mut seen: Option<char> = None;
            part.iter().any(|&i| {
                let u = &units[i];
                let c = match u.class {
                    Class::Letter(Script::Cyrillic) => fold_cyrillic(u.ch),
                    _ => u.latinish(),
                };
                if matches!(c, 'ь' | 'ъ') {
                    return false;
                }
                seen.is_some_and(|s| s != c) || {
                    seen.get_or_insert(c);
                    false
                }
            })
        };
        let fits = |at: usize| {
            let (latin, cyrillic) = if latin_first {
                (&w.units[..at], &w.units[at..])
            } else {
                (&w.units[at..], &w.units[..at])
            };
            letters(latin)
                && letters(cyrillic)
                && latin.iter().any(|&i| {
                    let u = &units[i];
                    let c = if u.class == Class::Letter(Script::Latin) {
                        Some(u.ch)
                    } else {
                        u.alt
                    };
                    c.is_some_and(|c| cyrillic_lookalike(c).is_none())
                })
        };
        [near_latin, near_cyrillic].into_iter().find(|&at| fits(at))
    };
    if !words.iter().any(|w| split(w).is_some()) {
        return words;
    }
    let mut out = Vec::with_capacity(words.len() + 1);
    for mut w in words {
        match split(&w) {
            Some(at) => {
                let rest = w.units.split_off(at);
                let flags = w.flags;
                out.push(w);
                out.push(Word {
                    units: rest,
                    kind: WordKind::Spaced,
                    flags,
                    gap: 0,
                });
            }
            None => out.push(w),
        }
    }
    out
}

/// Splits a run of one-letter words to be joined into the words it spells: where the letters
/// are separated by punctuation without spaces inside words and by whitespace between them
/// ("t.ê t.ê" → "tê", "tê"), each group of two letters or more is a word; otherwise the run
/// is one word. Returns ranges of `run`.
fn dotted_groups(units: &[Unit], run: &[Word]) -> Vec<(usize, usize)> {
    let whole = vec![(0, run.len())];
    let spaced_gap = |k: usize| {
        let (Some(&a), Some(&b)) = (run[k - 1].units.last(), run[k].units.first()) else {
            return None;
        };
        let gap = &units[a + 1..b];
        if gap.is_empty() {
            return None;
        }
        Some(gap.iter().any(|u| u.ch.is_whitespace()))
    };
    let mut groups = Vec::new();
    let mut start = 0;
    let mut dotted = false;
    for k in 1..run.len() {
        match spaced_gap(k) {
            None => return whole,
            Some(true) => {
                groups.push((start, k));
                start = k;
            }
            Some(false) => dotted = true,
        }
    }
    groups.push((start, run.len()));
    if !dotted || groups.len() < 2 || groups.iter().any(|(a, b)| b - a < 2) {
        return whole;
    }
    groups
}

/// Splits a run of one-letter words to be joined into the words it spells where the letters
/// are set one separator apart inside words and wider apart between them ("с л о н о в а я
/// к о с т ь" with two spaces between the words, "i v o r y  t u s k"): at every gap wider
/// than the narrowest, when each group has two letters or more (or is a lone digit: "р о г
/// 1 к г" reads "рог 1 кг"). Otherwise the run is one word
/// (the scanner reads glued names inside it). Returns ranges of `run`; a second pass meets
/// words of two letters or more, which it leaves as they are.
fn wide_gap_groups(units: &[Unit], run: &[Word]) -> Vec<(usize, usize)> {
    let whole = vec![(0, run.len())];
    let Some(narrow) = run[1..].iter().map(|w| w.gap).min() else {
        return whole;
    };
    let mut groups = Vec::new();
    let mut start = 0;
    for (k, w) in run.iter().enumerate().skip(1) {
        if w.gap > narrow {
            groups.push((start, k));
            start = k;
        }
    }
    groups.push((start, run.len()));
    // a group of one letter would be joined with its neighbours on a second pass; a lone
    // digit cannot make a run to join (that needs two letters)
    let letter = |w: &Word| {
        w.units
            .iter()
            .any(|&u| matches!(units[u].class, Class::Letter(_)))
    };
    if groups.len() < 2 || groups.iter().any(|&(a, b)| b - a < 2 && letter(&run[a])) {
        return whole;
    }
    groups
}

/// A Hangul syllable with the letters misspellers confuse folded: tense and aspirated initials
/// to plain ones (ㄲ ㅋ → ㄱ, ㄸ ㅌ → ㄷ, ㅃ ㅍ → ㅂ, ㅆ → ㅅ, ㅉ ㅊ → ㅈ), the vowels that sound
/// alike (ㅔ → ㅐ, ㅖ → ㅒ, ㅚ ㅞ → ㅙ), tense finals to plain ones (ㄲ → ㄱ, ㅆ → ㅅ). Keys and
/// text fold alike, so "코뿔쏘" meets "코뿔소"; one syllable stays one syllable of three bytes.
pub(crate) fn fold_hangul(c: char) -> char {
    let s = c as u32 - 0xAC00;
    let (l, v, t) = (s / 588, (s % 588) / 28, s % 28);
    let l = match l {
        1 | 15 => 0,
        4 | 16 => 3,
        8 | 17 => 7,
        10 => 9,
        13 | 14 => 12,
        _ => l,
    };
    let v = match v {
        5 => 1,
        7 => 3,
        11 | 15 => 10,
        _ => v,
    };
    let t = match t {
        2 => 1,
        20 => 19,
        _ => t,
    };
    char::from_u32(0xAC00 + l * 588 + v * 28 + t).unwrap_or(c)
}

/// Russian case endings (nouns and adjectives, all genders, singular and plural) as
/// `fold_cyrillic` writes them (ой → аи, ый → ии, ого → ага, ...), longest first. A noun whose
/// stem ends in -ог or -ег reads its genitive as an adjective's (носорога, насарага, loses ага as
/// белого does): so after a case ending, -аг and -ег go too, and the oblique forms of носорог
/// (носорога, носорогов, носорогом) all read насар (the nominative, with no ending, keeps its
/// stem: насараг).
const RUSSIAN_ENDINGS: &[&str] = &[
    "иями", "ами", "ями", "ага", "ега", "аму", "ему", "ими", "иям", "иях", "ией", "ам", "ям", "ем",
    "ах", "ях", "аи", "еи", "ав", "ев", "ию", "ия", "ие", "ии", "ая", "яя", "ае", "ее", "им", "их",
    "ую", "юю", "аг", "ег", "а", "я", "у", "ю", "е", "и",
];

/// How many letters of a folded Russian word (`fold_cyrillic_word`) are case endings to cut:
/// the longest ending that leaves a stem of three letters or more that ends in a consonant and
/// holds a letter that is no Latin look-alike, cut again from the stem until none is left
/// ("агаровым" → "агарав" → "агар", as "агаровое"), so cutting twice cuts nothing more and
/// normalising is idempotent. 0 when there is none.
fn russian_ending(word: &[Unit]) -> usize {
    let vowel = |c: char| matches!(c, 'а' | 'е' | 'и' | 'у' | 'я' | 'ю');
    let mut len = word.len();
    'cut: loop {
        let w = &word[..len];
        for e in RUSSIAN_ENDINGS {
            let n = e.chars().count();
            if w.len() < n + 3 {
                continue;
            }
            let (stem, end) = w.split_at(w.len() - n);
            // -аг and -ег only after a case ending, from a stem of five letters or more
            let stem_end = matches!(*e, "аг" | "ег");
            if stem_end && (len == word.len() || stem.len() < 5) {
                continue;
            }
            if end.iter().map(|u| u.ch).eq(e.chars())
                && !vowel(stem[stem.len() - 1].ch)
                && stem
                    .iter()
                    .any(|u| confusable_latin(u.ch).is_none() && !matches!(u.ch, 'ь' | 'ъ'))
            {
                len -= n;
                continue 'cut;
            }
        }
        return word.len() - len;
    }
}

/// Whether a (lower-case) Cyrillic letter is a Russian consonant.
fn is_russian_consonant(c: char) -> bool {
    "бвгджзйклмнпрстфхцчшщ".contains(c)
}

/// A (lower-case) Cyrillic letter as keys and text meet: the vowels Russian writers confuse
/// (unstressed о written а, ы and и, э and е) folded to one.
fn fold_cyrillic(c: char) -> char {
    match c {
        'о' => 'а',
        'ы' => 'и',
        'э' | 'ё' => 'е',
        _ => c,
    }
}

/// Katakana fold to hiragana: a name written in either script (ゾウゲ, ぞうげ) meets the
/// lexicon's in one form. Only the letters with a hiragana twin fold (ァ..ヴ); ヵ and ヶ, which
/// write counters beside kanji, and the long-vowel mark stay. The scanner reads the source
/// text to keep its katakana rules (`scan::within_word`).
pub(crate) fn katakana_to_hiragana(c: char) -> char {
    match c {
        '\u{30A1}'..='\u{30F4}' => char::from_u32(c as u32 - 0x60).unwrap_or(c),
        _ => c,
    }
}

/// Japanese long vowels are written お, う or ー interchangeably after a kana of the o-row
/// (ぞおげ, ぞーげ for ぞうげ), and う or ー after one of the u-row: they fold to う (ウ in
/// katakana) so that every spelling meets the lexicon's.
fn long_vowel(prev: char, c: char) -> Option<char> {
    const O_ROW: &str = "おこごそぞとどのほぼぽもよょろをぉ";
    const U_ROW: &str = "うくぐすずつづぬふぶぷむゆゅるぅ";
    let (hira, kata) = match prev {
        '\u{3041}'..='\u{3096}' => (true, false),
        '\u{30A1}'..='\u{30F6}' => (false, true),
        _ => return None,
    };
    // the row of the previous kana, read in hiragana
    let p = if kata {
        char::from_u32(prev as u32 - 0x60)?
    } else {
        prev
    };
    let o_row = O_ROW.contains(p);
    let u_row = U_ROW.contains(p);
    let folds = match c {
        'ー' => o_row || u_row,
        'お' => hira && o_row,
        'オ' => kata && o_row,
        _ => false,
    };
    if !folds {
        return None;
    }
    Some(if hira { 'う' } else { 'ウ' })
}

#[cfg(test)]
mod tests;
