#!/usr/bin/env bash
# Measures how fast a thin `venus-market` command answers: starts market-devnet and `venus-market solo-run`
# on loopback (as scripts/demo.sh does), then runs one command N times and prints the median, p10 and p90
# wall-clock time of the whole launcher process (shell script + JVM start + JSON-RPC call + output), and
# its CPU time. Run it on an otherwise idle machine: on a loaded one the wall time mostly measures the load.
#
#   scripts/cli-startup.sh                      20 runs of `storage-deals list`, launchers as built
#   CLI_RUNS=50 scripts/cli-startup.sh          more runs
#   CLI_BUILD=1 scripts/cli-startup.sh          build the launchers first (tests skipped)
#   scripts/cli-startup.sh net listen           time another command instead
#   CLI_JAVA_OPTS='-Xshare:off' scripts/cli-startup.sh   extra JVM flags for the timed runs (JAVA_OPTS)
#   CLI_HYPERFINE=1 scripts/cli-startup.sh      time with hyperfine (Debian package) instead of the loop below
#
# Everything it starts is stopped on exit. Needs only bash, coreutils and the built launchers.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${CLI_RUNS:-20}
WARMUP=${CLI_WARMUP:-3}
CMD=("$@"); [ ${#CMD[@]} -gt 0 ] || CMD=(storage-deals list)

DEVNET=market-devnet/target/appassembler/bin/market-devnet
MARKET=market-cli/target/appassembler/bin/venus-market
if [ -n "${CLI_BUILD:-}" ]; then
  mvn -B -ntp -q package -DskipTests -pl market-devnet,market-cli -am
fi
for b in "$DEVNET" "$MARKET"; do
  [ -x "$b" ] || { echo "$b is missing: run with CLI_BUILD=1" >&2; exit 1; }
done

free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
}
wait_for_file() { # path seconds what
  local i=0
  while [ ! -s "$1" ]; do
    i=$((i + 1)); [ "$i" -le $(($2 * 10)) ] || { echo "$3 did not start within $2 s" >&2; exit 1; }
    sleep 0.1
  done
}

WORK=$(mktemp -d /tmp/venus-market-clistart.XXXXXX)
PIDS=()
cleanup() {
  local rc=$?
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && wait "$pid" 2>/dev/null || true; done
  if [ "$rc" -ne 0 ]; then
    for log in "$WORK"/*.log; do [ -f "$log" ] && { echo "--- last lines of $log"; tail -n 20 "$log"; }; done
  fi
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

export MARKET_DEVNET_PATH="$WORK/devnet" VENUS_MARKET_PATH="$WORK/market"
NODE_PORT=$(free_port); WALLET_PORT=$(free_port); API_PORT=$(free_port); P2P_PORT=$(free_port)

echo "starting market-devnet and venus-market solo-run in $WORK"
"$DEVNET" run --api "/ip4/127.0.0.1/tcp/$NODE_PORT" --wallet-api "/ip4/127.0.0.1/tcp/$WALLET_PORT" \
  --block-time 1s > "$WORK/devnet.log" 2>&1 &
PIDS+=($!)
wait_for_file "$MARKET_DEVNET_PATH/api" 60 "market-devnet"
WALLET_INFO=$("$DEVNET" wallet api-info --perm admin)
mkdir -p "$WORK/pieces" "$VENUS_MARKET_PATH"
cat > "$VENUS_MARKET_PATH/config.toml" <<CONF
[Libp2p]
ListenAddresses = ["/ip4/127.0.0.1/tcp/$P2P_PORT"]
CONF
"$MARKET" solo-run --node-url="/ip4/127.0.0.1/tcp/$NODE_PORT" --node-token="$(cat "$MARKET_DEVNET_PATH/token")" \
  --wallet-url="${WALLET_INFO#*:}" --wallet-token="${WALLET_INFO%%:*}" \
  --piecestorage="fs:$WORK/pieces" --miner=t01000:bench \
  --listen="/ip4/127.0.0.1/tcp/$API_PORT" > "$WORK/market.log" 2>&1 &
PIDS+=($!)
wait_for_file "$VENUS_MARKET_PATH/api" 90 "venus-market solo-run"
for _ in $(seq 1 100); do "$MARKET" net listen >/dev/null 2>&1 && break; sleep 0.2; done

export JAVA_OPTS="${CLI_JAVA_OPTS:-}"
echo "command: venus-market ${CMD[*]}  (JAVA_OPTS='${JAVA_OPTS}', $WARMUP warm-up + $RUNS timed runs)"
"$MARKET" "${CMD[@]}" > "$WORK/out.txt" || { echo "the command failed:" >&2; cat "$WORK/out.txt" >&2; exit 1; }
if [ -n "${CLI_HYPERFINE:-}" ]; then
  command -v hyperfine > /dev/null || { echo "hyperfine is not installed (apt-get install hyperfine)" >&2; exit 1; }
  # -N: no intermediate shell, so the figure is the launcher process alone.
  hyperfine -N --warmup "$WARMUP" --runs "$RUNS" --export-json "$WORK/hyperfine.json" "$MARKET ${CMD[*]}"
  # hyperfine prints the mean; the goal is stated as a median.
  awk -F': *' '/"median"/ { gsub(/[ ,]/, "", $2); printf "median %.0f ms\n", $2 * 1000 }' "$WORK/hyperfine.json"
  echo "($RUNS runs on $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg))"
  exit 0
fi
for _ in $(seq 1 "$WARMUP"); do "$MARKET" "${CMD[@]}" > /dev/null; done
# Wall-clock time of the whole launcher process; CPU time (user + sys, all JVM threads) from /usr/bin/time
# when present: it varies less than wall time when other work shares the machine.
TIMES=(); CPUS=()
TIMEFMT=$(command -v /usr/bin/time || true)
for _ in $(seq 1 "$RUNS"); do
  t0=$(date +%s%N)
  if [ -n "$TIMEFMT" ]; then
    /usr/bin/time -o "$WORK/cpu.txt" -f '%U %S' "$MARKET" "${CMD[@]}" > /dev/null
  else
    "$MARKET" "${CMD[@]}" > /dev/null
  fi
  t1=$(date +%s%N)
  TIMES+=($(( (t1 - t0) / 1000000 )))
  if [ -n "$TIMEFMT" ]; then
    read -r u s < "$WORK/cpu.txt"
    CPUS+=($(awk -v u="$u" -v s="$s" 'BEGIN { printf "%d", (u + s) * 1000 }'))
  fi
done
stats() { # label values...
  local label=$1; shift
  local sorted; mapfile -t sorted < <(printf '%s\n' "$@" | sort -n)
  local n=${#sorted[@]}
  pct() { echo "${sorted[$(( ($1 * (n - 1) + 50) / 100 ))]}"; }
  printf '%-5s median %s ms   p10 %s ms   p90 %s ms   min %s ms   max %s ms\n' \
    "$label" "$(pct 50)" "$(pct 10)" "$(pct 90)" "${sorted[0]}" "${sorted[$((n - 1))]}"
}
echo "wall (ms): ${TIMES[*]}"
stats wall "${TIMES[@]}"
if [ ${#CPUS[@]} -gt 0 ]; then stats cpu "${CPUS[@]}"; fi
echo "($RUNS runs on $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg))"
