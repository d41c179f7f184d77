#!/usr/bin/env python3
"""Generate data/cameo/cameo.tsv from ../shared/cameo/cameo_codes.tsv.

Keeps the facts (code, root, quad class, Goldstein score, PLOVER event/mode/context, label) and
drops the usage notes, which are manual text.  Python 3 standard library only.

Usage (from the repository root):
    python3 tools/gen_cameo.py [SOURCE_TSV] [OUTPUT_TSV]
Defaults: ../shared/cameo/cameo_codes.tsv and data/cameo/cameo.tsv.
"""
import csv
import os
import sys

COLUMNS = ["code", "root", "quad_class", "goldstein", "plover_event",
           "plover_mode", "plover_context", "label"]

TABLE_DATE = "2026-11-29"

# Obvious spelling slips in the source labels, fixed here so the table reads cleanly.
LABEL_FIXES = {
    "matyerial": "material",
    "radiologicalweapons": "radiological weapons",
}


def clean_label(label):
    label = " ".join(label.split())
    for bad, good in LABEL_FIXES.items():
        label = label.replace(bad, good)
    return label


def read_source(path):
    rows = []
    with open(path, encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if not ln.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    for rec in reader:
        code = (rec.get("code") or "").strip()
        if not code:
            continue
        rows.append({c: (rec.get(c) or "").strip() for c in COLUMNS})
    return rows


def fill_quad_class(rows):
    """A few source rows lack a quad class; every root has a single one, so take the root's."""
    by_root = {}
    for r in rows:
        if r["quad_class"]:
            by_root.setdefault(r["root"], set()).add(r["quad_class"])
    filled = []
    for r in rows:
        if not r["quad_class"] and len(by_root.get(r["root"], ())) == 1:
            r["quad_class"] = next(iter(by_root[r["root"]]))
            filled.append(r["code"])
    return filled


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(here)
    src = argv[1] if len(argv) > 1 else os.path.join(repo, "..", "shared", "cameo", "cameo_codes.tsv")
    out = argv[2] if len(argv) > 2 else os.path.join(repo, "data", "cameo", "cameo.tsv")
    if not os.path.exists(src):
        sys.stderr.write("gen_cameo: source table not found: %s\n" % src)
        return 1
    rows = read_source(src)
    filled = fill_quad_class(rows)
    for r in rows:
        r["label"] = clean_label(r["label"])
    # A fixed date keeps regeneration byte-identical (CI can diff); bump it when the facts change.
    today = os.environ.get("GEN_CAMEO_DATE") or TABLE_DATE
    header = [
        "# Parley CAMEO event code table (generated; do not edit by hand).",
        "# Facts from GDELT's CAMEO lookup tables (codes, labels, quad classes, Goldstein scores)",
        "# and the PLOVER project's CAMEO-to-PLOVER table (event, mode, context; PLOVER is",
        "# CC BY-SA 4.0), as gathered in ../shared/cameo/cameo_codes.tsv. Usage notes are left out.",
        "# quad_class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material",
        "# conflict. Empty goldstein / plover_* cells: the source gives no value.",
        "# Quad class filled from the code's root for: %s." % (", ".join(filled) or "none"),
        "# Generated %s by tools/gen_cameo.py; regenerate with: python3 tools/gen_cameo.py" % today,
    ]
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        fh.write("\n".join(header) + "\n")
        fh.write("\t".join(COLUMNS) + "\n")
        for r in rows:
            fh.write("\t".join(r[c] for c in COLUMNS) + "\n")
    os.replace(tmp, out)
    sys.stdout.write("gen_cameo: wrote %d codes to %s\n" % (len(rows), out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
