#!/usr/bin/env bash
# Fuzzes every Jazzer @FuzzTest method of market-core, market-p2p and market-daemon for N seconds each, one after
# another (never two Maven builds at once), and prints a Markdown table: executions, coverage, new corpus entries and
# findings per target. See docs/reliability.md, "Fuzzing longer".
#
#   scripts/fuzz-all.sh [seconds-per-target] [target-filter-regex]
#   scripts/fuzz-all.sh 60                      # every target, 60 s each
#   scripts/fuzz-all.sh 30 'CidFuzzTest|Yamux'  # only targets whose "Class#method" matches
#
# Environment: FUZZ_NICE (default 10) is the nice level of the Maven runs; FUZZ_OFFLINE=0 drops Maven's -o.
# Logs go to target/fuzz-all/<Class>#<method>.log; the table also goes to target/fuzz-all/summary.md.
# A finding is a crash-* (or timeout-*/oom-*) file Jazzer writes into the target's committed inputs directory; the
# script keeps going and exits 1 at the end if there was any finding or a run failed without one.
set -euo pipefail

seconds="${1:-60}"
filter="${2:-.}"
nice_level="${FUZZ_NICE:-10}"
offline="-o"
[[ "${FUZZ_OFFLINE:-1}" == 0 ]] && offline=""

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
out="$root/target/fuzz-all"
mkdir -p "$out"

modules=(market-core market-p2p market-daemon)

# "module class-fqcn method" for every @FuzzTest method, in module then file order
targets=()
for module in "${modules[@]}"; do
  while IFS= read -r file; do
    fqcn="${file#"$module"/src/test/java/}"
    fqcn="${fqcn%.java}"
    fqcn="${fqcn//\//.}"
    while IFS= read -r method; do
      targets+=("$module $fqcn $method")
    done < <(awk '/@FuzzTest/ {want = 1; next}
                  want && match($0, /void [A-Za-z0-9_]+\(/) {print substr($0, RSTART + 5, RLENGTH - 6); want = 0}' "$file")
  done < <(grep -rl --include='*FuzzTest.java' '@FuzzTest' "$module/src/test/java" | sort)
done

selected=()
for t in "${targets[@]}"; do
  read -r _ fqcn method <<<"$t"
  [[ "${fqcn##*.}#$method" =~ $filter ]] && selected+=("$t")
done
if ((${#selected[@]} == 0)); then
  echo "no fuzz target matches '$filter'" >&2
  exit 2
fi

echo "fuzz-all: ${#selected[@]} targets x ${seconds}s, nice ${nice_level}, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
nice -n "$nice_level" mvn -B -ntp $offline -q -pl "$(IFS=,; echo "${modules[*]}")" -am test-compile >&2

# the reactor a module's run needs: itself and the modules before it. The run goes through test-compile (up to date,
# so quick) because a bare surefire:test cannot resolve market-core's classes for market-p2p without `mvn install`.
reactor_of() {
  case "$1" in
    market-core) echo market-core ;;
    market-p2p) echo market-core,market-p2p ;;
    *) echo market-core,market-p2p,market-daemon ;;
  esac
}

count_files() { if [[ -d "$1" ]]; then find "$1" -maxdepth 1 -type f | wc -l; else echo 0; fi; }

summary="$out/summary.md"
{
  echo "| target | seconds | executions | exec/s | cov (seeds → end) | ft (seeds → end) | new corpus | findings | result |"
  echo "|---|---:|---:|---:|---:|---:|---:|---|---|"
} >"$summary"

total_execs=0
total_findings=0
failed_runs=0
started="$(date -u +%FT%TZ)"
for t in "${selected[@]}"; do
  read -r module fqcn method <<<"$t"
  class="${fqcn##*.}"
  pkg_dir="${fqcn%.*}"
  pkg_dir="${pkg_dir//.//}"
  inputs="$module/src/test/resources/$pkg_dir/${class}Inputs/$method"
  corpus="$module/.cifuzz-corpus/$fqcn/$method"
  log="$out/$class#$method.log"

  corpus_before="$(count_files "$corpus")"
  findings_before="$(ls "$inputs" 2>/dev/null | grep -E '^(crash|timeout|oom|slow-unit)-' | sort || true)"
  echo "fuzz-all: $class#$method (${seconds}s) ..." >&2
  rc=0
  JAZZER_FUZZ=1 JAZZER_MAX_DURATION="${seconds}s" JAZZER_INSTRUMENTATION_INCLUDES='venus.market.**' \
    nice -n "$nice_level" mvn -B -ntp $offline -pl "$(reactor_of "$module")" -am \
    test-compile surefire:test@default-test -Dsurefire.failIfNoSpecifiedTests=false -Dtest="$class#$method" >"$log" 2>&1 || rc=$?

  # libFuzzer's last status line: "#<runs> DONE cov: <c> ft: <f> corp: ..." (or the last "#<runs> ..." before a crash)
  last="$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1 || true)"
  [[ -z "$last" ]] && last="$(grep -E '^#[0-9]+[[:space:]]' "$log" | tail -1 || true)"
  execs="$(sed -E 's/^#([0-9]+).*/\1/' <<<"$last")"
  cov="$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<<"$last")"
  ft="$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<<"$last")"
  # coverage once the seeds (committed corpus plus any earlier .cifuzz-corpus) are loaded, before mutation
  inited="$(grep -E '^#[0-9]+[[:space:]]+INITED' "$log" | tail -1 || true)"
  cov0="$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<<"$inited")"
  ft0="$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<<"$inited")"
  took="$(sed -nE 's/^Done [0-9]+ runs in ([0-9]+) second.*/\1/p' "$log" | tail -1)"
  execs="${execs:-0}"
  eps="-"
  [[ -n "$took" && "$took" -gt 0 ]] && eps=$((execs / took))
  corpus_new=$(($(count_files "$corpus") - corpus_before))
  findings_after="$(ls "$inputs" 2>/dev/null | grep -E '^(crash|timeout|oom|slow-unit)-' | sort || true)"
  new_findings="$(comm -13 <(echo "$findings_before") <(echo "$findings_after") | grep -v '^$' || true)"
  n_findings=0
  [[ -n "$new_findings" ]] && n_findings="$(wc -l <<<"$new_findings")"

  if ((n_findings > 0)); then
    result="finding"
  elif ((rc != 0)); then
    result="run failed (see log)"
    failed_runs=$((failed_runs + 1))
  elif [[ -z "$last" ]]; then
    result="no fuzzing output (see log)"
    failed_runs=$((failed_runs + 1))
  else
    result="ok"
  fi
  found_text="$n_findings"
  ((n_findings > 0)) && found_text="$n_findings: $(tr '\n' ' ' <<<"$new_findings" | sed 's/ $//')"
  total_execs=$((total_execs + execs))
  total_findings=$((total_findings + n_findings))
  echo "| $class#$method | ${took:-?} | $execs | $eps | ${cov0:-?} → ${cov:--} | ${ft0:-?} → ${ft:--} | $corpus_new | $found_text | $result |" \
    | tee -a "$summary" >&2
done
{
  echo "| **total (${#selected[@]} targets)** | | **$total_execs** | | | | | **$total_findings** | |"
  echo
  echo "Run from $started to $(date -u +%FT%TZ), ${seconds} s per target, nice $nice_level, $(nproc) cores," \
    "load average at the end $(cut -d' ' -f1-3 /proc/loadavg)."
} >>"$summary"
echo >&2
cat "$summary"
((total_findings == 0 && failed_runs == 0))
