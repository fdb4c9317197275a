#!/usr/bin/env python3
"""Generate the CITES name lexicon (wordlists/generated/) from the Checklist / Species+ data.

Usage (from the repository root):

    python3 tools/wordlists/generate.py            # rewrite wordlists/generated/*
    python3 tools/wordlists/generate.py --check    # exit 1 if a committed file is stale
    python3 tools/wordlists/generate.py --index /path/index_of_cites_species_2025-12-01.csv --listed CoP20

Standard library only; deterministic output (same inputs -> byte-identical files).
Inputs (default --data ../shared/data, relative to the repository root):
    cites/index_of_cites_species_<date>.csv[.gz]   Index of CITES Species (Checklist export)
    cites/common_names.csv                         Species+ common names
    cites/trade_names.csv                          CITES trade-database names -> valid names
    cites/hash_annotations.csv                     the '#' plant annotations
    cites/synonyms-2024-2026/*.csv                 Species+ synonyms added 2024 and 2026
    wordlists/dictionary/<lang>.txt                ordinary-word lists (committed)
A machine-readable coverage summary (JSON) is printed on stdout.
"""
from __future__ import annotations

import argparse
import csv
import difflib
import glob
import gzip
import html
import io
import json
import os
import re
import shutil
import sys
import tempfile
import unicodedata
from collections import Counter, OrderedDict

REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
GEN_CMD = "python3 tools/wordlists/generate.py"

NAME_HEADER = ["term", "kind", "taxon", "rank", "appendix", "lang", "weight", "source"]
TAXA_HEADER = ["taxon", "rank", "kingdom", "phylum", "class", "order", "family", "genus",
               "appendix", "annotation", "listed", "source"]

SRC_CHECKLIST = "cites-checklist-2017"
SRC_COMMON = "speciesplus-common-names"
SRC_TRADE = "cites-trade-names"
SRC_DEBIAN = "debian-wordlists"
SRC_HOMOPHONE = "citescan-zh-homophones"
SRC_RU_ORDER = "citescan-ru-word-order"
# endings of Russian adjectives (nominative and genitive, all genders and numbers)
RU_ADJECTIVE = re.compile(r"(ая|яя|ий|ый|ой|ое|ее|ья|ье|ьи|ые|ие|ого|его|ьего|ьей|ьих)$")
HOMOPHONES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "zh_homophones.tsv")
PINYIN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "zh_pinyin.tsv")
SRC_PINYIN = "citescan-zh-pinyin"
# a two-character product name is spelt with one character in pinyin only from this weight
# (象ya, xiang牙); other two-character names are not
W_PINYIN_SHORT_MIN = 0.9
# a homophone spelling of a name of three characters or more is as strong as the name (the swap
# has no innocent reason but a typo, and such names are no ordinary words)
W_HOMOPHONE_MAX = 1.0
# the swaps of a two-character product name are too often ordinary words (英雄掌门 holds 雄掌,
# 发夹夹珠子 holds 夹珠): they are stored only followed by a Chinese product form or worked
# object (象芽手镯, 玳帽梳子, 西角粉), and only for strong product names
W_HOMOPHONE_SHORT_MIN = 0.9
W_HOMOPHONE_SHORT = 0.9
# state words among the forms (wild, natural, ...) do not make a product of a swap
HOMOPHONE_FORM_SKIP = ("野", "天然", "采", "採", "捕", "的", "干货", "乾貨", "药材", "藥材")
# ordinary words (place and address words, everyday nouns) among the two-character swaps
# swaps that are only places' names ("west corner", "tiger valley"): kept before a form that
# does not also start a place word (片区, district; 酒店, hotel)
HOMOPHONE_PLACE_ORDINARY = {"西角", "虎谷", "豹谷", "狮谷", "獅谷"}
HOMOPHONE_PLACE_FORMS = {"片", "区", "區", "口", "头", "頭", "山", "路", "村", "酒"}
HOMOPHONE_SHORT_ORDINARY = {"西角", "大相", "大项", "大像", "海相", "虎谷", "豹谷", "狮谷", "獅谷",
                            "零角", "灵角", "陈香", "晨香", "社香", "相牙", "项牙"}

W_SCIENTIFIC = "1.0"
W_SYNONYM = "0.9"
W_TRADE_SYN = "0.8"
W_COMMON = "0.7"
W_COMMON_COLLIDES = "0.5"
# longest common name (folded) dropped when it is an everyday word only in other languages;
# names in the languages of the big markets are always kept ("Orca", "Gaur", "Trắc")
SHORT_FOREIGN_MAX = 4
MARKET_LANGS = {"en", "zh", "vi", "th", "id", "ms", "ja", "ko", "fr", "es", "pt", "de", "it", "ru"}
W_STOP = "1.0"
# common names that the dictionaries hold only as the animal itself: no other everyday sense
# (no brand, object, colour, sport or figure of speech), so the collision says nothing and
# the name keeps its weight ("iguana for sale" names the lizard; "tiger", "python", "jaguar"
# and "leopard" stay everyday words: a brand, a pattern, a programming language; and so does
# "rhinoceros", a play and a 3D modeller)
ANIMAL_ONLY_WORDS = {
    "iguana", "iguanas", "orangutan", "orangutang", "chimpanzee", "chimpanzees",
    "hippopotamus", "narwhal", "walrus", "ocelot", "ocelots", "lemur",
    "mandrill", "pronghorn", "wapiti", "peafowl", "spoonbill", "macaws", "cockatoos", "tapirs",
    "peccaries", "sturgeon", "sturgeons", "armadillo", "terrapin", "camaleao", "camaleon",
}
# a common name one language gives to this many taxa or more names their group
SHARED_NAME_MIN_TAXA = 3

# ISO 639-3 (upper case, as in common_names.csv) -> ISO 639-1. Codes without a 639-1
# equivalent stay as lower-case 639-3. ZLM (Malay, individual language) is folded into 'ms'.
ISO639_3_TO_1 = {
    "AFR": "af", "AMH": "am", "ARA": "ar", "ASM": "as", "AZE": "az", "BEL": "be", "BEN": "bn",
    "BOD": "bo", "BUL": "bg", "CAT": "ca", "CES": "cs", "CYM": "cy", "DAN": "da", "DEU": "de",
    "DZO": "dz", "ELL": "el", "ENG": "en", "EST": "et", "EUS": "eu", "FAO": "fo", "FAS": "fa",
    "FIJ": "fj", "FIN": "fi", "FRA": "fr", "GLE": "ga", "GRN": "gn", "GUJ": "gu", "HAU": "ha",
    "HAW": "haw", "HEB": "he", "HIN": "hi", "HRV": "hr", "HUN": "hu", "HYE": "hy", "IKU": "iu",
    "IND": "id", "ISL": "is", "ITA": "it", "JAV": "jv", "JPN": "ja", "KAN": "kn", "KAS": "ks",
    "KHM": "km", "KIK": "ki", "KOR": "ko", "LAV": "lv", "LIT": "lt", "MAL": "ml", "MAR": "mr",
    "MKD": "mk", "MLG": "mg", "MLT": "mt", "MRI": "mi", "MSA": "ms", "MYA": "my", "NEP": "ne",
    "NLD": "nl", "NOR": "no", "NYA": "ny", "ORM": "om", "PAN": "pa", "POL": "pl", "POR": "pt",
    "RON": "ro", "RUS": "ru", "SAN": "sa", "SIN": "si", "SLK": "sk", "SLV": "sl", "SMO": "sm",
    "SOM": "so", "SPA": "es", "SQI": "sq", "SRP": "sr", "SWA": "sw", "SWE": "sv", "TAM": "ta",
    "TEL": "te", "TGL": "tl", "THA": "th", "TON": "to", "TUR": "tr", "UKR": "uk", "URD": "ur",
    "VIE": "vi", "WOL": "wo", "ZHO": "zh", "ZLM": "ms",
}

