//! Misspellings of the marks of Thai, Japanese and Korean names, written out as keys of their
//! own.
//!
//! Thai and kana text is not folded (`DESIGN.md`): a Thai tone mark or vowel sign, and a
//! Japanese voicing or length mark, tell everyday words apart (เสื้อ, shirt, and เสือ, tiger;
//! ドラ and とら). So instead of folding text, the lexicon builder writes each long enough Thai
//! or Japanese name again with one mark misspelt, the way sellers misspell them, as a key of its
//! own marked as a misspelling (`format::misspelt_value`); the scanner meets such a key in the
//! same walk as every other key, with no extra work, and reports the hit as a misspelling.
//!
//! * Thai (names of three syllables or more, `thai_syllables`): tone marks dropped (all of them,
//!   or one), one tone mark written as another, one vowel sign above or below dropped, one short
//!   vowel written long or a long one short (ิ/ี, ึ/ื, ุ/ู).
//! * Japanese (names of three syllables or more, `is_syllable_kana`, in the folded form:
//!   hiragana, long vowels of the o- and u-rows as う): one long vowel (ー, or such a う)
//!   dropped, one small tsu dropped, one voicing mark (゛ or ゜) dropped; and for names of five
//!   syllables or more (`MIN_KANA_EDIT_SYLLABLES`), one syllable kana written twice, voiced, or
//!   written with another vowel of its row (コツメカワウゾ), or, from six syllables, dropped
//!   (コツメカワソ).
//!
//! * Korean (names of three Hangul syllables or more, in the folded form): one syllable's vowel
//!   written with its y-glide added or dropped (쳔산갑 for 천산갑, `hangul_glide_twin`); names
//!   of two syllables get none (상아, ivory, is one letter from 상어, shark).
//!
//! Each form is written with the number of marks it changed (its edit distance).

/// Thai tone marks (mai ek, mai tho, mai tri, mai chattawa).
const THAI_TONES: [char; 4] = ['\u{0E48}', '\u{0E49}', '\u{0E4A}', '\u{0E4B}'];
/// Thai vowel signs written above or below a consonant (and mai taikhu, which shortens one).
const THAI_VOWEL_SIGNS: [char; 8] = [
    '\u{0E31}', '\u{0E34}', '\u{0E35}', '\u{0E36}', '\u{0E37}', '\u{0E38}', '\u{0E39}', '\u{0E47}',
];
/// Thai vowels written before their consonant.
const THAI_LEADING: [char; 5] = ['\u{0E40}', '\u{0E41}', '\u{0E42}', '\u{0E43}', '\u{0E44}'];
/// Thai vowels written after their consonant (sara a, sara aa, lakkhangyao; sara am is folded
/// by NFKC to nikhahit + sara aa).
const THAI_FOLLOWING: [char; 4] = ['\u{0E30}', '\u{0E32}', '\u{0E45}', '\u{0E4D}'];

/// Shortest name (in syllables) whose misspellings are written.
pub(crate) const MIN_SYLLABLES: usize = 3;

fn is_thai_consonant(c: char) -> bool {
    ('\u{0E01}'..='\u{0E2E}').contains(&c)
}

fn is_thai(c: char) -> bool {
    ('\u{0E01}'..='\u{0E5B}').contains(&c)
}

/// The short or long twin of a Thai vowel sign.
fn thai_length_twin(c: char) -> Option<char> {
    Some(match c {
        '\u{0E34}' => '\u{0E35}',
        '\u{0E35}' => '\u{0E34}',
        '\u{0E36}' => '\u{0E37}',
        '\u{0E37}' => '\u{0E36}',
        '\u{0E38}' => '\u{0E39}',
        '\u{0E39}' => '\u{0E38}',
        _ => return None,
    })
}

/// The syllables of a Thai word, estimated from its letters: the more of the syllables its
/// written vowels show and half its sounded consonants (a syllable with no written vowel, นก,
/// has two). Written vowels: each vowel written before its consonant starts one, and the vowel
/// signs after it (up to two consonants on; none after ไ and ใ) are part of that one (เสือ is
/// one, เสือดาว two);
/// any other vowel sign or following vowel starts one, except right after another vowel (เกาะ,
/// ำ). งาช้าง, ตัวนิ่ม and เสือโคร่ง are two, นกชนหิน and ชะมดเชียง three.
pub(crate) fn thai_syllables(word: &str) -> usize {
    let chars: Vec<char> = word.chars().collect();
    // a consonant under the silencer ์ is not sounded
    let sounded = (0..chars.len())
        .filter(|&i| is_thai_consonant(chars[i]) && chars.get(i + 1) != Some(&'\u{0E4C}'))
        .count();
    written_syllables(&chars).max(sounded / 2)
}

