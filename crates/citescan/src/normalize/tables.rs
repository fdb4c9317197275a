//! Character tables used by normalisation: invisible characters, look-alike letters, leetspeak.
//!
//! The look-alike table is a small subset of the Unicode confusables data (UTS #39,
//! `confusables.txt`): the Cyrillic, Greek and Armenian letters that render like a Latin letter
//! and are used to dodge keyword filters. Only these are mapped, and only inside words that are
//! not wholly written in their own script (see `normalize::Normalizer`).

/// Characters that render as nothing (or nearly) and are removed before matching.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}'                  // soft hyphen
        | '\u{034F}'                // combining grapheme joiner
        | '\u{061C}'                // arabic letter mark
        | '\u{115F}' | '\u{1160}'   // hangul fillers
        | '\u{17B4}' | '\u{17B5}'   // khmer inherent vowels
        | '\u{180B}'..='\u{180F}'   // mongolian variation selectors, vowel separator
        | '\u{200B}'..='\u{200F}'   // zero width space, non-joiner, joiner, LRM, RLM
        | '\u{202A}'..='\u{202E}'   // bidi embeddings and overrides
        | '\u{2060}'..='\u{2064}'   // word joiner, invisible operators
        | '\u{2066}'..='\u{206F}'   // bidi isolates, deprecated format characters
        | '\u{3164}'                // hangul filler
        | '\u{FE00}'..='\u{FE0F}'   // variation selectors
        | '\u{FEFF}'                // BOM / zero width no-break space
        | '\u{FFA0}'                // halfwidth hangul filler
        | '\u{1D173}'..='\u{1D17A}' // musical symbol format characters
        | '\u{E0000}'..='\u{E007F}' // tag characters
        | '\u{E0100}'..='\u{E01EF}' // variation selectors supplement
    )
}

/// The Cyrillic letter a digit stands for inside a Cyrillic word ("р0г", "н0сорога",
/// "3уб"): the letter it looks like, not the Latin leetspeak letter (`3` is `з`, not `e`).
pub(crate) fn cyrillic_leet(c: char) -> Option<char> {
    Some(match c {
        '0' => 'о',
        '3' => 'з',
        '4' => 'ч',
        '6' => 'б',
        _ => return None,
    })
}

/// The Cyrillic letter (lower case) that a Latin letter (case folded) imitates, in print or in
/// its capital: `o` for `о`, `h` for `н` (`H`, `Н`), `n` for `п`, `r` for `г`.
pub(crate) fn cyrillic_lookalike(c: char) -> Option<char> {
    Some(match c {
        'a' => 'а',
        'b' => 'в',
        'c' => 'с',
        'e' => 'е',
        'h' => 'н',
        'k' => 'к',
        'm' => 'м',
        'n' => 'п',
        'o' => 'о',
        'p' => 'р',
        'r' => 'г',
        't' => 'т',
        'u' => 'и',
        'x' => 'х',
        'y' => 'у',
        _ => return None,
    })
}

/// Emoji modifiers (skin tones) that only change how the emoji before them looks.
pub(crate) fn is_emoji_modifier(c: char) -> bool {
    matches!(c, '\u{1F3FB}'..='\u{1F3FF}')
}

