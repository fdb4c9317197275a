//! Coverage of the embedded lexicon against its own sources: every taxon of the Checklist
//! export and every name in the generated and curated lists is reachable; a sample of taxa of
//! every class and Appendix is found in a sale sentence by each of its names; stop terms alone
//! never flag a listing.

use std::collections::{BTreeMap, BTreeSet};

use citescan::{Classifier, Kind, Lexicon, Verdict};

const WORDLISTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../wordlists");

/// (term, kind, taxon) rows of a term list.
fn rows(file: &str) -> Vec<(String, String, String)> {
    let text = std::fs::read_to_string(format!("{WORDLISTS}/{file}")).unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("term\t") && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f[0].to_string(), f[1].to_string(), f[2].to_string())
        })
        .collect()
}

/// Whether the term is stored with this kind and taxon. Terms the builder drops by rule (a
/// private-use character, a one-character name of an unspaced script, a term that folds to
/// nothing) are reported apart.
fn reachable(lex: &Lexicon, term: &str, kind: &str, taxon: &str) -> bool {
    lex.lookup(term)
        .iter()
        .any(|e| e.kind().as_str() == kind && e.taxon().map(|t| t.name).unwrap_or("") == taxon)
}

fn dropped_by_rule(lex: &Lexicon, term: &str) -> bool {
    let key = lex.normalize_key(term);
    let mut chars = key.chars();
    term.chars().any(|c| matches!(c as u32, 0xE000..=0xF8FF))
        || key.is_empty()
        || matches!((chars.next(), chars.next()), (Some(c), None) if !c.is_ascii())
}

/// Rows of these kinds in these files that the lexicon does not reach (and the number checked).
fn unreachable_rows(lex: &Lexicon, files: &[&str], kinds: &[&str]) -> (usize, Vec<String>) {
    let mut missing = Vec::new();
    let mut checked = 0;
    for file in files {
        for (term, kind, taxon) in rows(file) {
            if !kinds.contains(&kind.as_str()) {
                continue;
            }
            checked += 1;
            if !reachable(lex, &term, &kind, &taxon) && !dropped_by_rule(lex, &term) {
                missing.push(format!("{file}: {term} ({kind} of {taxon})"));
            }
        }
    }
    (checked, missing)
}

#[test]
fn every_taxon_is_reachable_by_scientific_name_and_every_synonym() {
    let lex = Lexicon::embedded();
    let (checked, missing) = unreachable_rows(
        &lex,
        &[
            "generated/names_checklist.tsv",
            "generated/names_trade.tsv",
            "generated/names_synonyms_2024_2026.tsv",
            "curated/names_post2017.tsv",
        ],
        &["scientific", "synonym"],
    );
    assert!(checked > 79_000, "only {checked} names checked");
    assert!(
        missing.is_empty(),
        "{} unreachable, e.g. {:?}",
        missing.len(),
        &missing[..missing.len().min(10)]
    );
    // and every taxon of the taxa tables is in the lexicon
    let taxa = std::fs::read_to_string(format!("{WORDLISTS}/generated/taxa.tsv")).unwrap();
    let names: Vec<&str> = taxa
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("taxon\t"))
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    assert_eq!(names.len(), 38_079);
    for n in names {
        assert!(lex.taxon(n).is_some(), "taxon {n} missing");
    }
}

#[test]
fn every_common_and_product_name_is_reachable() {
    let lex = Lexicon::embedded();
    let (checked, missing) = unreachable_rows(
        &lex,
        &[
            "generated/names_common.tsv",
            "curated/common.tsv",
            "curated/products.tsv",
            "curated/codewords.tsv",
            "curated/recall.tsv",
            "curated/ru.tsv",
            "curated/names_multilingual.tsv",
            "curated/codewords_sourced.tsv",
            "curated/medicinal_sourced.tsv",
            "curated/names_post2017.tsv",
            "curated/post2017_species.tsv",
        ],
        &["common", "product", "code"],
    );
    assert!(checked > 30_000, "only {checked} names checked");
    assert!(
        missing.is_empty(),
        "{} unreachable, e.g. {:?}",
        missing.len(),
        &missing[..missing.len().min(10)]
    );
}

#[test]
fn a_sample_of_every_class_and_appendix_is_found_by_each_name_in_a_sale_sentence() {
    let lex = Lexicon::embedded();
    let c = Classifier::new();
    // names per taxon, from the generated checklist names
    let mut names: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (term, kind, taxon) in rows("generated/names_checklist.tsv") {
        if matches!(kind.as_str(), "scientific" | "synonym") {
            names.entry(taxon).or_default().push(term);
        }
    }
    // one species per (class, Appendix), the first in name order
    let taxa = std::fs::read_to_string(format!("{WORDLISTS}/generated/taxa.tsv")).unwrap();
    let mut seen: BTreeSet<(String, String)> = BTreeSet::new();
    let mut sampled = 0;
    for line in taxa
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("taxon\t"))
    {
        let f: Vec<&str> = line.split('\t').collect();
        let (taxon, rank, class, appendix) = (f[0], f[1], f[4], f[8]);
        if rank != "SPECIES"
            || appendix.is_empty()
            || !seen.insert((class.to_string(), appendix.to_string()))
        {
            continue;
        }
        for name in names.get(taxon).into_iter().flatten() {
            if lex.lookup(name).is_empty() {
                continue; // a synonym shared with nothing else may be dropped by rule
            }
            let text = format!("{name} for sale, price in DM");
            let a = c.classify(&text);
            let found = a
                .matches
                .iter()
                .any(|m| m.start == 0 && m.end == name.len() && m.taxon.is_some());
            // (a name that is also an everyday word, "Aloe vera", left under the review
            // threshold is no evidence: the allowed listing reports no term)
            let everyday = a.verdict == Verdict::Allow
                && a.matches.is_empty()
                && lex.lookup(name).iter().any(|e| e.kind() == Kind::Stop);
            assert!(
                found || everyday,
                "{name} ({taxon}, {class}, Appendix {appendix}) not found in {text:?}: {}",
                a.to_json()
            );
        }
        sampled += 1;
    }
    assert!(
        sampled >= 60,
        "only {sampled} (class, Appendix) pairs sampled"
    );
}

