#!/usr/bin/env python3
"""eval_parser_tags.py - part-of-speech agreement of Parley's tagger with the
parse trees of the PETRARCH unit-test suite (read from ../shared/eval, never
copied).  The suite's trees come from an external parser, so this measures
agreement, not accuracy against a gold standard.

Usage: tools/eval_parser_tags.py BENCH_PARSER [XML]
  BENCH_PARSER  the bench_parser binary (bench/parser.sh builds it under
                bench/out/parser/)
  XML           default ../shared/eval/petrarch-unit/PETR.UnitTest.records.xml
Skips with a message (exit 0) when the suite is absent.
"""
import collections
import os
import re
import subprocess
import sys
import tempfile

# Both tag sets folded to one: Festival's "of"/"punc", no PRP$.
FOLD = {"of": "IN", "PRP$": "PRP", "WP$": "WP", "NNPS": "NNP", "punc": "P", "$": "P",
        "-LRB-": "P", "-RRB-": "P", ",": "P", ".": "P", ":": "P", "``": "P", "''": "P",
        "#": "P", "HYPH": "P", "NFP": "P"}


def fold(t):
    t = FOLD.get(t, t)
    return t.upper()


def norm(w):
    return w.upper().replace("`", "'")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    binary = sys.argv[1]
    here = os.path.dirname(os.path.abspath(__file__))
    xml = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        here, "..", "..", "shared", "eval", "petrarch-unit", "PETR.UnitTest.records.xml")
    if not os.path.exists(xml):
        print("eval_parser_tags: %s not found, skipped" % xml)
        return
    s = open(xml, encoding="utf-8", errors="replace").read()
    texts, trees = [], []
    for m in re.finditer(r"<Text>\s*(.*?)\s*</Text>.*?<Parse>(.*?)</Parse>", s, re.S):
        texts.append(" ".join(m.group(1).split()))
        trees.append(re.findall(r"\(([^()\s]+) ([^()\s]+)\)", m.group(2)))
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write("\n".join(texts) + "\n")
        path = f.name
    out = subprocess.run([binary, "--tags", path], capture_output=True, text=True).stdout
    os.unlink(path)
    ours = [[tok.rsplit("/", 1) for tok in line.split(" ") if tok] for line in out.split("\n")]
    total = agree = 0
    confusion = collections.Counter()
    for gold, mine in zip(trees, ours):
        # align greedily on equal words
        j = 0
        for tag, word in gold:
            w = norm(word)
            k = j
            while k < len(mine) and k < j + 4 and mine[k][0] != w:
                k += 1
            if k < len(mine) and mine[k][0] == w:
                total += 1
                a, b = fold(tag), fold(mine[k][1])
                if a == b:
                    agree += 1
                else:
                    confusion[(a, b)] += 1
                j = k + 1
    print("tag agreement with the PETRARCH suite's parse trees: %d/%d tokens = %.1f%%"
          % (agree, total, 100.0 * agree / max(total, 1)))
    print("most frequent differences (theirs -> ours):")
    for (a, b), n in confusion.most_common(12):
        print("  %-5s -> %-5s %d" % (a, b, n))


if __name__ == "__main__":
    main()
