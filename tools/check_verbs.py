#!/usr/bin/env python3
"""Check Parley's bundled verb dictionary (data/dict/verbs.txt) and discards file.

Checks: every code used exists in data/cameo/cameo.tsv; every three-digit CAMEO code is
used; at least MIN_PATTERNS patterns; brackets balanced; exactly one '*' per pattern;
synonym sets defined before use; no verb listed twice; verbs known to WordNet (or given
with their forms in braces) when /usr/share/wordnet is installed. Prints pattern counts
per CAMEO root. Exit status 0 when clean, 1 otherwise.  Python 3 standard library only.

Usage (from the repository root): python3 tools/check_verbs.py [--quiet]
"""
import os
import re
import sys

MIN_PATTERNS = 2000
HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
VERBS = os.path.join(REPO, "data", "dict", "verbs.txt")
DISCARDS = os.path.join(REPO, "data", "dict", "discards.txt")
CAMEO = os.path.join(REPO, "data", "cameo", "cameo.tsv")
WORDNET = "/usr/share/wordnet"

CODE_RE = re.compile(r"\[([^\]]*)\]")


def load_codes():
    codes = {}
    with open(CAMEO, encoding="utf-8") as fh:
        for ln in fh:
            if ln.startswith("#") or ln.startswith("code\t"):
                continue
            f = ln.rstrip("\n").split("\t")
            if f and f[0]:
                codes[f[0]] = f[-1]
    return codes


def load_wordnet():
    idx, exc = set(), {}
    try:
        with open(os.path.join(WORDNET, "index.verb"), encoding="latin-1") as fh:
            for ln in fh:
                if not ln.startswith(" "):
                    idx.add(ln.split(" ", 1)[0])
        with open(os.path.join(WORDNET, "verb.exc"), encoding="latin-1") as fh:
            for ln in fh:
                f = ln.split()
                if len(f) >= 2:
                    exc.setdefault(f[0], set()).update(f[1:])
    except OSError:
        return None, None
    return idx, exc


def lemmas_of(form, idx, exc):
    """What a WordNet-style lemmatizer makes of an inflected verb form."""
    out = set(exc.get(form, ()))
    for suf, rep in (("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"),
                     ("ed", ""), ("ing", "e"), ("ing", "")):
        if form.endswith(suf) and len(form) > len(suf):
            cand = form[: -len(suf)] + rep
            if cand in idx:
                out.add(cand)
    if form in idx:
        out.add(form)
    return out


