//! Parsing the human-editable TSV sources (see `wordlists/FORMAT.md`).

use crate::error::{Error, ErrorKind};

/// The kind of a lexicon entry.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Kind {
    /// Accepted scientific name.
    Scientific = 0,
    /// Scientific synonym.
    Synonym = 1,
    /// Common (vernacular) name.
    Common = 2,
    /// Trade or product name implying the taxon (`ivory`, `rhino horn`, `pangolin scales`).
    Product = 3,
    /// Trafficking code word or cover term.
    Code = 4,
    /// Emoji standing for a listed animal.
    Emoji = 5,
    /// Product form or specimen state, context only (horn, carving, bangle, live, ...).
    Form = 6,
    /// Sale intent (price, DM, WhatsApp, WTS, ...).
    Sale = 7,
    /// Permit or legality claim (CITES permit, pre-1947, captive bred, ...).
    Permit = 8,
    /// Colour word or phrase.
    Colour = 9,
    /// Imitation, synthetic or depiction (faux, resin, print, plush, ...).
    Imitation = 10,
    /// Brand or product name colliding with a species name.
    Brand = 11,
    /// Everyday context that makes a wildlife word harmless (clothing, food, media, places).
    Benign = 12,
    /// Ordinary word colliding with a listed name: marks the key as ambiguous.
    Stop = 13,
    /// Negation that flips a context term after it ("not resin", "no fake").
    Negation = 14,
    /// Worked object that may be made of a listed material (carving, figurine, bangle, beads,
    /// chopsticks), context only: a product form for a product name or code word ("ivory
    /// carving"), but beside an animal's name a depiction ("elephant carving").
    Artefact = 15,
    /// A fossil or a geological age (fossil, fossilised, Miocene, 化石): CITES does not cover
    /// fossils, so a fossil shark tooth or turtle shell is no specimen of a listed species.
    Fossil = 16,
}

impl Kind {
    /// Every kind, in code order.
    pub const ALL: [Kind; 17] = [
        Kind::Scientific,
        Kind::Synonym,
        Kind::Common,
        Kind::Product,
        Kind::Code,
        Kind::Emoji,
        Kind::Form,
        Kind::Sale,
        Kind::Permit,
        Kind::Colour,
        Kind::Imitation,
        Kind::Brand,
        Kind::Benign,
        Kind::Stop,
        Kind::Negation,
        Kind::Artefact,
        Kind::Fossil,
    ];

    /// Its name in the wordlists and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Scientific => "scientific",
            Kind::Synonym => "synonym",
            Kind::Common => "common",
            Kind::Product => "product",
            Kind::Code => "code",
            Kind::Emoji => "emoji",
            Kind::Form => "form",
            Kind::Sale => "sale",
            Kind::Permit => "permit",
            Kind::Colour => "colour",
            Kind::Imitation => "imitation",
            Kind::Brand => "brand",
            Kind::Benign => "benign",
            Kind::Stop => "stop",
            Kind::Negation => "negation",
            Kind::Artefact => "artefact",
            Kind::Fossil => "fossil",
        }
    }

    /// Parses a wordlist kind name.
    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub(crate) fn from_code(c: u8) -> Kind {
        Kind::ALL.get(c as usize).copied().unwrap_or(Kind::Stop)
    }

    /// Context that gives a name another, harmless meaning: colour, imitation or depiction,
    /// brand, everyday context, a fossil, and the everyday-word marker.
    pub fn is_reframing(self) -> bool {
        matches!(
            self,
            Kind::Colour | Kind::Imitation | Kind::Brand | Kind::Benign | Kind::Stop | Kind::Fossil
        )
    }

    /// Whether entries of this kind name a taxon.
    pub fn names_taxon(self) -> bool {
        (self as u8) <= (Kind::Emoji as u8)
    }
}

/// One term row of a wordlist.
#[derive(Clone, Debug, PartialEq)]
pub struct TermRow {
    /// The term as written.
    pub term: String,
    /// Its kind.
    pub kind: Kind,
    /// Taxon name, empty for context kinds.
    pub taxon: String,
    /// Rank of the taxon.
    pub rank: String,
    /// CITES Appendix of the taxon as written (`I`, `I/II`, ...), may be empty.
    pub appendix: String,
    /// Language code.
    pub lang: String,
    /// Evidence weight in [0, 1].
    pub weight: f32,
    /// Source id.
    pub source: String,
}

/// One row of a taxa table.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct TaxonRow {
    /// Scientific name.
    pub taxon: String,
    /// Rank.
    pub rank: String,
    /// Kingdom.
    pub kingdom: String,
    /// Phylum.
    pub phylum: String,
    /// Class.
    pub class: String,
    /// Order.
    pub order: String,
    /// Family.
    pub family: String,
    /// Genus.
    pub genus: String,
    /// CITES Appendix as written.
    pub appendix: String,
    /// `#` annotation for plants (parts and derivatives covered).
    pub annotation: String,
    /// When and where the listing was adopted.
    pub listed: String,
    /// Source id.
    pub source: String,
}

