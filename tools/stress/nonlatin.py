#!/usr/bin/env python3
"""Deterministic stress set for listings in non-Latin scripts (issue 4).

Takes the lexicon's product and common names in ja, ko, ru, th and zh (curated lists, weight
0.6 or more), puts each in a short sale listing of its language (a product name alone, a common
name with a product form), and writes the clean listing plus misspelt variants of the name, the
kinds of misspelling sellers of each script make:

  th  tone mark dropped or swapped, a vowel mark dropped, a short vowel written long (or back)
  ko  a plain consonant written tense (or back), a plain one aspirated, ㅐ/ㅔ and ㅚ/ㅙ/ㅞ swapped
  ru  и/ы and е/э swapped, an unstressed о written а (or back), ь/ъ dropped, another case ending
  zh  one character swapped for a homophone (tools/wordlists/zh_homophones.tsv)
  ja  a long-vowel mark or small tsu dropped, a voicing mark dropped

Writes tests/stress/nonlatin.jsonl (id, lang, base, variant, title, description). The test
crates/citescan/tests/nonlatin_stress.rs scores it: a variant counts only when its clean
listing blocks, so the set measures robustness to misspelling, not the lexicon's coverage.

    python3 tools/stress/nonlatin.py          # rewrite the file
    python3 tools/stress/nonlatin.py --check  # fail when the file is not current
"""
import csv
import hashlib
import json
import os
import sys
import unicodedata

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "tests", "stress", "nonlatin.jsonl")
LANGS = ("th", "ko", "ru", "ja", "zh")
FILES = ["products.tsv", "common.tsv", "names_multilingual.tsv", "ru.tsv", "recall.tsv"]

# (template for a product name, template for a common name with a product form); {n} name,
# {f} form, {p} price
TEMPLATES = {
    "th": [("ขาย{n}แท้ ราคา {p} บาท ติดต่อไลน์", "ขาย{n} {f} ราคา {p} บาท ติดต่อไลน์"),
           ("มี{n} พร้อมส่ง สนใจทักแชท", "มี{f}{n} พร้อมส่ง สนใจทักแชท"),
           ("{n} ของแท้ ส่งฟรี ราคาถูก", "{f}{n} ของแท้ ส่งฟรี ราคาถูก")],
    "ko": [("{n} 팝니다 가격 {p}만원", "{n} {f} 팝니다 가격 {p}만원"),
           ("진품 {n} 판매 카톡 문의", "진품 {n} {f} 판매 카톡 문의"),
           ("{n} 택배 가능 연락주세요 {p}만원", "{n}{f} 택배 가능 연락주세요 {p}만원")],
    "ru": [("Продам {n}, цена {p} руб", "Продам {n} {f}, цена {p} руб"),
           ("{n} недорого, доставка по России", "{f} {n} недорого, доставка по России"),
           ("Куплю и продам {n} оптом", "Продаю {n} {f} оптом, пишите в ватсап")],
    "ja": [("{n} 販売 価格{p}円 送料無料", "{n}の{f} 販売 価格{p}円 送料無料"),
           ("本物 {n} 売ります 連絡ください", "本物 {n}{f} 売ります 連絡ください"),
           ("{n} 在庫あり 即発送 {p}円", "{n}{f} 在庫あり 即発送 {p}円")],
    "zh": [("出售{n} 价格{p}元 微信联系", "出售{n}{f} 价格{p}元 微信联系"),
           ("{n} 包邮 有货 量大从优", "{n}{f} 包邮 有货 量大从优"),
           ("正品{n}出售 {p}元一克", "正品{n}{f}出售 {p}元一克")],
}
FORMS = {
    "th": ["ผง", "กระดูก", "หนัง", "มีชีวิต"],
    "ko": ["가루", "뼈", "가죽", "분양"],
    "ru": ["порошок", "кость", "шкура", "живой"],
    "ja": ["粉末", "骨", "皮", "生体"],
    "zh": ["粉", "骨", "皮", "活体"],
}


def h(s):
    return int(hashlib.sha256(s.encode()).hexdigest()[:8], 16)


