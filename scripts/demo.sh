#!/usr/bin/env bash
# Walks the venus-market v2 miner guide on a local devnet, on loopback only:
# devnet -> provider daemon (solo-run) -> actor set-addrs/set-peer-id/info -> set-ask/get-ask
# -> client daemon (run) -> asks query -> data import / generate-car / commP -> actor-funds add
# -> online deal (storage deals init) -> offline deal (manual init, import-data) -> both AwaitingPreCommit
# -> devnet sealer -> both StorageDealActive on both sides.
# Everything it starts is stopped on exit, Ctrl-C or failure. Exits non-zero if any step fails.
#
#   scripts/demo.sh            build (skipping tests) and run
#   DEMO_NO_BUILD=1 scripts/demo.sh   reuse the launchers already built
#   DEMO_KEEP=1 scripts/demo.sh       keep the work directory for inspection
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

say()  { printf '\n\033[1m== %s\033[0m\n' "$*"; }
run()  { printf '$ %s %s\n' "${1##*/}" "${*:2}" >&2; "$@"; }
fail() { printf '\ndemo FAILED: %s\n' "$*" >&2; exit 1; }

# A loopback port nothing answers on (bash only: no python needed on a fresh machine).
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
    i=$((i + 1)); [ "$i" -le $(($2 * 10)) ] || fail "$3 did not start within $2 s (see its log above)"
    sleep 0.1
  done
}

