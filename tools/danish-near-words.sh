#!/usr/bin/env bash
# Regenerates curation/danish-near-words.txt: the Danish word forms the
# search could take for a slip. A reader's word no page writes is read as the
# word meant when it is a few edits from one the pages write ("flygninge":
# "flygtninge"); a real word that near ("ældre", one edit from "ændre") is
# what the reader meant, not a slip. The list holds the word forms of the
# Danish dictionary (wdanish: the word forms of the Comprehensive Danish
# Dictionary, DSDO / Stavekontrolden, the dictionary hunspell-da ships; GPL-2
# / LGPL-2.1 / MPL-1.1) of 5+ letters that are within the search's
# correction distance (one edit, two from 9 letters, æ/ø/å folded as the
# search folds them) of a word of sources/, content/ (editors' words too) or
# curation/synonyms.toml and are not themselves written there. The build
# reads the committed list and needs no dictionary; run this after adding a
# source, synonyms or pages with new words (a real word near a word not
# covered is read as a slip, as it was before the list). With --check, only
# say whether the committed list is the one this would write (./x test).
# Needs: apt-get install wdanish python3
set -euo pipefail
cd "$(dirname "$0")/.."
dictionary=/usr/share/dict/danish
[ -f "$dictionary" ] || { echo "tools/danish-near-words.sh: needs $dictionary (apt-get install wdanish)" >&2; exit 1; }
out=curation/danish-near-words.txt
tmp=$(mktemp "$out.XXXXXX")
trap 'rm -f "$tmp"' EXIT
{
  echo "# Danish word forms near the words of sources/, content/ and curation/synonyms.toml,"
  echo "# not written there: real words the search must not read as slips."
  echo "# From wdanish (DSDO / Stavekontrolden, the dictionary of hunspell-da;"
  echo "# GPL-2 / LGPL-2.1 / MPL-1.1). One lower-case word a line. Regenerate"
  echo "# with tools/danish-near-words.sh after adding a source or synonyms."
  python3 - "$dictionary" sources/*.txt curation/synonyms.toml $(find content -name '*.md' | LC_ALL=C sort) <<'PY'
import re, sys

def fold(word):
    # The search's folding (crates/search/src/fold.rs): æ as "ae", ø/"oe" as
    # "o", å/"aa" as "a", x as "ks".
    out, open_letter = [], None
    for ch in word:
        if (ch == "e" and open_letter == "o") or (ch == "a" and open_letter == "a"):
            open_letter = None
            continue
        if ch in "oa":
            out.append(ch)
            open_letter = ch
            continue
        out.append({"æ": "ae", "ø": "o", "å": "a", "x": "ks"}.get(ch, ch))
        open_letter = None
    return "".join(out)

def distance(a, b):
    # Optimal string alignment, as crates/search/src/edits.rs.
    rows = [list(range(len(b) + 1))]
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            row[j] = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]

def allowed(word):
    # crates/search/src/query/word.rs, edit_distance_for.
    n = len(word)
    return 0 if n <= 4 else 1 if n <= 8 else 2

def deletions(word, times):
    found, frontier = {word}, {word}
    for _ in range(times):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(len(w))}
        found |= frontier
    return found

dictionary_path, *written_paths = sys.argv[1:]
written = set()
for path in written_paths:
    with open(path, encoding="utf-8") as f:
        written |= {fold(w.lower()) for w in re.findall(r"[^\W\d_]{3,}", f.read())}
by_deletion = {}
for word in written:
    for d in deletions(word, 2 if len(word) >= 7 else 1):
        by_deletion.setdefault(d, set()).add(word)
near = set()
with open(dictionary_path, encoding="utf-8") as f:
    for line in f:
        word = line.strip().lower()
        if not re.fullmatch(r"[^\W\d_]+", word):
            continue
        folded = fold(word)
        edits = allowed(folded)
        if edits == 0 or folded in written:
            continue
        candidates = set()
        for d in deletions(folded, edits):
            candidates |= by_deletion.get(d, set())
        if any(distance(folded, c) <= edits for c in candidates):
            near.add(word)
print("\n".join(sorted(near)))
PY
} > "$tmp"
if [ "${1:-}" = "--check" ]; then
  if ! cmp -s "$tmp" "$out"; then
    echo "tools/danish-near-words.sh: $out is not the list the sources, content/ and synonyms give now; run tools/danish-near-words.sh and commit it" >&2
    diff <(grep -v '^#' "$out") <(grep -v '^#' "$tmp") | head -5 >&2 || true
    exit 1
  fi
  echo "$out is current ($(grep -vc '^#' "$out") words)"
  exit 0
fi
mv "$tmp" "$out"
trap - EXIT
echo "wrote $out ($(grep -vc '^#' "$out") words)"