def names():
    rows = {}
    for f in FILES:
        path = os.path.join(ROOT, "wordlists", "curated", f)
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("#") or line.startswith("term\t"):
                    continue
                c = line.rstrip("\n").split("\t")
                if len(c) < 8 or c[5] not in LANGS or c[1] not in ("product", "common"):
                    continue
                try:
                    w = float(c[6])
                except ValueError:
                    continue
                if w < 0.6:
                    continue
                rows.setdefault((c[5], c[0]), c[1])
    return sorted((l, t, k) for (l, t), k in rows.items())


# --- misspellings -------------------------------------------------------------------------

TH_TONES = "\u0e48\u0e49\u0e4a\u0e4b"
TH_VOWELS = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e47"
TH_LEN = {"\u0e34": "\u0e35", "\u0e35": "\u0e34", "\u0e36": "\u0e37", "\u0e37": "\u0e36",
          "\u0e38": "\u0e39", "\u0e39": "\u0e38"}


def th_variants(n):
    out = []
    if any(c in TH_TONES for c in n):
        out.append(("tone_drop", "".join(c for c in n if c not in TH_TONES)))
        swap = {"\u0e48": "\u0e49", "\u0e49": "\u0e48", "\u0e4a": "\u0e49", "\u0e4b": "\u0e48"}
        i = next(i for i, c in enumerate(n) if c in TH_TONES)
        out.append(("tone_swap", n[:i] + swap[n[i]] + n[i + 1:]))
    vs = [i for i, c in enumerate(n) if c in TH_VOWELS]
    if vs:
        i = vs[h(n) % len(vs)]
        out.append(("vowel_drop", n[:i] + n[i + 1:]))
    ls = [i for i, c in enumerate(n) if c in TH_LEN]
    if ls:
        i = ls[h(n + "l") % len(ls)]
        out.append(("vowel_length", n[:i] + TH_LEN[n[i]] + n[i + 1:]))
    return out


KO_TENSE = {0: 1, 3: 4, 7: 8, 9: 10, 12: 13}  # ㄱㄷㅂㅅㅈ -> ㄲㄸㅃㅆㅉ (initial indices)
KO_ASP = {0: 15, 3: 16, 7: 17, 12: 14, 15: 0, 16: 3, 17: 7, 14: 12}  # ㄱㄷㅂㅈ <-> ㅋㅌㅍㅊ
KO_VOWEL = {1: 5, 5: 1, 3: 7, 7: 3, 11: 10, 10: 15, 15: 11}  # ㅐㅔ ㅒㅖ ㅚㅙㅞ


def ko_split(c):
    s = ord(c) - 0xAC00
    return s // 588, (s % 588) // 28, s % 28


def ko_join(l, v, t):
    return chr(0xAC00 + l * 588 + v * 28 + t)


def ko_variants(n):
    out = []
    syl = [i for i, c in enumerate(n) if 0xAC00 <= ord(c) <= 0xD7A3]
    if not syl:
        return out

    def one(kind, f):
        cands = [i for i in syl if f(*ko_split(n[i])) is not None]
        if cands:
            i = cands[h(n + kind) % len(cands)]
            out.append((kind, n[:i] + ko_join(*f(*ko_split(n[i]))) + n[i + 1:]))

    inv = {v: k for k, v in KO_TENSE.items()}
    one("tense", lambda l, v, t: (KO_TENSE[l], v, t) if l in KO_TENSE else
        ((inv[l], v, t) if l in inv else None))
    one("aspirated", lambda l, v, t: (KO_ASP[l], v, t) if l in KO_ASP else None)
    one("vowel", lambda l, v, t: (l, KO_VOWEL[v], t) if v in KO_VOWEL else None)
    return out


RU_SWAP = {"и": "ы", "ы": "и", "е": "э", "э": "е"}