/// The Latin letter (lower case) that a Cyrillic, Greek or Armenian letter imitates, keyed on
/// the ORIGINAL character (before case folding, since capitals imitate differently).
pub(crate) fn confusable_latin(c: char) -> Option<char> {
    Some(match c {
        // Cyrillic capitals
        'А' => 'a',
        'В' => 'b',
        'Е' => 'e',
        'Ѕ' => 's',
        'І' => 'i',
        'Ј' => 'j',
        'К' => 'k',
        'М' => 'm',
        'Н' => 'h',
        'О' => 'o',
        'Р' => 'p',
        'С' => 'c',
        'Т' => 't',
        'Х' => 'x',
        'У' => 'y',
        'Ү' => 'y',
        'Һ' => 'h',
        'Ԁ' => 'd',
        'Ԛ' => 'q',
        'Ԝ' => 'w',
        'Ӏ' => 'l',
        'Ё' => 'e',
        'Ї' => 'i',
        // Cyrillic small
        'а' => 'a',
        'е' => 'e',
        'ё' => 'e',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'у' => 'y',
        'х' => 'x',
        'ѕ' => 's',
        'і' => 'i',
        'ї' => 'i',
        'ј' => 'j',
        'һ' => 'h',
        'ԁ' => 'd',
        'ԛ' => 'q',
        'ԝ' => 'w',
        'ӏ' => 'l',
        'ү' => 'y',
        'ѵ' => 'v',
        'ɡ' => 'g',
        // Greek capitals
        'Α' => 'a',
        'Β' => 'b',
        'Ε' => 'e',
        'Ζ' => 'z',
        'Η' => 'h',
        'Ι' => 'i',
        'Κ' => 'k',
        'Μ' => 'm',
        'Ν' => 'n',
        'Ο' => 'o',
        'Ρ' => 'p',
        'Τ' => 't',
        'Υ' => 'y',
        'Χ' => 'x',
        // Greek small
        'ο' => 'o',
        'ι' => 'i',
        'ν' => 'v',
        'α' => 'a',
        'κ' => 'k',
        'ρ' => 'p',
        'υ' => 'u',
        'χ' => 'x',
        'ε' => 'e',
        'γ' => 'y',
        'τ' => 't',
        'ϲ' => 'c',
        'ϳ' => 'j',
        // Armenian small
        'օ' => 'o',
        'ս' => 'u',
        'հ' => 'h',
        'ո' => 'n',
        'ց' => 'g',
        'զ' => 'q',
        // Coptic small, drawn as Greek letters are
        'ⲁ' => 'a',
        'ⲃ' => 'b',
        'ⲉ' => 'e',
        'ⲓ' => 'i',
        'ⲕ' => 'k',
        'ⲙ' => 'm',
        'ⲛ' => 'n',
        'ⲟ' => 'o',
        'ⲣ' => 'p',
        'ⲥ' => 'c',
        'ⲧ' => 't',
        'ⲭ' => 'x',
        _ => return None,
    })
}

/// The letter a leetspeak digit or symbol stands for.
pub(crate) fn leet_letter(c: char) -> Option<char> {
    Some(match c {
        '0' => 'o',
        '1' => 'i',
        '3' => 'e',
        '4' => 'a',
        '5' => 's',
        '7' => 't',
        '8' => 'b',
        '9' => 'g',
        '@' => 'a',
        '$' => 's',
        '!' => 'i',
        '|' => 'l',
        _ => return None,
    })
}

/// Units and ordinal suffixes that follow a number ("2kg", "3pcs", "4th"): a digit before
/// them is a quantity, not leetspeak.
pub(crate) fn is_unit(letters: &str) -> bool {
    matches!(
        letters,
        "k" | "kg"
            | "kgs"
            | "g"
            | "gr"
            | "grs"
            | "gram"
            | "grams"
            | "mg"
            | "t"
            | "lb"
            | "lbs"
            | "oz"
            | "ct"
            | "cm"
            | "mm"
            | "m"
            | "km"
            | "in"
            | "inch"
            | "ft"
            | "ml"
            | "l"
            | "cl"
            | "pc"
            | "pcs"
            | "pz"
            | "x"
            | "st"
            | "nd"
            | "rd"
            | "th"
            | "d"
            | "h"
            | "s"
            | "yr"
            | "yrs"
            | "y"
            | "mo"
            | "day"
            | "days"
            | "w"
            | "v"
            | "mp"
            | "gb"
            | "tb"
            | "mb"
            | "ps"
    )
}

