#!/usr/bin/env python3
"""gen_countries.py -- writes data/dict/countries.actors.txt (Parley's country actors).

Inputs (read only):
  /usr/share/iso-codes/json/iso_3166-1.json  names of the 249 ISO 3166-1 entries
  /usr/share/iso-codes/json/iso_3166-3.json  names of withdrawn (former) countries
  data/src/countries.tsv                     the project's own table: CAMEO code,
                                             extra names, demonyms, capitals, metonyms
  data/src/former_countries.tsv              former states with dated codes

Output: data/dict/countries.actors.txt in the PETRARCH-2 actor format.

Usage (from the repository root):
  python3 tools/gen_countries.py                 # (re)write the dictionary
  python3 tools/gen_countries.py --check         # exit 1 if the file is out of date
  python3 tools/gen_countries.py --iso-dir DIR --out FILE

Python 3 standard library only. The output is deterministic (same inputs, same bytes),
so the generated file is committed next to this generator.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import unicodedata

FORMAT_VERSION = 1
DEFAULT_ISO_DIR = "/usr/share/iso-codes/json"

# Withdrawn ISO 3166-3 entries whose names are emitted, with the CAMEO code they take.
# Entries not listed here (Yugoslavia's double name, the Byelorussian SSR's garbled
# name, the 1970s-80s territories) are covered by data/src/former_countries.tsv or
# not needed for news since 1990.
ISO3166_3_CODES = {
    "SUN": "USR",   # USSR
    "CSK": "CZA",   # Czechoslovakia
    "DDR": "GME",   # German Democratic Republic
    "ZAR": "COD",   # Zaire
    "BUR": "MMR",   # Burma
    "SCG": "SCG",   # Serbia and Montenegro
    "TMP": "TMP",   # East Timor
    "ANT": "ANT",   # Netherlands Antilles
    "DHY": "BEN",   # Dahomey
    "HVO": "BFA",   # Upper Volta
    "RHO": "ZWE",   # Southern Rhodesia
    "NHB": "VUT",   # New Hebrides
    "AFI": "DJI",   # French Afars and Issas
}

DATE_RE = re.compile(r"^(?:\d{6}-\d{6}|[<>]\d{6})$")
CODE_RE = re.compile(r"^(?:[A-Z]{3})+$")


def die(msg):
    sys.stderr.write("gen_countries: " + msg + "\n")
    sys.exit(2)


def ascii_fold(s):
    """Strip accents: 'Côte' -> 'Cote'. Characters without an ASCII base are kept."""
    out = []
    for ch in unicodedata.normalize("NFKD", s):
        if unicodedata.combining(ch):
            continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


def phrase(name):
    """A name as a dictionary phrase: no leading 'the', upper case, '_' between words."""
    s = " ".join(name.split())
    if s.lower().startswith("the "):
        s = s[4:]
    return s.upper().replace(" ", "_")


def variants(name):
    """The phrase, its accent-free form and, for hyphenated names, the spaced form."""
    out = []
    for n in (name, ascii_fold(name)):
        for m in (n, n.replace("-", " ") if "-" in n else None):
            if m is None:
                continue
            p = phrase(m)
            if p and p not in out:
                out.append(p)
    return out


def split_values(field):
    return [v.strip() for v in field.split("|") if v.strip()] if field else []


def iso_names(rec):
    """Usable names of an ISO record: inverted forms like 'Korea, Republic of' are dropped
    (the official or common name covers them); parenthesised parts are removed."""
    names = []
    for key in ("common_name", "name", "official_name"):
        v = rec.get(key)
        if not v:
            continue
        if "," in v:
            continue
        v = re.sub(r"\s*\([^)]*\)", "", v).strip()
        if v and v not in names:
            names.append(v)
    return names


def iso3_names(rec):
    """Names of a withdrawn ISO 3166-3 record: 'Zaire, Republic of' gives 'Republic of
    Zaire'; 'USSR, Union of Soviet Socialist Republics' gives both parts."""
    v = re.sub(r"\s*\([^)]*\)", "", rec["name"]).strip()
    if ", " not in v:
        return [v]
    head, tail = v.split(", ", 1)
    if tail.endswith(" of"):
        return [head, tail + " " + head]
    return [head, tail]


