//! `citescan eval`: the classifier against labelled listings.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use citescan::{Assessment, Lexicon, Listing, Verdict};
use serde::Serialize;
use serde_json::Value;

use crate::common::{round4, EngineArgs, Failure};
use crate::input::{read_all, FieldSpec, Record};

/// Arguments of `citescan eval`.
#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// Listings, JSON Lines (`id`, `title`, `description`) like tests/corpus/listings.jsonl.
    #[arg(value_name = "LISTINGS")]
    pub listings: PathBuf,
    /// Labels, JSON Lines (`id`, `label`, `lang`, `taxa`, `tags`, `hard_negative`).
    #[arg(value_name = "LABELS")]
    pub labels: PathBuf,
    /// Print JSON instead of tables.
    #[arg(long)]
    pub json: bool,
    /// A text field of the listings to screen (repeatable; default: title and description).
    #[arg(long = "field", value_name = "NAME")]
    pub fields: Vec<String>,
    #[command(flatten)]
    pub engine: EngineArgs,
    /// Floor on recall of block items caught (verdict block or review).
    #[arg(long, value_name = "X")]
    pub min_recall: Option<f64>,
    /// Floor on recall of block items as block.
    #[arg(long, value_name = "X")]
    pub min_block_recall: Option<f64>,
    /// Ceiling on the false-positive rate: allow items blocked.
    #[arg(long, value_name = "X")]
    pub max_fpr: Option<f64>,
    /// Ceiling on allow items flagged (blocked or sent to review).
    #[arg(long, value_name = "X")]
    pub max_flag_fpr: Option<f64>,
    /// Ceiling on hard negatives blocked.
    #[arg(long, value_name = "X")]
    pub max_hard_fpr: Option<f64>,
    /// Floor on taxa accuracy (genus level, over caught block items with labelled taxa).
    #[arg(long, value_name = "X")]
    pub min_taxon_acc: Option<f64>,
    /// Print up to N misclassified items (worst first) to help tune the lexicon.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub errors: usize,
}

/// One label row.
#[derive(Clone, Debug)]
struct Label {
    id: String,
    label: Verdict,
    lang: String,
    taxa: Vec<String>,
    tags: Vec<String>,
    hard_negative: bool,
}

