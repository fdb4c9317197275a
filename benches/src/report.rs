//! The report: rows, ratios to citescan, the targets, and the table, JSON and SVG views.

use std::fmt::Write as _;
use std::time::Duration;

use serde::Serialize;

use crate::Latency;

/// One measured row.
#[derive(Clone, Debug, Serialize)]
pub struct Row {
    /// What ran.
    pub name: String,
    /// `citescan`, `stage`, `scaling`, `peer` or `baseline`.
    pub group: String,
    /// `per-listing`, `whole-buffer` or `batch N`.
    pub mode: String,
    /// Threads used.
    pub threads: usize,
    /// Bytes searched per pass.
    pub bytes: u64,
    /// Listings per pass.
    pub listings: u64,
    /// Median pass time in seconds (0 when unavailable).
    pub secs: f64,
    /// Throughput in MB/s (10^6 bytes).
    pub mb_s: f64,
    /// Listings per second.
    pub listings_s: f64,
    /// Per-call latency (per-listing citescan rows only).
    pub latency: Option<Latency>,
    /// The checked count (flagged listings, matches, ...).
    pub count: u64,
    /// What `count` counts.
    pub count_of: String,
    /// Build or compile time in milliseconds, excluded from `secs`.
    pub build_ms: Option<f64>,
    /// How many times faster citescan's main row is (citescan MB/s / this row's MB/s).
    pub citescan_x: Option<f64>,
    /// Whether the row was measured.
    pub available: bool,
    /// Details.
    pub note: String,
}

impl Row {
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn new(
        name: &str,
        group: &str,
        mode: &str,
        threads: usize,
        bytes: u64,
        listings: u64,
        d: Duration,
        count: u64,
        count_of: &str,
    ) -> Row {
        let s = d.as_secs_f64().max(1e-12);
        Row {
            name: name.into(),
            group: group.into(),
            mode: mode.into(),
            threads,
            bytes,
            listings,
            secs: d.as_secs_f64(),
            mb_s: bytes as f64 / s / 1e6,
            listings_s: listings as f64 / s,
            latency: None,
            count,
            count_of: count_of.into(),
            build_ms: None,
            citescan_x: None,
            available: true,
            note: String::new(),
        }
    }

    pub(crate) fn unavailable(name: &str, why: &str) -> Row {
        Row {
            name: name.into(),
            group: "peer".into(),
            mode: "-".into(),
            threads: 1,
            bytes: 0,
            listings: 0,
            secs: 0.0,
            mb_s: 0.0,
            listings_s: 0.0,
            latency: None,
            count: 0,
            count_of: String::new(),
            build_ms: None,
            citescan_x: None,
            available: false,
            note: why.into(),
        }
    }

    pub(crate) fn latency(mut self, l: Option<Latency>) -> Row {
        self.latency = l;
        self
    }

    pub(crate) fn build(mut self, d: Duration) -> Row {
        self.build_ms = Some(d.as_secs_f64() * 1e3);
        self
    }

    pub(crate) fn note(mut self, n: &str) -> Row {
        self.note = n.into();
        self
    }
}

/// One target of the issue, with what was measured.
#[derive(Clone, Debug, Serialize)]
pub struct Target {
    /// What is aimed at.
    pub what: String,
    /// The goal, in words.
    pub goal: String,
    /// What was measured, in words (`not measured` when the run had no such row).
    pub measured: String,
    /// `Some(true)` met, `Some(false)` missed, `None` not measured.
    pub met: Option<bool>,
}

