"""Python peers for `citescan bench --compare`.

Usage: python peers.py CORPUS TERMS ROUNDS

CORPUS holds one listing a line (UTF-8, already lower-cased by the harness), TERMS one term a
line (the lexicon's normalised keys). Each peer is built once (its build time reported apart),
then timed with time.perf_counter over ROUNDS passes; the median pass is reported. Prints one
JSON object: {"python": version, "peers": [...], "skipped": [...]}. A peer whose package cannot
be imported or whose build fails is listed under "skipped" with the reason: the run goes on.
"""

import json
import statistics
import sys
import time


def timed(rounds, fn):
    times = []
    count = None
    for _ in range(rounds):
        t0 = time.perf_counter()
        c = fn()
        times.append(time.perf_counter() - t0)
        if count is not None and c != count:
            raise RuntimeError(f"count changed between rounds: {count} then {c}")
        count = c
    return statistics.median(times), count


def main():
    corpus_path, terms_path, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with open(corpus_path, encoding="utf-8") as f:
        listings = f.read().split("\n")
    if listings and listings[-1] == "":
        listings.pop()
    with open(terms_path, encoding="utf-8") as f:
        terms = [t for t in f.read().split("\n") if t]
    whole = "\n".join(listings)
    listings_b = [l.encode("utf-8") for l in listings]
    whole_b = whole.encode("utf-8")

    peers, skipped = [], []

    def add(name, mode, build_secs, secs, count, note=""):
        peers.append({"name": name, "mode": mode, "build_secs": build_secs, "secs": secs,
                      "matches": count, "note": note})

    # Hyperscan: literal mode, leftmost start of match, one scan call per listing and one per
    # whole buffer. The match callback only counts.
    try:
        import hyperscan

        flags_som = hyperscan.HS_FLAG_SOM_LEFTMOST
        t0 = time.perf_counter()
        db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
        exprs = [t.encode("utf-8") for t in terms]
        note = "literal mode, HS_FLAG_SOM_LEFTMOST"
        try:
            db.compile(expressions=exprs, ids=list(range(len(exprs))), elements=len(exprs),
                       flags=[flags_som] * len(exprs), literal=True)
        except Exception as e:  # SOM on a huge set can exceed Hyperscan's limits
            db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
            db.compile(expressions=exprs, ids=list(range(len(exprs))), elements=len(exprs),
                       flags=[0] * len(exprs), literal=True)
            note = f"literal mode without SOM_LEFTMOST ({e})"
        build = time.perf_counter() - t0
        counter = [0]

        def on_match(id_, start, end, flags, ctx):
            counter[0] += 1

        def per_listing():
            counter[0] = 0
            scan = db.scan
            for l in listings_b:
                scan(l, match_event_handler=on_match)
            return counter[0]

        def whole_buffer():
            counter[0] = 0
            db.scan(whole_b, match_event_handler=on_match)
            return counter[0]

        s, c = timed(rounds, per_listing)
        add("hyperscan", "per-listing", build, s, c, note + "; all matches reported")
        s, c = timed(rounds, whole_buffer)
        add("hyperscan", "whole-buffer", build, s, c, note + "; all matches reported")
    except Exception as e:
        skipped.append({"name": "hyperscan", "reason": f"{type(e).__name__}: {e}"})

    # pyahocorasick: leftmost-longest non-overlapping (iter_long).
    try:
        import ahocorasick

        t0 = time.perf_counter()
        a = ahocorasick.Automaton()
        for i, t in enumerate(terms):
            a.add_word(t, i)
        a.make_automaton()
        build = time.perf_counter() - t0

        def per_listing():
            n = 0
            it = a.iter_long
            for l in listings:
                for _ in it(l):
                    n += 1
            return n

        def whole_buffer():
            return sum(1 for _ in a.iter_long(whole))

        s, c = timed(rounds, per_listing)
        add("pyahocorasick", "per-listing", build, s, c, "iter_long (leftmost-longest)")
        s, c = timed(rounds, whole_buffer)
        add("pyahocorasick", "whole-buffer", build, s, c, "iter_long (leftmost-longest)")
    except Exception as e:
        skipped.append({"name": "pyahocorasick", "reason": f"{type(e).__name__}: {e}"})

    # flashtext: KeywordProcessor with every term; only extract_keywords is timed.
    try:
        from flashtext import KeywordProcessor

        t0 = time.perf_counter()
        kp = KeywordProcessor()
        for t in terms:
            kp.add_keyword(t)
        build = time.perf_counter() - t0

        def per_listing():
            n = 0
            ex = kp.extract_keywords
            for l in listings:
                n += len(ex(l))
            return n

        s, c = timed(rounds, per_listing)
        add("flashtext", "per-listing", build, s, c, "extract_keywords, word boundaries")
    except Exception as e:
        skipped.append({"name": "flashtext", "reason": f"{type(e).__name__}: {e}"})

    print(json.dumps({"python": sys.version.split()[0], "peers": peers, "skipped": skipped}))


if __name__ == "__main__":
    main()