# Placeholder "names" that are not names (Hungarian: "has no Hungarian name").
PLACEHOLDER_NAMES = {"nincs magyar neve"}
# common names the source joins to the wrong taxon, by (folded name, taxon): each is dropped, with
# the reason here ("tuko" is Tagalog for the tokay gecko, Gekko gecko, which the curated rows
# name; the whale shark is "butanding")
WRONG_COMMON_NAMES = {
    ("tuko", "Rhincodon typus"): "Tagalog for the tokay gecko",
    ("kutki", "Saussurea costus"): "Hindi for Picrorhiza kurrooa; costus is kuth",
}

# ---------------------------------------------------------------------------------------------
# text helpers

_TAG_RE = re.compile(r"<[^>]*>")
_WS_RE = re.compile(r"\s+")


def clean(s: str | None) -> str:
    """Strip HTML tags/entities, turn tabs/newlines into spaces, collapse spaces, trim."""
    if not s:
        return ""
    s = html.unescape(s)
    s = _TAG_RE.sub(" ", s)
    s = s.replace("\u00a0", " ")
    s = _WS_RE.sub(" ", s).strip()
    return s


def fold(s: str) -> str:
    """Lower case without accents (for dictionary comparison)."""
    s = unicodedata.normalize("NFKD", s.casefold())
    return "".join(c for c in s if not unicodedata.combining(c))


def is_latin_script(s: str) -> bool:
    """True when every letter of s is a Latin letter (and there is at least one letter)."""
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and all("LATIN" in unicodedata.name(c, "") for c in letters)


def too_short(term: str) -> bool:
    """Latin-script terms shorter than 3 characters are dropped (CJK etc. are kept)."""
    return len(term) < 3 and (is_latin_script(term) or not any(c.isalpha() for c in term))


def split_names(cell: str) -> list[str]:
    """Split a ', '-separated multi-name cell; clean each part; drop empties."""
    out = []
    for part in (cell or "").split(", "):
        part = clean(part).strip(",;")
        part = clean(part)
        if part:
            out.append(part)
    return out


# ---------------------------------------------------------------------------------------------
# scientific names: author stripping

RANK_MARKERS = {"var.", "subsp.", "ssp.", "f.", "fo.", "forma", "subvar.", "nothovar.",
                "nothosubsp.", "convar.", "subf."}
# lower-case words that begin author text, never an epithet
AUTHOR_PARTICLES = {"de", "da", "di", "del", "della", "der", "den", "des", "du", "van", "von",
                    "le", "la", "ex", "in", "non", "nec", "and", "et", "auct", "hort", "sensu",
                    "emend", "nom", "y", "zu", "dos", "das", "ter", "ten", "vel", "mihi", "sp",
                    "spp", "ms", "sic", "al", "auctt", "misapplied", "partim", "pro", "parte"}
# a lower-case word followed by one of these is a (mis-cased) author: "kuhn & Luerss.", "rivers 1889"
AUTHOR_FOLLOWERS = {"&", "ex", "et", "in", "and"}
_LOWER = "a-zà-öø-ÿāăąćčďēėęěğīįıķľłńňōőœŕřśşšţťūůűųźżž"
EPITHET_RE = re.compile(rf"^[{_LOWER}](?:[{_LOWER}-]*|'[{_LOWER}][{_LOWER}-]*)[{_LOWER}]$")
GENUS_RE = re.compile(rf"^[A-Z][{_LOWER}]+(?:-[A-Za-z][{_LOWER}]+)?$")
SUBGENUS_RE = re.compile(rf"^\([A-Za-z][{_LOWER}]+\)$")
HYBRID_RE = re.compile(r"(?:^|\s)[x×](?:\s|$)|×")


def _genus_token(tok: str) -> str | None:
    t = tok.strip("\"'\u201c\u201d\u2018\u2019")
    if t != tok and t[:1].islower():  # quoted lower-case genus: "dendrobates" mysteriosus
        t = t[:1].upper() + t[1:]
    return t if GENUS_RE.match(t) else None


def _is_epithet(tok: str) -> bool:
    return bool(EPITHET_RE.match(tok)) and tok not in AUTHOR_PARTICLES and tok not in RANK_MARKERS


def strip_author(fragment: str, genus_only: bool = False) -> str | None:
    """Return the scientific name at the start of `fragment` without its author, or None.

    "Falco tachiro Daudin, 1800" -> "Falco tachiro"
    "Dendrobium nobile var. alboluteum Hort." -> "Dendrobium nobile var. alboluteum"
    "Phyllomedusa (agalychnis) helenae Lutz, 1950" -> "Phyllomedusa helenae" (subgenus dropped)
    With genus_only=True (synonyms of a genus) only the first word is the name:
    "Frigidorchis Z.J.Liu & S.C.Chen" -> "Frigidorchis".
    Hybrid formulas ("A b x A c") and fragments that do not start with a name give None.
    """
    fragment = clean(fragment)
    if not fragment or HYBRID_RE.search(fragment):
        return None
    toks = fragment.split(" ")
    genus = _genus_token(toks[0])
    if genus is None:
        return None
    if genus_only:
        if len(toks) > 1 and _is_epithet(toks[1]):
            return None  # a binomial in a genus row: not a genus synonym
        return genus
    i = 1
    if i < len(toks) and SUBGENUS_RE.match(toks[i]):
        i += 1
    parts = [genus]
    while i < len(toks):
        tok = toks[i]
        if (tok in RANK_MARKERS and len(parts) >= 2 and i + 1 < len(toks)
                and _is_epithet(toks[i + 1])):
            parts += [tok, toks[i + 1]]
            i += 2
            continue
        if _is_epithet(tok):
            nxt = toks[i + 1] if i + 1 < len(toks) else ""
            if len(parts) >= 2 and (nxt in AUTHOR_FOLLOWERS or re.match(r"^\(?\d{4}", nxt)):
                break  # lower-case author: "Cyathea copelandii kuhn & Luerss."
            parts.append(tok)
            i += 1
            continue
        break
    if len(parts) < 2:
        return None
    return " ".join(parts)


_SPLIT_RE = re.compile(r",\s*")


def parse_synonyms(cell: str, genus_only: bool = False) -> list[str]:
    """Split a SynonymsWithAuthors cell into author-less names (order kept, deduplicated).

    The cell separates synonyms with ", " but authors contain ", " too ("Linnaeus, 1758",
    "Marg., Szlach. & Kulak"), so every comma-separated fragment that starts with a name
    (Genus + lower-case epithet) starts a new synonym; other fragments are author text.
    """
    out: list[str] = []
    for frag in _SPLIT_RE.split(clean(cell)):
        name = strip_author(frag, genus_only=genus_only)
        if name and name not in out:
            out.append(name)
    return out


# ---------------------------------------------------------------------------------------------
# synonyms 2024/2026: epithet + parent

def build_epithet_name(parent_name: str, epithet: str, rank: str) -> str:
    """Full synonym name from the parent's name and the epithet column.

    SPECIES under a GENUS: "Genus epithet"; SUBSPECIES / VARIETY under a SPECIES:
    "Genus species epithet", keeping "var." where the file gives it ("var. redoutei");
    a VARIETY given without a marker gets "var.".
    """
    epithet = clean(epithet)
    parent_name = clean(parent_name)
    if rank == "VARIETY" and not epithet.startswith(("var.", "f.", "subvar.", "nothovar.")):
        epithet = "var. " + epithet
    return f"{parent_name} {epithet}"


