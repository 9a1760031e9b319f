#!/usr/bin/env bash
# Runs the whole system locally, in the foreground until Ctrl-C: the embedded DynamoDB-compatible
# backend (moto, serialized), the table created from its definition with TTL, the functions and
# the operator console. Waits until the functions and the console report ready, then prints each
# URL, a user and a service token for the demo app, and a console sign-in.
#
#   ./run-local.sh
#   ./run-local.sh token --app APP (--user USER | --service) [--hours N | --expired]
#       prints a token signed with the local run's development key (kept in .local-run/dev-key, so
#       tokens stay valid across runs): any app (one made in the console too), any user, or expired.
#   ./run-local.sh watch [--app APP] [--user USER]
#       prints a user's live events (the demo app's demo user by default) as they happen, from a
#       run started in another terminal.
#   ./run-local.sh list [--app APP] [--user USER]
#       shows the user's local list as the device library keeps it (in .local-run/devices/), again
#       at every change, marking the conversations kept only on the device.
#
# FUNCTIONS_PORT (8080) and CONSOLE_PORT (8090) choose the ports; READY_TIMEOUT (180 s) how long a
# start may take; CONVLIST_SKIP_BUILD=1 runs what was built last; LOCAL_RUN_DIR (.local-run) where
# the logs and the development key go.
set -euo pipefail
cd "$(dirname "$0")"

FUNCTIONS_PORT="${FUNCTIONS_PORT:-8080}"
CONSOLE_PORT="${CONSOLE_PORT:-8090}"
READY_TIMEOUT="${READY_TIMEOUT:-180}"
DEMO_APP="${DEMO_APP:-demo}"
DEMO_USER="${DEMO_USER:-alice}"
ISSUER="convlist-local"
WORK="${LOCAL_RUN_DIR:-.local-run}"
KEY_DIR="$WORK/dev-key"

mint() {
  java -cp "$(ls testkit/target/convlist-testkit-*.jar | head -1):$(cat testkit/target/classpath.txt)" \
    io.convlist.testkit.DevTokens "$KEY_DIR" "$ISSUER" "$@"
}

if [ "${1:-}" = token ] || [ "${1:-}" = watch ] || [ "${1:-}" = list ]; then
  if ! [ -f testkit/target/classpath.txt ]; then
    echo "nothing is built yet: run ./run-local.sh once (or mvn -B -q -DskipTests package)" >&2
    exit 1
  fi
fi
if [ "${1:-}" = token ]; then
  shift
  mint "$@"
  exit
fi
# watch's and list's options: --app and --user (the demo app's demo user by default).
app_and_user() {
  app="$DEMO_APP" user="$DEMO_USER"
  while [ $# -gt 0 ]; do
    case "$1" in
      --app) app="$2"; shift 2 ;;
      --user) user="$2"; shift 2 ;;
      *) sed -n '7,20p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
    esac
  done
}
if [ "${1:-}" = watch ]; then
  shift
  app_and_user "$@"
  exec java -cp "$(ls testkit/target/convlist-testkit-*.jar | head -1):$(cat testkit/target/classpath.txt)" \
    io.convlist.testkit.LiveWatch "ws://127.0.0.1:$FUNCTIONS_PORT/live" "$(mint --app "$app" --user "$user")"
fi
if [ "${1:-}" = list ]; then
  shift
  app_and_user "$@"
  exec java -cp "$(ls client/target/convlist-client-*.jar | head -1):$(cat client/target/classpath.txt)" \
    io.convlist.client.example.ListWatch "http://127.0.0.1:$FUNCTIONS_PORT" "$(mint --app "$app" --user "$user")" \
    "$WORK/devices/$app-$user.db"
