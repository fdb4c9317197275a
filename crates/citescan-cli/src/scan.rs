//! `citescan scan`: listings in, one Assessment (or error record) a line out, in input order.

use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Instant;

use citescan::{Classifier, Listing, Verdict};

use crate::common::{EngineArgs, Failure};
use crate::input::{FieldSpec, Format, Record, Records};

/// Listings classified per call, so memory stays bounded on huge inputs.
pub const CHUNK: usize = 4096;
/// Inputs larger than this get a progress bar (when stderr is a terminal).
const PROGRESS_MIN_BYTES: u64 = 1 << 20;

/// Arguments of `citescan scan`.
#[derive(Debug, clap::Args)]
pub struct ScanArgs {
    /// Input files; none or `-` reads standard input.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Input format (default: from the extension: .jsonl/.ndjson/.json, .csv, .txt; else jsonl).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// A text field to screen (repeatable; default: title and description). Plain text uses `text`.
    #[arg(long = "field", value_name = "NAME")]
    pub fields: Vec<String>,
    #[command(flatten)]
    pub engine: EngineArgs,
    /// Worker threads (default: all cores).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Print only the summary, on standard output, instead of the assessments.
    #[arg(long, conflicts_with = "quiet")]
    pub summary: bool,
    /// No summary and no progress bar on standard error.
    #[arg(long, short)]
    pub quiet: bool,
}

/// Counts for the summary.
#[derive(Default, Debug)]
struct Tally {
    allow: u64,
    review: u64,
    block: u64,
    errors: u64,
}

/// A reader that counts the bytes read through it.
struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

enum Source {
    Stdin,
    File(PathBuf, std::fs::File),
}

/// Runs `citescan scan`.
pub fn run(args: ScanArgs) -> Result<(), Failure> {
    // open everything first: a missing file fails before anything is written
    let mut sources = Vec::new();
    let mut total_size = 0u64;
    if args.files.is_empty() {
        sources.push(Source::Stdin);
    }
    for p in &args.files {
        if p.as_os_str() == "-" {
            sources.push(Source::Stdin);
            continue;
        }
        let f = std::fs::File::open(p)
            .map_err(|e| Failure::io(format!("cannot open {}: {e}", p.display())))?;
        if let Ok(m) = f.metadata() {
            if m.is_dir() {
                return Err(Failure::io(format!(
                    "cannot open {}: is a directory",
                    p.display()
                )));
            }
            total_size += m.len();
        }
        sources.push(Source::File(p.clone(), f));
    }
    let threads = args.threads.unwrap_or(0);
    let classifier = args.engine.classifier(threads != 1)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| Failure::io(format!("cannot start {threads} threads: {e}")))?;
    let spec = FieldSpec::new(&args.fields);
    let count = Arc::new(AtomicU64::new(0));
    let show_progress =
        !args.quiet && total_size > PROGRESS_MIN_BYTES && std::io::stderr().is_terminal();
    let bar = if show_progress {
        let b = indicatif::ProgressBar::new(total_size);
        b.set_style(
            indicatif::ProgressStyle::with_template(
                "{bar:40} {bytes}/{total_bytes} {bytes_per_sec} eta {eta} {msg}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        Some(b)
    } else {
        None
    };

    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut tally = Tally::default();
    let started = Instant::now();
    let mut write_ok = true;
    for src in sources {
        let (name, reader): (String, Box<dyn Read>) = match src {
            Source::Stdin => ("<stdin>".into(), Box::new(std::io::stdin().lock())),
            Source::File(p, f) => (p.display().to_string(), Box::new(f)),
        };
        let format = args.format.unwrap_or_else(|| {
            if name == "<stdin>" {
                Format::Jsonl
            } else {
                Format::from_path(std::path::Path::new(&name)).unwrap_or(Format::Jsonl)
            }
        });
        let reader = Counting {
            inner: reader,
            count: count.clone(),
        };
        let mut records = Records::new(reader, format, spec.clone());
        let mut ended = false;
        while !ended && write_ok {
            let mut chunk: Vec<Record> = Vec::with_capacity(CHUNK);
            while chunk.len() < CHUNK {
                match records.next_record() {
                    None => {
                        ended = true;
                        break;
                    }
                    Some(Ok(r)) => chunk.push(r),
                    Some(Err(e)) => {
                        // the input itself broke (an I/O error): report it, keep what was read
                        eprintln!("citescan: {name}: {e}");
                        ended = true;
                        break;
                    }
                }
            }
            write_ok = classify_and_write(
                &classifier,
                &pool,
                chunk,
                &mut out,
                &mut tally,
                args.summary,
            )?;
            if let Some(b) = &bar {
                b.set_position(count.load(Ordering::Relaxed));
            }
        }
    }
    if write_ok {
        if let Err(e) = out.flush() {
            if e.kind() != std::io::ErrorKind::BrokenPipe {
                return Err(Failure::io(format!("cannot write output: {e}")));
            }
        }
    }
    drop(out);
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let secs = started.elapsed().as_secs_f64().max(1e-9);
    let n = tally.allow + tally.review + tally.block;
    let mb = count.load(Ordering::Relaxed) as f64 / 1e6;
    let line = format!(
        "scanned {} listings: {} block, {} review, {} allow; {} errors; {:.2} s, {:.0} listings/s, {:.2} MB/s",
        n,
        tally.block,
        tally.review,
        tally.allow,
        tally.errors,
        secs,
        n as f64 / secs,
        mb / secs
    );
    if args.summary {
        crate::common::emit(&format!("{line}\n"));
    } else if !args.quiet {
        eprintln!("{line}");
    }
    Ok(())
}

/// Classifies one chunk and writes its lines in input order. Returns false once the reader of
/// the output has gone away (a closed pipe), which ends the run quietly.
fn classify_and_write(
    classifier: &Classifier,
    pool: &rayon::ThreadPool,
    chunk: Vec<Record>,
    out: &mut impl Write,
    tally: &mut Tally,
    summary_only: bool,
) -> Result<bool, Failure> {
    if chunk.is_empty() {
        return Ok(true);
    }
    let mut listings: Vec<Listing> = Vec::with_capacity(chunk.len());
    let mut slots = Vec::with_capacity(chunk.len());
    for r in chunk {
        match r {
            Record::Listing(l, _) => {
                listings.push(l);
                slots.push(None);
            }
            Record::Error { id, line, message } => slots.push(Some((id, line, message))),
        }
    }
    let assessments = pool.install(|| classifier.classify_listings(&listings));
    let mut it = assessments.into_iter();
    let mut buf = String::new();
    for slot in slots {
        buf.clear();
        match slot {
            None => {
                let Some(a) = it.next() else { break };
                match a.verdict {
                    Verdict::Allow => tally.allow += 1,
                    Verdict::Review => tally.review += 1,
                    Verdict::Block => tally.block += 1,
                }
                if !summary_only {
                    buf.push_str(&a.to_json());
                }
            }
            Some((id, line, message)) => {
                tally.errors += 1;
                if !summary_only {
                    buf.push_str(&Record::error_json(&id, line, &message));
                }
            }
        }
        if !summary_only {
            buf.push('\n');
            if let Err(e) = out.write_all(buf.as_bytes()) {
                if e.kind() == std::io::ErrorKind::BrokenPipe {
                    return Ok(false);
                }
                return Err(Failure::io(format!("cannot write output: {e}")));
            }
        }
    }
    Ok(true)
}
