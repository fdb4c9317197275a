#!/usr/bin/env python3
"""Extract plain lowercase word lists from Debian's /usr/share/dict packages.

Writes wordlists/dictionary/<lang>.txt (one word a line, sorted, deduplicated,
alphabetic words of 3+ letters, lowercase). Run once on a Debian machine after

    apt-get install -y wamerican wbritish wfrench wngerman wspanish witalian \
        wportuguese wswedish wdanish wdutch wnorwegian

The outputs are committed; generate.py reads them, so CI needs no apt-get.

Filters (see wordlists/dictionary/README.md):
  * only entries that are entirely alphabetic (str.isalpha) and 3+ letters long;
  * capitalised entries (proper nouns) are skipped, except in German where
    every noun is capitalised;
  * the full-form lists (fr, de, pt, da, nl, no: every inflected form) are
    capped at MAX_LEN_FULLFORM letters to keep the committed total under ~8 MB.
"""
import argparse
import os
import subprocess
import sys

MAX_LEN_FULLFORM = 8

# lang -> (packages, files under /usr/share/dict, keep capitalised?, max length or None, licence)
SPECS = {
    "en": (["wamerican", "wbritish"], ["american-english", "british-english"], False, None,
           "public domain (SCOWL / 12Dicts / MWords, see /usr/share/doc/wamerican/copyright)"),
    "fr": (["wfrench"], ["french"], False, MAX_LEN_FULLFORM, "GPL-2+"),
    "de": (["wngerman"], ["ngerman"], True, MAX_LEN_FULLFORM, "GPL-2+ (igerman98)"),
    "es": (["wspanish"], ["spanish"], False, None, "public domain (word list); GPL-2 packaging"),
    "it": (["witalian"], ["italian"], False, None, "GPL-3+"),
    "pt": (["wportuguese"], ["portuguese"], False, MAX_LEN_FULLFORM, "GPL-2+ or LGPL-2.1+ or MPL-1.1"),
    "sv": (["wswedish"], ["swedish"], False, None, "GPL-2+"),
    "da": (["wdanish"], ["danish"], False, MAX_LEN_FULLFORM, "GPL-2+"),
    "nl": (["wdutch"], ["dutch"], False, MAX_LEN_FULLFORM, "BSD (revised) or CC BY 3.0 (OpenTaal), user's choice"),
    "no": (["wnorwegian"], ["bokmaal"], False, MAX_LEN_FULLFORM, "GPL-2+"),
}


def pkg_version(pkg):
    try:
        return subprocess.run(["dpkg-query", "-W", "-f=${Version}", pkg], check=True,
                              capture_output=True, text=True).stdout.strip()
    except Exception:  # noqa: BLE001 - not on Debian
        return "unknown"


def extract(paths, keep_caps, max_len):
    words = set()
    for path in paths:
        with open(path, encoding="utf-8", errors="replace") as fh:
            for line in fh:
                w = line.strip()
                if len(w) < 3 or not w.isalpha():
                    continue
                if w[0].isupper() and not keep_caps:
                    continue
                w = w.lower()
                if max_len is not None and len(w) > max_len:
                    continue
                words.add(w)
    return sorted(words)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dict-dir", default="/usr/share/dict")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                  "..", "..", "wordlists", "dictionary"))
    ap.add_argument("langs", nargs="*")
    args = ap.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    for lang, (pkgs, files, keep_caps, max_len, licence) in SPECS.items():
        if args.langs and lang not in args.langs:
            continue
        paths = [os.path.join(args.dict_dir, f) for f in files]
        missing = [p for p in paths if not os.path.exists(p)]
        if missing:
            print(f"{lang}: skipped, missing {missing}", file=sys.stderr)
            continue
        words = extract(paths, keep_caps, max_len)
        banner = "# from Debian package " + " + ".join(f"{p} {pkg_version(p)}" for p in pkgs) + f", {licence}\n"
        filt = ("# filter: alphabetic, 3+ letters, lowercased, deduplicated, sorted"
                + ("" if keep_caps else ", capitalised entries (proper nouns) skipped")
                + (f", at most {max_len} letters" if max_len else "") + "\n")
        with open(os.path.join(args.out, f"{lang}.txt"), "w", encoding="utf-8", newline="\n") as fh:
            fh.write(banner)
            fh.write(filt)
            for w in words:
                fh.write(w + "\n")
        print(f"{lang}\t{len(words)}")


if __name__ == "__main__":
    main()
