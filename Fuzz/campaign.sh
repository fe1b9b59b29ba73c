#!/usr/bin/env bash
# A long fuzzing campaign of one target: runs libFuzzer (as Fuzz/run.sh builds it) until RUNS
# inputs have been tried in all, across restarts, and logs each part to Fuzz/campaign/TARGET.log.
#
# Usage: Fuzz/campaign.sh TARGET RUNS        (build first: Fuzz/run.sh --runs 1 TARGET)
#
# On a shared machine a run can stop on a "timeout" that is the machine's, not the input's:
# the fuzzer starved of CPU, or paused. So a timeout is replayed at once: an input that runs in
# under 200 ms alone (the fastest of three replays) is logged as a false alarm, set aside in Fuzz/campaign/, and the campaign
# goes on; a slow one, and any crash, leak or oversized allocation, stops it, the input left in
# Fuzz/findings/ as Fuzz/run.sh leaves it.
set -uo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 2 ] && [ -d "Fuzz/corpus/$1" ] && [[ "$2" =~ ^[0-9]+$ ]] || {
    echo "campaign: usage: Fuzz/campaign.sh TARGET RUNS (a target of Fuzz/corpus/, a number of inputs)" >&2; exit 64; }
target=$1 want=$2 done_runs=0
binary=.build-fuzz/release/caesar-fuzz
[ -x "$binary" ] || { echo "campaign: no $binary; hint: build it with Fuzz/run.sh --runs 1 $target" >&2; exit 1; }
mkdir -p ".build-fuzz/corpus/$target" Fuzz/findings Fuzz/campaign
log="Fuzz/campaign/$target.log"
max_len=65536
[ "$target" = pipeline ] && max_len=4096
while [ "$done_runs" -lt "$want" ]; do
    part="Fuzz/campaign/$target.$(date +%s).log"
    CAESAR_FUZZ_TARGET="$target" "$binary" ".build-fuzz/corpus/$target" "Fuzz/corpus/$target" \
        -max_len=$max_len -timeout=1 -rss_limit_mb=4096 -malloc_limit_mb=1 -detect_leaks=1 \
        -print_final_stats=1 -artifact_prefix="Fuzz/findings/$target-" -runs=$((want - done_runs)) > "$part" 2>&1
    status=$?
    n=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$part" | awk '{print $2}')
    [ -n "$n" ] || n=$(grep -oE '^#[0-9]+' "$part" | tail -1 | tr -d '#')
    done_runs=$((done_runs + ${n:-0}))
    echo "$(date +%T) status $status, $n inputs, $done_runs in all; $(grep -oE 'cov: [0-9]+' "$part" | tail -1); $(grep -o 'peak_rss_mb: *[0-9]*' "$part" | tail -1)" >> "$log"
    [ "$status" -eq 0 ] && continue
    finding=$(grep -oE "Fuzz/findings/$target-[a-z-]+-[0-9a-f]+" "$part" | tail -1)
    if grep -q "timeout-" <<< "$finding"; then
        # The fastest of three replays: one replay can itself be starved by the machine.
        ms=$(for _ in 1 2 3; do CAESAR_FUZZ_TARGET="$target" "$binary" "$finding" 2>&1 | grep -oE 'in [0-9]+ ms' | grep -oE '[0-9]+'; done | sort -n | head -1)
        echo "$(date +%T) timeout $finding replayed in ${ms:-?} ms" >> "$log"
        if [ -n "$ms" ] && [ "$ms" -lt 200 ]; then mv "$finding" Fuzz/campaign/; continue; fi
    fi
    echo "$(date +%T) stopped: $finding (see $part)" >> "$log"
    echo "campaign: $target stopped on $finding; hint: replay it with swift run caesar-fuzz $target $finding" >&2
    exit 1
done
echo "$(date +%T) done: $done_runs inputs" >> "$log"
