#!/usr/bin/env python3
"""Writes tools/wordlists/zh_pinyin.tsv: the toneless pinyin of every character of the curated
Chinese names that `generate.py` spells with one character in pinyin (犀jiao粉 for 犀角粉).

Maintainers run it after adding Chinese names; it needs the `pypinyin` package (MIT licence;
its readings come from the Unicode Unihan kMandarin data and the pinyin-data project), which the
generator itself does not. Readings are taken in the context of each name (角 is "jiao" in 犀角),
so a character read two ways in two names keeps both.

    python3 -m venv /tmp/pyv && /tmp/pyv/bin/pip install pypinyin
    /tmp/pyv/bin/python tools/wordlists/make_zh_pinyin.py
"""
import os
import sys

from pypinyin import Style, lazy_pinyin

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import generate  # noqa: E402  (the same selection of names as the generator)

OUT = os.path.join(HERE, "zh_pinyin.tsv")


def main() -> None:
    readings: dict[str, set[str]] = {}
    curated = os.path.join(generate.REPO, "wordlists", "curated")
    for cols in generate.read_curated_rows(curated):
        if not generate.pinyin_candidate(cols):
            continue
        for ch, py in zip(cols[0], lazy_pinyin(cols[0], style=Style.NORMAL)):
            if py.isascii() and py.isalpha():
                readings.setdefault(ch, set()).add(py.lower())
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# Toneless pinyin of the characters of the curated Chinese names that\n"
                "# tools/wordlists/generate.py spells with one character in pinyin (犀jiao粉).\n"
                "# char <TAB> readings (space-separated). Written by tools/wordlists/make_zh_pinyin.py\n"
                "# from the pypinyin package (Unihan kMandarin and pinyin-data readings, in the\n"
                "# context of each name); do not edit by hand.\n")
        for ch in sorted(readings):
            f.write(f"{ch}\t{' '.join(sorted(readings[ch]))}\n")
    print(f"{len(readings)} characters -> {OUT}")


if __name__ == "__main__":
    main()
