//! A deterministic generator of marketplace listings for benchmarks.
//!
//! Nothing large is checked in: every corpus is made from a seed, a kind, a listing count and a
//! target listing size. Listings are one line each (no `\n`), built from titles and descriptions
//! of everyday products (brands, sizes, prices, conditions, contact hints). Some listings have a
//! *planted* term: a real key of the lexicon whose entries name a taxon (scientific, synonym,
//! common, product, code). The generator records which listings carry one, so a benchmark can
//! check that a scanner sees them.
//!
//! | kind | what |
//! |---|---|
//! | `realistic` | English-language listings, about 1 in 200 naming a term |
//! | `dense` | the same listings, each naming 1 to 3 terms |
//! | `nonlatin` | Chinese, Thai and Vietnamese listings, about 1 in 200 naming a term of that language |
//! | `adversarial` | 1 in 10 listings name a term in disguise (leetspeak, spaced letters, Cyrillic look-alikes, zero-width characters, misspellings, full-width, repeated letters); a quarter of the clean ones carry harmless disguised words too |

use std::fmt;
use std::str::FromStr;

use citescan::{Kind, Lexicon};

/// SplitMix64: a tiny, fast, well-mixed deterministic generator (no `rand` needed).
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator for this seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() >> 11) as u128 * n as u128 >> 53) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `1 / n`.
    pub fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Which corpus to make.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CorpusKind {
    /// English-language listings, about 1 in 200 naming a term.
    Realistic,
    /// Every listing names 1 to 3 terms.
    Dense,
    /// Chinese, Thai and Vietnamese listings, about 1 in 200 naming a term.
    Nonlatin,
    /// Disguised terms in 1 of 10 listings, disguised harmless words in others.
    Adversarial,
}

impl CorpusKind {
    /// Its name on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            CorpusKind::Realistic => "realistic",
            CorpusKind::Dense => "dense",
            CorpusKind::Nonlatin => "nonlatin",
            CorpusKind::Adversarial => "adversarial",
        }
    }
}

impl fmt::Display for CorpusKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for CorpusKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "realistic" => Ok(CorpusKind::Realistic),
            "dense" => Ok(CorpusKind::Dense),
            "nonlatin" => Ok(CorpusKind::Nonlatin),
            "adversarial" => Ok(CorpusKind::Adversarial),
            _ => Err(format!(
                "unknown corpus {s:?} (realistic, dense, nonlatin, adversarial)"
            )),
        }
    }
}

/// What to generate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CorpusSpec {
    /// The kind of listings.
    pub kind: CorpusKind,
    /// How many listings.
    pub listings: usize,
    /// Mean listing size in bytes; each listing is drawn between 2/3 and 4/3 of it.
    pub listing_bytes: usize,
    /// The seed: the same spec and term pools give the same corpus.
    pub seed: u64,
}

impl Default for CorpusSpec {
    fn default() -> Self {
        CorpusSpec {
            kind: CorpusKind::Realistic,
            listings: 20_000,
            listing_bytes: 300,
            seed: 42,
        }
    }
}

/// A generated corpus.
#[derive(Clone, Debug)]
pub struct Corpus {
    /// One listing per element, no newlines inside.
    pub listings: Vec<String>,
    /// For each listing: whether a term was planted in it.
    pub is_planted: Vec<bool>,
    /// How many listings carry a planted term (the count a perfect screener would flag).
    pub planted: usize,
    /// How many terms were planted in all (dense listings carry up to three).
    pub planted_terms: usize,
}

impl Corpus {
    /// Total size of the listings in bytes.
    pub fn bytes(&self) -> usize {
        self.listings.iter().map(String::len).sum()
    }

    /// The listings as `&str`s (for `classify_batch`).
    pub fn as_strs(&self) -> Vec<&str> {
        self.listings.iter().map(String::as_str).collect()
    }
}

/// Terms to plant, sampled from a lexicon: keys with at least one species-bearing entry and no
/// entry that marks the key as everyday (stop, brand, benign, colour, imitation).
#[derive(Clone, Debug, Default)]
pub struct TermPools {
    /// ASCII keys of products and code words (`ivory`, `rhino horn`).
    pub products: Vec<String>,
    /// ASCII keys of scientific names, synonyms and common names.
    pub names: Vec<String>,
    /// Chinese keys.
    pub zh: Vec<String>,
    /// Thai keys.
    pub th: Vec<String>,
    /// Vietnamese keys.
    pub vi: Vec<String>,
}

