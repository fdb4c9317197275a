//! The screening policy: thresholds, Appendix weights, context boosts and suppressions, rules
//! and per-platform term lists, read from TOML. The default is `policy/default.toml`.

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind};

/// The default policy's TOML text (documented, one setting a line).
pub const DEFAULT_POLICY_TOML: &str = include_str!("../../../policy/default.toml");

/// A screening policy. Build one with [`Policy::default`] or [`Policy::from_toml`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Policy {
    /// Name recorded in reasons.
    pub name: String,
    /// Verdict thresholds.
    pub thresholds: Thresholds,
    /// Evidence per Appendix.
    pub appendix: AppendixWeights,
    /// Context that raises the score.
    pub boosts: Boosts,
    /// Context that lowers the score.
    pub suppress: Suppress,
    /// Verdict rules.
    pub rules: Rules,
    /// Platform term lists.
    #[serde(default)]
    pub terms: Terms,
}

/// Score thresholds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Thresholds {
    /// At or above: block (subject to the rules).
    pub block: f32,
    /// At or above: review.
    pub review: f32,
}

/// Evidence of one species-bearing match by Appendix, before the term's weight.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppendixWeights {
    /// Appendix I.
    #[serde(rename = "I")]
    pub i: f32,
    /// Appendix II.
    #[serde(rename = "II")]
    pub ii: f32,
    /// Appendix III.
    #[serde(rename = "III")]
    pub iii: f32,
    /// Not listed.
    pub unlisted: f32,
}

/// Boosts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Boosts {
    /// Deliberately disguised term.
    pub deliberate_obfuscation: f32,
    /// Misspelt term.
    pub misspelling: f32,
    /// Product form in the listing.
    pub form: f32,
    /// Sale intent in the listing.
    pub sale: f32,
    /// Permit or legality claim beside a species-bearing match.
    pub permit: f32,
    /// A denied imitation or cover material ("not resin", "not bone"): a claim of the real thing.
    pub authenticity: f32,
    /// Code word beside product or sale context.
    pub code_word_context: f32,
    /// A second listed taxon.
    pub several_taxa: f32,
    /// Another, different term in the listing pointing to the same family (a code word and
    /// "Schreger lines", a code word and 🐘): independent signals that agree.
    #[serde(default)]
    pub corroboration: f32,
    /// A specimen said to be taken from the wild (`rules.wild_terms`): added to a product, or a
    /// name next to a product form, of an Appendix II or III taxon, which it then blocks.
    #[serde(default)]
    pub wild: f32,
    /// A product of an Appendix II or III genus or species (or its name next to a product form) in a bulk
    /// quantity: a weight of a kilogram or more, or twenty pieces or more ("2kg", "500 pcs",
    /// "3 公斤"); such a product then blocks.
    #[serde(default = "default_bulk")]
    pub bulk: f32,
    /// A listed taxon's name or product in a listing that says it comes without papers
    /// (`rules.undocumented_terms`: "no papers", "sin papeles", "без документов", 无证), scaled
    /// like form and sale; beside a product, a product form or sale intent it then blocks.
    #[serde(default = "default_undocumented")]
    pub undocumented: f32,
    /// Weight of a name or emoji right next to a product form ("tiger claws", "🐘 tusk"): it
    /// counts as a product name of the taxon.
    pub name_with_form: f32,
}

/// Suppressions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Suppress {
    /// Tokens either side of a match that context is looked for in.
    pub window: u32,
    /// Colour word nearby.
    pub colour: f32,
    /// Imitation or depiction nearby.
    pub imitation: f32,
    /// Brand nearby, or the term is also a brand.
    pub brand: f32,
    /// Everyday context nearby.
    pub benign: f32,
    /// A fossil or a geological age within three words of the term in the same field (CITES
    /// does not cover fossils; no further, "Fossil" being also a brand). Never lowers a product name or code word of elephants or rhinos: elephant ivory is sold
    /// as mammoth ("fossil ivory") and rhino horn as woolly rhino's.
    #[serde(default = "default_fossil")]
    pub fossil: f32,
    /// Multiplier on a term that is also an everyday word.
    pub ambiguous_factor: f32,
    /// Multiplier on a lone genus or family name (a scientific name of one word).
    pub uninomial_factor: f32,
}