/// Everything one run measured.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    /// UTC date of the run.
    pub date: String,
    /// CPU model from /proc/cpuinfo.
    pub cpu: String,
    /// Cores available to the process.
    pub cores: usize,
    /// The command line.
    pub command: String,
    /// Corpus kind.
    pub corpus: String,
    /// Listings in the corpus.
    pub listings: u64,
    /// Bytes in the corpus.
    pub bytes: u64,
    /// Mean listing size asked for.
    pub listing_bytes: usize,
    /// Generator seed.
    pub seed: u64,
    /// Threads of the main row.
    pub threads: usize,
    /// Batch size of the main row (0 = per-listing calls).
    pub batch: usize,
    /// Normalisation and fuzzy settings.
    pub config: String,
    /// `embedded` or the lexicon file.
    pub lexicon: String,
    /// Entries in the lexicon.
    pub lexicon_keys: u64,
    /// Lexicon version.
    pub lexicon_version: String,
    /// Median time to load the lexicon, µs.
    pub lexicon_load_us: f64,
    /// Median time to build a classifier over the loaded lexicon, µs.
    pub classifier_build_us: f64,
    /// The first classify call after building, µs.
    pub first_call_us: f64,
    /// Listings with a planted term.
    pub planted: u64,
    /// Of those, how many citescan flagged.
    pub planted_flagged: u64,
    /// Listings citescan flagged.
    pub flagged: u64,
    /// VmRSS when the run started, bytes.
    pub rss_start: u64,
    /// VmRSS after the corpus was made, before citescan's rows, bytes.
    pub rss_before_rows: u64,
    /// VmHWM after citescan's rows (before any peer was built), bytes.
    pub peak_rss_citescan: u64,
    /// Whether VmHWM could be reset before citescan's rows.
    pub peak_rss_reset: bool,
    /// VmHWM at the end (peers included), bytes.
    pub peak_rss_process: u64,
    /// Memory of a fresh process doing only citescan's work (VmRSS at start, after the
    /// classifier is ready, after the corpus is made, and VmHWM after classifying it), bytes.
    pub fresh_rss: Option<[u64; 4]>,
    /// Python version of the Python peers.
    pub python: Option<String>,
    /// Peers that could not run, with the reason.
    pub skipped: Vec<String>,
    /// (threads, MB/s) of the batch scaling rows.
    pub scaling: Vec<(usize, f64)>,
    /// The rows.
    pub rows: Vec<Row>,
    /// Each target with what was measured.
    #[serde(default)]
    pub targets: Vec<Target>,
}

fn find<'a>(rows: &'a [Row], name: &str, mode: &str) -> Option<&'a Row> {
    rows.iter()
        .find(|r| r.available && r.name == name && r.mode == mode)
}

impl Report {
    /// Computes the ratios and the targets.
    pub(crate) fn finish(mut self) -> Report {
        let main = self.rows.first().map(|r| r.mb_s).unwrap_or(0.0);
        for r in self.rows.iter_mut().skip(1) {
            if r.available && r.mb_s > 0.0 {
                r.citescan_x = Some(main / r.mb_s);
            }
        }
        let mut t = Vec::new();
        let main_row = self.rows.first().cloned();
        let per_listing_1 = main_row
            .as_ref()
            .is_some_and(|r| r.mode == "per-listing" && r.threads == 1);
        let mut ratio = |what: &str, name: &str, mode: &str, goal: f64| {
            let r = find(&self.rows, name, mode);
            t.push(Target {
                what: format!("citescan vs {what}"),
                goal: format!(">= {goal}x"),
                measured: match r.and_then(|r| r.citescan_x) {
                    Some(x) => format!(
                        "{x:.2}x ({:.1} vs {:.1} MB/s)",
                        main,
                        r.map(|r| r.mb_s).unwrap_or(0.0)
                    ),
                    None => "not measured".into(),
                },
                met: r
                    .and_then(|r| r.citescan_x)
                    .map(|x| x >= goal && per_listing_1),
            });
        };
        ratio(
            "Hyperscan per-listing",
            "hyperscan (Python)",
            "per-listing",
            2.0,
        );
        ratio(
            "Hyperscan whole-buffer",
            "hyperscan (Python)",
            "whole-buffer",
            1.5,
        );
        ratio(
            "aho-corasick (Rust, per listing)",
            "aho-corasick (Rust)",
            "per-listing",
            4.0,
        );
        ratio(
            "pyahocorasick",
            "pyahocorasick (Python)",
            "per-listing",
            20.0,
        );
        ratio("flashtext", "flashtext (Python)", "per-listing", 50.0);
        if self.scaling.len() >= 2 {
            let one = self.scaling[0].1;
            let (n, all) = *self.scaling.last().unwrap_or(&(1, one));
            let eff = all / one / n as f64;
            t.push(Target {
                what: format!("batch scaling 1 -> {n} threads"),
                goal: "near-linear (>= 0.8 per core)".into(),
                measured: format!(
                    "{:.2}x on {n} threads ({:.0}% per core; {one:.1} -> {all:.1} MB/s)",
                    all / one,
                    eff * 100.0
                ),
                met: Some(eff >= 0.8),
            });
        }
        if let Some(l) = main_row.as_ref().and_then(|r| r.latency) {
            let kb = self.listing_bytes >= 1000;
            t.push(Target {
                what: format!("p99 latency, {} B listings", self.listing_bytes),
                goal: "<= 10 us for a 1 KB listing".into(),
                measured: format!(
                    "p99 {:.1} us (p50 {:.1}, p99.9 {:.1})",
                    l.p99_ns as f64 / 1e3,
                    l.p50_ns as f64 / 1e3,
                    l.p999_ns as f64 / 1e3
                ),
                met: if kb { Some(l.p99_ns <= 10_000) } else { None },
            });
        }
        let ready = (self.lexicon_load_us + self.classifier_build_us) / 1e3;
        t.push(Target {
            what: "lexicon ready (load + classifier build)".into(),
            goal: "<= 10 ms".into(),
            measured: format!(
                "{ready:.3} ms (load {:.1} us, build {:.1} us, first call {:.1} us)",
                self.lexicon_load_us, self.classifier_build_us, self.first_call_us
            ),
            met: Some(ready <= 10.0),
        });
        if let Some([start, ready, corpus, peak]) = self.fresh_rss {
            let mb = peak as f64 / (1u64 << 20) as f64;
            t.push(Target {
                what: "peak resident memory, fresh process".into(),
                goal: "<= 32 MiB".into(),
                measured: format!(
                    "{mb:.1} MiB VmHWM (start {:.1}, classifier ready {:.1}, with the corpus {:.1} MiB)",
                    mib(start),
                    mib(ready),
                    mib(corpus)
                ),
                met: Some(mb <= 32.0),
            });
        } else if self.peak_rss_citescan > 0 {
            let mb = self.peak_rss_citescan as f64 / (1u64 << 20) as f64;
            t.push(Target {
                what: "peak resident memory during citescan's rows".into(),
                goal: "<= 32 MiB".into(),
                measured: format!(
                    "{mb:.1} MiB VmHWM (includes the {:.1} MB corpus; {:.1} MiB at start)",
                    self.bytes as f64 / 1e6,
                    self.rss_start as f64 / (1u64 << 20) as f64
                ),
                met: Some(mb <= 32.0),
            });
        }
        self.targets = t;
        self
    }

