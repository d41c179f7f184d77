#!/usr/bin/env bash
# eval_news.sh — measures the bundled dictionaries + coder on Parley's own news
# case set (tests/cases/news/*.txt, format in tests/cases/news/README.md).
#
# usage: tools/eval_news.sh [BUILD-DIR] [-q] [-v] [FILE...]
#   BUILD-DIR      build directory holding `parley` (default: build); or set PARLEY
#   -q             summary table and overall figures only (no listing of misses)
#   -v             also list the produced events of passing cases
#   FILE...        case files to run (default: every tests/cases/news/*.txt)
# Each case is written to a temporary file (one `text:` line = one sentence line)
# and coded with `parley code --sentences --story --date D --format tsv`, all cases
# of one date in one run. Produced (source, target, code) events with an empty
# mode are compared with the `expect:` lines; events whose mode is negated,
# hypothetical or future are not counted (they are not asserted as happening).
# Prints per root: cases, expected events, found, missed, spurious, recall,
# precision, and a triage of the misses (w.actor: the code was produced with other
# actors; w.code: the actors were produced with another code); then the overall
# event pass rate (found / expected) and precision, a machine-readable "overall:"
# line, and the misses for debugging.
# Env: PARLEY (binary), NEWS_CASES (case folder), NEWS_JOBS (parallel parley runs).
# Exit: 0 (figures printed), 2 usage error or no binary.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
build=""
args=()
for a in "$@"; do
    case "$a" in
    -q|-v) args+=("$a") ;;
    -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *)
        if [ -z "$build" ] && [ -d "$a" ]; then build=$a
        elif [ -f "$a" ]; then args+=("$a")
        else echo "eval_news: $a: no such build directory or case file" >&2; exit 2; fi ;;
    esac
