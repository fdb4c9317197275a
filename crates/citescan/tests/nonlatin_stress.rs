//! Misspelt names in non-Latin scripts (issue 4): the stress set written by
//! `tools/stress/nonlatin.py` (the lexicon's ja/ko/ru/th/zh names in sale listings of their
//! language, with the misspellings of each script) and ordinary listings of those languages
//! (`tests/stress/nonlatin_negatives.jsonl`). A misspelt listing counts only when its clean
//! listing blocks. Run with `--nocapture` for the table.

use std::collections::{BTreeMap, HashMap};

use citescan::{Classifier, Verdict};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/stress");

fn read(file: &str) -> Vec<serde_json::Value> {
    std::fs::read_to_string(format!("{DIR}/{file}"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn text(v: &serde_json::Value) -> String {
    format!(
        "{}\n{}",
        v["title"].as_str().unwrap_or(""),
        v["description"].as_str().unwrap_or("")
    )
}

/// (lang, variant) → (blocked, scored), and per language over all misspellings.
fn stress() -> (BTreeMap<(String, String), (usize, usize)>, Vec<String>) {
    let c = Classifier::new();
    let rows = read("nonlatin.jsonl");
    let mut clean_blocks: HashMap<String, bool> = HashMap::new();
    for r in &rows {
        if r["variant"] == "clean" {
            let v = c.classify(&text(r)).verdict;
            clean_blocks.insert(r["base"].as_str().unwrap().into(), v == Verdict::Block);
        }
    }
    let mut table: BTreeMap<(String, String), (usize, usize)> = BTreeMap::new();
    let mut missed = Vec::new();
    for r in &rows {
        if !clean_blocks[r["base"].as_str().unwrap()] {
            continue;
        }
        let lang = r["lang"].as_str().unwrap().to_string();
        let variant = r["variant"].as_str().unwrap().to_string();
        let blocked = c.classify(&text(r)).verdict == Verdict::Block;
        for key in [
            (lang.clone(), variant.clone()),
            (lang.clone(), "ALL misspelt".into()),
        ] {
            if key.1 == "ALL misspelt" && variant == "clean" {
                continue;
            }
            let e = table.entry(key).or_default();
            e.1 += 1;
            e.0 += blocked as usize;
        }
        if !blocked {
            missed.push(format!(
                "{lang} {variant}: {}",
                r["title"].as_str().unwrap()
            ));
        }
    }
    (table, missed)
}

fn rate(t: &BTreeMap<(String, String), (usize, usize)>, lang: &str, variant: &str) -> f64 {
    let (b, n) = t[&(lang.to_string(), variant.to_string())];
    b as f64 / n as f64
}

#[test]
fn misspelt_names_in_non_latin_scripts_still_block() {
    let (table, missed) = stress();
    for ((lang, variant), (b, n)) in &table {
        println!(
            "{lang} {variant:14} {b:4}/{n:4} {:.3}",
            *b as f64 / *n as f64
        );
    }
    if std::env::var_os("CITESCAN_STRESS_MISSED").is_some() {
        for m in &missed {
            println!("MISSED {m}");
        }
    }
    // floors a little under what the mechanisms reach now (see the table), so a broken
    // mechanism fails the test; raise them with the mechanisms
    // (Thai and kana are not folded: their marks tell words apart, เสื้อ, shirt, from เสือ, tiger;
    // the lexicon writes the names of three syllables or more again with one mark misspelt,
    // `lexicon::marks`, so the misses are mostly names of two syllables, งาช้าง, ตัวนิ่ม, ぞうげ,
    // べっこう, and forms that spell an ordinary word, アルカリ)
    let floors: &[(&str, &str, f64)] = &[
        ("th", "tone_drop", 0.68),
        ("th", "tone_swap", 0.68),
        ("th", "vowel_drop", 0.68),
        ("th", "vowel_length", 0.66),
        ("ja", "long_vowel", 0.9),
        ("ja", "small_tsu", 0.5),
        ("ja", "voicing", 0.88),
        ("ko", "tense", 0.95),
        ("ko", "aspirated", 0.95),
        ("ko", "vowel", 0.95),
        ("ru", "vowel", 0.95),
        ("ru", "unstressed", 0.95),
        ("ru", "soft_sign", 0.95),
        ("ru", "declension", 0.9),
        ("zh", "homophone", 0.75),
    ];
    for &(lang, variant, floor) in floors {
        let r = rate(&table, lang, variant);
        assert!(r >= floor, "{lang} {variant}: {r:.3} < floor {floor}");
    }
}

/// Ordinary listings the screen flagged before the folds of issue 4 (and still does): a
/// Korean energy drink's slogan "tiger's vigour", Tigr tyres and a knitted tiger-cub hat.
const KNOWN_FLAGGED: &[&str] = &[
    "호랑이 기운 홍삼 스틱 30포",
    "Тигр шины летние R16 комплект",
    "Шапка вязаная тигрёнок детская",
];

#[test]
fn ordinary_listings_in_non_latin_scripts_are_not_flagged() {
    let c = Classifier::new();
    let mut flagged = Vec::new();
    let rows = read("nonlatin_negatives.jsonl");
    for r in &rows {
        let a = c.classify(&text(r));
        if a.verdict != Verdict::Allow {
            flagged.push(format!("{:?} {}", a.verdict, r["title"].as_str().unwrap()));
        }
    }
    for f in &flagged {
        println!("FLAGGED {f}");
    }
    println!(
        "{} of {} ordinary listings flagged",
        flagged.len(),
        rows.len()
    );
    assert!(
        flagged
            .iter()
            .all(|f| KNOWN_FLAGGED.iter().any(|k| f.ends_with(k))),
        "ordinary listings flagged: {flagged:#?}"
    );
}
