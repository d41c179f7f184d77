#!/usr/bin/env python3
"""gen_lexicon.py - builds Parley's lexicon data (data/lexicon/*.tsv) from
WordNet 3.0 and the Festival POS lexicon.

Sources (build time only; the generated files are committed, so building
Parley does not need them):
  - WordNet 3.0 (Debian package wordnet-base): /usr/share/wordnet/
      index.{noun,verb,adj,adv}, {noun,verb,adj}.exc
  - Festival POSLEX (Debian package festlex-poslex; it need not be installed:
      cd /tmp && apt-get download festlex-poslex &&
      dpkg-deb -x festlex-poslex_*.deb /tmp/poslex
    gives /tmp/poslex/usr/share/festival/dicts/, the default --poslex):
      wsj.wp39.poslexR       word -> log P(word | tag), Penn Treebank tags
      wsj.wp39.tri.ngrambin  tag trigram counts (EST NgramBin_2 format)

Usage: tools/gen_lexicon.py [--wordnet DIR] [--poslex DIR] [--out data/lexicon]

Output files (all UTF-8/ASCII text, '#' lines are comments):
  verb_exceptions.tsv   FORM<TAB>LEMMA     irregular verb forms (WordNet verb.exc)
  noun_exceptions.tsv   FORM<TAB>LEMMA     irregular plurals (WordNet noun.exc)
  adj_exceptions.tsv    FORM<TAB>LEMMA     irregular comparatives (WordNet adj.exc)
  words.tsv             WORD<TAB>POS       single-word WordNet lemmas; POS letters n v a r
  poslex.tsv            WORD<TAB>TAG:LOGP ...   (the source is lower case only)
  tag_trigrams.tsv      T1<TAB>T2<TAB>T3<TAB>COUNT       trigram counts above the smoothing floor
"""
import argparse
import os
import re
import struct
import sys

WORDNET_NOTICE = """# Derived from WordNet 3.0 (Princeton University), by tools/gen_lexicon.py.
# WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved.
# Permission to use, copy, modify and distribute this software and database and
# its documentation for any purpose and without fee or royalty is hereby granted,
# provided that you agree to comply with the following copyright notice and
# statements, including the disclaimer, and that the same appear on ALL copies of
# the software, database and documentation, including modifications that you
# make for internal use or for distribution.
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES
# NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED.  BY WAY OF EXAMPLE, BUT
# NOT LIMITATION, PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF
# MERCHANT- ABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE OF THE
# LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY
# PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS.
# The name of Princeton University or Princeton may not be used in advertising or
# publicity pertaining to distribution of the software and/or database.  Title to
# copyright in this software, database and any associated documentation shall at
# all times remain with Princeton University and LICENSEE agrees to preserve same.
# Modified for Parley: upper-cased, single words only, reformatted as TSV.
"""

POSLEX_NOTICE = """# Derived from the Festival POSLEX lexicon and tag trigram model
# (festlex-poslex: wsj.wp39.poslexR, wsj.wp39.tri.ngrambin), by tools/gen_lexicon.py.
# Information in these files was derived from the Penn Tree Bank distributed by
# the LDC, in turn derived from data from the Wall Street Journal.
#                 Centre for Speech Technology Research
#                      University of Edinburgh, UK
#                        Copyright (c) 1996,1997
#                         All Rights Reserved.
#   Permission is hereby granted, free of charge, to use and distribute
#   this software and its documentation without restriction, including
#   without limitation the rights to use, copy, modify, merge, publish,
#   distribute, sublicense, and/or sell copies of this work, and to
#   permit persons to whom this work is furnished to do so, subject to
#   the following conditions:
#    1. The code must retain the above copyright notice, this list of
#       conditions and the following disclaimer.
#    2. Any modifications must be clearly marked as such.
#    3. Original authors' names are not deleted.
#    4. The authors' names are not used to endorse or promote products
#       derived from this software without specific prior written
#       permission.
#   THE UNIVERSITY OF EDINBURGH AND THE CONTRIBUTORS TO THIS WORK
#   DISCLAIM ALL WARRANTIES WITH REGARD TO THIS SOFTWARE, INCLUDING
#   ALL IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS, IN NO EVENT
#   SHALL THE UNIVERSITY OF EDINBURGH NOR THE CONTRIBUTORS BE LIABLE
#   FOR ANY SPECIAL, INDIRECT OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES
#   WHATSOEVER RESULTING FROM LOSS OF USE, DATA OR PROFITS, WHETHER IN
#   AN ACTION OF CONTRACT, NEGLIGENCE OR OTHER TORTIOUS ACTION,
#   ARISING OUT OF OR IN CONNECTION WITH THE USE OR PERFORMANCE OF
#   THIS SOFTWARE.
# Modified for Parley (marked as required): words upper-cased with a case
# class column, probabilities rounded to 2 decimals, trigram counts written as
# text; the data are otherwise unchanged.
"""

WORD_RE = re.compile(r"^[a-z][a-z'-]*$")


def read_exc(path):
    out = {}
    with open(path, encoding="latin-1") as f:
        for line in f:
            parts = line.split()
            if len(parts) < 2 or "_" in parts[0] or "_" in parts[1]:
                continue
            if not WORD_RE.match(parts[0]) or not WORD_RE.match(parts[1]):
                continue
            form, lemma = parts[0].upper(), parts[1].upper()
            if form not in out:        # keep the first lemma WordNet lists
                out[form] = lemma
    return out


