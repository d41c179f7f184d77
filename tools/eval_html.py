#!/usr/bin/env python3
"""eval_html.py — scores Parley's HTML article extraction on the trafilatura
benchmark (../shared/eval/html-trafilatura: evaldata.json + html/*.html.gz).

Scoring follows the benchmark's own comparison script: for every page each
"with" snippet found in the extracted body is a true positive (else a false
negative) and each "without" snippet found is a false positive (else a true
negative); precision, recall, accuracy and F1 are computed over all snippets
of all pages.  A page with no output counts all its "with" snippets as false
negatives and all its "without" snippets as true negatives.  Whitespace runs
are collapsed to one space on both sides before matching (Parley joins
paragraphs with blank lines).

Metadata: title accuracy (headline equal to the label, ignoring case and
spacing), author accuracy (same set of names, split on ; , & and/und) and date
accuracy (published date YYYY-MM-DD equal to the label) over the pages that
have a label.

usage: tools/eval_html.py [--parley build/parley] [--eval DIR] [--worst N]
                          [--page NAME] [--misses] [--meta-misses]
Skips (exit 0) with a message when the evaluation folder is absent.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def norm(s):
    return " ".join(s.split())


def norm_title(s):
    return norm(s or "").casefold().strip(" .")


def author_set(s):
    if not s:
        return set()
    if isinstance(s, list):
        s = "; ".join(x for x in s if x)
    parts = re.split(r"\s*(?:;|,|&|/|\band\b|\bund\b)\s*", s)
    return {norm(p).casefold() for p in parts if norm(p)}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--parley", default=os.path.join(ROOT, "build", "parley"))
    ap.add_argument("--eval", default=os.path.join(ROOT, "..", "shared", "eval", "html-trafilatura"))
    ap.add_argument("--worst", type=int, default=0, help="list the N pages with most errors")
    ap.add_argument("--page", help="print details for pages whose file name contains this")
    ap.add_argument("--misses", action="store_true",
                    help="list every missed (FN) and wrongly kept (FP) snippet, page by page")
    ap.add_argument("--meta-misses", action="store_true",
                    help="list every wrong title, author and date")
    args = ap.parse_args()

    evaldata = os.path.join(args.eval, "evaldata.json")
    htmldir = os.path.join(args.eval, "html")
    if not os.path.isfile(evaldata) or not os.path.isdir(htmldir):
        print(f"eval_html: {args.eval} not found: evaluation skipped")
        return 0
    if not os.access(args.parley, os.X_OK):
        print(f"eval_html: {args.parley} not built: run make first")
        return 1
    with open(evaldata, encoding="utf-8") as f:
        data = json.load(f)

    t0 = time.time()
    proc = subprocess.run([args.parley, "read", "--input", "html", "--quiet", htmldir],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    elapsed = time.time() - t0
    results = {}
    for line in proc.stdout.decode("utf-8", "replace").split("\n"):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except ValueError:
            continue
        name = os.path.basename(rec.get("id") or rec.get("file") or "")
        if name.endswith(".gz"):
            name = name[:-3]
        results[name] = rec

    tp = fn = fp = tn = 0
    t_ok = t_n = a_ok = a_n = d_ok = d_n = 0
    missing = 0
    per_page = []
    for url, item in data.items():
        rec = results.get(item["file"])
        if rec is None:
            missing += 1
        paras = rec.get("paragraphs") if rec else None
        if isinstance(paras, list):
            body = "\n\n".join(p if isinstance(p, str) else p.get("text", "") for p in paras)
        else:
            body = (rec or {}).get("body", "") or ""
        body = norm(body)
        ptp = pfn = pfp = ptn = 0
        if not body:
            pfn, ptn = len(item["with"]), len(item["without"])
        else:
            for s in item["with"]:
                if norm(s) in body:
                    ptp += 1
                else:
                    pfn += 1
            for s in item["without"]:
                if norm(s) in body:
                    pfp += 1
                else:
                    ptn += 1
        tp += ptp; fn += pfn; fp += pfp; tn += ptn
        per_page.append((pfn + pfp, item["file"], ptp, pfn, pfp, ptn))
        rec = rec or {}
        if item.get("title"):
            t_n += 1
            t_ok += norm_title(rec.get("headline")) == norm_title(item["title"])
        if item.get("author"):
            a_n += 1
            got = rec.get("authors") or rec.get("byline") or ""
            a_ok += author_set(got) == author_set(item["author"])
        if item.get("date"):
            d_n += 1
            d_ok += (rec.get("published") or "")[:10] == item["date"]
        if args.misses and (pfn or pfp) and body:
            for s in item["with"]:
                if norm(s) not in body:
                    print(f"FN {item['file']}: {s[:150]}")
            for s in item["without"]:
                if norm(s) in body:
                    print(f"FP {item['file']}: {s[:150]}")
        elif args.misses and pfn:
            print(f"EMPTY {item['file']}: {pfn} snippets")
        if args.meta_misses:
            if item.get("title") and norm_title(rec.get("headline")) != norm_title(item["title"]):
                print(f"TITLE {item['file']}: got {rec.get('headline')!r} want {item['title']!r}")
            if item.get("author") and author_set(rec.get("authors") or rec.get("byline") or "") != author_set(item["author"]):
                print(f"AUTHOR {item['file']}: got {rec.get('authors')!r} want {item['author']!r}")
            if item.get("date") and (rec.get("published") or "")[:10] != item["date"]:
                print(f"DATE {item['file']}: got {rec.get('published')!r} want {item['date']!r}")
        if args.page and args.page in item["file"]:
            print(f"== {item['file']}  {url}")
            print("   headline:", rec.get("headline"), "| label:", item.get("title"))
            print("   authors:", rec.get("authors"), "| label:", item.get("author"))
            print("   published:", rec.get("published"), "| label:", item.get("date"))
            for s in item["with"]:
                print("   with   ", "OK  " if norm(s) in body else "MISS", s)
            for s in item["without"]:
                print("   without", "BAD " if norm(s) in body else "ok  ", s)

    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = (tp + tn) / (tp + tn + fp + fn) if tp + tn + fp + fn else 0.0
    print(f"pages: {len(data)} (no output: {missing}); parley read took {elapsed:.2f} s")
    print(f"snippets: TP {tp}  FN {fn}  FP {fp}  TN {tn}")
    print(f"precision {precision:.3f}  recall {recall:.3f}  accuracy {accuracy:.3f}  F1 {f1:.3f}")
    print(f"title  accuracy {t_ok / t_n if t_n else 0:.3f} ({t_ok}/{t_n})")
    print(f"author accuracy {a_ok / a_n if a_n else 0:.3f} ({a_ok}/{a_n})")
    print(f"date   accuracy {d_ok / d_n if d_n else 0:.3f} ({d_ok}/{d_n})")
    if args.worst:
        per_page.sort(reverse=True)
        for err, name, ptp, pfn, pfp, ptn in per_page[:args.worst]:
            print(f"  {name}: TP {ptp} FN {pfn} FP {pfp} TN {ptn}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