/// Sale words sellers glue to a name after a digit that reads as a word: "ivory4sale",
/// "tiger2sell", "horn4u". The digit is no leetspeak letter there ("ivoryasale" is no word),
/// so the word reads as a name, a digit and a sale word, as a quantity glued on does. The
/// letters come with repeats collapsed, as units do ("sell" is "sel").
pub(crate) fn is_glued_sale_tail(digit: char, letters: &str) -> bool {
    match digit {
        '4' => matches!(
            letters,
            "sale" | "sel" | "seling" | "u" | "you" | "trade" | "cheap"
        ),
        '2' => matches!(letters, "sel" | "u" | "you" | "trade" | "buy"),
        _ => false,
    }
}

/// Units that start a word glued on after a number ("1kgivory", "5gpangolin").
const PREFIX_UNITS: [&str; 13] = [
    "kg", "g", "gr", "pcs", "pc", "cm", "mm", "lb", "lbs", "oz", "ct", "ml", "x",
];

/// Whether `letters` start with a unit and go on with a word ("kgivory", "gpangolin").
pub(crate) fn unit_prefix(letters: &str) -> bool {
    PREFIX_UNITS
        .iter()
        .any(|u| letters.chars().count() >= u.len() + 3 && letters.starts_with(u))
}

/// Whether a unit read after a lone digit that may stand for a letter makes a quantity rather
/// than the rest of a word in leetspeak: "horn1kg" is horn and 1 kg, but "Elfenb3in" is
/// Elfenbein, not "elfenb" and 3 inches, and "marf1l", "Krokod1l", "leop4rd", "Schildp4tt" are
/// words, not litres, ordinals or tonnes. Sellers glue weights and counts to a one-digit
/// number; the units kept here are those that end no word after a vowel in the lexicon's
/// languages (the units of one letter, the ordinals, "in", "mo", "day", "ft", "ct", "mm" do).
/// A lone 0 is never a quantity ("fr0g", "Walr0ss").
pub(crate) fn lone_digit_unit(digit: char, unit: &str) -> bool {
    digit != '0'
        && matches!(
            unit,
            "kg" | "kgs"
                | "g"
                | "gr"
                | "grs"
                | "mg"
                | "lb"
                | "lbs"
                | "oz"
                | "cm"
                | "km"
                | "ml"
                | "cl"
                | "pc"
                | "pcs"
                | "pz"
                | "gb"
                | "tb"
                | "mb"
        )
}

/// `unit_prefix` for letters after a lone digit that may stand for a letter: the unit must be
/// one `lone_digit_unit` keeps, and a unit of one letter must stand before a consonant
/// ("5gpangolin"): before a vowel it starts the word ("4garwood" is agarwood, "4xolotl"
/// axolotl).
pub(crate) fn lone_digit_unit_prefix(digit: char, letters: &str) -> bool {
    PREFIX_UNITS.iter().any(|u| {
        letters.chars().count() >= u.len() + 3
            && letters.starts_with(u)
            && lone_digit_unit(digit, u)
            && (u.len() >= 2
                || letters[u.len()..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_alphabetic() && !"aeiouy".contains(c)))
    })
}

/// Writing systems, as far as word boundaries care.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Script {
    Latin,
    Greek,
    Cyrillic,
    /// Other scripts written with spaces between words (Arabic, Hebrew, Devanagari, ...).
    OtherSpaced,
    /// Scripts written without spaces between words: Han, kana, Hangul, Thai, Lao, Khmer,
    /// Myanmar. Terms in them match inside runs.
    Unspaced,
}