def write_exc(path, table, what):
    with open(path, "w") as f:
        f.write(WORDNET_NOTICE)
        f.write("# %s: FORM<TAB>LEMMA\n" % what)
        for form in sorted(table):
            f.write("%s\t%s\n" % (form, table[form]))


def read_index(path):
    words = set()
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue
            w = line.split(" ", 1)[0]
            if WORD_RE.match(w):
                words.add(w.upper())
    return words


def read_poslex(path):
    # ("word" ((tag logp) (tag logp) ) () )
    entry = re.compile(r'^\("((?:[^"\\]|\\.)*)" \((.*)\) \(\) \)\s*$')
    pair = re.compile(r"\((\S+) (-?[0-9.]+)\)")
    out = []
    with open(path, encoding="latin-1") as f:
        for line in f:
            m = entry.match(line)
            if not m:
                continue
            word = m.group(1).replace('\\"', '"')
            if any(ord(c) > 126 or c in "\t " for c in word):
                continue
            tags = [(t, float(p)) for t, p in pair.findall(m.group(2))]
            if tags:
                out.append((word, tags))
    return out


def read_ngram(path):
    data = open(path, "rb").read()
    head, vocab, pvocab, body = data.split(b"\n", 3)
    if not head.startswith(b"NgramBin_2"):
        sys.exit("gen_lexicon: %s: not an EST NgramBin_2 file" % path)
    order = int(head.split()[1])
    vocab = [v.decode() for v in vocab.split()]
    pvocab = [v.decode() for v in pvocab.split()]
    vals = []
    for i in range(0, len(body) - len(body) % 8, 8):
        x = struct.unpack(">d", body[i:i + 8])[0]
        if x < 0:                      # run length: previous value repeated
            vals.extend([vals[-1]] * (int(-x) - 1))
        else:
            vals.append(x)
    n = len(vocab)
    if order != 3 or len(vals) != n * n * len(pvocab):
        sys.exit("gen_lexicon: %s: unexpected size" % path)
    return vocab, pvocab, vals


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--wordnet", default="/usr/share/wordnet")
    ap.add_argument("--poslex", default="/tmp/poslex/usr/share/festival/dicts",
                    help="folder with wsj.wp39.poslexR (default: where the docs unpack it)")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "data", "lexicon"))
    a = ap.parse_args()
    for need in (os.path.join(a.wordnet, "index.verb"), os.path.join(a.poslex, "wsj.wp39.poslexR")):
        if not os.path.exists(need):
            sys.exit("gen_lexicon: %s is missing (see the usage at the top of this file)" % need)
    os.makedirs(a.out, exist_ok=True)
    wn = a.wordnet

    write_exc(os.path.join(a.out, "verb_exceptions.tsv"), read_exc(os.path.join(wn, "verb.exc")),
              "irregular verb forms")
    write_exc(os.path.join(a.out, "noun_exceptions.tsv"), read_exc(os.path.join(wn, "noun.exc")),
              "irregular noun plurals")
    write_exc(os.path.join(a.out, "adj_exceptions.tsv"), read_exc(os.path.join(wn, "adj.exc")),
              "irregular adjective forms")

    pos = {}
    for letter, name in (("n", "noun"), ("v", "verb"), ("a", "adj"), ("r", "adv")):
        for w in read_index(os.path.join(wn, "index." + name)):
            pos[w] = pos.get(w, "") + letter
    with open(os.path.join(a.out, "words.tsv"), "w") as f:
        f.write(WORDNET_NOTICE)
        f.write("# single-word lemmas: WORD<TAB>POS letters (n noun, v verb, a adjective, r adverb)\n")
        for w in sorted(pos):
            f.write("%s\t%s\n" % (w, pos[w]))

    lex = read_poslex(os.path.join(a.poslex, "wsj.wp39.poslexR"))
    with open(os.path.join(a.out, "poslex.tsv"), "w") as f:
        f.write(POSLEX_NOTICE)
        f.write("# WORD<TAB>TAG:LOGP ...  (natural log of P(word|tag); the source is case-folded)\n")
        for word, tags in sorted(lex, key=lambda e: (e[0].upper(), e[0])):
            f.write("%s\t%s\n" % (word.upper(), " ".join("%s:%.2f" % (t, p) for t, p in tags)))

    vocab, pvocab, vals = read_ngram(os.path.join(a.poslex, "wsj.wp39.tri.ngrambin"))
    n, m = len(vocab), len(pvocab)
    with open(os.path.join(a.out, "tag_trigrams.tsv"), "w") as f:
        f.write(POSLEX_NOTICE)
        f.write("# T1<TAB>T2<TAB>T3<TAB>COUNT (counts; values of the smoothing floor, < 0.5, are left out;\n"
                "# the model was trained with sentences separated by punctuation: start state is punc punc)\n")
        for i in range(n):
            for j in range(n):
                for k in range(m):
                    c = vals[(i * n + j) * m + k]
                    if c > 0.5:            # drop the smoothing floor
                        f.write("%s\t%s\t%s\t%s\n" % (vocab[i], vocab[j], pvocab[k],
                                                      ("%.4g" % c)))


if __name__ == "__main__":
    main()