fn parse_label(line: &str, no: usize) -> Result<Label, String> {
    let v: Value = serde_json::from_str(line).map_err(|e| format!("line {no}: {e}"))?;
    let Value::Object(o) = v else {
        return Err(format!("line {no}: expected a JSON object"));
    };
    let id = match o.get("id") {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => return Err(format!("line {no}: missing \"id\" (a string or number)")),
    };
    let label = match o.get("label").and_then(Value::as_str) {
        Some("block") => Verdict::Block,
        Some("review") => Verdict::Review,
        Some("allow") => Verdict::Allow,
        other => {
            return Err(format!(
                "line {no}: \"label\" must be block, review or allow, found {other:?}"
            ))
        }
    };
    let strings = |k: &str| -> Vec<String> {
        o.get(k)
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    Ok(Label {
        id,
        label,
        lang: o
            .get("lang")
            .and_then(Value::as_str)
            .unwrap_or("und")
            .to_string(),
        taxa: strings("taxa"),
        tags: strings("tags"),
        hard_negative: o
            .get("hard_negative")
            .and_then(Value::as_bool)
            .unwrap_or(false),
    })
}

/// A share: numerator over denominator (value null when the denominator is 0).
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct Ratio {
    /// Numerator.
    pub n: u64,
    /// Denominator.
    pub of: u64,
    /// n / of, rounded to 4 places.
    pub value: Option<f64>,
}

impl Ratio {
    fn new(n: u64, of: u64) -> Ratio {
        Ratio {
            n,
            of,
            value: if of == 0 {
                None
            } else {
                Some(round4(n as f64 / of as f64))
            },
        }
    }
    fn show(&self) -> String {
        match self.value {
            Some(v) => format!("{:>6.1}%  ({}/{})", v * 100.0, self.n, self.of),
            None => "     -  (0/0)".to_string(),
        }
    }
}

/// Counts behind a breakdown row.
#[derive(Clone, Copy, Debug, Default)]
struct Group {
    block: u64,
    block_blocked: u64,
    block_caught: u64,
    allow: u64,
    allow_blocked: u64,
    allow_flagged: u64,
    review: u64,
    review_flagged: u64,
}

impl Group {
    fn add(&mut self, label: Verdict, v: Verdict) {
        match label {
            Verdict::Block => {
                self.block += 1;
                self.block_blocked += (v == Verdict::Block) as u64;
                self.block_caught += (v != Verdict::Allow) as u64;
            }
            Verdict::Allow => {
                self.allow += 1;
                self.allow_blocked += (v == Verdict::Block) as u64;
                self.allow_flagged += (v != Verdict::Allow) as u64;
            }
            Verdict::Review => {
                self.review += 1;
                self.review_flagged += (v != Verdict::Allow) as u64;
            }
        }
    }
    fn row(&self) -> BreakdownRow {
        BreakdownRow {
            items: self.block + self.allow + self.review,
            recall_caught: Ratio::new(self.block_caught, self.block),
            recall_blocked: Ratio::new(self.block_blocked, self.block),
            allow_fpr_blocked: Ratio::new(self.allow_blocked, self.allow),
            allow_fpr_flagged: Ratio::new(self.allow_flagged, self.allow),
            review_flagged: Ratio::new(self.review_flagged, self.review),
        }
    }
}

/// One row of a per-tag or per-language breakdown.
#[derive(Clone, Debug, Serialize)]
pub struct BreakdownRow {
    /// Labelled items in the group.
    pub items: u64,
    /// Block items caught (block or review).
    pub recall_caught: Ratio,
    /// Block items blocked.
    pub recall_blocked: Ratio,
    /// Allow items blocked.
    pub allow_fpr_blocked: Ratio,
    /// Allow items flagged.
    pub allow_fpr_flagged: Ratio,
    /// Review items flagged.
    pub review_flagged: Ratio,
}

/// The whole report.
#[derive(Debug, Serialize)]
pub struct Report {
    /// Lexicon version and hash.
    pub lexicon: BTreeMap<&'static str, String>,
    /// Policy name.
    pub policy: String,
    /// Items evaluated (labelled and present in the listings).
    pub items: u64,
    /// Label ids with no listing.
    pub missing_listings: Vec<String>,
    /// Listings that could not be read.
    pub unreadable_listings: u64,
    /// Block items blocked.
    pub recall_blocked: Ratio,
    /// Block items blocked or sent to review.
    pub recall_caught: Ratio,
    /// Block items among all blocked.
    pub precision_block: Ratio,
    /// Block or review items among all flagged (blocked or reviewed).
    pub precision_flagged: Ratio,
    /// Allow items blocked.
    pub fpr_blocked: Ratio,
    /// Allow items flagged.
    pub fpr_flagged: Ratio,
    /// Hard negatives blocked.
    pub hard_fpr_blocked: Ratio,
    /// Hard negatives flagged.
    pub hard_fpr_flagged: Ratio,
    /// Review items flagged.
    pub review_flagged: Ratio,
    /// Caught block items with labelled taxa whose predicted taxa match at genus level.
    pub taxon_accuracy: Ratio,
    /// confusion[label][verdict], labels and verdicts in the order allow, review, block.
    pub confusion: BTreeMap<String, BTreeMap<String, u64>>,
    /// Per tag.
    pub by_tag: BTreeMap<String, BreakdownRow>,
    /// Per language.
    pub by_lang: BTreeMap<String, BreakdownRow>,
    /// Floors missed (empty when all met or none given).
    pub failed: Vec<String>,
}

/// How a name sits in the taxonomy, for genus-level comparison.
struct Rank {
    name: String,
    genus: Option<String>,
    higher: Vec<String>,
}

fn rank_of(lex: &Lexicon, name: &str) -> Rank {
    match lex.taxon(name) {
        Some(t) => {
            // a taxon known only from term rows may lack its genus: a binomial's first word is it
            let genus = if !t.genus.is_empty() {
                Some(t.genus.to_string())
            } else if t.rank.eq_ignore_ascii_case("GENUS") {
                Some(t.name.to_string())
            } else if t.name.split_whitespace().count() >= 2 {
                t.name.split_whitespace().next().map(str::to_string)
            } else {
                None
            };
            let higher = genus
                .iter()
                .map(String::as_str)
                .chain([t.family, t.order])
                .filter(|s| !s.is_empty())
                .map(|s| s.to_string())
                .collect();
            Rank {
                name: name.to_string(),
                genus,
                higher,
            }
        }
        None => {
            let first = name.split_whitespace().next().unwrap_or(name).to_string();
            Rank {
                name: name.to_string(),
                genus: Some(first.clone()),
                higher: vec![first],
            }
        }
    }
}

/// Whether two taxon names agree at genus level: same genus, or one is the other's genus,
/// family or order (names the lexicon does not know compare by their first word).
fn same_at_genus(lex: &Lexicon, a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (ra, rb) = (rank_of(lex, a), rank_of(lex, b));
    if let (Some(x), Some(y)) = (&ra.genus, &rb.genus) {
        if x == y {
            return true;
        }
    }
    rb.higher.contains(&ra.name) || ra.higher.contains(&rb.name)
}

const ORDER: [Verdict; 3] = [Verdict::Allow, Verdict::Review, Verdict::Block];

/// Runs `citescan eval`.
pub fn run(args: EvalArgs) -> Result<(), Failure> {
    let records =
        read_all(&args.listings, None, FieldSpec::new(&args.fields)).map_err(Failure::io)?;
    let label_text = std::fs::read_to_string(&args.labels)
        .map_err(|e| Failure::io(format!("cannot open {}: {e}", args.labels.display())))?;
    let mut labels = Vec::new();
    for (i, line) in label_text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        labels.push(
            parse_label(line, i + 1)
                .map_err(|e| Failure::io(format!("{}: {e}", args.labels.display())))?,
        );
    }
    let classifier = args.engine.classifier(true)?;

    let mut listings: Vec<Listing> = Vec::new();
    let mut unreadable = 0u64;
    let mut seen = std::collections::HashSet::new();
    for r in records {
        match r {
            Record::Listing(l, line) => {
                if l.id.as_ref().is_some_and(|id| !seen.insert(id.clone())) {
                    eprintln!(
                        "citescan: {}: line {line}: duplicate id {:?}; the first listing counts",
                        args.listings.display(),
                        l.id.as_deref().unwrap_or("")
                    );
                }
                listings.push(l)
            }
            Record::Error { message, .. } => {
                eprintln!("citescan: {}: {message}", args.listings.display());
                unreadable += 1;
            }
        }
    }
    let mut by_id: HashMap<String, usize> = HashMap::new();
    for (i, l) in listings.iter().enumerate() {
        if let Some(id) = &l.id {
            by_id.entry(id.clone()).or_insert(i);
        }
    }
    let mut assessments: Vec<Assessment> = Vec::with_capacity(listings.len());
    for chunk in listings.chunks(crate::scan::CHUNK) {
        assessments.extend(classifier.classify_listings(chunk));
    }

    let lex = classifier.lexicon();
    let mut missing = Vec::new();
    let mut all = Group::default();
    let mut by_tag: BTreeMap<String, Group> = BTreeMap::new();
    let mut by_lang: BTreeMap<String, Group> = BTreeMap::new();
    let mut confusion = [[0u64; 3]; 3];
    let (mut flagged, mut flagged_ok, mut blocked, mut blocked_ok) = (0u64, 0u64, 0u64, 0u64);
    let (mut hard, mut hard_blocked, mut hard_flagged) = (0u64, 0u64, 0u64);
    let (mut tax_n, mut tax_ok) = (0u64, 0u64);
    let mut wrong: Vec<(usize, &Label, usize)> = Vec::new();
    let mut items = 0u64;
    for lab in &labels {
        let Some(&i) = by_id.get(&lab.id) else {
            missing.push(lab.id.clone());
            continue;
        };
        items += 1;
        let a = &assessments[i];
        let v = a.verdict;
        all.add(lab.label, v);
        for t in &lab.tags {
            by_tag.entry(t.clone()).or_default().add(lab.label, v);
        }
        by_lang
            .entry(lab.lang.clone())
            .or_default()
            .add(lab.label, v);
        confusion[lab.label as usize][v as usize] += 1;
        if v == Verdict::Block {
            blocked += 1;
            blocked_ok += (lab.label == Verdict::Block) as u64;
        }
        if v != Verdict::Allow {
            flagged += 1;
            flagged_ok += (lab.label != Verdict::Allow) as u64;
        }
        if lab.hard_negative {
            hard += 1;
            hard_blocked += (v == Verdict::Block) as u64;
            hard_flagged += (v != Verdict::Allow) as u64;
        }
        if lab.label == Verdict::Block && v != Verdict::Allow && !lab.taxa.is_empty() {
            tax_n += 1;
            if a.taxa
                .iter()
                .any(|p| lab.taxa.iter().any(|l| same_at_genus(lex, l, p)))
            {
                tax_ok += 1;
            }
        }
        if v != lab.label {
            wrong.push((i, lab, (lab.label as usize).abs_diff(v as usize)));
        }
    }
    if !missing.is_empty() {
        eprintln!(
            "citescan: {} labelled ids have no listing (first: {})",
            missing.len(),
            missing[0]
        );
    }
    let name = |v: Verdict| v.as_str().to_string();
    let mut conf_map = BTreeMap::new();
    for l in ORDER {
        let mut row = BTreeMap::new();
        for v in ORDER {
            row.insert(name(v), confusion[l as usize][v as usize]);
        }
        conf_map.insert(name(l), row);
    }
    let mut report = Report {
        lexicon: BTreeMap::from([("version", lex.version().to_string()), ("hash", lex.hash())]),
        policy: classifier.policy().name.clone(),
        items,
        missing_listings: missing,
        unreadable_listings: unreadable,
        recall_blocked: Ratio::new(all.block_blocked, all.block),
        recall_caught: Ratio::new(all.block_caught, all.block),
        precision_block: Ratio::new(blocked_ok, blocked),
        precision_flagged: Ratio::new(flagged_ok, flagged),
        fpr_blocked: Ratio::new(all.allow_blocked, all.allow),
        fpr_flagged: Ratio::new(all.allow_flagged, all.allow),
        hard_fpr_blocked: Ratio::new(hard_blocked, hard),
        hard_fpr_flagged: Ratio::new(hard_flagged, hard),
        review_flagged: Ratio::new(all.review_flagged, all.review),
        taxon_accuracy: Ratio::new(tax_ok, tax_n),
        confusion: conf_map,
        by_tag: by_tag.iter().map(|(k, g)| (k.clone(), g.row())).collect(),
        by_lang: by_lang.iter().map(|(k, g)| (k.clone(), g.row())).collect(),
        failed: Vec::new(),
    };
    // floors and ceilings; an undefined share (0/0) never fails
    let checks: [(&str, Option<f64>, &Ratio, bool); 6] = [
        ("--min-recall", args.min_recall, &report.recall_caught, true),
        (
            "--min-block-recall",
            args.min_block_recall,
            &report.recall_blocked,
            true,
        ),
        ("--max-fpr", args.max_fpr, &report.fpr_blocked, false),
        (
            "--max-flag-fpr",
            args.max_flag_fpr,
            &report.fpr_flagged,
            false,
        ),
        (
            "--max-hard-fpr",
            args.max_hard_fpr,
            &report.hard_fpr_blocked,
            false,
        ),
        (
            "--min-taxon-acc",
            args.min_taxon_acc,
            &report.taxon_accuracy,
            true,
        ),
    ];
    let mut failed = Vec::new();
    for (flag, limit, r, floor) in checks {
        let (Some(limit), Some(v)) = (limit, r.value) else {
            continue;
        };
        if (floor && v < limit) || (!floor && v > limit) {
            failed.push(format!("{flag} {limit}: got {v:.4} ({}/{})", r.n, r.of));
        }
    }
    report.failed = failed;

    if args.json {
        crate::common::emit(&format!(
            "{}\n",
            serde_json::to_string_pretty(&report).unwrap_or_default()
        ));
    } else {
        crate::common::emit(&render(&report));
    }
    if args.errors > 0 {
        wrong.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
        let out = render_errors(&wrong, &listings, &assessments, args.errors);
        // keep standard output valid JSON with --json
        if args.json {
            eprint!("{out}");
        } else {
            crate::common::emit(&out);
        }
    }
    if report.failed.is_empty() {
        Ok(())
    } else {
        for f in &report.failed {
            eprintln!("citescan: eval floor missed: {f}");
        }
        Err(Failure::fail(format!(
            "{} floor(s) missed",
            report.failed.len()
        )))
    }
}

