//! Runs the built `citescan` binary. The classifier's verdicts are still being tuned, so these
//! tests use a made-up lexicon and a policy with pinned thresholds for anything that depends on a
//! verdict, and otherwise check structure: order, ids, spans, line numbers and exit codes.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_citescan");

const HEADER: &str = "term\tkind\ttaxon\trank\tappendix\tlang\tweight\tsource\n";

/// Terms of the made-up lexicon: two invented taxa and a little context.
fn terms(quenthia_appendix: &str, extra: &str) -> String {
    format!(
        "{HEADER}\
         zorblax\tcommon\tZorblaxia magna\tSPECIES\tI\ten\t1.0\ttest\n\
         zorblax horn\tproduct\tZorblaxia magna\tSPECIES\tI\ten\t1.0\ttest\n\
         Zorblaxia magna\tscientific\tZorblaxia magna\tSPECIES\tI\tla\t1.0\ttest\n\
         quenthia\tcommon\tQuenthia pallida\tSPECIES\t{quenthia_appendix}\ten\t1.0\ttest\n\
         horn\tform\t\t\t\ten\t1.0\ttest\n\
         for sale\tsale\t\t\t\ten\t1.0\ttest\n\
         {extra}"
    )
}

const TAXA: &str = "taxon\trank\tkingdom\tphylum\tclass\torder\tfamily\tgenus\tappendix\tannotation\tlisted\tsource\n\
Zorblaxia magna\tSPECIES\tAnimalia\tChordata\tMammalia\tZorbiformes\tZorblaxidae\tZorblaxia\tI\t\tCoP99\ttest\n";

/// A fresh directory for one test.
fn tmp(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("cli-tests")
        .join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("run citescan");
    if let Some(input) = stdin {
        let mut si = child.stdin.take().unwrap();
        si.write_all(input).unwrap();
    }
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json_lines(o: &Output) -> Vec<Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l:?}: {e}")))
        .collect()
}

/// Builds the made-up lexicon into `dir` and returns its path.
fn build_lexicon(dir: &Path, name: &str, terms_text: &str, version: &str) -> PathBuf {
    let src = dir.join(format!("{name}-src"));
    std::fs::create_dir_all(&src).unwrap();
    std::fs::write(src.join("terms.tsv"), terms_text).unwrap();
    std::fs::write(src.join("taxa.tsv"), TAXA).unwrap();
    let out = dir.join(format!("{name}.lex"));
    let o = run(
        &[
            "lexicon",
            "build",
            "--out",
            out.to_str().unwrap(),
            "--version",
            version,
            src.to_str().unwrap(),
        ],
        None,
    );
    assert!(o.status.success(), "build failed: {}", stderr(&o));
    out
}

/// The default policy with thresholds and Appendix weights pinned, so verdicts on the made-up
/// lexicon do not move while the default is tuned. Boosts and suppressions stay as they are;
/// the listings that depend on a verdict carry no context that would use them.
fn pinned_policy(dir: &Path) -> PathBuf {
    let default = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../policy/default.toml"),
    )
    .unwrap();
    let mut section = String::new();
    let mut out = String::new();
    for line in default.lines() {
        let t = line.trim();
        if t.starts_with('[') {
            section = t.to_string();
        }
        let key = t.split('=').next().unwrap_or("").trim();
        let replaced = match (section.as_str(), key) {
            ("[thresholds]", "block") => Some("block = 0.75"),
            ("[thresholds]", "review") => Some("review = 0.40"),
            ("[appendix]", "I") => Some("I = 1.0"),
            ("[appendix]", "II") => Some("II = 0.5"),
            ("[appendix]", "III") => Some("III = 0.5"),
            ("[appendix]", "unlisted") => Some("unlisted = 0.0"),
            ("[rules]", "block_appendices") => Some("block_appendices = [\"I\"]"),
            _ => None,
        };
        out.push_str(replaced.unwrap_or(line));
        out.push('\n');
    }
    let p = dir.join("policy.toml");
    std::fs::write(&p, out).unwrap();
    p
}