def inflections(lemma):
    """Regular inflections, with and without final-consonant doubling."""
    v = "aeiou"
    forms = []
    if lemma.endswith("e"):
        forms.append([lemma + "s", lemma + "d", lemma[:-1] + "ing"])
    elif lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in v:
        forms.append([lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"])
    elif lemma.endswith(("s", "x", "z", "ch", "sh")):
        forms.append([lemma + "es", lemma + "ed", lemma + "ing"])
    else:
        forms.append([lemma + "s", lemma + "ed", lemma + "ing"])
        if (len(lemma) >= 3 and lemma[-1] not in v + "wxy" and lemma[-2] in v
                and lemma[-3] not in v):
            d = lemma + lemma[-1]
            forms.append([lemma + "s", d + "ed", d + "ing"])
    return forms


def check(quiet=False):
    errors, notes = [], []
    codes = load_codes()
    three = {c for c in codes if len(c) == 3}
    used = set()
    defined_sets = set()
    verbs_seen = {}
    n_patterns = 0
    per_root = {}
    block = None
    wn_idx, wn_exc = load_wordnet()
    verb_entries = []

    with open(VERBS, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    for no, raw in enumerate(lines, 1):
        line = raw.strip()
        body = line.split("#", 1)[0].strip() if not line.startswith("#") else ""
        if not body:
            continue
        where = "verbs.txt:%d" % no
        for op, cl in ("()", "{}", "[]"):
            depth = 0
            for ch in body:
                depth += (ch == op) - (ch == cl)
                if depth < 0:
                    break
            if depth != 0:
                errors.append("%s: unbalanced %s%s: %s" % (where, op, cl, body))
        if body.startswith("&"):
            name = body.split()[0]
            if "_" in name:
                errors.append("%s: set name %s contains '_' (in a pattern '_' means adjacency)"
                              % (where, name))
            defined_sets.add(name)
            continue
        if body.startswith("+") and block is None:
            continue  # synonym set member
        for name in re.findall(r"&[A-Z0-9_'\-]+", body):
            name = name.rstrip("_")  # "&FUTUREW_&LIFTV": '_' after a set name = adjacency
            if name not in defined_sets:
                errors.append("%s: synonym set %s used before it is defined" % (where, name))
        found = CODE_RE.findall(body)
        for grp in found:
            for code in grp.split(":"):
                code = code.strip()
                if code in ("", "---"):
                    continue
                if code not in codes:
                    errors.append("%s: code %s is not in cameo.tsv" % (where, code))
                else:
                    used.add(code)
        m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---$", body)
        if m:
            block = m.group(1)
            continue
        if body.startswith("---"):
            errors.append("%s: malformed block header: %s" % (where, body))
            continue
        if body.startswith("- "):
            n_patterns += 1
            for grp in re.findall(r"\{([^}]*)\}", body):
                if "|" not in grp and len(grp.split()) > 1:
                    errors.append("%s: join the words of {%s} with '_' to make them contiguous"
                                  % (where, grp))
            if body.count("*") != 1:
                errors.append("%s: a pattern needs exactly one '*': %s" % (where, body))
            if len(found) != 1:
                errors.append("%s: a pattern needs exactly one [code]: %s" % (where, body))
            else:
                first = found[0].split(":")[0].strip() or found[0].split(":")[-1].strip()
                root = first[:2] if first != "---" else "none"
                per_root[root] = per_root.get(root, 0) + 1
            continue
        if block is None:
            errors.append("%s: verb line outside a block: %s" % (where, body))
            continue
        word = re.sub(r"\{.*?\}|\[.*?\]", "", body).strip()
        braces = re.findall(r"\{(.*?)\}", body)
        if not re.fullmatch(r"\+?[A-Z][A-Z'\-]*(_[A-Z'\-]+)*", word):
            errors.append("%s: cannot read verb entry: %s" % (where, body))
            continue
        key = word.lstrip("+")
        if key in verbs_seen:
            errors.append("%s: verb %s already listed at line %d" % (where, key, verbs_seen[key]))
        verbs_seen[key] = no
        verb_entries.append((where, key, braces))

    for c in sorted(three - used):
        errors.append("three-digit code %s (%s) has no pattern or default" % (c, codes[c]))
    if n_patterns < MIN_PATTERNS:
        errors.append("only %d patterns (want at least %d)" % (n_patterns, MIN_PATTERNS))

    if wn_idx is not None:
        for where, key, braces in verb_entries:
            head = key.split("_")[0].lower()
            given = {f.lower().lstrip("+").split("_")[0] for b in braces for f in b.split()}
            irregular = any(head in targets for targets in wn_exc.values()) if head in wn_idx else False
            if head in wn_idx and not irregular:
                # Forms a lemmatizer cannot bring back to the lemma must be spelt out.
                for variant in inflections(head):
                    bad = [f for f in variant if head not in lemmas_of(f, wn_idx, wn_exc)
                           and f not in given]
                    if not bad:
                        break
                else:
                    notes.append("%s: %s: check inflections %s" % (where, key, inflections(head)))
            elif head not in wn_idx and not given:
                errors.append("%s: verb %s is not in WordNet's index.verb; give its forms in {}"
                              % (where, key))
    else:
        notes.append("WordNet not installed: lemma checks skipped")

    if os.path.exists(DISCARDS):
        n_disc = 0
        with open(DISCARDS, encoding="utf-8") as fh:
            for no, raw in enumerate(fh, 1):
                body = raw.split("#", 1)[0].strip()
                if body:
                    n_disc += 1
                    if body.startswith("+ ") or body != body.upper():
                        errors.append("discards.txt:%d: entries are upper case, '+' joined: %s"
                                      % (no, body))
        notes.append("discards: %d entries" % n_disc)

    if not quiet:
        print("patterns: %d" % n_patterns)
        print("verbs: %d" % len(verbs_seen))
        print("codes used: %d of %d (three-digit: %d of %d)"
              % (len(used), len(codes), len(used & three), len(three)))
        print("patterns per root (by the code of the pattern):")
        for root in sorted(per_root, key=lambda r: (r == "none", r)):
            print("  %-4s %5d" % (root, per_root[root]))
        for n in notes:
            print("note: " + n)
    for e in errors:
        print("error: " + e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(check("--quiet" in sys.argv))