# ---------------------------------------------------------------------------------------------
# input readers

def open_text(path: str):
    if path.endswith(".gz"):
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8-sig", newline="")
    return open(path, encoding="utf-8-sig", newline="")


def read_csv(path: str) -> list[dict]:
    with open_text(path) as fh:
        return list(csv.DictReader(fh))


def load_dictionaries(dict_dir: str) -> dict[str, set]:
    dicts = {}
    for path in sorted(glob.glob(os.path.join(dict_dir, "*.txt"))):
        lang = os.path.splitext(os.path.basename(path))[0]
        words = set()
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                w = line.strip()
                if w and not w.startswith("#"):
                    words.add(fold(w))
        dicts[lang] = words
    return dicts


# ---------------------------------------------------------------------------------------------
# annotations

def _norm_annot(s: str) -> str:
    s = clean(s).lower()
    s = re.sub(r"^designates\s+", "", s)
    return re.sub(r"[^a-z0-9]+", "", s)


class Annotations:
    """Resolve the '#Annotation' text of the index to '#N text' using hash_annotations.csv."""

    def __init__(self, rows: list[dict]):
        # (event, number, text) for '#' annotations only; latest CoP event first
        hashes = [(int(r["Event No"]), r["Hash No"].strip(), clean(r["Text"]))
                  for r in rows if r["Hash No"].strip().startswith("#")]
        hashes.sort(key=lambda t: (-t[0], t[1]))
        self.latest = max(h[0] for h in hashes) if hashes else None
        # only the latest event's numbers are used: numbers are reassigned at each CoP
        self.exact = {}
        for ev, num, text in hashes:
            if ev == self.latest:
                self.exact.setdefault(_norm_annot(text), num)
        self.latest_rows = [(num, _norm_annot(text)) for ev, num, text in hashes if ev == self.latest]
        self.cache: dict[str, str] = {}

    def number(self, text: str) -> str | None:
        key = _norm_annot(text)
        if key in self.cache:
            return self.cache[key]
        num = self.exact.get(key)
        if num is None:
            best, best_ratio = None, 0.0
            for n, t in self.latest_rows:
                r = difflib.SequenceMatcher(None, key, t, autojunk=False).ratio()
                if r > best_ratio:
                    best, best_ratio = n, r
            if best_ratio >= 0.85:
                num = best
        self.cache[key] = num
        return num

    def resolve(self, cell: str, max_len: int = 100) -> str:
        texts = []
        for seg in re.split(r"\n(?=Appendix )", cell or ""):
            m = re.match(r"\s*Appendix (I|II|III):(.*)", seg, re.S)
            body = clean(m.group(2) if m else seg)
            if not body or body.lower().startswith(("originally listed", "<p>originally")) \
                    or "was split from" in body or "originally listed as" in body.lower():
                continue  # taxonomic notes, not parts-and-derivatives annotations
            app = m.group(1) if m else ""
            texts.append((app, body))
        out, seen = [], set()
        for app, body in texts:
            num = self.number(body)
            short = shorten(body, max_len)
            item = f"{num} {short}" if num else short
            if (num or item) in seen:
                continue
            seen.add(num or item)
            out.append((app, item))
        if len(out) == 1:
            return out[0][1]
        return " | ".join(f"App. {app}: {item}" if app else item for app, item in out)


def shorten(s: str, max_len: int) -> str:
    s = clean(s)
    if len(s) <= max_len:
        return s
    cut = s[:max_len].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


# ---------------------------------------------------------------------------------------------
# generator

