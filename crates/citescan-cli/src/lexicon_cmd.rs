//! `citescan lexicon build|info|lookup|diff`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use citescan::{Classifier, Entry, Lexicon, LexiconBuilder};
use serde_json::json;

use crate::common::{load_lexicon, Failure};

/// Lexicon subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum LexiconCommand {
    /// Compile wordlist sources (.tsv/.txt files or directories of them) into a lexicon file.
    ///
    /// A malformed source line fails with `file:line: message` and exit code 1.
    Build(BuildArgs),
    /// Show a lexicon's version, hash, size, counts, coverage, load time and memory.
    Info(InfoArgs),
    /// Show the entries stored under a term (after normalisation), and fuzzy candidates.
    ///
    /// Exit code 1 when nothing is found.
    Lookup(LookupArgs),
    /// Compare two compiled lexicons (a file, or `embedded`): keys, entries and Appendix moves.
    Diff(DiffArgs),
}

/// Arguments of `lexicon build`.
#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    /// Output file.
    #[arg(long, short, value_name = "FILE", default_value = "citescan.lex")]
    pub out: PathBuf,
    /// Version string recorded in the lexicon and in every Assessment made with it.
    #[arg(long = "version", value_name = "V", default_value = "unversioned")]
    pub lex_version: String,
    /// Source files or directories (searched recursively for .tsv and .txt, in path order).
    #[arg(value_name = "SOURCES", required = true)]
    pub sources: Vec<PathBuf>,
}

/// Arguments of `lexicon info`.
#[derive(Debug, clap::Args)]
pub struct InfoArgs {
    /// A compiled lexicon file (default: the embedded lexicon).
    #[arg(long, value_name = "FILE")]
    pub lexicon: Option<PathBuf>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
    /// Loads to time for the load-time median.
    #[arg(long, default_value_t = 100, value_name = "N")]
    pub loads: usize,
}

/// Arguments of `lexicon lookup`.
#[derive(Debug, clap::Args)]
pub struct LookupArgs {
    /// The term (normalised as the classifier normalises text).
    #[arg(value_name = "TERM")]
    pub term: String,
    /// Also list keys within N edits that fuzzy matching may reach.
    #[arg(long, value_name = "N")]
    pub fuzzy: Option<u32>,
    /// A compiled lexicon file (default: the embedded lexicon).
    #[arg(long, value_name = "FILE")]
    pub lexicon: Option<PathBuf>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `lexicon diff`.
#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The old lexicon: a file, or `embedded`.
    #[arg(value_name = "OLD")]
    pub old: PathBuf,
    /// The new lexicon: a file, or `embedded`.
    #[arg(value_name = "NEW")]
    pub new: PathBuf,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
    /// List at most this many items per section in the text output (0: all).
    #[arg(long, default_value_t = 50, value_name = "N")]
    pub limit: usize,
}

/// Runs a lexicon subcommand.
pub fn run(cmd: LexiconCommand) -> Result<(), Failure> {
    match cmd {
        LexiconCommand::Build(a) => build(a),
        LexiconCommand::Info(a) => info(a),
        LexiconCommand::Lookup(a) => lookup(a),
        LexiconCommand::Diff(a) => diff(a),
    }
}

fn build(a: BuildArgs) -> Result<(), Failure> {
    let started = Instant::now();
    let mut b = LexiconBuilder::new();
    b.version(a.lex_version.clone());
    for s in &a.sources {
        let res = if s.is_dir() {
            b.add_dir(s).map(|_| ())
        } else {
            b.add_file(s).map(|_| ())
        };
        res.map_err(|e| Failure::fail(e.to_string()))?;
    }
    let bytes = b.build_bytes().map_err(|e| Failure::fail(e.to_string()))?;
    let lex = Lexicon::from_bytes(bytes)
        .map_err(|e| Failure::fail(format!("built lexicon does not load: {e}")))?;
    lex.verify()
        .map_err(|e| Failure::fail(format!("built lexicon does not verify: {e}")))?;
    std::fs::write(&a.out, lex.as_bytes())
        .map_err(|e| Failure::io(format!("cannot write {}: {e}", a.out.display())))?;
    let st = &lex.meta().stats;
    eprintln!(
        "wrote {}: version {}, hash {}, {} bytes, {} entries, {} keys, {} taxa, {} dictionary words ({:.2} s)",
        a.out.display(),
        lex.version(),
        lex.hash(),
        lex.as_bytes().len(),
        st.entries,
        st.keys,
        st.taxa,
        st.dictionary_words,
        started.elapsed().as_secs_f64()
    );
    if st.dropped_empty > 0 {
        eprintln!(
            "note: {} rows dropped because their term normalised to nothing",
            st.dropped_empty
        );
    }
    Ok(())
}