/// Verdict rules.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    /// Appendices (`"I"`, `"II"`, `"III"`) whose taxa block on score alone.
    pub block_appendices: Vec<String>,
    /// A permit claim caps the verdict at review unless the term was disguised.
    pub permit_caps_at_review: bool,
    /// Only permit claims at least this strong cap (a bare "antique" is weaker than
    /// "CITES permit").
    pub permit_cap_min_weight: f32,
    /// A deliberately disguised term (leetspeak, spacing, look-alike or invisible characters)
    /// of a listed taxon beside a product form or sale intent blocks, unless context near it
    /// suggests it is not wildlife.
    #[serde(default)]
    pub disguise_in_trade_blocks: bool,
    /// Product-form terms that say a specimen was taken from the wild ("wild caught", 野生,
    /// "Wildfang"); matched as lexicon `form` entries.
    #[serde(default)]
    pub wild_terms: Vec<String>,
    /// Sale phrases that wink at those who know ("懂的都懂", "iykyk"); matched as lexicon `sale`
    /// entries. Beside a code word they mark it as a code, as
    /// quotation marks do (`CODE_WORD_MARKED`). Empty (off) in a policy file without it.
    #[serde(default)]
    pub knowing_terms: Vec<String>,
    /// A legality or age claim is the question a person must answer: a listed animal beside a
    /// claim at least `permit_cap_min_weight` strong ("captive bred", "pre-1947", "CITES
    /// permit"), or a code word beside a product form and any such claim ("antique carved
    /// bone"), goes to review at least (`REVIEW_LEGALITY_CLAIM`). Off in a policy file
    /// without it.
    #[serde(default)]
    pub claims_need_review: bool,
    /// Code words below this weight are everyday words first ("white", "wood", "dragon",
    /// "white gold"): neither a legality claim (`claims_need_review`) nor a description of the
    /// real material (`real_material_tells`) counts for them.
    #[serde(default = "default_faint_code_weight")]
    pub faint_code_weight: f32,
    /// Product-form terms that say the item is a whole preserved animal ("taxidermy",
    /// "stuffed", 标本, "naturalisé"); matched as lexicon `form` entries. Beside a listed
    /// animal's name the listing goes to review at least (`REVIEW_SPECIMEN`).
    #[serde(default)]
    pub specimen_terms: Vec<String>,
    /// Phrases saying the seller does not know the species ("unknown species", "不清楚是什么",
    /// "không rõ loài"); matched in the listing's text, case-folded, as whole words. Beside a
    /// listed animal's name (often a group: coral, shark fin, falcon) the listing goes to
    /// review at least (`REVIEW_UNSPECIFIED_SPECIES`).
    #[serde(default)]
    pub unknown_species_terms: Vec<String>,
    /// Words that name an animal only by its kind ("bird", "bird of prey", "птица", "burung",
    /// 鸟); matched like `unknown_species_terms`. A preserved animal named only so goes to
    /// review, as one whose seller does not know the species (`REVIEW_SPECIMEN_UNNAMED`).
    #[serde(default)]
    pub animal_kind_terms: Vec<String>,
    /// Tells of the real material ("hot pin test", "cold to the touch", "Schreger lines",
    /// "pesante"); matched like `unknown_species_terms`. When an imitation claim lowered a
    /// product name or code word and the listing holds `real_material_min` different tells,
    /// the description contradicts the claim: review at least (`REVIEW_IMITATION_CONTRADICTED`).
    #[serde(default)]
    pub real_material_tells: Vec<String>,
    /// Tells that show the inner structure of ivory, horn or shell ("Schreger", "crosshatch",
    /// "fibres visible", "hot pin test", 人字纹); they count among the tells. Beside a code word
    /// (of `faint_code_weight` or more) in a listing that claims no imitation, tells that hold
    /// one of these are one more signal of what the code word hides (`CODE_WORD_DESCRIBED`).
    #[serde(default)]
    pub structure_tells: Vec<String>,
    /// Phrases saying the specimen comes without papers ("no papers", "sin papeles", "ohne
    /// Papiere", "без документов", 无证, 書類なし); matched like `unknown_species_terms`. A
    /// seller who says so tells the buyer the trade is not the legal one (`UNDOCUMENTED`).
    #[serde(default)]
    pub undocumented_terms: Vec<String>,
    /// Phrases saying a plant was grown by people ("nursery grown", "grown from seed",
    /// "cultivada em estufa", 人工栽培); matched like `unknown_species_terms`. A live Appendix
    /// II plant of a garden family with such a phrase, and nothing of the wild, a bulk lot,
    /// missing papers, timber or a plant product, is allowed (`RULE_CULTIVATED_PLANT`).
    #[serde(default)]
    pub cultivated_terms: Vec<String>,
    /// How many different tells contradict an imitation claim.
    #[serde(default = "default_real_material_min")]
    pub real_material_min: u32,
}