def ru_decline(w):
    """Another case form of one word: (nominative) noun or adjective -> genitive/instrumental."""
    for end, new in (("ая", "ой"), ("ий", "ого"), ("ый", "ым"), ("ой", "ого"), ("ое", "ым"),
                     ("ь", "и"), ("а", "ой"), ("я", "ей"), ("о", "ом")):
        if w.endswith(end) and len(w) > len(end) + 2:
            return w[: -len(end)] + new
    if w[-1] in "бвгджзклмнпрстфхцчшщ":
        return w + "ом"
    return None


def ru_variants(n):
    out = []
    low = n
    idx = [i for i, c in enumerate(low) if c in RU_SWAP]
    if idx:
        i = idx[h(n) % len(idx)]
        out.append(("vowel", n[:i] + RU_SWAP[n[i]] + n[i + 1:]))
    idx = [i for i, c in enumerate(low) if c in "оа" and i > 0]
    if idx:
        i = idx[h(n + "o") % len(idx)]
        out.append(("unstressed", n[:i] + ("а" if n[i] == "о" else "о") + n[i + 1:]))
    if any(c in "ьъ" for c in n):
        out.append(("soft_sign", "".join(c for c in n if c not in "ьъ")))
    words = n.split(" ")
    if len(words) <= 2:
        dec = [ru_decline(w) for w in words]
        if all(dec):
            out.append(("declension", " ".join(dec)))
    return out


def zh_table():
    t = {}
    with open(os.path.join(ROOT, "tools", "wordlists", "zh_homophones.tsv"), encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            c, hs = line.rstrip("\n").split("\t")[:2]
            t[c] = hs
    return t


ZH = None


def zh_variants(n):
    global ZH
    ZH = ZH or zh_table()
    out = []
    pos = [i for i, c in enumerate(n) if c in ZH]
    for k, i in enumerate(pos[:2]):
        hs = ZH[n[i]]
        out.append(("homophone", n[:i] + hs[h(n + str(i)) % len(hs)] + n[i + 1:]))
    return out


def ja_variants(n):
    out = []
    if "ー" in n:
        i = n.index("ー")
        out.append(("long_vowel", n[:i] + n[i + 1:]))
    for s in "ッっ":
        if s in n:
            i = n.index(s)
            out.append(("small_tsu", n[:i] + n[i + 1:]))
            break
    vs = [i for i, c in enumerate(n) if unicodedata.decomposition(c).endswith("3099")]
    if vs:
        i = vs[h(n) % len(vs)]
        base = chr(int(unicodedata.decomposition(n[i]).split()[0], 16))
        out.append(("voicing", n[:i] + base + n[i + 1:]))
    return out


VARIANTS = {"th": th_variants, "ko": ko_variants, "ru": ru_variants, "zh": zh_variants,
            "ja": ja_variants}


def build():
    lines = []
    for lang, term, kind in names():
        k = h(lang + term)
        tp, tc = TEMPLATES[lang][k % 3]
        form = FORMS[lang][(k >> 4) % len(FORMS[lang])]
        tmpl = tp if kind == "product" else tc
        price = 100 + (k >> 8) % 900
        base = f"{lang}-{k:08x}"

        def listing(name, variant):
            title = tmpl.format(n=name, f=form, p=price)
            return {"id": f"{base}-{variant}", "lang": lang, "base": base, "variant": variant,
                    "title": title, "description": ""}

        lines.append(listing(term, "clean"))
        seen = {term}
        for variant, name in VARIANTS[lang](term):
            if name in seen:
                continue
            seen.add(name)
            lines.append(listing(name, variant))
    return "".join(json.dumps(l, ensure_ascii=False) + "\n" for l in lines)


def main():
    text = build()
    if "--check" in sys.argv:
        with open(OUT, encoding="utf-8") as fh:
            if fh.read() != text:
                sys.exit(f"{OUT} is not current: run python3 tools/stress/nonlatin.py")
        return
    with open(OUT, "w", encoding="utf-8") as fh:
        fh.write(text)
    counts = {}
    for l in text.splitlines():
        d = json.loads(l)
        counts[(d["lang"], d["variant"])] = counts.get((d["lang"], d["variant"]), 0) + 1
    for (l, v), c in sorted(counts.items()):
        print(f"{l} {v} {c}")


if __name__ == "__main__":
    main()