fn written_syllables(chars: &[char]) -> usize {
    let mut count = 0;
    // consonants since a leading vowel whose own signs may still follow, if one is open
    let mut open: Option<usize> = None;
    let mut after_vowel = false;
    for &c in chars {
        if THAI_LEADING.contains(&c) {
            count += 1;
            // ไ and ใ are whole vowels; เ, แ and โ may take signs after their consonant
            open = if matches!(c, '\u{0E43}' | '\u{0E44}') {
                None
            } else {
                Some(0)
            };
            after_vowel = false;
        } else if THAI_VOWEL_SIGNS.contains(&c) || THAI_FOLLOWING.contains(&c) {
            if open.is_some() {
                open = None;
            } else if !after_vowel {
                count += 1;
            }
            after_vowel = true;
        } else if THAI_TONES.contains(&c) {
            // a tone mark sits on the consonant or vowel before it: changes nothing
        } else if is_thai_consonant(c) {
            after_vowel = false;
            open = match open {
                Some(n) if n < 2 => Some(n + 1),
                _ => None,
            };
        } else {
            after_vowel = false;
            open = None;
        }
    }
    count
}

/// Whether a character is a Hangul syllable.
fn is_hangul(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// A (folded) Hangul syllable with its vowel written with the y-glide added or dropped (천 and
/// 쳔, 거 and 겨: the keys of ㅓ and ㅕ are neighbours, and the glide is a common slip): ㅏ/ㅑ,
/// ㅐ/ㅒ, ㅓ/ㅕ, ㅗ/ㅛ, ㅜ/ㅠ. The normaliser already folds ㅔ to ㅐ, ㅖ to ㅒ and ㅚ, ㅞ to ㅙ.
fn hangul_glide_twin(c: char) -> Option<char> {
    if !is_hangul(c) {
        return None;
    }
    let s = c as u32 - 0xAC00;
    let (l, v, t) = (s / 588, (s % 588) / 28, s % 28);
    let v = match v {
        0 => 2,
        2 => 0,
        1 => 3,
        3 => 1,
        4 => 6,
        6 => 4,
        8 => 12,
        12 => 8,
        13 => 17,
        17 => 13,
        _ => return None,
    };
    char::from_u32(0xAC00 + l * 588 + v * 28 + t)
}

/// Whether a (folded) character is kana: hiragana (katakana folded to it) or the long-vowel
/// mark.
fn is_kana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{3096}' | '\u{30FC}')
}

/// Whether a (folded) kana writes a syllable of its own: not a small kana (ゃ, っ, ...) nor a
/// long vowel (ー, or a う that lengthens the kana before it), which only lengthen or bend one
/// (じゃこう is two syllables and a long vowel, so じゃこ, dried baby fish, is never written
/// for it).
fn is_syllable_kana(prev: Option<char>, c: char) -> bool {
    const SMALL: &str = "ぁぃぅぇぉっゃゅょゎゕゖ";
    is_kana(c) && !SMALL.contains(c) && !is_long_vowel(prev, c)
}

/// The kana a voiced or semi-voiced kana is written with its mark dropped (が → か, ぱ → は).
fn unvoiced(c: char) -> Option<char> {
    if !('\u{3041}'..='\u{3096}').contains(&c) {
        return None;
    }
    let mut parts = [None; 2];
    let mut n = 0;
    unicode_normalization::char::decompose_canonical(c, |d| {
        if n < 2 {
            parts[n] = Some(d);
        }
        n += 1;
    });
    match (n, parts) {
        (2, [Some(base), Some('\u{3099}' | '\u{309A}')]) => Some(base),
        _ => None,
    }
}

/// Whether `c` is a long vowel in a folded key, after `prev`: the mark ー, or う after a kana
/// of the o- or u-row (the normaliser folds ー and お there to う).
fn is_long_vowel(prev: Option<char>, c: char) -> bool {
    const O_U_ROWS: &str = "おこごそぞとどのほぼぽもよょろをぉうくぐすずつづぬふぶぷむゆゅるぅ";
    c == 'ー' || c == 'う' && prev.is_some_and(|p| O_U_ROWS.contains(p))
}

