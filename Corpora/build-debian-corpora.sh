#!/usr/bin/env bash
# Builds bigger corpora from public-domain texts packaged by Debian, as raw UTF-8:
#   kjv.txt    The King James Bible (1611): every verse of `bible -l0 gen1:1-rev22:21`, verse
#              numbers and chapter headings removed, verses joined by one space, exactly as
#              the PyTorch reference's data preparation (`kjv_raw`) does it (quirk included,
#              see below).
#   devil.txt  Ambrose Bierce's The Devil's Dictionary (1911), from the word PREFACE on
#              (exactly the reference's `devil_raw`).
#
# Usage: Corpora/build-debian-corpora.sh [OUTPUT_FOLDER]     (default: Corpora/debian)
#
# Installs bible-kjv, bible-kjv-text and dict-devil first if any is missing (apt-get update,
# then apt-get install; with sudo when not root). Safe to run again: it installs nothing that
# is there and rewrites the same files. The output folder is not committed (.gitignore).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/debian}"

packages=(bible-kjv bible-kjv-text dict-devil)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { echo "build-debian-corpora: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
        sudo="sudo"
    fi
    echo "build-debian-corpora: installing ${missing[*]}" >&2
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

mkdir -p "$out"

# Each file is written beside its destination and renamed: a failed run leaves no half file.
write() {  # write NAME: standard input to $out/NAME, atomically
    local tmp
    tmp="$(mktemp "$out/.$1.XXXXXX")"
    chmod 644 "$tmp"
    cat >"$tmp"
    mv -f "$tmp" "$out/$1"
}

# Verse lines look like "  12 And God said, ...". The reference's regular expression,
# re.finditer(r"^\s+\d+ (.*)$", raw, re.M), also takes a line that starts with a number right
# after a blank line, because \s+ spans the blank line: so the headings of numbered books
# ("1 Samuel 1") leave "Samuel 1" in the text. We keep that quirk: it is in the reference's
# splits and checksums. Verses are joined with single spaces, no newline at the end.
bible -l0 gen1:1-rev22:21 \
    | awk '
        /^[[:space:]]+[0-9]+ / || (afterBlank && /^[0-9]+ /) {
            sub(/^[[:space:]]*[0-9]+ /, "")
            printf "%s%s", (n++ ? " " : ""), $0
        }
        { afterBlank = ($0 ~ /^[[:space:]]*$/) }' \
    | write kjv.txt

# The dictionary file is gzip-compatible (dictzip). Keep everything from the first "PREFACE".
dict="/usr/share/dictd/devil.dict.dz"
# (sed reads to the end, so no stage of the pipe is cut short: pipefail stays quiet.)
offset="$(zcat "$dict" | grep -b -o PREFACE | sed -n 1p | cut -d: -f1)"
[ -n "$offset" ] || { echo "build-debian-corpora: no 'PREFACE' in $dict; hint: reinstall dict-devil" >&2; exit 1; }
zcat "$dict" | tail -c +"$((offset + 1))" | write devil.txt

for f in kjv.txt devil.txt; do
    printf '%s\t%s bytes\n' "$out/$f" "$(wc -c <"$out/$f")"
done