/// The script of a letter (already case folded).
pub(crate) fn script_of(c: char) -> Script {
    let u = c as u32;
    match u {
        0..=0x024F | 0x1E00..=0x1EFF | 0x2C60..=0x2C7F | 0xA720..=0xA7FF | 0xAB30..=0xAB6F => {
            Script::Latin
        }
        0x0250..=0x02AF => Script::Latin, // IPA extensions
        0x0370..=0x03FF | 0x1F00..=0x1FFF => Script::Greek,
        0x0400..=0x052F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => Script::Cyrillic,
        0x0E00..=0x0EFF // Thai, Lao
        | 0x1000..=0x109F // Myanmar
        | 0x1780..=0x17FF // Khmer
        | 0x1100..=0x11FF // Hangul jamo
        | 0x2E80..=0x2FDF // CJK radicals
        | 0x3005..=0x3007 // ideographic iteration and number zero
        | 0x3040..=0x30FF // kana
        | 0x3130..=0x318F // Hangul compatibility jamo
        | 0x31F0..=0x31FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA960..=0xA97F
        | 0xAC00..=0xD7FF // Hangul syllables
        | 0xF900..=0xFAFF
        | 0xFF66..=0xFF9F // halfwidth katakana
        | 0x20000..=0x3FFFF => Script::Unspaced,
        _ => Script::OtherSpaced,
    }
}

/// Pictographs that stand alone as a token (emoji and other symbols people use as words).
pub(crate) fn is_pictograph(c: char) -> bool {
    matches!(c as u32,
        0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF)
}

/// The Latin letter (lower case) an emoji letter shows: the negative circled and negative
/// squared capitals (🅐, 🅰) and the regional indicators (🇦) that sellers spell words with.
/// NFKC folds the plain circled and squared letters (Ⓐ, 🄰) but not these.
pub(crate) fn emoji_letter(c: char) -> Option<char> {
    let base = match c as u32 {
        0x1F150..=0x1F169 => 0x1F150,
        0x1F170..=0x1F189 => 0x1F170,
        0x1F1E6..=0x1F1FF => 0x1F1E6,
        _ => return None,
    };
    char::from_u32('a' as u32 + (c as u32 - base))
}

/// The ordinary letter a Latin small capital (or similar phonetic letter) imitates.
pub(crate) fn small_capital(c: char) -> Option<char> {
    Some(match c {
        'ᴀ' => 'a',
        'ʙ' => 'b',
        'ᴄ' => 'c',
        'ᴅ' => 'd',
        'ᴇ' => 'e',
        'ꜰ' => 'f',
        'ɢ' => 'g',
        'ʜ' => 'h',
        'ɪ' => 'i',
        'ᴊ' => 'j',
        'ᴋ' => 'k',
        'ʟ' => 'l',
        'ᴍ' => 'm',
        'ɴ' => 'n',
        'ᴏ' => 'o',
        'ᴘ' => 'p',
        'ʀ' => 'r',
        'ꜱ' => 's',
        'ᴛ' => 't',
        'ᴜ' => 'u',
        'ᴠ' => 'v',
        'ᴡ' => 'w',
        'ʏ' => 'y',
        'ᴢ' => 'z',
        'ɑ' => 'a',
        'ɡ' => 'g',
        'ɩ' => 'i',
        'ʋ' => 'v',
        'ℓ' => 'l',
        _ => return None,
    })
}

/// Marks that ordinary writing adds or leaves out at will, dropped before matching: Arabic
/// harakat (vowel signs, shadda, sukun, the hamza and madda written above or below a letter),
/// the superscript alef, Quranic annotation signs and the tatweel (kashida) that stretches a
/// word; Hebrew cantillation marks and points (niqqud).
pub(crate) fn is_optional_mark(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}' | '\u{0640}' | '\u{064B}'..='\u{065F}' | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}' | '\u{06DF}'..='\u{06E4}' | '\u{06E7}' | '\u{06E8}'
        | '\u{06EA}'..='\u{06ED}' | '\u{0591}'..='\u{05BD}' | '\u{05BF}' | '\u{05C1}'
        | '\u{05C2}' | '\u{05C4}' | '\u{05C5}' | '\u{05C7}')
}

/// Currency signs (Unicode category Sc, the ones in use).
pub(crate) fn is_currency(c: char) -> bool {
    matches!(c, '$' | '\u{a2}'..='\u{a5}' | '\u{58f}' | '\u{60b}' | '\u{9f2}' | '\u{9f3}' | '\u{e3f}'
        | '\u{17db}' | '\u{20a0}'..='\u{20c0}' | '\u{fdfc}')
}