/// Shares one buffer between many loads without copying it.
struct SharedBytes(Arc<Vec<u8>>);

impl AsRef<[u8]> for SharedBytes {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

/// VmRSS and VmHWM in KiB, from /proc/self/status (Linux only).
fn memory_kib() -> Option<(u64, u64)> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let field = |name: &str| {
        s.lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l[name.len()..].split_whitespace().next())
            .and_then(|v| v.parse::<u64>().ok())
    };
    Some((field("VmRSS:")?, field("VmHWM:")?))
}

fn median_us(mut v: Vec<f64>) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(|a, b| a.total_cmp(b));
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

fn info(a: InfoArgs) -> Result<(), Failure> {
    let mem_before = memory_kib();
    let embedded = a
        .lexicon
        .as_ref()
        .is_none_or(|p| p.as_os_str() == "embedded" && !p.exists());
    let lex = load_lexicon(a.lexicon.as_deref())?;
    let classifier = Classifier::builder()
        .lexicon(lex.clone())
        .build()
        .map_err(|e| Failure::io(e.to_string()))?;
    let _ = classifier.classify("carved ivory bangle, DM for price");
    let mem_after = memory_kib();

    // time to ready: the median of N loads (from the same bytes, no copy)
    let loads = a.loads.max(1);
    let mut times = Vec::with_capacity(loads);
    if embedded {
        for _ in 0..loads {
            let t = Instant::now();
            let l = Lexicon::embedded();
            times.push(t.elapsed().as_secs_f64() * 1e6);
            std::hint::black_box(&l);
        }
    } else {
        let shared = Arc::new(lex.as_bytes().to_vec());
        for _ in 0..loads {
            let t = Instant::now();
            let l = Lexicon::from_bytes(SharedBytes(shared.clone()));
            times.push(t.elapsed().as_secs_f64() * 1e6);
            std::hint::black_box(&l.is_ok());
        }
    }
    let ready_us = median_us(times);
    let t = Instant::now();
    let verified = lex.verify();
    let verify_ms = t.elapsed().as_secs_f64() * 1e3;

    let m = lex.meta();
    let st = &m.stats;
    let source = match &a.lexicon {
        Some(p) if !embedded => p.display().to_string(),
        _ => "embedded".to_string(),
    };
    if a.json {
        let mem = |m: Option<(u64, u64)>| match m {
            Some((rss, hwm)) => json!({ "vm_rss_kib": rss, "vm_hwm_kib": hwm }),
            None => serde_json::Value::Null,
        };
        let v = json!({
            "lexicon": source,
            "version": lex.version(),
            "hash": lex.hash(),
            "size_bytes": lex.as_bytes().len(),
            "verified": verified.is_ok(),
            "verify_error": verified.as_ref().err().map(|e| e.to_string()),
            "entries": st.entries,
            "keys": st.keys,
            "fuzzy_keys": st.fuzzy_keys,
            "dictionary_words": st.dictionary_words,
            "taxa": st.taxa,
            "dropped_empty": st.dropped_empty,
            "languages": m.langs.len(),
            "sources": m.sources,
            "inputs": m.inputs,
            "taxa_by_appendix": st.taxa_by_appendix,
            "taxa_by_kingdom": st.taxa_by_kingdom,
            "taxa_by_listed": st.taxa_by_listed,
            "entries_by_kind": st.entries_by_kind,
            "names_by_lang": st.names_by_lang,
            "code_words_by_lang": st.code_words_by_lang,
            "ready_us_median": crate::common::round4(ready_us),
            "ready_loads": loads,
            "verify_ms": crate::common::round4(verify_ms),
            "memory_before": mem(mem_before),
            "memory_after": mem(mem_after),
        });
        crate::common::emit(&format!(
            "{}\n",
            serde_json::to_string_pretty(&v).unwrap_or_default()
        ));
        return Ok(());
    }
    let mut s = String::new();
    s.push_str(&format!("lexicon           {source}\n"));
    s.push_str(&format!("version           {}\n", lex.version()));
    s.push_str(&format!("hash              {}\n", lex.hash()));
    s.push_str(&format!("key rules         {}\n", m.key_rules));
    s.push_str(&format!(
        "size on disk      {} bytes ({:.2} MB)\n",
        lex.as_bytes().len(),
        lex.as_bytes().len() as f64 / 1e6
    ));
    s.push_str(&format!(
        "verified          {} ({verify_ms:.1} ms)\n",
        match &verified {
            Ok(()) => "ok".to_string(),
            Err(e) => format!("FAILED: {e}"),
        }
    ));
    s.push_str(&format!("entries           {}\n", st.entries));
    s.push_str(&format!("keys              {}\n", st.keys));
    s.push_str(&format!("fuzzy keys        {}\n", st.fuzzy_keys));
    s.push_str(&format!("dictionary words  {}\n", st.dictionary_words));
    s.push_str(&format!("taxa              {}\n", st.taxa));
    s.push_str(&format!("languages         {}\n", m.langs.len()));
    s.push_str(&format!("inputs            {}\n", m.inputs.join(", ")));
    if st.dropped_empty > 0 {
        s.push_str(&format!("dropped (empty)   {}\n", st.dropped_empty));
    }
    let table = |s: &mut String, title: &str, map: &BTreeMap<String, u64>| {
        s.push_str(&format!("\n{title}\n"));
        if map.is_empty() {
            s.push_str("  (none)\n");
        }
        let mut rows: Vec<(&String, &u64)> = map.iter().collect();
        rows.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        for (k, v) in rows {
            s.push_str(&format!("  {k:<16} {v:>8}\n"));
        }
    };
    table(&mut s, "taxa per Appendix", &st.taxa_by_appendix);
    table(&mut s, "taxa per kingdom", &st.taxa_by_kingdom);
    table(&mut s, "taxa per listing (CoP)", &st.taxa_by_listed);
    table(&mut s, "entries per kind", &st.entries_by_kind);
    table(&mut s, "names per language", &st.names_by_lang);
    table(&mut s, "code words per language", &st.code_words_by_lang);
    s.push_str(&format!(
        "\ntime to ready     {ready_us:.1} µs (median of {loads} loads)\n"
    ));
    let mem = |m: Option<(u64, u64)>| match m {
        Some((rss, hwm)) => format!(
            "VmRSS {:.1} MiB, VmHWM {:.1} MiB",
            rss as f64 / 1024.0,
            hwm as f64 / 1024.0
        ),
        None => "unavailable".to_string(),
    };
    s.push_str(&format!("memory before     {}\n", mem(mem_before)));
    s.push_str(&format!(
        "memory after      {} (loaded, one classification)\n",
        mem(mem_after)
    ));
    crate::common::emit(&s);
    Ok(())
}