class Gen:
    def __init__(self, data_dir: str, index_path: str, dict_dir: str, listed: str):
        self.data_dir = data_dir
        self.cites = os.path.join(data_dir, "cites")
        self.index_path = index_path
        self.index_name = os.path.basename(index_path)
        m = re.search(r"(\d{4}-\d{2}-\d{2})", self.index_name)
        self.export_date = m.group(1) if m else "unknown-date"
        self.dict_dir = dict_dir
        self.listed = listed
        self.stats: dict = OrderedDict()
        self.files: dict[str, str] = OrderedDict()  # name -> content

    # -- helpers
    def banner(self, inputs: list[str]) -> str:
        return (f"# DO NOT EDIT: generated by {GEN_CMD} from {', '.join(inputs)} "
                f"(Checklist export {self.export_date})\n")

    def name_row(self, term, kind, taxon, lang, weight, source):
        t = self.taxa[taxon] if taxon in self.taxa else None
        rank = t["RankName"] if t else ""
        app = t["CurrentListing"] if t else ""
        return (term, kind, taxon, rank, app, lang, weight, source)

    # -- 1. taxa
    def load_index(self):
        rows = read_csv(self.index_path)
        self.index_rows = rows
        self.taxa = {}
        self.by_id = {}
        for r in rows:
            r = {k: clean(v) if k not in ("#Annotation",) else (v or "") for k, v in r.items()}
            name = r["FullName"]
            self.taxa[name] = r
            self.by_id[r["TaxonId"]] = name
        self.genera = set()
        for r in self.taxa.values():
            if r["RankName"] == "GENUS":
                self.genera.add(r["FullName"])
            if r["Genus"]:
                self.genera.add(r["Genus"])

    def gen_taxa(self):
        ann = Annotations(read_csv(os.path.join(self.cites, "hash_annotations.csv")))
        out = []
        n_ann = Counter()
        for name in sorted(self.taxa):
            r = self.taxa[name]
            annotation = ""
            if r["Kingdom"] == "Plantae":
                annotation = ann.resolve(r["#Annotation"])
                n_ann["with_hash_number" if annotation.startswith("#") else
                      ("text_only" if annotation else "none")] += 1
            out.append((name, r["RankName"], r["Kingdom"], r["Phylum"], r["Class"], r["Order"],
                        r["Family"], r["Genus"], r["CurrentListing"], annotation, self.listed,
                        SRC_CHECKLIST))
        self.stats["taxa.tsv"] = {
            "rows": len(out),
            "index_rows": len(self.index_rows),
            "by_rank": dict(sorted(Counter(r[1] for r in out).items())),
            "by_appendix": dict(sorted(Counter(r[8] or "(empty)" for r in out).items())),
            "plant_annotations": dict(sorted(n_ann.items())),
            "annotation_numbers_from": f"hash_annotations.csv event {ann.latest} (latest in file)",
        }
        self.files["taxa.tsv"] = self.render(out, TAXA_HEADER,
                                             [self.index_name, "hash_annotations.csv"])

    # -- 2. checklist names
    def gen_checklist(self):
        rows = set()
        dropped = Counter()
        syn_parsed = 0
        for name in sorted(self.taxa):
            r = self.taxa[name]
            rows.add(self.name_row(name, "scientific", name, "la", W_SCIENTIFIC, SRC_CHECKLIST))
            genus_only = r["RankName"] in ("GENUS", "FAMILY", "ORDER", "SUBFAMILY", "CLASS")
            syns = parse_synonyms(r["SynonymsWithAuthors"], genus_only=genus_only)
            syn_parsed += len(syns)
            for s in syns:
                if s == name:
                    dropped["synonym_same_as_name"] += 1
                    continue
                if too_short(s):
                    dropped["short_latin"] += 1
                    continue
                # a homonym of another taxon's accepted name ("Aloe vera" of an older author,
                # under Aloe succotrina): the text means the accepted one
                if s in self.taxa:
                    dropped["synonym_is_an_accepted_name"] += 1
                    continue
                rows.add(self.name_row(s, "synonym", name, "la", W_SYNONYM, SRC_CHECKLIST))
            for col, lang in (("EnglishNames", "en"), ("SpanishNames", "es"), ("FrenchNames", "fr")):
                for cn in split_names(r[col]):
                    if too_short(cn):
                        dropped["short_latin"] += 1
                        continue
                    rows.add(self.name_row(cn, "common", name, lang, W_COMMON, SRC_CHECKLIST))
        self.checklist_rows = rows
        self.checklist_keys = {(t[0], t[5], t[2]) for t in rows}
        self.stats["names_checklist.tsv"] = {"synonyms_parsed": syn_parsed,
                                             "dropped": dict(sorted(dropped.items()))}

    # -- 3. common names
    def gen_common(self):
        src = read_csv(os.path.join(self.cites, "common_names.csv"))
        rows = set()
        st = Counter()
        unresolved_examples = Counter()
        for r in src:
            st["input_rows"] += 1
            tid = (r.get("taxon_id") or "").strip()
            full = clean(r.get("full_name"))
            if tid and tid in self.by_id:
                taxon = self.by_id[tid]
                st["resolved_by_taxon_id"] += 1
            elif full in self.taxa:
                taxon = full
                st["resolved_by_full_name"] += 1
            else:
                st["unresolved_taxon_id_not_in_index" if tid else "unresolved_no_id_name_not_in_index"] += 1
                unresolved_examples[r.get("source_file", "")] += 1
                continue
            # a row whose rank disagrees with the taxon it was joined to was joined wrongly
            # (legacy record ids: "Axolotl" to the coral genus Coenocyathus, a great white
            # shark's Afrikaans name to the turtle genus Platysternon): left out
            rank = (r.get("rank") or "").strip()
            if rank and self.taxa[taxon]["RankName"] and rank != self.taxa[taxon]["RankName"]:
                st["dropped_rank_disagrees_with_taxon"] += 1
                continue
            code = (r.get("lang") or "").strip().upper()
            lang = ISO639_3_TO_1.get(code, code.lower() or "und")
            for name in split_names(r.get("name")):
                if fold(name) in PLACEHOLDER_NAMES:
                    st["dropped_placeholder"] += 1
                    continue
                this_lang = lang
                if lang == "zh" and is_latin_script(name):
                    this_lang = "zh-Latn"
                    st["zh_romanised_to_zh-Latn"] += 1
                if too_short(name):
                    st["dropped_short_latin"] += 1
                    continue
                if (fold(name), taxon) in WRONG_COMMON_NAMES:
                    st["dropped_wrong_taxon"] += 1
                    continue
                if (name, this_lang, taxon) in self.checklist_keys:
                    st["dropped_dup_of_checklist"] += 1
                    continue
                row = self.name_row(name, "common", taxon, this_lang, W_COMMON, SRC_COMMON)
                if row in rows:
                    st["dropped_dup_within_file"] += 1
                rows.add(row)
        rows = self.group_shared_names(rows, st)
        self.common_rows = rows
        self.stats["names_common.tsv"] = dict(sorted(st.items()))
        self.stats["names_common.tsv"]["unresolved_by_source_file"] = dict(sorted(unresolved_examples.items()))

    def group_shared_names(self, rows, st):
        """A common name that one language gives to three taxa or more names their group, not
        any one of them (Czech "kaktus" is in Species+ for 32 cacti, Spanish "caballito de mar"
        for six seahorses): its rows become one row for the taxa's lowest shared rank (genus,
        family, order or class), listed in every Appendix it and its members are, and as holding
        unlisted species ("NC") when the Checklist does not list the group whole."""
        by_key = {}
        for r in rows:
            by_key.setdefault((fold(r[0]), r[5]), []).append(r)
        out = set()
        for key, group in by_key.items():
            taxa = sorted({r[2] for r in group})
            recs = [self.taxa.get(t) for t in taxa]
            if len(taxa) < SHARED_NAME_MIN_TAXA or any(x is None for x in recs):
                out.update(group)
                continue
            shared = None
            for col, rank in (("Genus", "GENUS"), ("Family", "FAMILY"), ("Order", "ORDER"),
                              ("Class", "CLASS")):
                vals = {x[col] or (x["FullName"] if x["RankName"] == rank else "") for x in recs}
                if len(vals) == 1 and "" not in vals:
                    shared = (vals.pop(), rank)
                    break
            if shared is None:
                out.update(group)
                continue
            apps = set()
            for x in recs + [self.taxa.get(shared[0]) or {}]:
                apps.update(a for a in (x.get("CurrentListing") or "").split("/") if a)
            # a group the Checklist does not list whole holds unlisted species too
            if shared[0] not in self.taxa:
                apps.add("NC")
            app = "/".join(a for a in ("I", "II", "III", "NC") if a in apps)
            term = min(r[0] for r in group)
            st["grouped_shared_name_rows"] += len(group)
            st["grouped_shared_names"] += 1
            out.add((term, "common", shared[0], shared[1], app, key[1], W_COMMON, SRC_COMMON))
        return out

    # -- 4. trade names
    def gen_trade(self):
        src = read_csv(os.path.join(self.cites, "trade_names.csv"))
        rows = set()
        st = Counter()
        sci_keys = {(t[0], t[2]) for t in self.checklist_rows if t[1] in ("scientific", "synonym")}
        for r in src:
            st["input_rows"] += 1
            term = clean(r["cites_trade_name"])
            vid = (r.get("valid_name_species_plus_id") or "").strip()
            vname = clean(r.get("valid_name"))
            if vid in self.by_id:
                taxon = self.by_id[vid]
                st["resolved_by_id"] += 1
                if taxon != vname:
                    st["resolved_by_id_name_differs"] += 1
            elif vname in self.taxa:
                taxon = vname
                st["resolved_by_name"] += 1
            else:
                st["unresolved_valid_name_not_in_index"] += 1
                continue
            if not valid_trade_name(term):
                st["dropped_not_a_clean_name"] += 1
                continue
            if term == taxon or term == vname:
                st["dropped_same_as_valid_name"] += 1
                continue
            if term in self.taxa:
                st["dropped_is_an_accepted_index_name"] += 1
                continue
            if (term, taxon) in sci_keys:
                st["dropped_dup_of_checklist_synonym"] += 1
                continue
            if too_short(term):
                st["dropped_short_latin"] += 1
                continue
            rows.add(self.name_row(term, "synonym", taxon, "la", W_TRADE_SYN, SRC_TRADE))
        self.trade_rows = rows
        self.stats["names_trade.tsv"] = dict(sorted(st.items()))

    # -- 5. synonyms 2024/2026
    def gen_new_synonyms(self):
        # Species+ id -> name, from the index first, then trade names and common names
        id_names: dict[str, str] = dict(self.by_id)
        extra: dict[str, Counter] = {}
        for r in read_csv(os.path.join(self.cites, "trade_names.csv")):
            vid, vn = r["valid_name_species_plus_id"].strip(), clean(r["valid_name"])
            if vid and vn and vid not in self.by_id:
                extra.setdefault(vid, Counter())[vn] += 1
        for r in read_csv(os.path.join(self.cites, "common_names.csv")):
            tid, fn = (r.get("taxon_id") or "").strip(), clean(r.get("full_name"))
            if tid and fn and tid not in self.by_id:
                extra.setdefault(tid, Counter())[fn] += 1
        for k, c in extra.items():
            id_names[k] = sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        rows = set()
        self.stats["names_synonyms_2024_2026.tsv"] = per = OrderedDict()
        for path in sorted(glob.glob(os.path.join(self.cites, "synonyms-2024-2026", "*.csv"))):
            fname = os.path.basename(path)
            source = "speciesplus-synonyms-2026" if "2026" in fname else "speciesplus-synonyms-2024"
            st = Counter()
            for r in read_csv(path):
                st["input_rows"] += 1
                epithet = clean(r["Scientific name"])
                pid, aid = r["ParentID"].strip(), r["AcceptedID"].strip()
                parent = id_names.get(pid)
                if not parent:
                    st["unresolved_parent_id_unknown"] += 1
                    continue
                if aid in self.by_id:
                    taxon = self.by_id[aid]
                    st["resolved_accepted_in_index"] += 1
                elif aid in id_names:
                    taxon = id_names[aid]
                    st["resolved_accepted_outside_2017_index"] += 1
                else:
                    st["unresolved_accepted_id_unknown"] += 1
                    continue
                name = build_epithet_name(parent, epithet, r["Rank"].strip().upper())
                if name == taxon:
                    st["dropped_same_as_accepted"] += 1
                    continue
                if name in self.taxa:
                    st["dropped_is_an_accepted_name"] += 1
                    continue
                row = (name, "synonym", taxon,
                       self.taxa[taxon]["RankName"] if taxon in self.taxa else r["AcceptedRank"].strip().upper(),
                       self.taxa[taxon]["CurrentListing"] if taxon in self.taxa else "",
                       "la", W_SYNONYM, source)
                if row in rows:
                    st["dropped_dup"] += 1
                rows.add(row)
            per[fname] = dict(sorted(st.items()))
        self.newsyn_rows = rows

    # -- 5b. Chinese homophone spellings of curated Chinese names
    def curated_rows(self):
        """The rows of the curated term files (`read_curated_rows`)."""
        return read_curated_rows(os.path.join(os.path.dirname(self.dict_dir), "curated"))

    def gen_zh_homophones(self):
        """One row per curated Chinese product, common or code name of three characters or
        more with one character swapped for a homophone from `zh_homophones.tsv` (穿山夹 for
        穿山甲): the swap sellers use to pass keyword filters, at the name's weight. Of a
        two-character product name of weight 0.9 or more (象牙, 犀角, 玳瑁) the swaps (象芽, 玳帽),
        less those that are ordinary words (西角, 相牙: `HOMOPHONE_SHORT_ORDINARY`), are stored only
        followed by a Chinese product form or worked object (象芽手镯, 西角粉); other
        two-character names are not swapped. A look-alike glyph listed with the homophones (曱 for
        甲) is swapped the same way."""
        table = {}
        for line in open(HOMOPHONES, encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            char, alts = line.rstrip("\n").split("\t")
            table[char] = alts
        names, names_forms, existing = [], [], set()
        for cols in self.curated_rows():
            existing.add(cols[0])
            if cols[5] == "zh" and cols[1] in ("product", "common", "code"):
                names.append(cols[:8])
            if cols[5] == "zh" and cols[1] in ("form", "artefact"):
                names_forms.append(cols[:8])
        forms = sorted({r[0] for r in names_forms if not any(k in r[0] for k in HOMOPHONE_FORM_SKIP)})
        rows = set()
        st = Counter()
        for term, kind, taxon, rank, app, lang, weight, _src in names:
            if len(term) < 2 or not all("\u4e00" <= c <= "\u9fff" for c in term):
                continue
            short = len(term) == 2
            if short and (kind != "product" or float(weight) < W_HOMOPHONE_SHORT_MIN):
                continue
            st["names_short" if short else "names"] += 1
            w = f"{min(float(weight), W_HOMOPHONE_SHORT if short else W_HOMOPHONE_MAX):.1f}"
            for i, c in enumerate(term):
                for alt in table.get(c, ""):
                    variant = term[:i] + alt + term[i + 1:]
                    # a swap that makes an ordinary word is left out, alone or with one more
                    # character (西角片 in 西角片区, "west corner district"); one that makes
                    # only a place's name is kept before a form that ends no place word: a
                    # powder or a cup of the "west corner" is the product (西角粉, 西角杯)
                    ordinary = HOMOPHONE_SHORT_ORDINARY
                    place = variant in HOMOPHONE_PLACE_ORDINARY
                    if variant in existing or (len(variant) <= 3 and not place and (
                            variant[:2] in ordinary or variant[-2:] in ordinary)):
                        continue
                    if not short:
                        rows.add((variant, kind, taxon, rank, app, lang, w, SRC_HOMOPHONE))
                        continue
                    for f in forms:
                        if place and (len(f) < 2 and f in HOMOPHONE_PLACE_FORMS or f[0] in HOMOPHONE_PLACE_FORMS):
                            continue
                        if variant + f not in existing:
                            rows.add((variant + f, kind, taxon, rank, app, lang, w, SRC_HOMOPHONE))
        self.homophone_rows = rows
        self.stats["names_zh_homophones.tsv"] = dict(sorted(st.items()))

    def gen_zh_pinyin(self):
        """One row per curated Chinese name that `pinyin_candidate` accepts, with one character
        written in toneless pinyin from `zh_pinyin.tsv` (犀jiao粉 for 犀角粉, 穿山jia片, hu骨酒):
        sellers spell the telling character in Latin letters to pass keyword filters. At the
        name's weight; a spelling that is a curated term already is left out."""
        table = {}
        for line in open(PINYIN, encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            char, readings = line.rstrip("\n").split("\t")
            table[char] = readings.split()
        names, existing = [], set()
        for cols in self.curated_rows():
            existing.add(cols[0].lower())
            if pinyin_candidate(cols):
                names.append(cols[:8])
        rows = set()
        st = Counter()
        for term, kind, taxon, rank, app, lang, weight, _src in names:
            st["names"] += 1
            for i, c in enumerate(term):
                if c not in table:
                    st["characters_without_reading"] += 1
                    continue
                for py in table[c]:
                    variant = term[:i] + py + term[i + 1:]
                    if variant.lower() not in existing:
                        rows.add((variant, kind, taxon, rank, app, lang, weight, SRC_PINYIN))
        self.pinyin_rows = rows
        self.stats["names_zh_pinyin.tsv"] = dict(sorted(st.items()))

    # -- 5b. Russian word order
    def gen_ru_order(self):
        """One row per curated Russian product, common or code name of two words that starts
        with an adjective (медвежья желчь, красный коралл, среднеазиатская черепаха), with the
        words the other way round (желчь медвежья): Russian listings often put the noun first,
        as a catalogue does. Same kind, taxon and weight; a reversed form already curated is
        left out."""
        names, existing = [], set()
        for cols in self.curated_rows():
            existing.add((cols[0].lower(), cols[1], cols[2]))
            if cols[5] == "ru" and cols[1] in ("product", "common", "code"):
                names.append(cols[:8])
        rows = set()
        for term, kind, taxon, rank, app, lang, weight, _src in names:
            words = term.split()
            if len(words) != 2 or not RU_ADJECTIVE.search(words[0].lower()):
                continue
            flipped = f"{words[1]} {words[0]}"
            if (flipped.lower(), kind, taxon) in existing:
                continue
            rows.add((flipped, kind, taxon, rank, app, lang, weight, SRC_RU_ORDER))
        self.ru_order_rows = rows

    # -- 6. collisions
    def gen_collisions(self):
        dicts = load_dictionaries(self.dict_dir)
        self.dict_langs = sorted(dicts)
        stops: dict[tuple, str] = {}
        st = Counter()
        collided_common = set()  # (term, lang)

        def add_stop(term, dlang, why):
            key = (fold(term), dlang)
            if key not in stops or term < stops[key][0]:
                stops[key] = (term, why)

        dropped = set()  # (term, lang): short names that are everyday words elsewhere
        for row in sorted(self.checklist_rows | self.common_rows):
            term, kind, lang = row[0], row[1], row[5]
            if kind != "common" or " " in term:
                continue
            f = fold(term)
            base = lang.split("-")[0]
            # a name of four letters or fewer, in a language other than those of the big
            # markets, that its own language's dictionary does not know but another's does
            # ("Áll", Icelandic for the eel, is English "all") would fire on that everyday
            # word far more often than it names the taxon: it is dropped
            if (len(f) <= SHORT_FOREIGN_MAX and base not in MARKET_LANGS
                    and not (base in dicts and f in dicts[base])):
                foreign = [d for d in self.dict_langs if d != base and f in dicts[d]]
                if foreign:
                    dropped.add((term, lang))
                    st[f"dropped_short_foreign:{foreign[0]}"] += 1
                    continue
            hit = False
            if f in ANIMAL_ONLY_WORDS:
                continue
            for dlang in sorted({base, "en"}):
                if dlang in dicts and f in dicts[dlang]:
                    add_stop(term, dlang, "common")
                    hit = True
            if hit:
                collided_common.add((term, lang))
        for g in sorted(self.genera):
            f = fold(g)
            if f in ANIMAL_ONLY_WORDS:
                continue
            for dlang in self.dict_langs:
                if f in dicts[dlang]:
                    add_stop(g, dlang, "genus")
        out = []
        for (f, dlang), (term, why) in sorted(stops.items()):
            out.append((term, "stop", "", "", "", dlang, W_STOP, SRC_DEBIAN))
            st[f"{why}:{dlang}"] += 1
        self.stop_rows = out
        self.collided_common = collided_common
        self.dropped_short_foreign = dropped
        self.stats["stop_collisions.tsv"] = {"rows": len(out),
                                             "by_origin_and_dictionary": dict(sorted(st.items())),
                                             "dictionaries": self.dict_langs}

    def reweight(self, rows):
        out = []
        for r in rows:
            if r[1] == "common" and (r[0], r[5]) in self.dropped_short_foreign:
                continue
            if r[1] == "common" and (r[0], r[5]) in self.collided_common:
                r = r[:6] + (W_COMMON_COLLIDES,) + r[7:]
            out.append(r)
        return out

    # -- rendering
    @staticmethod
    def sort_key(row):
        return (row[2], row[0], row[1], row[5], row[7], row[6])

    def render(self, rows, header, inputs) -> str:
        buf = io.StringIO()
        buf.write(self.banner(inputs))
        buf.write("\t".join(header) + "\n")
        for r in rows:
            for f in r:
                assert "\t" not in f and "\n" not in f, r
            buf.write("\t".join(r) + "\n")
        return buf.getvalue()

    def name_stats(self, fname, rows):
        s = self.stats.setdefault(fname, OrderedDict())
        s["rows"] = len(rows)
        s["by_kind"] = dict(sorted(Counter(r[1] for r in rows).items()))
        s["by_lang"] = dict(sorted(Counter(r[5] for r in rows).items(), key=lambda kv: (-kv[1], kv[0])))
        s["by_weight"] = dict(sorted(Counter(r[6] for r in rows).items()))
        s["taxa_covered"] = len({r[2] for r in rows if r[2]})

    def run(self):
        self.load_index()
        self.gen_taxa()
        self.gen_checklist()
        self.gen_common()
        self.gen_trade()
        self.gen_new_synonyms()
        self.gen_zh_homophones()
        self.gen_zh_pinyin()
        self.gen_ru_order()
        self.gen_collisions()
        idx = self.index_name
        syn_files = sorted(os.path.basename(p) for p in
                           glob.glob(os.path.join(self.cites, "synonyms-2024-2026", "*.csv")))
        dict_files = [f"wordlists/dictionary/{l}.txt" for l in self.dict_langs]
        plan = [
            ("names_checklist.tsv", self.reweight(self.checklist_rows), [idx] + dict_files),
            ("names_common.tsv", self.reweight(self.common_rows),
             ["common_names.csv", idx] + dict_files),
            ("names_trade.tsv", list(self.trade_rows), ["trade_names.csv", idx]),
            ("names_synonyms_2024_2026.tsv", list(self.newsyn_rows),
             syn_files + [idx, "trade_names.csv", "common_names.csv"]),
            ("stop_collisions.tsv", list(self.stop_rows),
             dict_files + [idx, "common_names.csv"]),
            ("names_zh_homophones.tsv", list(self.homophone_rows),
             ["tools/wordlists/zh_homophones.tsv", "wordlists/curated/*.tsv"]),
            ("names_zh_pinyin.tsv", list(self.pinyin_rows),
             ["tools/wordlists/zh_pinyin.tsv", "wordlists/curated/*.tsv"]),
            ("names_ru_order.tsv", list(self.ru_order_rows), ["wordlists/curated/*.tsv"]),
        ]
        for fname, rows, inputs in plan:
            rows = sorted(rows, key=self.sort_key if fname != "stop_collisions.tsv"
                          else (lambda r: (r[2], r[0], r[5])))
            self.name_stats(fname, rows)
            self.files[fname] = self.render(rows, NAME_HEADER, inputs)
        for fname, content in self.files.items():
            self.stats.setdefault(fname, {})["bytes"] = len(content.encode("utf-8"))
        self.files["README.md"] = render_readme(self)
        return self.files


def read_curated_rows(curated_dir: str):
    """The rows of the curated term files (`*.tsv` in `curated_dir`), each as its list of
    columns: no comment, header or short line."""
    for path in sorted(glob.glob(os.path.join(curated_dir, "*.tsv"))):
        for line in open(path, encoding="utf-8"):
            cols = line.rstrip("\n").split("\t")
            if line.startswith("#") or len(cols) < 8 or cols[0] == "term":
                continue
            yield cols


def pinyin_candidate(cols: list[str]) -> bool:
    """Whether a curated row is a Chinese name `gen_zh_pinyin` spells with one character in
    pinyin: a product or common name of three Chinese characters or more, or a product name of
    two of weight `W_PINYIN_SHORT_MIN` or more (象牙, 犀角). Not code words: a cover term
    ("猛犸牙", mammoth tusk) is written openly, and a name in two scripts reads as a disguise."""
    term, kind, lang, weight = cols[0], cols[1], cols[5], cols[6]
    if lang != "zh" or kind not in ("product", "common"):
        return False
    if len(term) < 2 or not all("\u4e00" <= c <= "\u9fff" for c in term):
        return False
    if len(term) == 2:
        return kind == "product" and float(weight) >= W_PINYIN_SHORT_MIN
    return True


def valid_trade_name(term: str) -> bool:
    """A usable scientific name: no '/', no 'aff.'/'cf.', no abbreviated epithets."""
    if not term or "/" in term:
        return False
    toks = term.split(" ")
    for i, tok in enumerate(toks):
        if tok.endswith("."):
            if tok not in RANK_MARKERS and tok not in ("fa.",):
                return False
            if i + 1 >= len(toks) or toks[i + 1].endswith("."):
                return False
    return True


# ---------------------------------------------------------------------------------------------
# README

def _table(d: dict) -> str:
    return ", ".join(f"{k} {v:,}" if isinstance(v, int) else f"{k} {v}" for k, v in d.items())


def render_readme(g: Gen) -> str:
    s = g.stats
    nc = s["names_common.tsv"]
    tr = s["names_trade.tsv"]
    ns = s["names_synonyms_2024_2026.tsv"]
    lines = [
        "<!-- DO NOT EDIT: generated by python3 tools/wordlists/generate.py -->",
        "# Generated CITES lexicon",
        "",
        f"Generated by `{GEN_CMD}` from the CITES Checklist export `{g.index_name}` "
        f"(export date {g.export_date}, listings as adopted at {g.listed}) and the Species+ files in "
        "`../shared/data/cites/`. Do not edit these files by hand: change the generator or its inputs "
        "and rerun it. CI runs `python3 tools/wordlists/generate.py --check`, which regenerates into a "
        "temporary folder and fails, naming the stale file, if anything differs.",
        "",
        "Names are Species+ / CITES Checklist content: UNEP (year). The Species+ Website. Nairobi, "
        "Kenya. Compiled by UNEP-WCMC, Cambridge, UK. Species+ restricts commercial redistribution of "
        "its data; a platform can rebuild these files from its own licensed export (below).",
        "",
        "## Files",
        "",
        "| file | source file(s) | rows | bytes |",
        "|---|---|---|---|",
        f"| `taxa.tsv` | `{g.index_name}`, `hash_annotations.csv` | {s['taxa.tsv']['rows']:,} | {s['taxa.tsv']['bytes']:,} |",
        f"| `names_checklist.tsv` | `{g.index_name}` | {s['names_checklist.tsv']['rows']:,} | {s['names_checklist.tsv']['bytes']:,} |",
        f"| `names_common.tsv` | `common_names.csv` | {nc['rows']:,} | {nc['bytes']:,} |",
        f"| `names_trade.tsv` | `trade_names.csv` | {tr['rows']:,} | {tr['bytes']:,} |",
        f"| `names_synonyms_2024_2026.tsv` | `synonyms-2024-2026/*.csv` | {ns['rows']:,} | {ns['bytes']:,} |",
        f"| `stop_collisions.tsv` | `wordlists/dictionary/*.txt` (Debian word lists) | {s['stop_collisions.tsv']['rows']:,} | {s['stop_collisions.tsv']['bytes']:,} |",
        f"| `names_zh_homophones.tsv` | `tools/wordlists/zh_homophones.tsv`, `wordlists/curated/*.tsv` | {s['names_zh_homophones.tsv']['rows']:,} | {s['names_zh_homophones.tsv']['bytes']:,} |",
        f"| `names_zh_pinyin.tsv` | `tools/wordlists/zh_pinyin.tsv`, `wordlists/curated/*.tsv` | {s['names_zh_pinyin.tsv']['rows']:,} | {s['names_zh_pinyin.tsv']['bytes']:,} |",
        f"| `names_ru_order.tsv` | `wordlists/curated/*.tsv` | {s['names_ru_order.tsv']['rows']:,} | {s['names_ru_order.tsv']['bytes']:,} |",
        "",
        "### names_ru_order.tsv",
        "",
        "Russian names the other way round: every curated Russian product, common or code name of "
        "two words that starts with an adjective (медвежья желчь, красный коралл), with the noun "
        "first (желчь медвежья), at the name's weight. Russian listings often write the noun first, "
        "as a catalogue does; the classifier's normaliser folds case endings only, never word order.",
        "",
        "### names_zh_homophones.tsv",
        "",
        "Chinese homophone spellings: every curated Chinese product, common or code name of three "
        "characters or more, with one character swapped for a same-sound character from "
        "`tools/wordlists/zh_homophones.tsv` (穿山夹 for 穿山甲), at the name's weight. Sellers "
        "swap characters so to pass keyword filters. A swap that makes an ordinary two-character "
        "word with at most one more character (西角片, read in 西角片区) is left out. The swaps of "
        "two-character product names of weight 0.9 or more (象芽 for 象牙) are stored only "
        "followed by a Chinese product form or worked object (象芽手镯), since alone they are too "
        "often ordinary words or parts of them; other two-character names are not swapped.",
        "",
        "### names_zh_pinyin.tsv",
        "",
        "Chinese names with one character spelt in toneless pinyin (犀jiao粉 for 犀角粉, 穿山jia片, "
        "hu骨酒), as sellers write the telling character in Latin letters to pass keyword filters: "
        "every curated Chinese product or common name of three characters or more (not code words, "
        "which sellers write openly), and every "
        "two-character product name of weight 0.9 or more (象ya, xiang牙), at the name's weight. "
        "The readings, taken in the context of each name, are in `tools/wordlists/zh_pinyin.tsv`, "
        "which `tools/wordlists/make_zh_pinyin.py` writes with the pypinyin package; the generator "
        "needs only the table. A spelling that is a curated term already is left out.",
        "",
        "### taxa.tsv",
        "",
        "One row per row of the index (species, subspecies, varieties, genera, families, orders, one "
        f"subfamily): {_table(s['taxa.tsv']['by_rank'])}. `appendix` is the index's CurrentListing as "
        f"written (split listings such as `I/II` and `II/NC` kept; the empty ones stay empty): "
        f"{_table(s['taxa.tsv']['by_appendix'])}. `listed` is `{g.listed}` for every row (the export "
        "reflects the listings in force after that CoP). `annotation` is filled for plants only: the "
        "`#Annotation` text of the index matched to `hash_annotations.csv` and written `#N <text>` "
        "(text shortened to one line of about 100 characters). The numbers are those of the latest "
        f"event in that file ({s['taxa.tsv']['annotation_numbers_from']}; CoP16, numbering kept at "
        "CoP17 for #1-#14) matched exactly or, for texts amended at CoP17 (#4, #14), by similarity "
        ">= 0.85; texts new at CoP17 (the *Dalbergia* annotation #15, *Adansonia* #16) have no number "
        "in that file and are written as text only. Taxonomic notes (\"Originally listed as ...\") are "
        f"not annotations and are left out. Plants: {_table(s['taxa.tsv']['plant_annotations'])}.",
        "",
        "### names_checklist.tsv",
        "",
        "For every index row: the FullName (`scientific`, `la`, 1.0); each synonym of "
        "SynonymsWithAuthors without its author (`synonym`, `la`, 0.9); EnglishNames, SpanishNames and "
        "FrenchNames split on \", \" (`common`, `en`/`es`/`fr`). Synonym parsing: the cell is split at "
        "commas and every fragment that starts with a name (capitalised genus, optional subgenus in "
        "parentheses which is dropped, then lower-case epithets, with `var.`/`subsp.`/`f.` kept inside "
        "plant names) starts a new synonym; the rest (authors, years, `ex`, `non`, `&`) is dropped. "
        "Hybrid formulas are skipped. For genus rows only the first word is the synonym. "
        f"{_table(s['names_checklist.tsv']['by_kind'])}; by lang: {_table(s['names_checklist.tsv']['by_lang'])}. "
        f"Dropped: {_table(s['names_checklist.tsv']['dropped']) or 'none'}.",
        "",
        "### names_common.tsv",
        "",
        "Every row of `common_names.csv` resolved to an index taxon: by `taxon_id` (= index TaxonId) or, "
        "without one, by `full_name` equal to an index FullName. Rows that do not resolve are dropped "
        "(they name taxa that were not in the 2017 index: non-CITES EU/CMS species, later listings, or "
        f"misspelt names). Counts: {_table({k: v for k, v in nc.items() if isinstance(v, int) and not k.startswith(('rows', 'bytes', 'taxa_'))})}. "
        f"Unresolved rows by import file: {_table(nc['unresolved_by_source_file'])}. Cells holding "
        "several names separated by \", \" are split. `lang` is ISO 639-1 mapped from the ISO 639-3 "
        "code (codes without a 639-1 equivalent stay lower-case 639-3, e.g. `ceb`, `haw`; `ZLM` is "
        "folded into `ms`). Chinese names written only in Latin letters are romanised Chinese (pinyin) and "
        "get `zh-Latn`; mixed names such as `黄枕鹦哥Amazona` stay `zh`. French names are kept as written: the legacy ones often lack accents "
        "(`Elephant d'Afrique`); the scanner folds accents at match time so they still match. "
        "The placeholder `Nincs magyar neve` (Hungarian: \"no Hungarian name\") is dropped, and so "
        "are names the source joins to the wrong taxon (`WRONG_COMMON_NAMES` in the generator: "
        "`Tuko`, Tagalog for the tokay gecko, given for the whale shark). Rows "
        "duplicating a checklist name (same term, lang and taxon) are dropped. "
        f"By lang: {_table(nc['by_lang'])}.",
        "",
        "### names_trade.tsv",
        "",
        "`trade_names.csv`: each CITES trade-database name as a `synonym` (`la`, 0.8) of its valid "
        "name, resolved by `valid_name_species_plus_id` (= index TaxonId) or by the valid name. "
        "Skipped: names equal to the valid name, names that are themselves accepted index names, "
        "duplicates of a checklist synonym of the same taxon, and unusable names (`aff.`, abbreviated "
        f"epithets such as `var. pel.`, `A/B`). Counts: {_table({k: v for k, v in tr.items() if isinstance(v, int) and k not in ('rows', 'bytes', 'taxa_covered')})}.",
        "",
        "### names_synonyms_2024_2026.tsv",
        "",
        "The synonym files of 2024 and 2026 give an epithet, its parent's Species+ id and the accepted "
        "taxon's id. The full name is the parent's name + the epithet (genus + epithet for species; "
        "species + epithet for subspecies; species + `var.` + epithet for varieties, keeping `var.` "
        "as written). Ids are looked up in the index (TaxonId), then in the valid-name ids of "
        "`trade_names.csv` and the taxon ids of `common_names.csv`. Most parents are synonym genera "
        "that appear in none of these files, so those rows cannot be built and are reported, not "
        "guessed. Accepted taxa outside the 2017 index are kept with the rank from the file and an "
        "empty appendix. Per file:",
        "",
    ]
    for fname, st in ns.items():
        if isinstance(st, dict) and fname.endswith(".csv"):
            lines.append(f"- `{fname}`: {_table(st)}")
    lines += [
        "",
        "### stop_collisions.tsv",
        "",
        "Kind `stop` rows for every single-word common name (any file above, any language) whose "
        "lower-case accent-folded form is an ordinary word in the dictionary of its own language or in "
        "English, and for every genus name (index genus rows and the Genus column) that is an "
        "ordinary word in any of the dictionaries. `lang` is the dictionary it collided with; one row "
        "per (folded word, dictionary). These mark the key as ambiguous; the names themselves stay (except names of four letters or fewer, in languages other than the 14 of the big markets, that their own language's dictionary does not know and another's does: those are dropped, counted as `dropped_short_foreign`); words the dictionaries hold only as the animal itself (`ANIMAL_ONLY_WORDS` in the generator: iguana, orangutan, walrus, ...) are no collision, "
        "and the colliding common names carry weight 0.5 instead of 0.7. Dictionaries: "
        f"{', '.join(s['stop_collisions.tsv']['dictionaries'])} (see `wordlists/dictionary/README.md`). "
        f"Counts: {_table(s['stop_collisions.tsv']['by_origin_and_dictionary'])}.",
        "",
        "## Rebuild from a newer Checklist export",
        "",
        "Download the \"Index of CITES Species\" CSV from the Checklist (same columns), then:",
        "",
        "```",
        "python3 tools/wordlists/generate.py --index /path/to/index_of_cites_species_YYYY-MM-DD.csv --listed CoP20",
        "```",
        "",
        "`--index` accepts `.csv` or `.csv.gz`; the export date in the file name goes into the banners. "
        "`--data DIR` points at another copy of the data folder (default `../shared/data`), `--out DIR` "
        "writes elsewhere. Without `--index` the newest `cites/index_of_cites_species_*.csv[.gz]` in the "
        "data folder is used. The run prints a JSON coverage summary (rows per file, kind, language, "
        "resolved and unresolved counts).",
        "",
    ]
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------

def default_index(data_dir: str) -> str:
    cands = sorted(glob.glob(os.path.join(data_dir, "cites", "index_of_cites_species_*.csv"))
                   + glob.glob(os.path.join(data_dir, "cites", "index_of_cites_species_*.csv.gz")),
                   key=lambda p: (re.sub(r"\.gz$", "", os.path.basename(p)), p.endswith(".gz")))
    if not cands:
        sys.exit(f"error: no index_of_cites_species_*.csv[.gz] in {os.path.join(data_dir, 'cites')}")
    return cands[-1]


def write_files(files: dict, out_dir: str):
    os.makedirs(out_dir, exist_ok=True)
    for fname, content in files.items():
        with open(os.path.join(out_dir, fname), "w", encoding="utf-8", newline="\n") as fh:
            fh.write(content)


def check(files: dict, out_dir: str) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        write_files(files, tmp)
        stale = []
        for fname in files:
            committed = os.path.join(out_dir, fname)
            fresh = os.path.join(tmp, fname)
            if not os.path.exists(committed):
                stale.append(f"{os.path.relpath(committed, REPO)} is missing")
                continue
            with open(committed, "rb") as a, open(fresh, "rb") as b:
                if a.read() != b.read():
                    stale.append(f"{os.path.relpath(committed, REPO)} differs from a fresh run")
    if stale:
        for s in stale:
            print(f"STALE: {s}", file=sys.stderr)
        print(f"Generated wordlists are out of date. Run: {GEN_CMD} (and commit the result)",
              file=sys.stderr)
        return 1
    print("OK: wordlists/generated is up to date", file=sys.stderr)
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Generate wordlists/generated/ from CITES data.")
    ap.add_argument("--data", default=os.path.join(REPO, "..", "shared", "data"),
                    help="data folder holding cites/ (default ../shared/data from the repo root)")
    ap.add_argument("--index", help="Index of CITES Species export (.csv or .csv.gz); "
                                    "default: newest cites/index_of_cites_species_*.csv[.gz]")
    ap.add_argument("--listed", default="CoP17", help="value of the `listed` column (default CoP17)")
    ap.add_argument("--dict", default=os.path.join(REPO, "wordlists", "dictionary"))
    ap.add_argument("--out", default=os.path.join(REPO, "wordlists", "generated"))
    ap.add_argument("--check", action="store_true",
                    help="regenerate into a temp dir and compare with the committed files")
    ap.add_argument("--quiet", action="store_true", help="no JSON summary on stdout")
    args = ap.parse_args(argv)
    data = os.path.abspath(args.data)  # default is absolute; a given relative path is from the cwd
    index = args.index or default_index(data)
    gen = Gen(data, index, args.dict, args.listed)
    files = gen.run()
    if not args.quiet and not args.check:
        json.dump(gen.stats, sys.stdout, indent=1, ensure_ascii=False)
        sys.stdout.write("\n")
    if args.check:
        return check(files, args.out)
    write_files(files, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