/// `rules.faint_code_weight` of a policy written before the rules that read it existed.
fn default_faint_code_weight() -> f32 {
    0.15
}

/// `rules.real_material_min` of a policy written before the rule existed.
fn default_real_material_min() -> u32 {
    2
}

/// Per-platform term lists.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Terms {
    /// Matches of these terms are ignored.
    #[serde(default)]
    pub allow: Vec<String>,
    /// These terms always block.
    #[serde(default)]
    pub deny: Vec<String>,
    /// These terms send the listing to review at least.
    #[serde(default)]
    pub review: Vec<String>,
}

/// `boosts.bulk` of a policy written before the bulk rule existed: the default policy's value.
fn default_bulk() -> f32 {
    0.15
}

/// `boosts.undocumented` of a policy written before the rule existed: the default policy's
/// value (the rule stays off without `rules.undocumented_terms`).
fn default_undocumented() -> f32 {
    0.15
}

/// `suppress.fossil` of a policy written before the fossil context existed: the default
/// policy's value.
fn default_fossil() -> f32 {
    0.8
}

impl Default for Policy {
    fn default() -> Self {
        // The default TOML is part of the crate and parsed by a unit test.
        match Policy::from_toml(DEFAULT_POLICY_TOML) {
            Ok(p) => p,
            Err(e) => unreachable!("default policy is invalid: {e}"),
        }
    }
}

impl Policy {
    /// Parses a policy from TOML. Unknown keys, missing sections and out-of-range values are
    /// errors naming the line.
    pub fn from_toml(text: &str) -> Result<Policy, Error> {
        let p: Policy = toml::from_str(text).map_err(|e| {
            let line = e
                .span()
                .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1)
                .map(|l| format!("line {l}: "))
                .unwrap_or_default();
            Error::new(ErrorKind::Policy, format!("policy: {line}{}", e.message()))
        })?;
        p.validate()?;
        Ok(p)
    }

    /// Reads a policy file.
    pub fn from_path(path: impl AsRef<std::path::Path>) -> Result<Policy, Error> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|e| {
            Error::new(
                ErrorKind::Io,
                format!("cannot read {}: {e}", path.display()),
            )
        })?;
        Policy::from_toml(&text).map_err(|e| {
            Error::new(
                ErrorKind::Policy,
                format!(
                    "{}: {}",
                    path.display(),
                    e.message().trim_start_matches("policy: ")
                ),
            )
        })
    }

    /// The policy as TOML.
    pub fn to_toml(&self) -> String {
        toml::to_string(self).unwrap_or_default()
    }

    fn validate(&self) -> Result<(), Error> {
        let bad = |m: String| Err(Error::new(ErrorKind::Policy, format!("policy: {m}")));
        let t = &self.thresholds;
        if !(0.0..=1.0).contains(&t.review) || !(0.0..=1.0).contains(&t.block) || t.review > t.block
        {
            return bad(format!(
                "thresholds must satisfy 0 <= review <= block <= 1 (review {}, block {})",
                t.review, t.block
            ));
        }
        for a in &self.rules.block_appendices {
            if !matches!(a.as_str(), "I" | "II" | "III") {
                return bad(format!(
                    "rules.block_appendices: unknown Appendix {a:?} (use \"I\", \"II\" or \"III\")"
                ));
            }
        }
        let s = &self.suppress;
        if !(0.0..=1.0).contains(&s.ambiguous_factor) || !(0.0..=1.0).contains(&s.uninomial_factor)
        {
            return bad(
                "suppress.ambiguous_factor and suppress.uninomial_factor must be within 0..1"
                    .into(),
            );
        }
        for (name, v) in [
            ("appendix.I", self.appendix.i),
            ("appendix.II", self.appendix.ii),
            ("appendix.III", self.appendix.iii),
            ("appendix.unlisted", self.appendix.unlisted),
        ] {
            if !(0.0..=1.0).contains(&v) {
                return bad(format!("{name} must be within 0..1, got {v}"));
            }
        }
        Ok(())
    }

    /// Whether an Appendix (1, 2 or 3) blocks on score alone.
    pub(crate) fn blocks(&self, appendix: u8) -> bool {
        let name = match appendix {
            1 => "I",
            2 => "II",
            3 => "III",
            _ => return false,
        };
        self.rules.block_appendices.iter().any(|a| a == name)
    }

    /// Evidence for an Appendix (1, 2, 3; 0 unlisted).
    pub(crate) fn appendix_weight(&self, appendix: u8) -> f32 {
        match appendix {
            1 => self.appendix.i,
            2 => self.appendix.ii,
            3 => self.appendix.iii,
            _ => self.appendix.unlisted,
        }
    }
}