fn entry_json(e: &Entry<'_>) -> serde_json::Value {
    let t = e.taxon();
    json!({
        "term": e.term(),
        "kind": e.kind().as_str(),
        "taxon": t.map(|t| t.name),
        "rank": t.map(|t| t.rank).filter(|s| !s.is_empty()),
        "appendix": t.map(|t| t.appendix).filter(|s| !s.is_empty()),
        "annotation": t.map(|t| t.annotation).filter(|s| !s.is_empty()),
        "lang": e.lang(),
        "weight": crate::common::round4(e.weight() as f64),
        "source": e.source(),
    })
}

fn entry_line(e: &Entry<'_>) -> String {
    let mut s = format!(
        "  {:<28} {:<11} lang {:<4} weight {:.2} source {}",
        format!("{:?}", e.term()),
        e.kind().as_str(),
        e.lang(),
        e.weight(),
        e.source()
    );
    if let Some(t) = e.taxon() {
        s.push_str(&format!(
            "\n      taxon {} ({}), Appendix {}",
            t.name,
            if t.rank.is_empty() { "?" } else { t.rank },
            if t.appendix.is_empty() {
                "none"
            } else {
                t.appendix
            }
        ));
        if !t.annotation.is_empty() {
            s.push_str(&format!("\n      annotation {}", t.annotation));
        }
    }
    s
}

fn normalized_key(lex: &Lexicon, term: &str) -> String {
    lex.normalize_key(term)
}