fn render(r: &Report) -> String {
    let mut s = String::new();
    s.push_str(&format!(
        "lexicon {} ({}), policy {}; {} items",
        r.lexicon["version"], r.lexicon["hash"], r.policy, r.items
    ));
    if !r.missing_listings.is_empty() {
        s.push_str(&format!(
            ", {} labels without a listing",
            r.missing_listings.len()
        ));
    }
    if r.unreadable_listings > 0 {
        s.push_str(&format!(", {} unreadable listings", r.unreadable_listings));
    }
    s.push_str("\n\n");
    let rows: [(&str, &Ratio); 11] = [
        (
            "recall: block items caught (block or review)",
            &r.recall_caught,
        ),
        ("recall: block items blocked", &r.recall_blocked),
        ("precision of block verdicts", &r.precision_block),
        ("precision of flags (block or review)", &r.precision_flagged),
        ("false positives: allow items blocked", &r.fpr_blocked),
        ("false positives: allow items flagged", &r.fpr_flagged),
        ("hard negatives blocked", &r.hard_fpr_blocked),
        ("hard negatives flagged", &r.hard_fpr_flagged),
        ("review items flagged", &r.review_flagged),
        (
            "taxa accuracy (genus level, caught block items)",
            &r.taxon_accuracy,
        ),
        ("", &Ratio::default()),
    ];
    for (name, ratio) in rows.iter().filter(|(n, _)| !n.is_empty()) {
        s.push_str(&format!("  {name:<50} {}\n", ratio.show()));
    }
    s.push_str("\nconfusion (rows: label, columns: verdict)\n");
    s.push_str(&format!(
        "  {:<8} {:>8} {:>8} {:>8}\n",
        "", "allow", "review", "block"
    ));
    for l in ["allow", "review", "block"] {
        let row = &r.confusion[l];
        s.push_str(&format!(
            "  {:<8} {:>8} {:>8} {:>8}\n",
            l, row["allow"], row["review"], row["block"]
        ));
    }
    let breakdown = |s: &mut String, title: &str, map: &BTreeMap<String, BreakdownRow>| {
        s.push_str(&format!("\n{title}\n"));
        s.push_str(&format!(
            "  {:<24} {:>5}  {:>22}  {:>22}  {:>22}  {:>22}\n",
            "",
            "items",
            "caught (block items)",
            "blocked (block items)",
            "allow blocked",
            "allow flagged"
        ));
        for (k, row) in map {
            s.push_str(&format!(
                "  {:<24} {:>5}  {:>22}  {:>22}  {:>22}  {:>22}\n",
                k,
                row.items,
                row.recall_caught.show(),
                row.recall_blocked.show(),
                row.allow_fpr_blocked.show(),
                row.allow_fpr_flagged.show()
            ));
        }
    };
    breakdown(&mut s, "by tag", &r.by_tag);
    breakdown(&mut s, "by language", &r.by_lang);
    if !r.failed.is_empty() {
        s.push_str("\nFAILED\n");
        for f in &r.failed {
            s.push_str(&format!("  {f}\n"));
        }
    }
    s
}