fi
if [ $# -gt 0 ]; then
  sed -n '7,20p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$FUNCTIONS_PORT" "$CONSOLE_PORT"; do
  if port_taken "$port"; then
    echo "port $port is taken by another process: stop it, or choose free ports:  FUNCTIONS_PORT=18080 CONSOLE_PORT=18090 $0" >&2
    exit 1
  fi
done

PYTHON="$(scripts/moto-python)"

if [ "${CONVLIST_SKIP_BUILD:-}" != 1 ]; then
  echo "building (mvn package, tests skipped) ..."
  mvn -B -q -DskipTests package
fi

mkdir -p "$WORK"
rm -f "$WORK"/*.log "$WORK/dynamodb.port" "$WORK/tokens.env"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

"$PYTHON" scripts/dynamodb-local.py --port 0 --port-file "$WORK/dynamodb.port" > "$WORK/dynamodb.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do [ -s "$WORK/dynamodb.port" ] && break; sleep 0.1; done
[ -s "$WORK/dynamodb.port" ] || { echo "the embedded DynamoDB backend did not start:" >&2; cat "$WORK/dynamodb.log" >&2; exit 1; }
DYNAMODB="http://127.0.0.1:$(cat "$WORK/dynamodb.port")"

USER_TOKEN="$(mint --app "$DEMO_APP" --user "$DEMO_USER")"
SERVICE_TOKEN="$(mint --app "$DEMO_APP" --service)"
printf 'USER_TOKEN=%s\nSERVICE_TOKEN=%s\n' "$USER_TOKEN" "$SERVICE_TOKEN" > "$WORK/tokens.env"

CONVLIST_DYNAMODB_ENDPOINT="$DYNAMODB" CONVLIST_CREATE_TABLE=true CONVLIST_TABLE=convlist \
CONVLIST_JWT_ISSUER="$ISSUER" CONVLIST_JWT_PUBLIC_KEY_LOCATION="$(cd "$KEY_DIR" && pwd)/public.pem" \
CONVLIST_SYNC_CURSOR_KEY="$(head -c 32 /dev/urandom | base64)" \
CONVLIST_LIVE_TAIL_STREAM=true CONVLIST_CREATE_APPS="$DEMO_APP" \
QUARKUS_HTTP_PORT="$FUNCTIONS_PORT" QUARKUS_HTTP_HOST=127.0.0.1 \
  java -jar functions/app/target/quarkus-app/quarkus-run.jar > "$WORK/functions.log" 2>&1 &
functions_pid=$!
pids+=($functions_pid)
# A local operator with a fresh password (stored only as its SHA-512 digest, as the console expects).
OPERATOR_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 16)
OPERATOR_DIGEST=$(printf '%s' "admin:Quarkus:$OPERATOR_PASSWORD" | sha512sum | cut -d' ' -f1)
CONVLIST_DYNAMODB_ENDPOINT="$DYNAMODB" CONVLIST_CREATE_TABLE=true CONVLIST_TABLE=convlist \
QUARKUS_SECURITY_USERS_EMBEDDED_USERS_ADMIN="$OPERATOR_DIGEST" QUARKUS_SECURITY_USERS_EMBEDDED_ROLES_ADMIN=admin \
CONSOLE_SESSION_KEY="$(head -c 32 /dev/urandom | base64)" CONSOLE_PORT="$CONSOLE_PORT" QUARKUS_HTTP_HOST=127.0.0.1 \
  java -jar console/app/target/quarkus-app/quarkus-run.jar > "$WORK/console.log" 2>&1 &
console_pid=$!
pids+=($console_pid)

# Ready: the process answers its readiness check (the table is reachable). A process that exits,
# or one that is not ready in time, stops the run with its log's last lines.
wait_ready() {
  local name=$1 pid=$2 port=$3 log=$4 deadline=$((SECONDS + READY_TIMEOUT))
  until curl -sf "http://127.0.0.1:$port/q/health/ready" 2>/dev/null | grep -q '"status": *"UP"'; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "the $name stopped before it was ready; the last lines of $log:" >&2
      tail -n 15 "$log" >&2
      exit 1
    fi
    if [ $SECONDS -ge $deadline ]; then
      echo "the $name was not ready after $READY_TIMEOUT s (http://127.0.0.1:$port/q/health/ready); the last lines of $log:" >&2
      tail -n 15 "$log" >&2
      exit 1
    fi
    sleep 0.2
  done
}
wait_ready functions "$functions_pid" "$FUNCTIONS_PORT" "$WORK/functions.log"
wait_ready console "$console_pid" "$CONSOLE_PORT" "$WORK/console.log"

cat <<TEXT

Conversation list, running locally (Ctrl-C stops everything):
  functions:  http://127.0.0.1:$FUNCTIONS_PORT/<function>   (POST, JSON; log: $WORK/functions.log)
  API:        http://127.0.0.1:$FUNCTIONS_PORT/q/swagger-ui/   (the OpenAPI document: /q/openapi)
  live:       ws://127.0.0.1:$FUNCTIONS_PORT/live   (a device's events; watch one:  ./run-local.sh watch --user $DEMO_USER)
  device:     a user's local list as the device library keeps it:  ./run-local.sh list --user $DEMO_USER
  console:    http://127.0.0.1:$CONSOLE_PORT/   (sign in as admin / $OPERATOR_PASSWORD; log: $WORK/console.log)
  DynamoDB:   $DYNAMODB   (embedded moto, table "convlist")

Demo app "$DEMO_APP", tokens valid for 24 hours:
  USER_TOKEN=$USER_TOKEN
  SERVICE_TOKEN=$SERVICE_TOKEN
More tokens (another user or app, an expired one):  ./run-local.sh token --app $DEMO_APP --user bob

Try:
  curl -s -X POST http://127.0.0.1:$FUNCTIONS_PORT/recordMessage -H "Authorization: Bearer \$SERVICE_TOKEN" \\
    -H 'Content-Type: application/json' \\
    -d '{"type":"C2C","msgID":"m1","seq":1,"timestamp":'\$(date +%s000)',"senderID":"bob","receiverID":"$DEMO_USER","summary":"hi"}'
  curl -s -X POST http://127.0.0.1:$FUNCTIONS_PORT/getConversationList -H "Authorization: Bearer \$USER_TOKEN" \\
    -H 'Content-Type: application/json' -d '{"count":20}'
(the tokens are also in $WORK/tokens.env:  . $WORK/tokens.env)
TEXT

wait -n "${pids[@]}"
