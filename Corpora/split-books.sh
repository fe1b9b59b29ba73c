#!/usr/bin/env bash
# Splits the public-domain books the language models learn from into what they are trained on
# and what they are measured on, never both:
#
#   OUT/train/LANG/*.txt   the books the models learn from (each model holds out the last 5%
#                          of every file's sentences again, to calibrate itself)
#   OUT/test/LANG/*.txt    the books, or the tails of books, that measure them
#
# English, French and German hold out whole books; Spanish and Italian have one book each, so
# its last 10% of lines is held out and the first 90% trained on.
#
# Usage: Corpora/split-books.sh BOOKS OUT
#   BOOKS  the folder of the sixteen books (en-carroll-alice-in-wonderland.txt, …)
#   OUT    where to write the split (created; not committed)
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: Corpora/split-books.sh BOOKS OUT" >&2; exit 64; }
books=$1 out=$2
for f in en-carroll-alice-in-wonderland en-shelley-frankenstein en-twain-huckleberry-finn en-tolstoy-war-and-peace \
         en-melville-moby-dick en-dickens-great-expectations en-dickens-tale-of-two-cities en-stoker-dracula \
         fr-flaubert-madame-bovary fr-hugo-les-miserables-1-fantine fr-zola-germinal \
         de-fontane-effi-briest de-goethe-faust-1 de-kafka-die-verwandlung es-cervantes-don-quijote it-dante-divina-commedia; do
    [ -f "$books/$f.txt" ] || { echo "split-books: $books/$f.txt is missing; hint: give the folder of the sixteen books" >&2; exit 1; }
done
mkdir -p "$out"/train/{en,fr,de,es,it} "$out"/test/{en,fr,de,es,it}
whole() {  # whole LANG train|test NAME
    cp "$books/$3.txt" "$out/$2/$1/$3.txt"
}
tail10() {  # tail10 LANG NAME: the first 90% of the lines trained on, the last 10% measured
    local n train
    n=$(wc -l < "$books/$2.txt")
    train=$((n * 9 / 10))
    head -n "$train" "$books/$2.txt" > "$out/train/$1/$2.txt"
    tail -n +"$((train + 1))" "$books/$2.txt" > "$out/test/$1/$2.txt"
}
for f in en-tolstoy-war-and-peace en-melville-moby-dick en-dickens-great-expectations en-dickens-tale-of-two-cities en-stoker-dracula; do
    whole en train "$f"
done
for f in en-carroll-alice-in-wonderland en-shelley-frankenstein en-twain-huckleberry-finn; do whole en test "$f"; done
whole fr train fr-flaubert-madame-bovary
whole fr train fr-hugo-les-miserables-1-fantine
whole fr test fr-zola-germinal
whole de train de-fontane-effi-briest
whole de train de-goethe-faust-1
whole de test de-kafka-die-verwandlung
tail10 es es-cervantes-don-quijote
tail10 it it-dante-divina-commedia
echo "split-books: wrote $out/train and $out/test" >&2
