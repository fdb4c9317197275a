//! `citescan explain`: one text, its matches highlighted and explained.

use std::io::{IsTerminal, Read};
use std::path::PathBuf;

use citescan::{Assessment, Match};

use crate::common::{EngineArgs, Failure};

/// Arguments of `citescan explain`.
#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// The text to explain (or use --file, or standard input).
    #[arg(value_name = "TEXT", conflicts_with = "file")]
    pub text: Option<String>,
    /// Read the text from a file (`-` for standard input).
    #[arg(long, short, value_name = "F")]
    pub file: Option<PathBuf>,
    /// Print the Assessment as JSON instead.
    #[arg(long)]
    pub json: bool,
    /// Colour and underline: auto (when standard output is a terminal), always or never.
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorChoice,
    #[command(flatten)]
    pub engine: EngineArgs,
}

/// When to use ANSI colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// When standard output is a terminal.
    Auto,
    /// Always.
    Always,
    /// Never: matches are bracketed `[[...]]`.
    Never,
}

/// Runs `citescan explain`.
pub fn run(args: ExplainArgs) -> Result<(), Failure> {
    let text = match (&args.text, &args.file) {
        (Some(t), _) => t.clone(),
        (None, Some(p)) if p.as_os_str() != "-" => {
            let bytes = std::fs::read(p)
                .map_err(|e| Failure::io(format!("cannot open {}: {e}", p.display())))?;
            String::from_utf8(bytes).map_err(|e| {
                Failure::io(format!(
                    "{}: not valid UTF-8 at byte {}",
                    p.display(),
                    e.utf8_error().valid_up_to()
                ))
            })?
        }
        _ => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| Failure::io(format!("cannot read standard input: {e}")))?;
            String::from_utf8(bytes).map_err(|e| {
                Failure::io(format!(
                    "standard input is not valid UTF-8 at byte {}",
                    e.utf8_error().valid_up_to()
                ))
            })?
        }
    };
    let text = if args.text.is_none() {
        text.trim_end_matches(['\n', '\r']).to_string()
    } else {
        text
    };
    let classifier = args.engine.classifier(false)?;
    let a = classifier.classify(&text);
    if args.json {
        crate::common::emit(&format!("{}\n", a.to_json()));
        return Ok(());
    }
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    };
    crate::common::emit(&render(&text, &a, color));
    Ok(())
}

const RED: &str = "\x1b[1;4;31m";
const YELLOW: &str = "\x1b[4;33m";
const RESET: &str = "\x1b[0m";

/// The whole report as text.
pub fn render(text: &str, a: &Assessment, color: bool) -> String {
    let mut s = String::new();
    s.push_str(&highlight(text, &a.matches, color));
    s.push_str("\n\n");
    if a.matches.is_empty() {
        s.push_str("no matches\n");
    } else {
        s.push_str(&format!(
            "{} match{}:\n",
            a.matches.len(),
            if a.matches.len() == 1 { "" } else { "es" }
        ));
    }
    for (i, m) in a.matches.iter().enumerate() {
        s.push_str(&format!(
            "  {}. bytes {}..{}  {:?}  -> term {:?} ({}",
            i + 1,
            m.start,
            m.end,
            m.text,
            m.term,
            m.kind.as_str()
        ));
        if !m.also.is_empty() {
            let also: Vec<&str> = m.also.iter().map(|k| k.as_str()).collect();
            s.push_str(&format!("; also {}", also.join(", ")));
        }
        s.push_str(&format!(", lang {})\n", m.lang));
        if let Some(t) = &m.taxon {
            s.push_str(&format!(
                "     taxon {t}, Appendix {}\n",
                m.appendix.as_deref().unwrap_or("none")
            ));
        }
        if let Some(an) = &m.annotation {
            s.push_str(&format!("     annotation {an}\n"));
        }
        if !m.obfuscations.is_empty() {
            let o: Vec<&str> = m.obfuscations.iter().map(|o| o.as_str()).collect();
            s.push_str(&format!("     obfuscations undone: {}\n", o.join(", ")));
        }
    }
    if !a.reasons.is_empty() {
        s.push_str("\nreasons:\n");
        for r in &a.reasons {
            s.push_str(&format!("  {}: {}\n", r.code, r.detail));
        }
    }
    let verdict = if color {
        let c = match a.verdict {
            citescan::Verdict::Block => "\x1b[1;31m",
            citescan::Verdict::Review => "\x1b[1;33m",
            citescan::Verdict::Allow => "\x1b[1;32m",
        };
        format!("{c}{}{RESET}", a.verdict)
    } else {
        a.verdict.to_string()
    };
    s.push_str(&format!("\nverdict: {verdict} (score {:.3})", a.score));
    if !a.taxa.is_empty() {
        s.push_str(&format!("  taxa: {}", a.taxa.join(", ")));
    }
    s.push('\n');
    s
}

/// The text with matched spans marked. Overlapping spans are merged; a merged span is red when
/// any part of it names a taxon, yellow when it is context only.
pub fn highlight(text: &str, matches: &[Match], color: bool) -> String {
    let mut spans: Vec<(usize, usize, bool)> = matches
        .iter()
        .filter(|m| {
            m.start < m.end
                && m.end <= text.len()
                && text.is_char_boundary(m.start)
                && text.is_char_boundary(m.end)
        })
        .map(|m| (m.start, m.end, m.kind.names_taxon()))
        .collect();
    spans.sort();
    let mut merged: Vec<(usize, usize, bool)> = Vec::new();
    for (s, e, t) in spans {
        match merged.last_mut() {
            Some(last) if s < last.1 => {
                last.1 = last.1.max(e);
                last.2 |= t;
            }
            _ => merged.push((s, e, t)),
        }
    }
    let mut out = String::with_capacity(text.len() + merged.len() * 12);
    let mut at = 0;
    for (s, e, taxon) in merged {
        out.push_str(&text[at..s]);
        if color {
            out.push_str(if taxon { RED } else { YELLOW });
            out.push_str(&text[s..e]);
            out.push_str(RESET);
        } else {
            out.push_str("[[");
            out.push_str(&text[s..e]);
            out.push_str("]]");
        }
        at = e;
    }
    out.push_str(&text[at..]);
    out
}
