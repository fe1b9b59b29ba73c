#!/usr/bin/env bash
# Fuzzes the readers of every file a user may be handed, and the text pipeline, with libFuzzer
# and AddressSanitizer (Swift's -sanitize=fuzzer). See Fuzz/README.md.
#
# Usage: Fuzz/run.sh [--seconds N | --runs N] [--jobs N] [TARGET...]
#   TARGET   model-file checkpoint language-model letter-statistics json pipeline (default: all)
#   --seconds N   stop each target after N seconds (default 60)
#   --runs N      stop each target after N inputs instead
#
# Each target starts from its seeds in Fuzz/corpus/TARGET and keeps what it finds in
# .build-fuzz/corpus/TARGET (not committed). A crash, a timeout (an input over 1 s), a leak or
# an input that allocates more than 1 MiB at once (16 times the 64 KiB an input may have) stops
# the run with exit status 1 and writes the input to Fuzz/findings/TARGET-*: replay it with
# `swift run caesar-fuzz TARGET FILE`, fix the code, and move it to Fuzz/regressions/TARGET/,
# where `swift test` runs it on every build.
set -euo pipefail
cd "$(dirname "$0")/.."

limit=(-max_total_time=60)
seed=()
# In CI the inputs are the same on every run (a fixed seed): a failure there is reproducible.
[ "${CI:-}" = true ] && seed=(-seed=1)
targets=()
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) limit=(-max_total_time="$2"); shift 2 ;;
        --runs) limit=(-runs="$2"); shift 2 ;;
        -*) echo "run.sh: unknown option '$1'; hint: Fuzz/run.sh [--seconds N | --runs N] [TARGET...]" >&2; exit 64 ;;
        *) targets+=("$1"); shift ;;
    esac
done
[ ${#targets[@]} -gt 0 ] || targets=(model-file checkpoint language-model letter-statistics json pipeline)

build=.build-fuzz
# The coverage is asked for explicitly: without it the Swift modules were not always
# instrumented, and libFuzzer then runs blind ("no interesting inputs", no "cov:" in its log).
swift build -c release --scratch-path "$build" --product caesar-fuzz \
    --sanitize=fuzzer --sanitize=address -Xswiftc -DFUZZING \
    -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp >&2
binary="$build/release/caesar-fuzz"
mkdir -p Fuzz/findings

status=0
for target in "${targets[@]}"; do
    [ -d "Fuzz/corpus/$target" ] || { echo "run.sh: no target '$target'; hint: see the list in Fuzz/run.sh" >&2; exit 64; }
    mkdir -p "$build/corpus/$target"
    echo "== $target" >&2
    # Text runs through ICU a scalar at a time: shorter inputs keep it fast enough to fuzz.
    max_len=65536
    [ "$target" = pipeline ] && max_len=4096
    if ! CAESAR_FUZZ_TARGET="$target" "$binary" "$build/corpus/$target" "Fuzz/corpus/$target" \
        -max_len=$max_len -timeout=1 -rss_limit_mb=4096 -malloc_limit_mb=1 -detect_leaks=1 \
        -print_final_stats=1 -artifact_prefix="Fuzz/findings/$target-" "${limit[@]}" "${seed[@]}"; then
        status=1
    fi
done
exit $status