    /// The report as a plain-text table.
    pub fn table(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "citescan bench  {}  {} ({} cores)",
            self.date, self.cpu, self.cores
        );
        let _ = writeln!(
            s,
            "corpus {}: {} listings, {:.2} MB (mean {} B), seed {}; lexicon {} ({} entries, version {}); {}",
            self.corpus,
            self.listings,
            self.bytes as f64 / 1e6,
            self.bytes / self.listings.max(1),
            self.seed,
            self.lexicon,
            self.lexicon_keys,
            self.lexicon_version,
            self.config
        );
        let _ = writeln!(
            s,
            "flagged {} listings; planted {} of which {} flagged",
            self.flagged, self.planted, self.planted_flagged
        );
        let _ = writeln!(s);
        let _ = writeln!(
            s,
            "{:<38} {:<13} {:>3} {:>9} {:>11} {:>8} {:>8} {:>8} {:>10} {:>9} {:>9}",
            "row",
            "mode",
            "thr",
            "MB/s",
            "listings/s",
            "p50 us",
            "p99 us",
            "p99.9us",
            "count",
            "build ms",
            "citescan"
        );
        for r in &self.rows {
            if !r.available {
                let _ = writeln!(s, "{:<38} {}", r.name, r.note);
                continue;
            }
            let lat = |f: fn(&Latency) -> u64| {
                r.latency
                    .map(|l| format!("{:.2}", f(&l) as f64 / 1e3))
                    .unwrap_or_else(|| "-".into())
            };
            let _ = writeln!(
                s,
                "{:<38} {:<13} {:>3} {:>9.1} {:>11.0} {:>8} {:>8} {:>8} {:>10} {:>9} {:>9}",
                r.name,
                r.mode,
                r.threads,
                r.mb_s,
                r.listings_s,
                lat(|l| l.p50_ns),
                lat(|l| l.p99_ns),
                lat(|l| l.p999_ns),
                r.count,
                r.build_ms
                    .map(|b| format!("{b:.0}"))
                    .unwrap_or_else(|| "-".into()),
                r.citescan_x
                    .map(|x| format!("{x:.2}x"))
                    .unwrap_or_else(|| "=".into()),
            );
        }
        let _ = writeln!(s);
        let _ = writeln!(s, "citescan column: citescan's first row's MB/s divided by the row's (above 1: citescan is faster).");
        let _ = writeln!(s, "count: flagged listings for citescan rows, matches for peers (each counts its own way).");
        for r in self
            .rows
            .iter()
            .filter(|r| !r.note.is_empty() && r.available)
        {
            let _ = writeln!(s, "  {} [{}]: {}", r.name, r.mode, r.note);
        }
        for k in &self.skipped {
            let _ = writeln!(s, "skipped: {k}");
        }
        let _ = writeln!(
            s,
            "memory: VmRSS {:.1} MiB at start, {:.1} MiB before citescan's rows, VmHWM {:.1} MiB after them{}, {:.1} MiB at the end (peers included)",
            mib(self.rss_start),
            mib(self.rss_before_rows),
            mib(self.peak_rss_citescan),
            if self.peak_rss_reset { " (reset before them)" } else { " (could not reset: whole-process peak)" },
            mib(self.peak_rss_process)
        );
        let _ = writeln!(s);
        let _ = writeln!(s, "targets:");
        for t in &self.targets {
            let mark = match t.met {
                Some(true) => "met",
                Some(false) => "MISSED",
                None => "n/a",
            };
            let _ = writeln!(
                s,
                "  [{mark:^6}] {:<44} goal {:<30} measured {}",
                t.what, t.goal, t.measured
            );
        }
        s
    }

    /// A bar chart of MB/s per row (log scale), each bar labelled with its ratio to citescan.
    pub fn svg(&self) -> String {
        let rows: Vec<&Row> = self
            .rows
            .iter()
            .filter(|r| r.available && r.mb_s > 0.0)
            .collect();
        let (left, bar_w, h, top) = (300.0, 520.0, 22.0, 50.0);
        let width = left + bar_w + 190.0;
        let height = top + h * rows.len() as f64 + 40.0;
        let max = rows.iter().map(|r| r.mb_s).fold(1.0f64, f64::max);
        let min = rows.iter().map(|r| r.mb_s).fold(max, f64::min).min(1.0);
        let lo = (min.log10()).floor();
        let hi = (max.log10()).ceil().max(lo + 1.0);
        let x = |v: f64| left + (v.log10() - lo) / (hi - lo) * bar_w;
        let mut s = String::new();
        let _ = writeln!(
            s,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" font-size="12">"#
        );
        let _ = writeln!(s, r#"<rect width="100%" height="100%" fill="white"/>"#);
        let _ = writeln!(
            s,
            r#"<text x="10" y="20" font-size="14" font-weight="bold">citescan bench: MB/s per row (log scale), {} corpus, {} listings, {}</text>"#,
            esc(&self.corpus),
            self.listings,
            esc(&self.date)
        );
        let _ = writeln!(
            s,
            r##"<text x="10" y="38" fill="#555">{}; {} cores; label: row MB/s and how many times faster citescan is</text>"##,
            esc(&self.cpu),
            self.cores
        );
        let mut p = lo;
        while p <= hi {
            let v = 10f64.powf(p);
            let xx = x(v);
            let _ = writeln!(
                s,
                r##"<line x1="{xx:.1}" y1="{top}" x2="{xx:.1}" y2="{:.1}" stroke="#ddd"/>"##,
                top + h * rows.len() as f64
            );
            let _ = writeln!(
                s,
                r##"<text x="{xx:.1}" y="{:.1}" text-anchor="middle" fill="#555">{}</text>"##,
                top + h * rows.len() as f64 + 15.0,
                fmt_num(v)
            );
            p += 1.0;
        }
        for (i, r) in rows.iter().enumerate() {
            let y = top + h * i as f64;
            let colour = match r.group.as_str() {
                "citescan" => "#1f77b4",
                "stage" | "scaling" => "#6baed6",
                "peer" => "#ff7f0e",
                _ => "#999999",
            };
            let w = (x(r.mb_s) - left).max(1.0);
            let _ = writeln!(
                s,
                r#"<text x="{:.1}" y="{:.1}" text-anchor="end">{} [{}{}]</text>"#,
                left - 6.0,
                y + 15.0,
                esc(&r.name),
                esc(&r.mode),
                if r.threads > 1 {
                    format!(", {}t", r.threads)
                } else {
                    String::new()
                }
            );
            let _ = writeln!(
                s,
                r#"<rect x="{left}" y="{:.1}" width="{w:.1}" height="{:.1}" fill="{colour}"/>"#,
                y + 3.0,
                h - 6.0
            );
            let label = match r.citescan_x {
                Some(x) => format!("{} MB/s  (citescan {x:.2}x)", fmt_num(r.mb_s)),
                None => format!("{} MB/s", fmt_num(r.mb_s)),
            };
            let _ = writeln!(
                s,
                r#"<text x="{:.1}" y="{:.1}">{}</text>"#,
                left + w + 6.0,
                y + 15.0,
                esc(&label)
            );
        }
        s.push_str("</svg>\n");
        s
    }
}

fn mib(b: u64) -> f64 {
    b as f64 / (1u64 << 20) as f64
}

fn fmt_num(v: f64) -> String {
    if v >= 100.0 {
        format!("{v:.0}")
    } else if v >= 1.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.2}")
    }
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The CPU model from /proc/cpuinfo.
pub(crate) fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into())
}

/// Today's UTC date, YYYY-MM-DD (civil-from-days, no date crate needed).
pub(crate) fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let z = (secs / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}