fn lookup(a: LookupArgs) -> Result<(), Failure> {
    let lex = load_lexicon(a.lexicon.as_deref())?;
    let key = normalized_key(&lex, &a.term);
    let entries = lex.lookup(&a.term);
    let fuzzy: Vec<(String, u32)> = match a.fuzzy {
        Some(n) => lex
            .fuzzy_lookup(&a.term, n)
            .into_iter()
            .filter(|(k, _)| *k != key)
            .collect(),
        None => Vec::new(),
    };
    let found = !entries.is_empty() || !fuzzy.is_empty();
    if a.json {
        let v = json!({
            "term": a.term,
            "key": key,
            "entries": entries.iter().map(entry_json).collect::<Vec<_>>(),
            "fuzzy": fuzzy.iter().map(|(k, d)| json!({
                "key": k,
                "distance": d,
                "entries": lex.lookup(k).iter().map(entry_json).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        });
        crate::common::emit(&format!(
            "{}\n",
            serde_json::to_string_pretty(&v).unwrap_or_default()
        ));
    } else {
        let mut s = format!(
            "key {key:?}: {} entr{}\n",
            entries.len(),
            if entries.len() == 1 { "y" } else { "ies" }
        );
        for e in &entries {
            s.push_str(&entry_line(e));
            s.push('\n');
        }
        if let Some(n) = a.fuzzy {
            s.push_str(&format!(
                "\nfuzzy candidates within {n} edit(s): {}\n",
                fuzzy.len()
            ));
            for (k, d) in &fuzzy {
                s.push_str(&format!("{k:?} (distance {d})\n"));
                for e in lex.lookup(k) {
                    s.push_str(&entry_line(&e));
                    s.push('\n');
                }
            }
        }
        crate::common::emit(&s);
    }
    if found {
        Ok(())
    } else {
        Err(Failure::fail(""))
    }
}

/// An entry's identity for diffs.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct EntryKey {
    key: String,
    term: String,
    kind: &'static str,
    taxon: String,
    lang: String,
}

/// What a diff needs of one lexicon.
struct Snapshot {
    keys: BTreeSet<String>,
    entries: BTreeMap<EntryKey, u8>,
    taxa: BTreeSet<String>,
}

fn snapshot(lex: &Lexicon) -> Snapshot {
    let mut keys = BTreeSet::new();
    let mut entries = BTreeMap::new();
    // every taxon record, including taxa no entry names
    let taxa: BTreeSet<String> = lex.taxa().map(|t| t.name.to_string()).collect();
    for (k, es) in lex.iter() {
        for e in &es {
            let taxon = e.taxon().map(|t| t.name.to_string()).unwrap_or_default();
            let ek = EntryKey {
                key: k.clone(),
                term: e.term().to_string(),
                kind: e.kind().as_str(),
                taxon,
                lang: e.lang().to_string(),
            };
            entries.insert(ek, (e.weight() * 255.0).round() as u8);
        }
        keys.insert(k);
    }
    Snapshot {
        keys,
        entries,
        taxa,
    }
}

fn diff(a: DiffArgs) -> Result<(), Failure> {
    let old = load_lexicon(Some(&a.old))?;
    let new = load_lexicon(Some(&a.new))?;
    let so = snapshot(&old);
    let sn = snapshot(&new);
    let keys_added: Vec<&String> = sn.keys.difference(&so.keys).collect();
    let keys_removed: Vec<&String> = so.keys.difference(&sn.keys).collect();
    let entries_added: Vec<&EntryKey> = sn
        .entries
        .keys()
        .filter(|k| !so.entries.contains_key(*k))
        .collect();
    let entries_removed: Vec<&EntryKey> = so
        .entries
        .keys()
        .filter(|k| !sn.entries.contains_key(*k))
        .collect();
    let reweighted: Vec<(&EntryKey, u8, u8)> = sn
        .entries
        .iter()
        .filter_map(|(k, w)| {
            so.entries
                .get(k)
                .filter(|ow| *ow != w)
                .map(|ow| (k, *ow, *w))
        })
        .collect();
    // every taxon of either lexicon, looked up in both
    let mut moved = Vec::new();
    let mut taxa_added = Vec::new();
    let mut taxa_removed = Vec::new();
    for name in so.taxa.union(&sn.taxa) {
        match (old.taxon(name), new.taxon(name)) {
            (Some(o), Some(n)) if o.appendix != n.appendix => {
                moved.push((name.clone(), o.appendix.to_string(), n.appendix.to_string()))
            }
            (None, Some(_)) => taxa_added.push(name.clone()),
            (Some(_), None) => taxa_removed.push(name.clone()),
            _ => {}
        }
    }
    let ek_json = |k: &EntryKey| json!({ "key": k.key, "term": k.term, "kind": k.kind, "taxon": k.taxon, "lang": k.lang });
    if a.json {
        let v = json!({
            "old": { "version": old.version(), "hash": old.hash() },
            "new": { "version": new.version(), "hash": new.hash() },
            "summary": {
                "keys_added": keys_added.len(),
                "keys_removed": keys_removed.len(),
                "entries_added": entries_added.len(),
                "entries_removed": entries_removed.len(),
                "entries_reweighted": reweighted.len(),
                "taxa_added": taxa_added.len(),
                "taxa_removed": taxa_removed.len(),
                "appendix_moves": moved.len(),
            },
            "keys_added": keys_added,
            "keys_removed": keys_removed,
            "entries_added": entries_added.iter().map(|k| ek_json(k)).collect::<Vec<_>>(),
            "entries_removed": entries_removed.iter().map(|k| ek_json(k)).collect::<Vec<_>>(),
            "entries_reweighted": reweighted.iter().map(|(k, o, n)| {
                let mut v = ek_json(k);
                v["old_weight"] = json!(crate::common::round4(*o as f64 / 255.0));
                v["new_weight"] = json!(crate::common::round4(*n as f64 / 255.0));
                v
            }).collect::<Vec<_>>(),
            "taxa_added": taxa_added,
            "taxa_removed": taxa_removed,
            "appendix_moves": moved.iter().map(|(t, o, n)| json!({ "taxon": t, "old": o, "new": n })).collect::<Vec<_>>(),
        });
        crate::common::emit(&format!(
            "{}\n",
            serde_json::to_string_pretty(&v).unwrap_or_default()
        ));
        return Ok(());
    }
    let limit = if a.limit == 0 { usize::MAX } else { a.limit };
    let mut s = format!(
        "old {} ({})\nnew {} ({})\n",
        old.version(),
        old.hash(),
        new.version(),
        new.hash()
    );
    let app = |x: &str| {
        if x.is_empty() {
            "none".to_string()
        } else {
            x.to_string()
        }
    };
    let section = |s: &mut String, title: &str, items: Vec<String>| {
        s.push_str(&format!("\n{title}: {}\n", items.len()));
        for it in items.iter().take(limit) {
            s.push_str(&format!("  {it}\n"));
        }
        if items.len() > limit {
            s.push_str(&format!(
                "  ... and {} more (--limit 0 lists all)\n",
                items.len() - limit
            ));
        }
    };
    let ek_text = |k: &EntryKey| {
        let mut t = format!("{:?} {} lang {}", k.term, k.kind, k.lang);
        if !k.taxon.is_empty() {
            t.push_str(&format!(" -> {}", k.taxon));
        }
        t
    };
    section(
        &mut s,
        "moved between Appendices",
        moved
            .iter()
            .map(|(t, o, n)| format!("{t}: {} -> {}", app(o), app(n)))
            .collect(),
    );
    section(
        &mut s,
        "keys added",
        keys_added.iter().map(|k| format!("{k:?}")).collect(),
    );
    section(
        &mut s,
        "keys removed",
        keys_removed.iter().map(|k| format!("{k:?}")).collect(),
    );
    section(
        &mut s,
        "entries added",
        entries_added.iter().map(|k| ek_text(k)).collect(),
    );
    section(
        &mut s,
        "entries removed",
        entries_removed.iter().map(|k| ek_text(k)).collect(),
    );
    section(
        &mut s,
        "entries reweighted",
        reweighted
            .iter()
            .map(|(k, o, n)| {
                format!(
                    "{}: {:.2} -> {:.2}",
                    ek_text(k),
                    *o as f64 / 255.0,
                    *n as f64 / 255.0
                )
            })
            .collect(),
    );
    section(&mut s, "taxa added", taxa_added.clone());
    section(&mut s, "taxa removed", taxa_removed.clone());
    s.push_str(&format!(
        "\nsummary: {} keys added, {} removed; {} entries added, {} removed, {} reweighted; {} taxa added, {} removed; {} moved between Appendices\n",
        keys_added.len(),
        keys_removed.len(),
        entries_added.len(),
        entries_removed.len(),
        reweighted.len(),
        taxa_added.len(),
        taxa_removed.len(),
        moved.len()
    ));
    crate::common::emit(&s);
    Ok(())
}
