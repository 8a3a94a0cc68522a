#!/usr/bin/env bash
# Regenerates curation/lexicon-da.txt: the word forms of sources/ that
# Debian's hunspell-da (da_DK, Stavekontrolden's dictionary) accepts as
# Danish. The build reads the committed list and needs no dictionary;
# run this after adding a source. Needs: apt-get install hunspell hunspell-da
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in hunspell; do
  command -v "$tool" >/dev/null || { echo "tools/lexicon-da.sh: needs $tool (apt-get install hunspell hunspell-da)" >&2; exit 1; }
done
[ -f /usr/share/hunspell/da_DK.dic ] || { echo "tools/lexicon-da.sh: needs /usr/share/hunspell/da_DK.dic (apt-get install hunspell-da)" >&2; exit 1; }
out=curation/lexicon-da.txt
{
  echo "# Danish word forms found in sources/ that hunspell-da (da_DK) accepts:"
  echo "# Debian package hunspell-da, the dictionary of Stavekontrolden"
  echo "# (stavekontrolden.dk; GPL-2 / LGPL-2.1 / MPL-1.1). One lower-case word a"
  echo "# line. Regenerate with tools/lexicon-da.sh after adding a source."
  # Words as the tool tokenises them: runs of letters, lower-cased.
  python3 -c 'import re,sys; print("\n".join(sorted({w.lower() for w in re.findall(r"[^\W\d_]{2,}", sys.stdin.read())})))' \
    < <(cat sources/*.txt) | hunspell -d da_DK -G | LC_ALL=C sort -u
} > "$out"
echo "wrote $out ($(grep -vc '^#' "$out") words)"