impl TermPools {
    /// Pools from a lexicon (a few hundred milliseconds for the full default lexicon).
    pub fn from_lexicon(lex: &Lexicon) -> TermPools {
        let mut p = TermPools::default();
        for (key, entries) in lex.iter() {
            if entries.is_empty() || key.chars().count() < 2 {
                continue;
            }
            let everyday = entries.iter().any(|e| {
                matches!(
                    e.kind(),
                    Kind::Stop | Kind::Brand | Kind::Benign | Kind::Colour | Kind::Imitation
                )
            });
            if everyday {
                continue;
            }
            let Some(sp) = entries
                .iter()
                .find(|e| e.kind().names_taxon() && e.kind() != Kind::Emoji)
            else {
                continue;
            };
            let ascii = key.bytes().all(|b| b.is_ascii_lowercase() || b == b' ');
            let lang = sp.lang();
            if ascii && key.len() >= 4 {
                if matches!(sp.kind(), Kind::Product | Kind::Code) {
                    p.products.push(key);
                } else {
                    p.names.push(key);
                }
            } else if lang == "zh" && key.chars().count() >= 2 {
                p.zh.push(key);
            } else if lang == "th" {
                p.th.push(key);
            } else if lang == "vi" {
                p.vi.push(key);
            }
        }
        p
    }

    /// Small built-in pools for tests and when a lexicon has none of a kind.
    pub fn builtin() -> TermPools {
        let v = |xs: &[&str]| xs.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        TermPools {
            products: v(&[
                "ivory",
                "rhino horn",
                "pangolin scales",
                "shahtoosh",
                "agarwood",
                "bekko",
            ]),
            names: v(&[
                "manis javanica",
                "loxodonta africana",
                "psittacus erithacus",
                "pangolin",
                "hawksbill turtle",
            ]),
            zh: v(&["象牙", "犀牛角", "穿山甲"]),
            th: v(&["งาช้าง", "นอแรด"]),
            vi: v(&["ngà voi", "sừng tê giác", "tê tê"]),
        }
    }

    fn fill_missing(&mut self) {
        let b = TermPools::builtin();
        for (mine, theirs) in [
            (&mut self.products, b.products),
            (&mut self.names, b.names),
            (&mut self.zh, b.zh),
            (&mut self.th, b.th),
            (&mut self.vi, b.vi),
        ] {
            if mine.is_empty() {
                *mine = theirs;
            }
        }
    }