fn render_errors(
    wrong: &[(usize, &Label, usize)],
    listings: &[Listing],
    assessments: &[Assessment],
    n: usize,
) -> String {
    let mut s = format!(
        "\nmisclassified: {} (showing {})\n",
        wrong.len(),
        wrong.len().min(n)
    );
    for (i, lab, _) in wrong.iter().take(n) {
        let a = &assessments[*i];
        let text: String = listings[*i]
            .fields
            .iter()
            .map(|(_, t)| t.as_str())
            .collect::<Vec<_>>()
            .join(" | ");
        let short: String = text
            .chars()
            .take(100)
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let terms: Vec<String> = a
            .matches
            .iter()
            .map(|m| format!("{}({})", m.term, m.kind.as_str()))
            .collect();
        s.push_str(&format!(
            "  {}  label {} verdict {} score {:.3}\n    \"{}\"{}\n    matched: {}\n",
            lab.id,
            lab.label,
            a.verdict,
            a.score,
            short,
            if text.chars().count() > 100 {
                "..."
            } else {
                ""
            },
            if terms.is_empty() {
                "(nothing)".to_string()
            } else {
                terms.join(", ")
            }
        ));
        if !lab.taxa.is_empty() || !a.taxa.is_empty() {
            s.push_str(&format!(
                "    taxa: labelled [{}], predicted [{}]\n",
                lab.taxa.join(", "),
                a.taxa.join(", ")
            ));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn genus_level_matching() {
        let mut b = citescan::LexiconBuilder::new();
        b.add_source(
            "taxa.tsv",
            "taxon\trank\tkingdom\tphylum\tclass\torder\tfamily\tgenus\tappendix\tannotation\tlisted\tsource\n\
             Loxodonta africana\tSPECIES\tAnimalia\tChordata\tMammalia\tProboscidea\tElephantidae\tLoxodonta\tI/II\t\t\tx\n\
             Elephantidae\tFAMILY\tAnimalia\tChordata\tMammalia\tProboscidea\tElephantidae\t\tI/II\t\t\tx\n\
             Manis\tGENUS\tAnimalia\tChordata\tMammalia\tPholidota\tManidae\tManis\tI\t\t\tx\n\
             Manis javanica\tSPECIES\tAnimalia\tChordata\tMammalia\tPholidota\tManidae\tManis\tI\t\t\tx\n",
        )
        .unwrap();
        let lex = b.build().unwrap();
        assert!(same_at_genus(&lex, "Elephantidae", "Loxodonta africana"));
        assert!(same_at_genus(&lex, "Manis", "Manis javanica"));
        assert!(same_at_genus(&lex, "Manis javanica", "Manis"));
        assert!(!same_at_genus(&lex, "Manis", "Loxodonta africana"));
        assert!(!same_at_genus(&lex, "Elephantidae", "Manis javanica"));
        // unknown names: first word
        assert!(same_at_genus(&lex, "Panthera tigris", "Panthera pardus"));
        assert!(!same_at_genus(&lex, "Panthera tigris", "Ursus arctos"));
    }
}