WORK=$(mktemp -d /tmp/venus-market-demo.XXXXXX)
PIDS=()
cleanup() {
  local rc=$?
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && wait "$pid" 2>/dev/null || true; done
  if [ "$rc" -ne 0 ]; then
    for log in "$WORK"/*.log; do [ -f "$log" ] && { echo "--- last lines of $log"; tail -n 20 "$log"; }; done
  fi
  if [ -z "${DEMO_KEEP:-}" ]; then rm -rf "$WORK"; else echo "work directory kept: $WORK"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

DEVNET=market-devnet/target/appassembler/bin/market-devnet
MARKET=market-cli/target/appassembler/bin/venus-market
CLIENT=market-client/target/appassembler/bin/market-client

if [ -z "${DEMO_NO_BUILD:-}" ]; then
  say "Building the three launchers (tests skipped; scripts/test.sh runs them)"
  mvn -B -ntp -q package -DskipTests -pl market-devnet,market-cli,market-client -am
fi
for b in "$DEVNET" "$MARKET" "$CLIENT"; do [ -x "$b" ] || fail "$b is missing: run without DEMO_NO_BUILD"; done

export MARKET_DEVNET_PATH="$WORK/devnet" VENUS_MARKET_PATH="$WORK/market" MARKET_CLIENT_PATH="$WORK/client"
NODE_PORT=$(free_port); WALLET_PORT=$(free_port); API_PORT=$(free_port); P2P_PORT=$(free_port)

say "Starting market-devnet (a local dev chain, 1 s blocks) on 127.0.0.1:$NODE_PORT"
"$DEVNET" run --api "/ip4/127.0.0.1/tcp/$NODE_PORT" --wallet-api "/ip4/127.0.0.1/tcp/$WALLET_PORT" \
  --block-time 1s > "$WORK/devnet.log" 2>&1 &
PIDS+=($!)
wait_for_file "$MARKET_DEVNET_PATH/api" 60 "market-devnet"
sed -n '/FULLNODE_API_INFO/{p;q;}' "$WORK/devnet.log"
NODE_TOKEN=$(cat "$MARKET_DEVNET_PATH/token")

say "The signing service, as venus-wallet auth api-info --perm admin prints it"
WALLET_INFO=$(run "$DEVNET" wallet api-info --perm admin)
echo "$WALLET_INFO"
WALLET_TOKEN=${WALLET_INFO%%:*}; WALLET_URL=${WALLET_INFO#*:}

say "Starting the provider: venus-market solo-run (fs piece storage, miner t01000)"
mkdir -p "$WORK/pieces" "$VENUS_MARKET_PATH"
# Only loopback in the demo: the libp2p host listens on 127.0.0.1 (the default is every interface).
# PublishMsgPeriod = "10s" is the guide's setting for tests. solo-run fills in the rest of config.toml
# with commented defaults.
cat > "$VENUS_MARKET_PATH/config.toml" <<EOF
PublishMsgPeriod = "10s"

[Libp2p]
ListenAddresses = ["/ip4/127.0.0.1/tcp/$P2P_PORT"]
EOF
# The devnet makes a block every second: let the market look at the chain every second too (default 10 s).
export VENUS_MARKET_CHAIN_POLL=1s
printf '$ venus-market solo-run --node-url=/ip4/127.0.0.1/tcp/%s --node-token=... --wallet-url=%s --wallet-token=... --piecestorage=fs:%s --miner=t01000:demo\n' \
  "$NODE_PORT" "$WALLET_URL" "$WORK/pieces"
"$MARKET" solo-run --node-url="/ip4/127.0.0.1/tcp/$NODE_PORT" --node-token="$NODE_TOKEN" \
  --wallet-url="$WALLET_URL" --wallet-token="$WALLET_TOKEN" \
  --piecestorage="fs:$WORK/pieces" --miner=t01000:demo \
  --listen="/ip4/127.0.0.1/tcp/$API_PORT" > "$WORK/market.log" 2>&1 &
PIDS+=($!)
wait_for_file "$VENUS_MARKET_PATH/api" 90 "venus-market solo-run"
# The api file appears once the JSON-RPC server is up; give the libp2p host the same chance.
for _ in $(seq 1 100); do "$MARKET" net listen >/dev/null 2>&1 && break; sleep 0.2; done

say "Where the market listens on libp2p (net listen)"
LISTEN=$(run "$MARKET" net listen)
echo "$LISTEN"
ADDR=""
while read -r line; do case "$line" in /ip4/127.0.0.1/*) ADDR=$line; break ;; esac; done <<< "$LISTEN"
[ -n "$ADDR" ] || fail "net listen printed no /ip4/127.0.0.1 address"
PEER=${ADDR##*/p2p/}; MADDR=${ADDR%/p2p/*}
[ -n "$PEER" ] && [ "$PEER" != "$ADDR" ] || fail "net listen printed no /p2p/ address"

say "Point the miner's on-chain multiaddrs and peer ID at the market"
run "$MARKET" actor set-addrs --miner=t01000 "$MADDR"
run "$MARKET" actor set-peer-id --miner=t01000 "$PEER"

say "Waiting for the messages to execute, then actor info"
for _ in $(seq 1 60); do
  INFO=$("$MARKET" actor info --miner t01000 2>/dev/null || true)
  case "$INFO" in *"$PEER"*"$MADDR"*) break ;; esac
  sleep 0.5
done
echo "$ venus-market actor info --miner t01000"; echo "$INFO"
case "$INFO" in *"peers: $PEER"*) ;; *) fail "the miner's peer ID did not change on chain" ;; esac
case "$INFO" in *"addr: $MADDR"*) ;; *) fail "the miner's multiaddrs did not change on chain" ;; esac

say "Publishing the storage ask"
run "$MARKET" storage-deals set-ask --miner=t01000 --price=0.02fil --verified-price=0.01fil \
  --min-piece-size=512b --max-piece-size=8M
run "$MARKET" storage-deals get-ask --miner=t01000

say "Starting the client: market-client run (the data owner's daemon, on the same devnet node)"
CLIENT_ADDR=$(sed -n 's/.* client: \([a-z0-9]*\).*/\1/p' "$WORK/devnet.log" | head -n 1)
[ -n "$CLIENT_ADDR" ] || fail "market-devnet printed no client address"
CLIENT_API_PORT=$(free_port); CLIENT_P2P_PORT=$(free_port); CLIENT_HTTP_PORT=$(free_port)
printf '$ market-client run --node-url=/ip4/127.0.0.1/tcp/%s --auth-token=... --addr=%s --listen=... --libp2p-listen=... --http-listen=...\n' \
  "$NODE_PORT" "$CLIENT_ADDR"
"$CLIENT" run --node-url="/ip4/127.0.0.1/tcp/$NODE_PORT" --auth-token="$NODE_TOKEN" --addr="$CLIENT_ADDR" \
  --listen="/ip4/127.0.0.1/tcp/$CLIENT_API_PORT" --libp2p-listen="/ip4/127.0.0.1/tcp/$CLIENT_P2P_PORT" \
  --http-listen="/ip4/127.0.0.1/tcp/$CLIENT_HTTP_PORT" > "$WORK/client.log" 2>&1 &
PIDS+=($!)
wait_for_file "$MARKET_CLIENT_PATH/api" 90 "market-client run"

say "The client asks the miner for its price (found through the miner's on-chain peer ID)"
run "$CLIENT" storage asks query f01000

say "The client imports a file, builds its CAR and computes its piece commitment"
head -c 809 /dev/urandom > "$WORK/hello.bin"
run "$CLIENT" data import "$WORK/hello.bin"
run "$CLIENT" data local
run "$CLIENT" data generate-car "$WORK/hello.bin" "$WORK/hello.car"
run "$CLIENT" data commP "$WORK/hello.car"

say "The client puts funds in the market escrow to pay for deals (actor-funds add), then waits for the chain"
# The offline deal below pays the guide's 0.01 FIL per epoch for 518400 epochs (5184 FIL).
run "$CLIENT" actor-funds add 5200fil
for _ in $(seq 1 60); do
  BAL=$("$CLIENT" actor-funds balances 2>/dev/null || true)
  case "$BAL" in *"Escrowed Funds:        5200 FIL"*) break ;; esac
  sleep 0.5
done
echo "$ market-client actor-funds balances"; echo "$BAL"
case "$BAL" in *"Escrowed Funds:        5200 FIL"*) ;; *) fail "the client's escrow did not reach 5200 FIL" ;; esac