/// Calls `f` with every misspelling of the folded key `key` (see the module's doc) and the
/// number of marks it changed; nothing for a key of another script or too short. A form may
/// be given more than once.
pub(crate) fn misspellings(key: &str, f: &mut dyn FnMut(&str, u8)) {
    let chars: Vec<char> = key.chars().collect();
    let mut buf = String::with_capacity(key.len());
    let mut emit = |buf: &mut String, edit: &dyn Fn(usize, char, &mut String), n: u8| {
        buf.clear();
        for (i, &c) in chars.iter().enumerate() {
            edit(i, c, buf);
        }
        f(buf, n);
    };
    if chars.iter().any(|&c| is_hangul(c)) {
        if chars.iter().filter(|&&c| is_hangul(c)).count() < MIN_SYLLABLES {
            return;
        }
        for (k, &kc) in chars.iter().enumerate() {
            if let Some(twin) = hangul_glide_twin(kc) {
                emit(
                    &mut buf,
                    &|i, c, b| b.push(if i == k { twin } else { c }),
                    1,
                );
            }
        }
        return;
    }
    if chars.iter().any(|&c| is_thai(c)) {
        if thai_syllables(key) < MIN_SYLLABLES {
            return;
        }
        let tones: Vec<usize> = (0..chars.len())
            .filter(|&i| THAI_TONES.contains(&chars[i]))
            .collect();
        if !tones.is_empty() {
            emit(
                &mut buf,
                &|_, c, b| {
                    if !THAI_TONES.contains(&c) {
                        b.push(c)
                    }
                },
                tones.len().min(255) as u8,
            );
        }
        for &t in &tones {
            if tones.len() > 1 {
                emit(
                    &mut buf,
                    &|i, c, b| {
                        if i != t {
                            b.push(c)
                        }
                    },
                    1,
                );
            }
            for other in THAI_TONES.iter().filter(|&&o| o != chars[t]) {
                emit(
                    &mut buf,
                    &|i, c, b| b.push(if i == t { *other } else { c }),
                    1,
                );
            }
        }
        for (v, &vc) in chars.iter().enumerate() {
            if !THAI_VOWEL_SIGNS.contains(&vc) {
                continue;
            }
            emit(
                &mut buf,
                &|i, c, b| {
                    if i != v {
                        b.push(c)
                    }
                },
                1,
            );
            if let Some(twin) = thai_length_twin(vc) {
                emit(
                    &mut buf,
                    &|i, c, b| b.push(if i == v { twin } else { c }),
                    1,
                );
            }
        }
        return;
    }
    // the syllables of the kana: dropping a small tsu or a long vowel leaves them all
    let syllables = (0..chars.len())
        .filter(|&k| is_syllable_kana(k.checked_sub(1).map(|p| chars[p]), chars[k]))
        .count();
    if syllables < MIN_SYLLABLES {
        return;
    }
    for (k, &kc) in chars.iter().enumerate() {
        let prev = k.checked_sub(1).map(|p| chars[p]);
        let dropped = kc == 'っ' || is_long_vowel(prev, kc) && prev.is_some_and(is_kana);
        if dropped {
            emit(
                &mut buf,
                &|i, c, b| {
                    if i != k {
                        b.push(c)
                    }
                },
                1,
            );
        }
        if let Some(base) = unvoiced(kc) {
            emit(
                &mut buf,
                &|i, c, b| b.push(if i == k { base } else { c }),
                1,
            );
        }
    }
    if syllables < MIN_KANA_EDIT_SYLLABLES {
        return;
    }
    // a longer name: one of its syllable kana (not one a small kana bends) dropped, written
    // twice, voiced, or written with another vowel of its row (a slip of the romaji keyboard:
    // the consonant typed right, the vowel wrong)
    for (k, &kc) in chars.iter().enumerate() {
        let prev = k.checked_sub(1).map(|p| chars[p]);
        if !is_syllable_kana(prev, kc) || chars.get(k + 1).is_some_and(|&n| is_small_kana(n)) {
            continue;
        }
        // (a form keeps five syllables: so short a run of katakana is as often a word)
        if syllables > MIN_KANA_EDIT_SYLLABLES {
            emit(
                &mut buf,
                &|i, c, b| {
                    if i != k {
                        b.push(c)
                    }
                },
                1,
            );
        }
        emit(
            &mut buf,
            &|i, c, b| {
                b.push(c);
                if i == k {
                    b.push(c)
                }
            },
            1,
        );
        let mut voiced = ['\u{3099}', '\u{309A}']
            .into_iter()
            .filter_map(|m| unicode_normalization::char::compose(kc, m));
        for other in voiced.by_ref().chain(row_of(kc).filter(|&o| o != kc)) {
            emit(
                &mut buf,
                &|i, c, b| b.push(if i == k { other } else { c }),
                1,
            );
        }
    }
}

/// Shortest name (in syllables) with one kana written twice, voiced or written with another
/// vowel of its row, and one longer (six) with one kana dropped: every such form keeps five
/// syllables, since a run of three or four katakana is that far from too many words.
pub(crate) const MIN_KANA_EDIT_SYLLABLES: usize = 5;

/// Whether a (folded) kana is a small one that bends the kana before it.
fn is_small_kana(c: char) -> bool {
    "ぁぃぅぇぉゃゅょゎ".contains(c)
}

/// The other kana of a kana's row (its consonant with each vowel: そ → さしすせ), none for a
/// kana of no five-vowel row (ん, the y- and w-rows).
fn row_of(c: char) -> impl Iterator<Item = char> {
    const ROWS: [&str; 13] = [
        "あいうえお",
        "かきくけこ",
        "がぎぐげご",
        "さしすせそ",
        "ざじずぜぞ",
        "たちつてと",
        "だぢづでど",
        "なにぬねの",
        "はひふへほ",
        "ばびぶべぼ",
        "ぱぴぷぺぽ",
        "まみむめも",
        "らりるれろ",
    ];
    ROWS.iter()
        .find(|r| r.contains(c))
        .into_iter()
        .flat_map(|r| r.chars())
}