#[test]
fn stop_terms_alone_give_allow() {
    let lex = Lexicon::embedded();
    let c = Classifier::new();
    let mut blocked = Vec::new();
    let mut checked = 0;
    for (key, entries) in lex.iter() {
        if !entries.iter().any(|e| e.kind() == Kind::Stop) {
            continue;
        }
        checked += 1;
        let term = entries
            .iter()
            .find(|e| e.kind() == Kind::Stop)
            .map(|e| e.term().to_string())
            .unwrap_or(key);
        if c.classify(&term).verdict != Verdict::Allow {
            blocked.push(term);
        }
    }
    assert!(checked > 500, "only {checked} stop terms");
    assert!(
        blocked.is_empty(),
        "{} stop terms alone are not allowed: {:?}",
        blocked.len(),
        &blocked[..blocked.len().min(20)]
    );
}

/// The languages of the big online markets that the most-traded taxa should be named in.
const MARKET_LANGS: [&str; 14] = [
    "en", "zh", "vi", "th", "id", "ms", "ja", "ko", "fr", "es", "pt", "de", "it", "ru",
];

/// Market languages of the compiled common and product names, per taxon.
fn market_langs_per_taxon(lex: &Lexicon) -> BTreeMap<String, BTreeSet<&'static str>> {
    let mut langs: BTreeMap<String, BTreeSet<&'static str>> = BTreeMap::new();
    for (_, entries) in lex.iter() {
        for e in entries {
            if !matches!(e.kind(), Kind::Common | Kind::Product) {
                continue;
            }
            let (Some(t), Some(lang)) = (e.taxon(), MARKET_LANGS.iter().find(|l| **l == e.lang()))
            else {
                continue;
            };
            langs.entry(t.name.to_string()).or_default().insert(lang);
        }
    }
    langs
}

#[test]
fn most_traded_taxa_are_named_in_ten_market_languages() {
    let lex = Lexicon::embedded();
    // the most-traded taxa: those the curated everyday, product and multilingual name lists
    // were written for
    let mut traded: BTreeSet<String> = BTreeSet::new();
    for file in [
        "curated/common.tsv",
        "curated/products.tsv",
        "curated/names_multilingual.tsv",
    ] {
        for (_, kind, taxon) in rows(file) {
            if matches!(kind.as_str(), "common" | "product") && !taxon.is_empty() {
                traded.insert(taxon);
            }
        }
    }
    let langs = market_langs_per_taxon(&lex);
    let short: Vec<String> = traded
        .iter()
        .filter_map(|t| {
            let n = langs.get(t).map_or(0, |l| l.len());
            (n < 10).then(|| format!("{t} ({n})"))
        })
        .collect();
    let named = traded.len() - short.len();
    assert!(
        traded.len() >= 200,
        "only {} most-traded taxa",
        traded.len()
    );
    assert!(
        named >= 200,
        "{named} of {} most-traded taxa are named in 10+ of the 14 market languages; short: {short:?}",
        traded.len()
    );
}

#[test]
fn sourced_code_words_cover_eight_languages() {
    let lex = Lexicon::embedded();
    // code words a publication reports (not the project's own translations)
    let mut langs: BTreeMap<String, usize> = BTreeMap::new();
    for (_, entries) in lex.iter() {
        for e in entries {
            if e.kind() == Kind::Code && e.source() != "citescan-curated" {
                *langs.entry(e.lang().to_string()).or_default() += 1;
            }
        }
    }
    assert!(
        langs.len() >= 8,
        "sourced code words in only {} languages: {langs:?}",
        langs.len()
    );
    // and every one is weak enough that it never blocks alone
    let c = Classifier::new();
    for (_, entries) in lex.iter() {
        for e in entries {
            if e.kind() == Kind::Code && e.source() != "citescan-curated" {
                let a = c.classify(e.term());
                assert_ne!(
                    a.verdict,
                    Verdict::Block,
                    "code word {:?} alone blocks",
                    e.term()
                );
            }
        }
    }
}

#[test]
fn short_names_of_minor_languages_do_not_shadow_everyday_words() {
    // "Áll" (Icelandic, the eel), "Fil" (Azerbaijani, the elephant), "Aie" (Estonian, the
    // aye-aye) are everyday words elsewhere ("all", "fil", "aie"): the generator drops them
    let lex = Lexicon::embedded();
    for word in ["all", "aie", "hel"] {
        let names: Vec<String> = lex
            .lookup(word)
            .iter()
            .filter(|e| e.kind().names_taxon())
            .map(|e| format!("{} ({})", e.term(), e.lang()))
            .collect();
        assert!(names.is_empty(), "{word:?} still names {names:?}");
    }
    // names in the languages of the big markets stay, however short
    assert!(lex.lookup("orca").iter().any(|e| e.kind().names_taxon()));
}