done
if [ -z "${PARLEY:-}" ]; then
    b=${build:-build}
    case "$b" in /*) ;; *) b="$root/$b" ;; esac
    PARLEY="$b/parley"
fi
if [ ! -x "$PARLEY" ]; then
    echo "eval_news: no parley binary at $PARLEY (build it: make BUILD=DIR)" >&2
    exit 2
fi
export PARLEY
NEWS_CASES=${NEWS_CASES:-$root/tests/cases/news}
export NEWS_CASES
exec python3 - "${args[@]}" <<'PYEOF'
import concurrent.futures, glob, os, re, subprocess, sys, tempfile

parley = os.environ["PARLEY"]
case_dir = os.environ["NEWS_CASES"]
quiet = "-q" in sys.argv[1:]
verbose = "-v" in sys.argv[1:]
files = [a for a in sys.argv[1:] if not a.startswith("-")]
if not files:
    files = sorted(glob.glob(os.path.join(case_dir, "*.txt")))
if not files:
    print("eval_news: no case files in %s" % case_dir, file=sys.stderr)
    sys.exit(2)

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# CAMEO event codes known to the project (data/cameo/cameo.tsv), to catch typos in cases
KNOWN = set()
_tsv = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(case_dir))), "..",
                    "data", "cameo", "cameo.tsv")
_tsv = os.environ.get("NEWS_CAMEO_TSV", os.path.normpath(_tsv))
if os.path.exists(_tsv):
    for _l in open(_tsv, encoding="utf-8"):
        if _l[:1].isdigit():
            KNOWN.add(_l.split("\t", 1)[0])
CODE = re.compile(r"^\d{2,4}\*?$")
errors = []


def parse_event(spec, where):
    """'SRC TGT CODE' with '|' alternatives and '*' wildcards -> tuple of sets."""
    f = spec.split()
    if len(f) != 3:
        errors.append("%s: expected 'SOURCE TARGET CODE', got '%s'" % (where, spec))
        return None
    alts = [tuple(x.split("|")) for x in f]
    for c in alts[2]:
        if not CODE.match(c) or (KNOWN and not c.endswith("*") and c not in KNOWN):
            errors.append("%s: bad CAMEO code '%s'" % (where, c))
            return None
    return alts


def parse_file(path):
    cases = []
    cur = None
    base = os.path.basename(path)

    def close():
        if cur and (cur["text"] or cur["expect"] or cur["none"]):
            where = "%s:%d" % (base, cur["line"])
            if not cur["text"]:
                errors.append("%s: case has no text" % where)
            elif not cur["date"]:
                errors.append("%s: case has no date" % where)
            elif not cur["expect"] and not cur["none"]:
                errors.append("%s: case has no expect line" % where)
            elif cur["expect"] and cur["none"]:
                errors.append("%s: 'expect: none' together with events" % where)
            else:
                cases.append(cur)

    for n, raw in enumerate(open(path, encoding="utf-8"), 1):
        line = raw.rstrip("\n")
        if cur is None:
            cur = {"file": base, "line": n, "title": "", "date": "", "text": [],
                   "expect": [], "allow": [], "none": False}
        s = line.strip()
        if s == "---":
            close()
            cur = None
            continue
        if not s:
            continue
        if s.startswith("#"):
            # the title is the last comment line before the case's first field
            if not cur["date"] and not cur["text"]:
                cur["title"] = s.lstrip("#").strip()
                cur["line"] = n
            continue
        key, sep, val = s.partition(":")
        key = key.strip().lower()
        val = val.strip()
        where = "%s:%d" % (base, n)
        if not sep or key not in ("date", "text", "expect", "allow", "note"):
            errors.append("%s: unknown line '%s'" % (where, s[:60]))
            continue
        if key in ("expect", "allow"):
            val = val.split("#", 1)[0].strip()
        if key == "date":
            if not DATE.match(val):
                errors.append("%s: bad date '%s'" % (where, val))
            cur["date"] = val
        elif key == "text":
            cur["text"].append(val)
        elif key == "expect" and val.lower() == "none":
            cur["none"] = True
        elif key in ("expect", "allow"):
            ev = parse_event(val, where)
            if ev:
                cur[key].append(ev)
    close()
    return cases


cases = []
for f in files:
    cases.extend(parse_file(f))
if errors:
    for e in errors:
        print("eval_news: " + e, file=sys.stderr)
    sys.exit(2)

helptext = subprocess.run([parley, "code", "--help"], capture_output=True, text=True).stdout
story = ["--story"] if "--story" in helptext else []

tmp = tempfile.mkdtemp(prefix="eval_news.")
by_date = {}
for i, c in enumerate(cases):
    p = os.path.join(tmp, "case%04d.txt" % i)
    with open(p, "w", encoding="utf-8") as out:
        for t in c["text"]:
            out.write(t + "\n")
    c["path"] = p
    c["got"] = []
    c["modal"] = []
    by_date.setdefault(c["date"], []).append(c)

by_path = {c["path"]: c for c in cases}
run_errors = 0


def run_group(item):
    date, group = item
    cmd = [parley, "code", "--sentences"] + story + ["--date", date, "--format", "tsv", "--quiet"]
    cmd += [c["path"] for c in group]
    return cmd, subprocess.run(cmd, capture_output=True, text=True)


jobs = int(os.environ.get("NEWS_JOBS", "0")) or max(2, min(8, os.cpu_count() or 2))
with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
    results = list(pool.map(run_group, sorted(by_date.items())))
for cmd, r in results:
    if r.returncode not in (0, 1):
        run_errors += 1
        print("eval_news: %s exited %d: %s" % (" ".join(cmd[:8]), r.returncode,
              r.stderr.strip()[:300]), file=sys.stderr)
    lines = r.stdout.split("\n")
    head = lines[0].split("\t") if lines else []
    col = {name: k for k, name in enumerate(head)}
    need = ("doc", "source", "target", "code", "mode")
    if lines and lines[0] and not all(k in col for k in need):
        print("eval_news: unexpected TSV header: %s" % lines[0][:200], file=sys.stderr)
        sys.exit(2)
    for ln in lines[1:]:
        if not ln:
            continue
        f = ln.split("\t")
        c = by_path.get(f[col["doc"]])
        if c is None:
            continue
        ev = (f[col["source"]], f[col["target"]], f[col["code"]])
        verb = f[col["verb_text"]] if "verb_text" in col else ""
        if f[col["mode"]]:
            c["modal"].append(ev + (f[col["mode"]], verb))
        else:
            c["got"].append(ev + (verb,))
for c in cases:
    os.remove(c["path"])
os.rmdir(tmp)


def field_ok(alts, value):
    for a in alts:
        if a == "*" or a == value:
            return True
        if a.endswith("*") and value.startswith(a[:-1]):
            return True
    return False


def code_norm(code):
    return code + "0" if len(code) == 2 else code


def ev_ok(spec, ev):
    return (field_ok(spec[0], ev[0]) and field_ok(spec[1], ev[1]) and
            field_ok(tuple(code_norm(x) if x[-1] != "*" else x for x in spec[2]),
                     code_norm(ev[2])))


def group_of(fname):
    m = re.match(r"^(\d\d)_", fname)
    return m.group(1) if m else os.path.splitext(fname)[0]


stats = {}
for c in cases:
    got = list(c["got"])
    used = [False] * len(got)
    missed = []
    for spec in c["expect"]:
        hit = next((k for k, ev in enumerate(got) if not used[k] and ev_ok(spec, ev)), None)
        if hit is None:
            missed.append(spec)
        else:
            used[hit] = True
    spurious = [ev for k, ev in enumerate(got)
                if not used[k] and not any(ev_ok(a, ev) for a in c["allow"] + c["expect"])]
    c["missed"] = missed
    # triage of the misses: right code with a wrong actor, or right actors with a wrong code
    c["wrong_actor"] = sum(1 for m in missed if any(
        field_ok(tuple(code_norm(x) if x[-1] != "*" else x for x in m[2]), code_norm(ev[2]))
        for ev in got))
    c["wrong_code"] = sum(1 for m in missed if any(
        field_ok(m[0], ev[0]) and field_ok(m[1], ev[1]) for ev in got))
    c["spurious"] = spurious
    c["found"] = len(c["expect"]) - len(missed)
    c["pass"] = not missed and not spurious
    g = stats.setdefault(group_of(c["file"]), {"name": c["file"], "cases": 0, "passed": 0,
                                                "exp": 0, "found": 0, "spur": 0,
                                                "wa": 0, "wc": 0})
    g["cases"] += 1
    g["passed"] += c["pass"]
    g["exp"] += len(c["expect"])
    g["found"] += c["found"]
    g["spur"] += len(spurious)
    g["wa"] += c["wrong_actor"]
    g["wc"] += c["wrong_code"]


def ratio(a, b):
    return "%.2f" % (a / b) if b else "-"


print("%-26s %5s %6s %5s %5s %6s %5s %6s %6s %7s %7s" % ("group (file)", "cases", "passed",
      "exp", "found", "missed", "spur", "recall", "prec", "w.actor", "w.code"))
tot = {"cases": 0, "passed": 0, "exp": 0, "found": 0, "spur": 0, "wa": 0, "wc": 0}
for key in sorted(stats):
    g = stats[key]
    for k in tot:
        tot[k] += g[k]
    print("%-26s %5d %6d %5d %5d %6d %5d %6s %6s %7d %7d" % (
        g["name"][:26], g["cases"], g["passed"], g["exp"], g["found"], g["exp"] - g["found"],
        g["spur"], ratio(g["found"], g["exp"]), ratio(g["found"], g["found"] + g["spur"]),
        g["wa"], g["wc"]))
print("%-26s %5d %6d %5d %5d %6d %5d %6s %6s %7d %7d" % (
    "TOTAL", tot["cases"], tot["passed"], tot["exp"], tot["found"], tot["exp"] - tot["found"],
    tot["spur"], ratio(tot["found"], tot["exp"]), ratio(tot["found"], tot["found"] + tot["spur"]),
    tot["wa"], tot["wc"]))
print("(w.actor: missed events whose code was produced with other actors; w.code: missed "
      "events whose actors were produced with another code)")
pass_rate = tot["found"] / tot["exp"] if tot["exp"] else 0.0
prec = tot["found"] / (tot["found"] + tot["spur"]) if tot["found"] + tot["spur"] else 0.0
print()
print("event pass rate %.3f (%d of %d expected events), precision %.3f (%d spurious), "
      "cases %d passed, %d failed" % (pass_rate, tot["found"], tot["exp"], prec, tot["spur"],
                                       tot["passed"], tot["cases"] - tot["passed"]))
print("overall: expected=%d found=%d spurious=%d pass_rate=%.4f precision=%.4f "
      "cases_passed=%d cases_failed=%d run_errors=%d" % (
          tot["exp"], tot["found"], tot["spur"], pass_rate, prec, tot["passed"],
          tot["cases"] - tot["passed"], run_errors))


def show(ev):
    return "%s %s %s" % ("|".join(ev[0]), "|".join(ev[1]), "|".join(ev[2]))


if not quiet:
    print()
    for c in cases:
        if c["pass"] and not verbose:
            continue
        print("%s %s:%d %s  [%s]" % ("ok  " if c["pass"] else "MISS", c["file"], c["line"],
                                   c["title"], c["date"]))
        for t in c["text"]:
            print("      text: %s" % t)
        for m in c["missed"]:
            print("    missed: %s" % show(m))
        for s in c["spurious"]:
            print("  spurious: %s %s %s  (verb '%s')" % s)
        for g in c["got"]:
            if g not in c["spurious"]:
                print("       got: %s %s %s  (verb '%s')" % g)
        for m in c["modal"]:
            print("     modal: %s %s %s %s  (verb '%s')" % m)
sys.exit(0)
PYEOF