#[test]
fn scan_jsonl_keeps_order_and_ids_across_chunks() {
    let dir = tmp("order");
    let lex = build_lexicon(&dir, "lex", &terms("II", ""), "t1");
    // more than one chunk (4096), ids of every kind: string, number, none (line number)
    let mut input = String::new();
    let n = 5000;
    for i in 1..=n {
        match i % 3 {
            0 => input.push_str(&format!(
                "{{\"id\":\"s{i}\",\"title\":\"zorblax horn\",\"description\":\"x\"}}\n"
            )),
            1 => input.push_str(&format!("{{\"id\":{i},\"title\":\"plain chair\"}}\n")),
            _ => input.push_str(&format!(
                "{{\"title\":\"nothing\",\"description\":\"zorblax {i}\"}}\n"
            )),
        }
    }
    let path = dir.join("in.jsonl");
    std::fs::write(&path, &input).unwrap();
    let o = run(
        &[
            "scan",
            "--lexicon",
            lex.to_str().unwrap(),
            "--threads",
            "2",
            "-q",
            path.to_str().unwrap(),
        ],
        None,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let lines = json_lines(&o);
    assert_eq!(lines.len(), n);
    for (k, a) in lines.iter().enumerate() {
        let i = k + 1;
        let want = match i % 3 {
            0 => format!("s{i}"),
            _ => i.to_string(),
        };
        assert_eq!(a["id"], want.as_str(), "line {i}");
        assert!(a.get("verdict").is_some());
        if i % 3 == 0 {
            let m = &a["matches"][0];
            assert_eq!(
                (m["field"].as_str(), m["start"].as_u64(), m["end"].as_u64()),
                (Some("title"), Some(0), Some(12))
            );
            assert_eq!(m["term"], "zorblax horn");
            assert_eq!(a["lexicon"]["version"], "t1");
        }
        if i % 3 == 2 {
            assert_eq!(a["matches"][0]["field"], "description");
        }
    }
    // no output with --summary, and the summary counts them all
    let o = run(
        &[
            "scan",
            "--lexicon",
            lex.to_str().unwrap(),
            "--summary",
            path.to_str().unwrap(),
        ],
        None,
    );
    assert!(o.status.success());
    assert!(
        stdout(&o).starts_with(&format!("scanned {n} listings")),
        "{}",
        stdout(&o)
    );
}

#[test]
fn scan_malformed_lines_become_error_records() {
    let dir = tmp("malformed");
    let lex = build_lexicon(&dir, "lex", &terms("II", ""), "t1");
    let mut input: Vec<u8> = Vec::new();
    input.extend_from_slice(b"{\"id\":\"a\",\"title\":\"zorblax\"}\n");
    input.extend_from_slice(b"{not json\n");
    input.extend_from_slice(b"[1,2]\n");
    input.extend_from_slice(b"{\"id\":\"d\",\"title\":42}\n");
    input.extend_from_slice(b"{\"id\":\"e\",\"title\":\"\xff\xfe\"}\n");
    input.extend_from_slice(b"\n");
    input.extend_from_slice(b"{\"id\":\"g\",\"title\":\"quenthia\"}\n");
    let o = run(&["scan", "--lexicon", lex.to_str().unwrap()], Some(&input));
    assert!(o.status.success(), "{}", stderr(&o));
    let lines = json_lines(&o);
    assert_eq!(lines.len(), 6, "{}", stdout(&o));
    assert_eq!(lines[0]["id"], "a");
    assert!(lines[0].get("verdict").is_some());
    for (k, line) in [(1usize, 2u64), (2, 3), (3, 4), (4, 5)] {
        let e = &lines[k];
        assert_eq!(e["line"], line, "{e}");
        let msg = e["error"].as_str().unwrap();
        assert!(msg.starts_with(&format!("line {line}: ")), "{msg}");
        assert!(e.get("verdict").is_none());
    }
    assert_eq!(lines[1]["id"], "2");
    assert!(lines[2]["error"].as_str().unwrap().contains("object"));
    assert!(lines[3]["error"].as_str().unwrap().contains("\"title\""));
    assert!(lines[4]["error"].as_str().unwrap().contains("UTF-8"));
    assert_eq!(lines[5]["id"], "g");
    assert_eq!(lines[5]["matches"][0]["term"], "quenthia");
    assert!(stderr(&o).contains("4 errors"), "{}", stderr(&o));
}

#[test]
fn scan_csv_with_quotes_and_newlines() {
    let dir = tmp("csv");
    let lex = build_lexicon(&dir, "lex", &terms("II", ""), "t1");
    let path = dir.join("in.csv");
    std::fs::write(
        &path,
        "id,title,description\n\
         c1,\"A \"\"zorblax\"\", old\",\"two\nlines, zorblax horn\"\n\
         ,plain,\n\
         c3,quenthia,\n",
    )
    .unwrap();
    let o = run(
        &[
            "scan",
            "-q",
            "--lexicon",
            lex.to_str().unwrap(),
            path.to_str().unwrap(),
        ],
        None,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let lines = json_lines(&o);
    let ids: Vec<&str> = lines.iter().map(|a| a["id"].as_str().unwrap()).collect();
    // the record without an id is named by the line it starts on (the header is line 1)
    assert_eq!(ids, ["c1", "4", "c3"]);
    let m: Vec<(String, u64, u64, String)> = lines[0]["matches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["field"].as_str().unwrap().into(),
                m["start"].as_u64().unwrap(),
                m["end"].as_u64().unwrap(),
                m["text"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert!(
        m.contains(&("title".into(), 3, 10, "zorblax".into())),
        "{m:?}"
    );
    assert!(
        m.contains(&("description".into(), 11, 23, "zorblax horn".into())),
        "{m:?}"
    );
}

#[test]
fn scan_text_and_stdin_and_fields() {
    let dir = tmp("text");
    let lex = build_lexicon(&dir, "lex", &terms("II", ""), "t1");
    let l = lex.to_str().unwrap();
    // plain text from stdin: field `text`, id = line number (blank lines skipped, still counted)
    let o = run(
        &["scan", "-q", "--format", "text", "--lexicon", l],
        Some(b"a chair\n\nzorblax horn for sale\r\nquenthia\n"),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let lines = json_lines(&o);
    let ids: Vec<&str> = lines.iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["1", "3", "4"]);
    assert_eq!(lines[1]["matches"][0]["field"], "text");
    assert_eq!(lines[1]["matches"][0]["end"], 12);
    // .txt by extension, and `-` for stdin after it
    let path = dir.join("in.txt");
    std::fs::write(&path, "zorblax\n").unwrap();
    let o = run(
        &["scan", "-q", "--lexicon", l, path.to_str().unwrap(), "-"],
        Some(b"{\"id\":\"x\",\"title\":\"zorblax\"}\n"),
    );
    let lines = json_lines(&o);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["matches"][0]["field"], "text");
    assert_eq!(lines[1]["id"], "x");
    // --field picks the fields
    let o = run(
        &["scan", "-q", "--lexicon", l, "--field", "body"],
        Some(b"{\"id\":1,\"title\":\"zorblax\",\"body\":\"quenthia\"}\n"),
    );
    let lines = json_lines(&o);
    let terms: Vec<&str> = lines[0]["matches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["term"].as_str().unwrap())
        .collect();
    assert_eq!(terms, ["quenthia"]);
    assert_eq!(lines[0]["matches"][0]["field"], "body");
}

#[test]
fn scan_missing_file_exits_2() {
    let o = run(&["scan", "/nonexistent/listings.jsonl"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("cannot open /nonexistent/listings.jsonl"),
        "{}",
        stderr(&o)
    );
    assert!(o.stdout.is_empty());
}

#[test]
fn scan_examples_with_embedded_lexicon() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/listings.jsonl");
    let o = run(&["scan", "-q", path.to_str().unwrap()], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let lines = json_lines(&o);
    assert_eq!(lines.len(), 36);
    let input = std::fs::read_to_string(&path).unwrap();
    for (a, l) in lines.iter().zip(input.lines()) {
        let v: Value = serde_json::from_str(l).unwrap();
        assert_eq!(a["id"], v["id"]);
        assert!(["allow", "review", "block"].contains(&a["verdict"].as_str().unwrap()));
    }
    let csv = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/listings.csv");
    let o = run(&["scan", "-q", csv.to_str().unwrap()], None);
    let ids: Vec<String> = json_lines(&o)
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8"]);
}

#[test]
fn explain_marks_the_span() {
    let dir = tmp("explain");
    let lex = build_lexicon(&dir, "lex", &terms("II", ""), "t1");
    let l = lex.to_str().unwrap();
    let o = run(
        &["explain", "--lexicon", l, "old zorblax horn for sale"],
        None,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with("old [[zorblax horn]] [[for sale]]\n"),
        "{out}"
    );
    assert!(out.contains("bytes 4..16"), "{out}");
    assert!(out.contains("Zorblaxia magna, Appendix I"), "{out}");
    assert!(out.contains("verdict: "), "{out}");
    // colour on request
    let o = run(
        &["explain", "--lexicon", l, "--color", "always", "zorblax"],
        None,
    );
    assert!(stdout(&o).starts_with("\x1b["), "{}", stdout(&o));
    // --json is the Assessment; stdin works
    let o = run(&["explain", "--lexicon", l, "--json"], Some(b"a z0rblax\n"));
    let a: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(a["matches"][0]["start"], 2);
    assert_eq!(a["matches"][0]["end"], 9);
    assert_eq!(a["matches"][0]["text"], "z0rblax");
}

#[test]
fn lexicon_build_info_lookup() {
    let dir = tmp("build");
    let lex = build_lexicon(&dir, "lex", &terms("II", ""), "v-test");
    let l = lex.to_str().unwrap();
    let o = run(
        &["lexicon", "info", "--json", "--lexicon", l, "--loads", "5"],
        None,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let info: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(info["version"], "v-test");
    assert_eq!(info["entries"], 6);
    assert_eq!(info["taxa"], 2);
    assert_eq!(
        info["size_bytes"].as_u64().unwrap(),
        std::fs::metadata(&lex).unwrap().len()
    );
    assert_eq!(info["verified"], true);
    assert_eq!(info["taxa_by_appendix"]["I"], 1);
    assert_eq!(info["taxa_by_appendix"]["II"], 1);
    assert_eq!(info["taxa_by_listed"]["CoP99"], 1);
    assert!(info["ready_us_median"].as_f64().is_some());
    let text = stdout(&run(
        &["lexicon", "info", "--lexicon", l, "--loads", "3"],
        None,
    ));
    assert!(
        text.contains("time to ready") && text.contains("taxa per Appendix"),
        "{text}"
    );

    let o = run(
        &[
            "lexicon",
            "lookup",
            "--lexicon",
            l,
            "--json",
            "ZORBLAX  Horn",
        ],
        None,
    );
    assert!(o.status.success());
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["key"], "zorblax horn");
    assert_eq!(v["entries"][0]["term"], "zorblax horn");
    assert_eq!(v["entries"][0]["kind"], "product");
    assert_eq!(v["entries"][0]["taxon"], "Zorblaxia magna");
    assert_eq!(v["entries"][0]["appendix"], "I");
    let o = run(
        &[
            "lexicon",
            "lookup",
            "--lexicon",
            l,
            "--fuzzy",
            "1",
            "quenthis",
        ],
        None,
    );
    assert!(o.status.success(), "{}", stdout(&o));
    assert!(
        stdout(&o).contains("\"quenthia\" (distance 1)"),
        "{}",
        stdout(&o)
    );
    let o = run(&["lexicon", "lookup", "--lexicon", l, "nothing"], None);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn lexicon_build_reports_file_and_line() {
    let dir = tmp("badtsv");
    let bad = dir.join("bad.tsv");
    std::fs::write(
        &bad,
        format!(
            "# comment\n{HEADER}zorblax\tcommon\tZorblaxia magna\tSPECIES\tI\ten\tlots\ttest\n"
        ),
    )
    .unwrap();
    let o = run(
        &[
            "lexicon",
            "build",
            "--out",
            dir.join("x.lex").to_str().unwrap(),
            bad.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains(&format!("{}:3:", bad.display())), "{err}");
    assert!(!dir.join("x.lex").exists());
}

#[test]
fn lexicon_diff_reports_additions_and_appendix_moves() {
    let dir = tmp("diff");
    let old = build_lexicon(&dir, "old", &terms("II", ""), "old");
    let new = build_lexicon(
        &dir,
        "new",
        &terms(
            "I",
            "quenthwood\tproduct\tQuenthia pallida\tSPECIES\tI\ten\t0.9\ttest\n",
        ),
        "new",
    );
    let o = run(
        &[
            "lexicon",
            "diff",
            "--json",
            old.to_str().unwrap(),
            new.to_str().unwrap(),
        ],
        None,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["keys_added"], serde_json::json!(["quenthwood"]));
    assert_eq!(v["keys_removed"], serde_json::json!([]));
    assert_eq!(v["summary"]["entries_added"], 1);
    assert_eq!(
        v["appendix_moves"],
        serde_json::json!([{ "taxon": "Quenthia pallida", "old": "II", "new": "I" }])
    );
    let text = stdout(&run(
        &[
            "lexicon",
            "diff",
            old.to_str().unwrap(),
            new.to_str().unwrap(),
        ],
        None,
    ));
    assert!(
        text.contains("moved between Appendices: 1\n  Quenthia pallida: II -> I"),
        "{text}"
    );
    assert!(text.contains("keys added: 1\n  \"quenthwood\""), "{text}");
    // against the embedded lexicon by name: it runs and sees our keys as added
    let o = run(
        &[
            "lexicon",
            "diff",
            "--json",
            "embedded",
            new.to_str().unwrap(),
        ],
        None,
    );
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn eval_confusion_and_floors() {
    let dir = tmp("eval");
    let lex = build_lexicon(&dir, "lex", &terms("II", ""), "t1");
    let policy = pinned_policy(&dir);
    let listings = dir.join("listings.jsonl");
    std::fs::write(
        &listings,
        "{\"id\":\"e1\",\"title\":\"zorblax horn for sale\",\"description\":\"\"}\n\
         {\"id\":\"e2\",\"title\":\"nothing here\",\"description\":\"at all\"}\n\
         {\"id\":\"e3\",\"title\":\"quenthia\",\"description\":\"\"}\n\
         {\"id\":\"e4\",\"title\":\"garden chair\",\"description\":\"teak\"}\n\
         {\"id\":\"e5\",\"title\":\"Zorblaxia magna\",\"description\":\"\"}\n",
    )
    .unwrap();
    let labels = dir.join("labels.jsonl");
    std::fs::write(
        &labels,
        "{\"id\":\"e1\",\"label\":\"block\",\"lang\":\"en\",\"taxa\":[\"Zorblaxidae\"],\"tags\":[\"plain\"],\"hard_negative\":false}\n\
         {\"id\":\"e2\",\"label\":\"block\",\"lang\":\"en\",\"taxa\":[\"Zorblaxia\"],\"tags\":[\"code_word\"],\"hard_negative\":false}\n\
         {\"id\":\"e3\",\"label\":\"review\",\"lang\":\"en\",\"taxa\":[],\"tags\":[],\"hard_negative\":false}\n\
         {\"id\":\"e4\",\"label\":\"allow\",\"lang\":\"de\",\"taxa\":[],\"tags\":[\"plain\"],\"hard_negative\":false}\n\
         {\"id\":\"e5\",\"label\":\"allow\",\"lang\":\"la\",\"taxa\":[],\"tags\":[],\"hard_negative\":true}\n",
    )
    .unwrap();
    let base = [
        "eval",
        listings.to_str().unwrap(),
        labels.to_str().unwrap(),
        "--lexicon",
        lex.to_str().unwrap(),
        "--policy",
        policy.to_str().unwrap(),
    ];
    let o = run(&[&base[..], &["--json"]].concat(), None);
    assert!(o.status.success(), "{}", stderr(&o));
    let r: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let c = &r["confusion"];
    assert_eq!(
        c["block"],
        serde_json::json!({ "allow": 1, "review": 0, "block": 1 }),
        "{r}"
    );
    assert_eq!(
        c["review"],
        serde_json::json!({ "allow": 0, "review": 1, "block": 0 }),
        "{r}"
    );
    assert_eq!(
        c["allow"],
        serde_json::json!({ "allow": 1, "review": 0, "block": 1 }),
        "{r}"
    );
    assert_eq!(r["recall_caught"]["value"], 0.5);
    assert_eq!(r["fpr_blocked"]["value"], 0.5);
    assert_eq!(r["hard_fpr_blocked"]["value"], 1.0);
    assert_eq!(r["precision_block"]["value"], 0.5);
    assert_eq!(r["review_flagged"]["value"], 1.0);
    // e1's predicted Zorblaxia magna matches the labelled family
    assert_eq!(r["taxon_accuracy"]["n"], 1);
    assert_eq!(r["taxon_accuracy"]["of"], 1);
    assert_eq!(r["by_tag"]["plain"]["recall_caught"]["value"], 1.0);
    assert_eq!(r["by_tag"]["code_word"]["recall_caught"]["value"], 0.0);
    assert_eq!(r["by_lang"]["de"]["allow_fpr_blocked"]["value"], 0.0);

    // floors: met, then missed (exit 1, naming each)
    let o = run(
        &[&base[..], &["--min-recall", "0.5", "--max-fpr", "0.5"]].concat(),
        None,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("confusion"));
    let o = run(
        &[
            &base[..],
            &[
                "--min-recall",
                "0.9",
                "--max-hard-fpr",
                "0.1",
                "--min-taxon-acc",
                "0.5",
            ],
        ]
        .concat(),
        None,
    );
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("--min-recall") && err.contains("--max-hard-fpr"),
        "{err}"
    );
    assert!(!err.contains("--min-taxon-acc"), "{err}");
    assert!(stdout(&o).contains("FAILED"));
    // --errors lists the misclassified items
    let o = run(&[&base[..], &["--errors", "5"]].concat(), None);
    let out = stdout(&o);
    assert!(out.contains("misclassified: 2"), "{out}");
    assert!(
        out.contains("e2  label block verdict allow")
            && out.contains("e5  label allow verdict block"),
        "{out}"
    );
}

#[test]
fn bench_subcommand_is_wired() {
    // the harness itself is tested in its own crate; here only that the subcommand exists
    let o = run(&["bench", "--help"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("Usage: citescan bench"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn help_lists_every_subcommand() {
    let o = run(&["--help"], None);
    let out = stdout(&o);
    for cmd in ["scan", "explain", "lexicon", "eval", "bench"] {
        assert!(
            out.contains(&format!("  {cmd} ")),
            "{cmd} missing from\n{out}"
        );
    }
    let o = run(&["lexicon", "--help"], None);
    let out = stdout(&o);
    for cmd in ["build", "info", "lookup", "diff"] {
        assert!(
            out.contains(&format!("  {cmd} ")),
            "{cmd} missing from\n{out}"
        );
    }
}