/// A parsed source file.
#[derive(Clone, Debug, PartialEq)]
pub enum SourceFile {
    /// A term list.
    Terms(Vec<TermRow>),
    /// A taxa table.
    Taxa(Vec<TaxonRow>),
    /// A plain list of ordinary words (dictionary), one a line.
    Words(Vec<String>),
    /// Traditional → simplified character pairs.
    Han(Vec<(char, char)>),
}

pub(crate) const TERM_HEADER: &str = "term\tkind\ttaxon\trank\tappendix\tlang\tweight\tsource";
pub(crate) const TAXA_HEADER: &str =
    "taxon\trank\tkingdom\tphylum\tclass\torder\tfamily\tgenus\tappendix\tannotation\tlisted\tsource";
pub(crate) const HAN_HEADER: &str = "traditional\tsimplified";

fn err(name: &str, line: usize, msg: impl std::fmt::Display) -> Error {
    Error::new(ErrorKind::Wordlist, format!("{name}:{line}: {msg}"))
}

/// Parses one TSV source. `name` is used in error messages (`file:line: message`).
///
/// The header decides the file's type: a term list, a taxa table or a han table. A file with
/// no tab-separated header is a word list (one ordinary word a line).
pub fn parse_source(name: &str, text: &str) -> Result<SourceFile, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.strip_suffix('\r').unwrap_or(l)));
    let mut header = None;
    for (no, line) in lines.by_ref() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        header = Some((no, line));
        break;
    }
    let Some((hno, header)) = header else {
        return Ok(SourceFile::Words(Vec::new()));
    };
    if header == TERM_HEADER {
        let mut rows = Vec::new();
        for (no, line) in lines {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            rows.push(parse_term_line(name, no, line)?);
        }
        Ok(SourceFile::Terms(rows))
    } else if header == TAXA_HEADER {
        let mut rows = Vec::new();
        for (no, line) in lines {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() != 12 {
                return Err(err(
                    name,
                    no,
                    format_args!("expected 12 tab-separated columns, found {}", f.len()),
                ));
            }
            if f[0].trim().is_empty() {
                return Err(err(name, no, "empty taxon"));
            }
            rows.push(TaxonRow {
                taxon: f[0].trim().to_string(),
                rank: f[1].trim().to_string(),
                kingdom: f[2].trim().to_string(),
                phylum: f[3].trim().to_string(),
                class: f[4].trim().to_string(),
                order: f[5].trim().to_string(),
                family: f[6].trim().to_string(),
                genus: f[7].trim().to_string(),
                appendix: f[8].trim().to_string(),
                annotation: f[9].trim().to_string(),
                listed: f[10].trim().to_string(),
                source: f[11].trim().to_string(),
            });
        }
        Ok(SourceFile::Taxa(rows))
    } else if header == HAN_HEADER {
        let mut rows = Vec::new();
        for (no, line) in lines {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            let one = |s: &str| {
                let mut it = s.chars();
                match (it.next(), it.next()) {
                    (Some(c), None) => Some(c),
                    _ => None,
                }
            };
            match (
                f.len(),
                f.first().and_then(|s| one(s)),
                f.get(1).and_then(|s| one(s)),
            ) {
                (2, Some(a), Some(b)) => rows.push((a, b)),
                _ => {
                    return Err(err(
                        name,
                        no,
                        "expected two single characters separated by a tab",
                    ))
                }
            }
        }
        Ok(SourceFile::Han(rows))
    } else if !header.contains('\t') {
        let mut words = vec![header.trim().to_string()];
        for (_, line) in lines {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            words.push(line.trim().to_string());
        }
        Ok(SourceFile::Words(words))
    } else {
        Err(err(
            name,
            hno,
            format_args!(
                "unknown header; a term list starts with `{}`",
                TERM_HEADER.replace('\t', "<TAB>")
            ),
        ))
    }
}

fn parse_term_line(name: &str, no: usize, line: &str) -> Result<TermRow, Error> {
    let f: Vec<&str> = line.split('\t').collect();
    if f.len() != 8 {
        return Err(err(
            name,
            no,
            format_args!("expected 8 tab-separated columns, found {}", f.len()),
        ));
    }
    let term = f[0].trim();
    if term.is_empty() {
        return Err(err(name, no, "empty term"));
    }
    let kind = Kind::parse(f[1].trim())
        .ok_or_else(|| err(name, no, format_args!("unknown kind {:?}", f[1].trim())))?;
    let taxon = f[2].trim();
    if kind.names_taxon() && taxon.is_empty() {
        return Err(err(
            name,
            no,
            format_args!("kind {} needs a taxon", kind.as_str()),
        ));
    }
    let weight: f32 = f[6].trim().parse().map_err(|_| {
        err(
            name,
            no,
            format_args!("weight {:?} is not a number", f[6].trim()),
        )
    })?;
    if !(0.0..=1.0).contains(&weight) {
        return Err(err(
            name,
            no,
            format_args!("weight {weight} is outside 0..1"),
        ));
    }
    let lang = f[5].trim();
    if lang.is_empty() {
        return Err(err(name, no, "empty lang"));
    }
    Ok(TermRow {
        term: term.to_string(),
        kind,
        taxon: taxon.to_string(),
        rank: f[3].trim().to_string(),
        appendix: f[4].trim().to_string(),
        lang: lang.to_string(),
        weight,
        source: f[7].trim().to_string(),
    })
}