    fn latin_term(&self, rng: &mut Rng) -> String {
        // products and code words are what sellers write; names less often
        if rng.below(5) < 3 {
            rng.pick(&self.products).clone()
        } else {
            rng.pick(&self.names).clone()
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const BRANDS: &[&str] = &[
    "Samsung",
    "Apple",
    "Sony",
    "Nike",
    "Adidas",
    "IKEA",
    "Bosch",
    "Philips",
    "Lego",
    "Canon",
    "Nikon",
    "Dyson",
    "Xiaomi",
    "Lenovo",
    "HP",
    "Dell",
    "Logitech",
    "Levi's",
    "Zara",
    "H&M",
    "Uniqlo",
    "Tefal",
    "Braun",
    "Garmin",
    "Fitbit",
    "Nintendo",
    "Bose",
    "JBL",
    "Makita",
    "DeWalt",
    "Hasbro",
    "Mattel",
    "Vans",
    "Converse",
    "New Balance",
    "Asics",
    "Casio",
    "Seiko",
    "Fossil",
    "Puma",
    "Reebok",
    "Kenwood",
    "Smeg",
    "Le Creuset",
    "Brita",
    "Thermos",
    "Stanley",
    "Yeti",
];

const PRODUCTS: &[&str] = &[
    "phone case",
    "running shoes",
    "sneakers",
    "winter jacket",
    "hoodie",
    "jeans",
    "backpack",
    "laptop",
    "tablet",
    "headphones",
    "wireless earbuds",
    "smart watch",
    "coffee maker",
    "kettle",
    "toaster",
    "blender",
    "vacuum cleaner",
    "desk lamp",
    "office chair",
    "bookshelf",
    "sofa",
    "dining table",
    "bed frame",
    "mattress",
    "baby stroller",
    "car seat",
    "bicycle",
    "helmet",
    "camera",
    "lens",
    "tripod",
    "guitar",
    "keyboard",
    "monitor",
    "printer",
    "router",
    "game console",
    "board game",
    "puzzle",
    "doll house",
    "building set",
    "frying pan",
    "cookware set",
    "knife set",
    "water bottle",
    "lunch box",
    "suitcase",
    "umbrella",
    "sunglasses",
    "wallet",
    "handbag",
    "dress",
    "t-shirt",
    "scarf",
    "gloves",
    "boots",
    "sandals",
    "curtains",
    "rug",
    "mirror",
    "plant pot",
    "garden hose",
    "lawn mower",
    "drill",
    "tool box",
    "ladder",
    "fishing rod",
    "tent",
    "sleeping bag",
    "yoga mat",
    "dumbbells",
    "treadmill",
    "skateboard",
    "scooter",
    "e-reader",
];

const ADJECTIVES: &[&str] = &[
    "brand new",
    "like new",
    "barely used",
    "gently used",
    "vintage",
    "mint condition",
    "boxed",
    "unopened",
    "refurbished",
    "second hand",
    "excellent",
    "good condition",
    "fair condition",
    "original",
    "limited edition",
    "genuine",
    "classic",
    "compact",
    "lightweight",
    "heavy duty",
    "waterproof",
    "foldable",
    "ergonomic",
    "handmade",
    "wooden",
    "stainless steel",
    "leather",
    "cotton",
    "wool",
    "black",
    "grey",
    "navy",
    "red",
    "green",
    "blue",
    "white",
    "beige",
    "pink",
];

const SIZES: &[&str] = &[
    "size M",
    "size L",
    "size S",
    "XL",
    "EU 42",
    "UK 9",
    "US 10",
    "32GB",
    "128GB",
    "256GB",
    "15 inch",
    "13.3\"",
    "27\" screen",
    "2 litre",
    "500 ml",
    "1.5 m",
    "60x40 cm",
    "queen size",
    "king size",
    "kids 6-8y",
    "one size",
    "W32 L34",
    "12 pack",
    "set of 4",
    "pair",
];

const CITIES: &[&str] = &[
    "Leeds",
    "Bristol",
    "Manchester",
    "Glasgow",
    "Cardiff",
    "Lyon",
    "Hamburg",
    "Rotterdam",
    "Austin",
    "Denver",
    "Portland",
    "Toronto",
    "Melbourne",
    "Auckland",
    "Dublin",
    "Milan",
    "the city centre",
    "the north side",
    "near the station",
    "downtown",
];

const SENTENCES: &[&str] = &[
    "Selling my {product} because I am moving house.",
    "Used only {n} times, works perfectly.",
    "No scratches or marks, comes with original box and receipt.",
    "Price is {price}, slightly negotiable for quick sale.",
    "Pick up from {city} or I can post for {small} extra.",
    "Smoke free and pet free home.",
    "Colour is {adj}, {size}.",
    "Bought last year for {price}, now half price.",
    "Message me if you have any questions.",
    "Collection only, cash on pickup please.",
    "Happy to send more photos on request.",
    "Battery holds charge well, charger included.",
    "Fits true to size, worn twice.",
    "Perfect gift for birthdays or Christmas.",
    "Still under warranty until {month}.",
    "First to see will buy, no time wasters.",
    "Can deliver locally within {n} miles.",
    "Bundle deal available with my other listings.",
    "Assembly instructions included, all screws present.",
    "Minor wear on the corners, see photos.",
    "Reason for sale: upgraded to a newer model.",
    "Available for viewing evenings and weekends.",
    "Serial number visible, not stolen.",
    "Dimensions roughly {size}.",
    "Will consider swaps for a {product}.",
    "{contact}",
];

const CONTACTS: &[&str] = &[
    "WhatsApp me on 07700 {digits}.",
    "Text 0161 {digits} after 6pm.",
    "DM for details.",
    "Call or text {digits}.",
    "Find me on Insta @{handle}.",
    "Telegram @{handle} for faster reply.",
    "PM me with offers.",
    "Contact via the app only please.",
];

const MONTHS: &[&str] = &[
    "January",
    "March",
    "May",
    "July",
    "September",
    "November",
    "2026",
];

const HANDLES: &[&str] = &[
    "jenny_sells",
    "bargainbin22",
    "homeclear",
    "mike.k",
    "studio_nine",
    "retro_finds",
];

const PLANT_TEMPLATES: &[&str] = &[
    "Also have {term} available, ask for price.",
    "Genuine {term}, old family piece.",
    "{term} for sale, serious buyers only.",
    "Comes with a small {term} carving.",
    "I also sell {term}, wholesale possible.",
    "Real {term}, DM for pictures.",
    "Selling {term} bracelet, never worn.",
    "{term} pieces, shipping worldwide.",
];

// Chinese, Thai and Vietnamese everyday vocabulary.
const ZH_PRODUCTS: &[&str] = &[
    "手机壳",
    "运动鞋",
    "连衣裙",
    "蓝牙耳机",
    "保温杯",
    "笔记本电脑",
    "儿童玩具",
    "双肩包",
    "台灯",
    "电饭煲",
    "吹风机",
    "羽绒服",
    "牛仔裤",
    "护肤品",
    "洗衣机",
    "自行车",
    "电动牙刷",
    "咖啡机",
];
const ZH_PHRASES: &[&str] = &[
    "全新未拆封",
    "九成新",
    "包邮",
    "价格可小刀",
    "同城自提",
    "正品保证",
    "支持验货",
    "质量很好",
    "买来只用过{n}次",
    "尺码{n}码",
    "价格{n}元",
    "有意者私聊",
    "加微信{digits}",
    "下单前请咨询",
    "七天无理由退换",
    "颜色很正",
    "送朋友很合适",
    "库存不多",
    "欢迎咨询",
    "物流很快",
];
const TH_PRODUCTS: &[&str] = &[
    "เสื้อยืด",
    "รองเท้าผ้าใบ",
    "โทรศัพท์มือถือ",
    "กระเป๋าสะพาย",
    "หูฟังไร้สาย",
    "หม้อหุงข้าว",
    "พัดลม",
    "โต๊ะทำงาน",
    "นาฬิกาข้อมือ",
    "ครีมกันแดด",
    "ของเล่นเด็ก",
    "จักรยาน",
];
const TH_PHRASES: &[&str] = &[
    "ของใหม่",
    "มือสองสภาพดี",
    "ราคา {n} บาท",
    "ส่งฟรีทั่วประเทศ",
    "ติดต่อไลน์ {handle}",
    "พร้อมส่ง",
    "สินค้ามีประกัน",
    "ใช้งานได้ปกติ",
    "สนใจทักแชท",
    "นัดรับได้",
    "ลดราคาพิเศษ",
    "ของแท้ 100%",
];
const VI_PRODUCTS: &[&str] = &[
    "áo thun",
    "giày thể thao",
    "điện thoại",
    "túi xách",
    "tai nghe",
    "nồi cơm điện",
    "quạt điện",
    "bàn làm việc",
    "đồng hồ",
    "kem chống nắng",
    "đồ chơi trẻ em",
    "xe đạp",
    "máy pha cà phê",
];
const VI_PHRASES: &[&str] = &[
    "hàng mới 100%",
    "còn bảo hành",
    "giá {n}k",
    "miễn phí vận chuyển",
    "liên hệ Zalo {digits}",
    "size M",
    "hàng chính hãng",
    "giao hàng toàn quốc",
    "inbox để được tư vấn",
    "đã qua sử dụng",
    "chất lượng tốt",
    "giảm giá cuối tuần",
];

// Harmless disguised words for the adversarial corpus (sellers decorate clean listings too).
const DECORATED: &[&str] = &[
    "\u{FF33}\u{FF21}\u{FF2C}\u{FF25}", // full-width SALE
    "S A L E",
    "N.E.W",
    "b\u{200B}rand new",
    "fr33 p0stage",
    "greeeat deal",
    "\u{2605} top seller \u{2605}",
    "\u{1F525}\u{1F525} hot",
];

// ---------------------------------------------------------------------------------------------
// Generation

/// Generates a corpus. Terms come from `pools` (see [`TermPools::from_lexicon`]); empty pools
/// fall back to [`TermPools::builtin`].
pub fn generate(spec: &CorpusSpec, pools: &TermPools) -> Corpus {
    let mut pools = pools.clone();
    pools.fill_missing();
    let mut rng = Rng::new(spec.seed ^ (spec.kind as u64).wrapping_mul(0x1000_0000_01B3));
    let mut listings = Vec::with_capacity(spec.listings);
    let mut is_planted = Vec::with_capacity(spec.listings);
    let mut planted_terms = 0usize;
    let mean = spec.listing_bytes.max(60);
    for _ in 0..spec.listings {
        let target = rng.range(mean * 2 / 3, mean * 4 / 3);
        let (text, terms) = match spec.kind {
            CorpusKind::Realistic => {
                let n = usize::from(rng.one_in(200));
                latin_listing(&mut rng, &pools, target, n, false)
            }
            CorpusKind::Dense => {
                let n = rng.range(1, 3);
                latin_listing(&mut rng, &pools, target, n, false)
            }
            CorpusKind::Adversarial => {
                let n = usize::from(rng.one_in(10));
                latin_listing(&mut rng, &pools, target, n, true)
            }
            CorpusKind::Nonlatin => nonlatin_listing(&mut rng, &pools, target),
        };
        planted_terms += terms;
        is_planted.push(terms > 0);
        listings.push(text);
    }
    let planted = is_planted.iter().filter(|p| **p).count();
    Corpus {
        listings,
        is_planted,
        planted,
        planted_terms,
    }
}

fn fill(rng: &mut Rng, template: &str) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let Some(j) = rest[i..].find('}') else { break };
        let slot = &rest[i + 1..i + j];
        match slot {
            "product" => out.push_str(*rng.pick(PRODUCTS)),
            "n" => out.push_str(&rng.range(2, 40).to_string()),
            "price" => {
                let p = rng.range(5, 900);
                match rng.below(3) {
                    0 => out.push_str(&format!("£{p}")),
                    1 => out.push_str(&format!("${p}")),
                    _ => out.push_str(&format!("{p} EUR")),
                }
            }
            "small" => out.push_str(&format!("£{}", rng.range(2, 9))),
            "city" => out.push_str(*rng.pick(CITIES)),
            "adj" => out.push_str(*rng.pick(ADJECTIVES)),
            "size" => out.push_str(*rng.pick(SIZES)),
            "month" => out.push_str(*rng.pick(MONTHS)),
            "contact" => {
                let c = *rng.pick(CONTACTS);
                out.push_str(&fill(rng, c));
            }
            "digits" => out.push_str(&format!("{:06}", rng.below(1_000_000))),
            "handle" => out.push_str(*rng.pick(HANDLES)),
            other => out.push_str(other),
        }
        rest = &rest[i + j + 1..];
    }
    out.push_str(rest);
    out
}

fn title(rng: &mut Rng) -> String {
    let mut t = String::new();
    if rng.below(3) > 0 {
        t.push_str(*rng.pick(BRANDS));
        t.push(' ');
    }
    t.push_str(*rng.pick(PRODUCTS));
    if rng.one_in(2) {
        t.push_str(" - ");
        t.push_str(*rng.pick(ADJECTIVES));
    }
    if rng.one_in(2) {
        t.push_str(", ");
        t.push_str(*rng.pick(SIZES));
    }
    t
}

/// Capitalises the first letter of each word some of the time, as sellers write.
fn seller_case(rng: &mut Rng, term: &str) -> String {
    match rng.below(4) {
        0 => term
            .split(' ')
            .map(|w| {
                let mut c = w.chars();
                match c.next() {
                    Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
                    None => String::new(),
                }
            })
            .collect::<Vec<_>>()
            .join(" "),
        1 if term.len() < 12 => term.to_uppercase(),
        _ => term.to_string(),
    }
}

fn latin_listing(
    rng: &mut Rng,
    pools: &TermPools,
    target: usize,
    terms: usize,
    adversarial: bool,
) -> (String, usize) {
    let mut s = title(rng);
    s.push_str(". ");
    let mut sentences: Vec<String> = Vec::new();
    let mut len = s.len();
    while len < target {
        let t = *rng.pick(SENTENCES);
        let sent = fill(rng, t);
        len += sent.len() + 1;
        sentences.push(sent);
    }
    if adversarial && terms == 0 && rng.one_in(4) {
        let at = rng.below(sentences.len() + 1);
        sentences.insert(at, format!("{}!", rng.pick(DECORATED)));
    }
    for _ in 0..terms {
        let term = pools.latin_term(rng);
        let written = if adversarial {
            disguise(rng, &term)
        } else {
            seller_case(rng, &term)
        };
        let sent = rng.pick(PLANT_TEMPLATES).replace("{term}", &written);
        let at = rng.below(sentences.len() + 1);
        sentences.insert(at, sent);
    }
    s.push_str(&sentences.join(" "));
    trim_to(&mut s, target, terms > 0);
    (s, terms)
}

fn nonlatin_listing(rng: &mut Rng, pools: &TermPools, target: usize) -> (String, usize) {
    let plant = rng.one_in(200);
    let lang = rng.below(3);
    let (products, phrases, sep, pool): (&[&str], &[&str], &str, &[String]) = match lang {
        0 => (ZH_PRODUCTS, ZH_PHRASES, "，", &pools.zh),
        1 => (TH_PRODUCTS, TH_PHRASES, " ", &pools.th),
        _ => (VI_PRODUCTS, VI_PHRASES, ", ", &pools.vi),
    };
    let mut parts: Vec<String> = Vec::new();
    let mut head = String::new();
    if rng.one_in(2) {
        head.push_str(*rng.pick(BRANDS));
        head.push(' ');
    }
    head.push_str(*rng.pick(products));
    parts.push(head);
    let mut len = parts[0].len();
    while len < target {
        let t = *rng.pick(phrases);
        let p = fill(rng, t);
        len += p.len() + sep.len();
        parts.push(p);
    }
    if plant {
        let term = rng.pick(pool).clone();
        let at = rng.range(1, parts.len());
        let phrase = match lang {
            0 => format!("另有{term}出售"),
            1 => format!("มี{term}ขาย"),
            _ => format!("có bán {term}"),
        };
        parts.insert(at, phrase);
    }
    let mut s = parts.join(sep);
    trim_to(&mut s, target, plant);
    (s, usize::from(plant))
}

/// Keeps a listing near its target size: cuts at a char boundary after the target plus a
/// little slack, never when a term was planted (the cut could split it).
fn trim_to(s: &mut String, target: usize, keep: bool) {
    if keep || s.len() <= target + target / 3 {
        return;
    }
    let mut cut = target + target / 3;
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    s.truncate(cut);
}

/// Writes a term in one of the disguises sellers use. Only ASCII terms are passed in.
pub fn disguise(rng: &mut Rng, term: &str) -> String {
    let letters = term.chars().filter(|c| c.is_ascii_alphabetic()).count();
    match rng.below(7) {
        // leetspeak on interior letters
        0 => {
            let mut out = String::new();
            let chars: Vec<char> = term.chars().collect();
            let mut changed = false;
            for (i, &c) in chars.iter().enumerate() {
                let interior =
                    i > 0 && i + 1 < chars.len() && chars[i - 1] != ' ' && chars[i + 1] != ' ';
                let l = match c {
                    'a' => '4',
                    'e' => '3',
                    'i' => '1',
                    'o' => '0',
                    's' => '5',
                    _ => c,
                };
                if interior && l != c && (!changed || rng.one_in(2)) {
                    out.push(l);
                    changed = true;
                } else {
                    out.push(c);
                }
            }
            out
        }
        // spaced letters (one word only; longer terms keep their spaces between words)
        1 if !term.contains(' ') && letters >= 3 => {
            let sep = *rng.pick(&[" ", ".", "-", " . "]);
            term.chars()
                .map(|c| c.to_string())
                .collect::<Vec<_>>()
                .join(sep)
        }
        // Cyrillic look-alikes
        2 => term
            .chars()
            .map(|c| match c {
                'a' => 'а',
                'e' => 'е',
                'o' => 'о',
                'p' => 'р',
                'c' => 'с',
                'x' => 'х',
                'y' => 'у',
                'i' => 'і',
                _ => c,
            })
            .collect(),
        // zero-width characters between letters
        3 => {
            let zw = *rng.pick(&['\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{00AD}']);
            let mut out = String::new();
            for (i, c) in term.chars().enumerate() {
                if i > 0 && c != ' ' && i % 2 == 1 {
                    out.push(zw);
                }
                out.push(c);
            }
            out
        }
        // a misspelling: swap two interior letters of a long word
        4 if term.len() >= 7 => {
            let mut b: Vec<char> = term.chars().collect();
            let i = rng.range(1, b.len() - 3);
            if b[i] != ' ' && b[i + 1] != ' ' {
                b.swap(i, i + 1);
            }
            b.into_iter().collect()
        }
        // full-width
        5 => term
            .chars()
            .map(|c| {
                if c.is_ascii_graphic() {
                    char::from_u32(c as u32 - 0x21 + 0xFF01).unwrap_or(c)
                } else {
                    c
                }
            })
            .collect(),
        // repeated letters
        _ => {
            let mut out = String::new();
            let n = term.chars().count();
            for (i, c) in term.chars().enumerate() {
                out.push(c);
                if (i == 0 || i + 1 == n) && c.is_ascii_alphabetic() {
                    out.push(c);
                    out.push(c);
                }
            }
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(kind: CorpusKind, n: usize) -> CorpusSpec {
        CorpusSpec {
            kind,
            listings: n,
            listing_bytes: 300,
            seed: 7,
        }
    }

    #[test]
    fn deterministic_for_a_seed() {
        let pools = TermPools::builtin();
        for kind in [
            CorpusKind::Realistic,
            CorpusKind::Dense,
            CorpusKind::Nonlatin,
            CorpusKind::Adversarial,
        ] {
            let a = generate(&spec(kind, 500), &pools);
            let b = generate(&spec(kind, 500), &pools);
            assert_eq!(a.listings, b.listings, "{kind}");
            assert_eq!(a.planted, b.planted);
            let c = generate(
                &CorpusSpec {
                    seed: 8,
                    ..spec(kind, 500)
                },
                &pools,
            );
            assert_ne!(
                a.listings, c.listings,
                "{kind}: another seed gives another corpus"
            );
        }
    }

    #[test]
    fn plants_the_stated_number() {
        let pools = TermPools::builtin();
        let all: Vec<String> = [
            &pools.products,
            &pools.names,
            &pools.zh,
            &pools.th,
            &pools.vi,
        ]
        .into_iter()
        .flatten()
        .cloned()
        .collect();
        for kind in [
            CorpusKind::Realistic,
            CorpusKind::Dense,
            CorpusKind::Nonlatin,
        ] {
            let c = generate(&spec(kind, 4000), &pools);
            let with_term = c
                .listings
                .iter()
                .filter(|l| {
                    let l = l.to_lowercase();
                    all.iter().any(|t| l.contains(t.as_str()))
                })
                .count();
            assert_eq!(with_term, c.planted, "{kind}: listings containing a term");
            assert_eq!(c.is_planted.iter().filter(|p| **p).count(), c.planted);
        }
        let realistic = generate(&spec(CorpusKind::Realistic, 4000), &pools);
        assert!(
            (8..=40).contains(&realistic.planted),
            "about 1 in 200: {}",
            realistic.planted
        );
        let dense = generate(&spec(CorpusKind::Dense, 200), &pools);
        assert_eq!(dense.planted, 200);
        assert!(dense.planted_terms >= 200 && dense.planted_terms <= 600);
        let adv = generate(&spec(CorpusKind::Adversarial, 2000), &pools);
        assert!(
            (100..=300).contains(&adv.planted),
            "about 1 in 10: {}",
            adv.planted
        );
    }

    #[test]
    fn sizes_and_lines() {
        let pools = TermPools::builtin();
        for bytes in [300, 1024] {
            let c = generate(
                &CorpusSpec {
                    listing_bytes: bytes,
                    ..spec(CorpusKind::Realistic, 1000)
                },
                &pools,
            );
            let mean = c.bytes() / c.listings.len();
            assert!(
                mean > bytes * 3 / 4 && mean < bytes * 5 / 4,
                "mean {mean} for {bytes}"
            );
            assert!(c.listings.iter().all(|l| !l.contains('\n')));
        }
    }
}