def check_code_line(spec, where):
    parts = spec.split()
    if not parts or not CODE_RE.match(parts[0]) or len(parts) > 2:
        die("%s: bad code spec %r" % (where, spec))
    if len(parts) == 2 and not DATE_RE.match(parts[1]):
        die("%s: bad date in %r" % (where, spec))
    return spec


def read_tsv(path, ncols):
    rows = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != ncols:
                die("%s:%d: %d columns, expected %d" % (path, lineno, len(cols), ncols))
            rows.append((lineno, [c.strip() for c in cols]))
    return rows


class Writer:
    """Collects entries, refuses a phrase given two different code sets."""

    def __init__(self):
        self.lines = []
        self.seen = {}      # phrase -> tuple of code lines
        self.entries = 0

    def comment(self, text=""):
        self.lines.append(("# " + text).rstrip())

    def blank(self):
        if self.lines and self.lines[-1] != "":
            self.lines.append("")

    def entry(self, names, codes, where, comment=None):
        codes = tuple(codes)
        phrases = []
        for n in names:
            for p in variants(n):
                if p in self.seen:
                    if self.seen[p] != codes:
                        die("%s: phrase %s already coded %s, now %s"
                            % (where, p, self.seen[p], codes))
                    continue
                if p not in phrases:
                    phrases.append(p)
        if not phrases:
            return
        for p in phrases:
            self.seen[p] = codes
        if comment:
            self.comment(comment)
        first = phrases[0]
        if len(phrases) == 1 and len(codes) == 1:
            self.lines.append("%s [%s]" % (first, codes[0]))
        else:
            self.lines.append(first)
            for p in phrases[1:]:
                self.lines.append("+" + p)
            for c in codes:
                self.lines.append("\t[%s]" % c)
        self.entries += 1


def header(iso_version):
    return [
        "# Parley bundled actor dictionary: countries (data/dict/countries.actors.txt)",
        "# Format: PETRARCH-2 actor dictionary syntax, Parley dictionary format version %d."
        % FORMAT_VERSION,
        "# GENERATED by tools/gen_countries.py -- do not edit by hand; edit data/src/*.tsv",
        "# and run `python3 tools/gen_countries.py`.",
        "#",
        "# Sources of the facts:",
        "#  - country names: ISO 3166-1 and ISO 3166-3 via Debian iso-codes %s" % iso_version,
        "#    (/usr/share/iso-codes/json; names, official names, common names);",
        "#  - short names, demonyms, capitals, seats of government and government",
        "#    metonyms: the project's own table data/src/countries.tsv;",
        "#  - former states and their dates: data/src/former_countries.tsv;",
        "#  - CAMEO codes per the CAMEO actor codebook and its KEDS/CAMEO country list.",
        "# Licence: Parley project data, written by the project.",
        "# Generated 2026-11-29 (content date of the source tables).",
        "#",
        "# Syntax: a phrase (words joined by '_'), '+' synonym lines, then code lines",
        "# [CODE] (default), [CODE yymmdd-yymmdd], [CODE <yymmdd], [CODE >yymmdd];",
        "# two-digit years: 90-99 = 1990s, 00-89 = 2000s. A leading 'the' is never part",
        "# of a phrase (the coder skips determiners).",
        "",
    ]


def iso_codes_version():
    """The JSON files carry no version; the Debian package does."""
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "iso-codes"],
                             capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return "(version unknown)"
    v = out.stdout.strip()
    return v.split("-")[0] if out.returncode == 0 and v else "(version unknown)"