# The State column of a deal's row: the provider's list has it third, the client's fourth.
deal_state() { # provider|client proposalCid
  local key="...${2: -8}"
  if [ "$1" = provider ]; then
    "$MARKET" storage-deals list 2>/dev/null | awk -v k="$key" '$1 == k { print $3; exit }'
  else
    "$CLIENT" storage deals list 2>/dev/null | awk -v k="$key" '$1 == k { print $4; exit }'
  fi
}
# Prints each state the deal passes through on one side until it reaches the wanted one.
wait_state() { # provider|client proposalCid state seconds
  local side=$1 cid=$2 want=$3 last="" now i
  for i in $(seq 1 $(($4 * 2))); do
    now=$(deal_state "$side" "$cid")
    if [ -n "$now" ] && [ "$now" != "$last" ]; then printf '  %-8s %s\n' "$side:" "$now"; last=$now; fi
    case "$now" in
      "$want") return 0 ;;
      StorageDealError|StorageDealFailing|StorageDealSlashed|StorageDealExpired)
        [ "$side" = provider ] && "$MARKET" storage-deals get "$cid" >&2
        fail "the $side shows deal $cid in $now" ;;
    esac
    sleep 0.5
  done
  fail "deal $cid did not reach $want on the $side side within $4 s (last: ${last:-not listed})"
}

say "Online deal: the client proposes the imported file to t01000 (storage deals init, answering its questions)"
ROOT1=$("$CLIENT" data import -q "$WORK/hello.bin")
printf '$ market-client storage deals init   (answers: %s, 180 days, f01000, yes)\n' "$ROOT1"
INIT=$(printf '%s\n180\nf01000\nyes\n' "$ROOT1" | "$CLIENT" storage deals init) || fail "storage deals init failed"
echo "$INIT"
ONLINE=$(printf '%s\n' "$INIT" | sed -n 's/^Deal (.*) CID: //p')
[ -n "$ONLINE" ] || fail "storage deals init printed no proposal CID"

say "The provider downloads the CAR from the client, checks its commP, funds, publishes the deal (after PublishMsgPeriod)"
wait_state provider "$ONLINE" StorageDealAwaitingPreCommit 180
wait_state client "$ONLINE" StorageDealAwaitingPreCommit 60
run "$CLIENT" storage deals list
run "$MARKET" storage-deals list

say "Offline deal: a CAR and its piece CID and size (generate-car, commP), then a deal with them (storage deals init)"
head -c 3000 /dev/urandom > "$WORK/README.md"
ROOT2=$("$CLIENT" data import -q "$WORK/README.md")
run "$CLIENT" data generate-car "$WORK/README.md" "$WORK/readme.md.car"
COMMP=$(run "$CLIENT" data commP "$WORK/readme.md.car"); echo "$COMMP"
PIECE=$(printf '%s\n' "$COMMP" | sed -n 's/^CID:  *//p')
BYTES=$(printf '%s\n' "$COMMP" | sed -n 's/^Piece size in bytes:  *//p')
OFFLINE=$(run "$CLIENT" storage deals init --manual-piece-cid="$PIECE" --manual-piece-size="$BYTES" \
  "$ROOT2" f01000 0.01fil 518400) || fail "storage deals init (offline) failed"
echo "$OFFLINE"

say "The provider accepts the offline deal and waits for its data"
wait_state provider "$OFFLINE" StorageDealWaitingForData 60
run "$CLIENT" storage deals list

say "The CAR reaches the provider by other means; the provider imports it (storage-deals import-data)"
run "$MARKET" storage-deals import-data "$OFFLINE" "$WORK/readme.md.car"
wait_state provider "$OFFLINE" StorageDealAwaitingPreCommit 180
wait_state client "$OFFLINE" StorageDealAwaitingPreCommit 60
run "$CLIENT" storage deals list
run "$MARKET" storage-deals list

say "Starting the devnet sealer (plays venus-sealer: [MarketNode] Url/Token of the market, the shared piece directory)"
printf '$ market-devnet sealer --market-url=/ip4/127.0.0.1/tcp/%s --market-token=... --miner=t01000 --piece-dir=%s --interval=2s\n' \
  "$API_PORT" "$WORK/pieces"
"$DEVNET" sealer --market-url="/ip4/127.0.0.1/tcp/$API_PORT" --market-token="$(cat "$VENUS_MARKET_PATH/token")" \
  --miner=t01000 --piece-dir="$WORK/pieces" --interval=2s > "$WORK/sealer.log" 2>&1 &
PIDS+=($!)

say "The sealer packs both deals into a sector, pre-commits and proves it; the deals become active"
for d in "$ONLINE" "$OFFLINE"; do
  wait_state provider "$d" StorageDealActive 180
  wait_state client "$d" StorageDealActive 60
done
echo "$ market-devnet sealer deals list --market-url=/ip4/127.0.0.1/tcp/$API_PORT --market-token=... --miner=t01000"
"$DEVNET" sealer deals list --market-url="/ip4/127.0.0.1/tcp/$API_PORT" \
  --market-token="$(cat "$VENUS_MARKET_PATH/token")" --miner=t01000
run "$CLIENT" storage deals list
run "$MARKET" storage-deals list

say "Demo finished: every step above succeeded; stopping everything it started"