def build(iso_dir, src_dir, iso_version):
    with open(os.path.join(iso_dir, "iso_3166-1.json"), encoding="utf-8") as f:
        iso1 = {r["alpha_3"]: r for r in json.load(f)["3166-1"]}
    with open(os.path.join(iso_dir, "iso_3166-3.json"), encoding="utf-8") as f:
        iso3 = {r["alpha_3"]: r for r in json.load(f)["3166-3"]}

    ctry_path = os.path.join(src_dir, "countries.tsv")
    rows = read_tsv(ctry_path, 9)
    byiso = {}
    for lineno, cols in rows:
        a3 = cols[0]
        if a3 in byiso:
            die("%s:%d: %s listed twice" % (ctry_path, lineno, a3))
        if a3 not in iso1:
            die("%s:%d: %s is not an ISO 3166-1 alpha-3 code" % (ctry_path, lineno, a3))
        byiso[a3] = (lineno, cols)
    missing = sorted(set(iso1) - set(byiso))
    if missing:
        die("%s: no row for %s" % (ctry_path, " ".join(missing)))

    w = Writer()
    w.lines.extend(header(iso_version))
    w.comment("=" * 70)
    w.comment("Current countries and territories (ISO 3166-1), by ISO alpha-3 code")
    w.comment("=" * 70)
    w.blank()

    for a3 in sorted(byiso):
        lineno, (_, cameo, names, demonyms, capitals, metonyms, dated,
                 exclude, note) = byiso[a3]
        where = "%s:%d" % (ctry_path, lineno)
        if not CODE_RE.match(cameo) or len(cameo) != 3:
            die("%s: bad CAMEO code %r" % (where, cameo))
        rec = iso1[a3]
        excl = {phrase(x) for x in split_values(exclude)}
        all_names = [n for n in iso_names(rec) + split_values(names)
                     if phrase(n) not in excl and phrase(ascii_fold(n)) not in excl]
        dem = split_values(demonyms)
        codes = [check_code_line(c, where) for c in split_values(dated)] + [cameo]

        w.comment("--- %s (ISO %s, CAMEO %s)%s" % (rec["name"], a3, cameo,
                                                  "; " + note if note else ""))
        w.entry(all_names + dem, codes, where)
        caps = split_values(capitals)
        if caps:
            w.entry(caps, [cameo], where, comment="capital(s) / seat of government")
        groups = {}
        order = []
        for m in split_values(metonyms):
            if "=" not in m:
                die("%s: metonym %r lacks '=CODE'" % (where, m))
            name, suf = (x.strip() for x in m.rsplit("=", 1))
            code = suf[1:] if suf.startswith("@") else cameo + suf
            if not CODE_RE.match(code):
                die("%s: bad metonym code %r" % (where, suf))
            if code not in groups:
                groups[code] = []
                order.append(code)
            groups[code].append(name)
        for code in order:
            w.entry(groups[code], [code], where)
        w.blank()

    w.comment("=" * 70)
    w.comment("Former states and renamed countries")
    w.comment("=" * 70)
    w.blank()
    fpath = os.path.join(src_dir, "former_countries.tsv")
    for lineno, (names, demonyms, codes, note) in read_tsv(fpath, 4):
        where = "%s:%d" % (fpath, lineno)
        cl = [check_code_line(c, where) for c in split_values(codes)]
        if not cl:
            die("%s: no code" % where)
        w.entry(split_values(names) + split_values(demonyms), cl, where,
                comment=note or None)
    w.blank()
    w.comment("ISO 3166-3 (withdrawn codes): official names of former states")
    for a3 in sorted(ISO3166_3_CODES):
        if a3 not in iso3:
            die("iso_3166-3.json has no %s" % a3)
        w.entry(iso3_names(iso3[a3]), [ISO3166_3_CODES[a3]], "iso_3166-3:" + a3)
    w.blank()
    text = "\n".join(w.lines).rstrip("\n") + "\n"
    return text, w.entries


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    ap.add_argument("--iso-dir", default=DEFAULT_ISO_DIR)
    ap.add_argument("--src-dir", default=os.path.join(root, "data", "src"))
    ap.add_argument("--out", default=os.path.join(root, "data", "dict",
                                                  "countries.actors.txt"))
    ap.add_argument("--iso-version", default=None,
                    help="iso-codes version for the header (default: ask dpkg)")
    ap.add_argument("--check", action="store_true",
                    help="do not write; exit 1 if --out differs from the generated text")
    args = ap.parse_args()

    version = args.iso_version or iso_codes_version()
    text, n = build(args.iso_dir, args.src_dir, version)
    if args.check:
        try:
            with open(args.out, encoding="utf-8") as f:
                same = f.read() == text
        except OSError:
            same = False
        if not same:
            sys.stderr.write("gen_countries: %s is out of date\n" % args.out)
            return 1
        return 0
    tmp = args.out + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    os.replace(tmp, args.out)
    sys.stderr.write("gen_countries: wrote %s (%d entries)\n" % (args.out, n))
    return 0


if __name__ == "__main__":
    sys.exit(main())
