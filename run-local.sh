#!/usr/bin/env bash
# Runs the whole system locally, in the foreground until Ctrl-C: the embedded DynamoDB-compatible
# backend (moto, serialized), the table created from its definition with TTL, the functions and
# the operator console.
# Prints each URL and a user and a service token for the demo app.
set -euo pipefail
cd "$(dirname "$0")"

FUNCTIONS_PORT="${FUNCTIONS_PORT:-8080}"
CONSOLE_PORT="${CONSOLE_PORT:-8090}"
DEMO_APP="${DEMO_APP:-demo}"
DEMO_USER="${DEMO_USER:-alice}"
ISSUER="convlist-local"
WORK=".local-run"

if ! python3 -c 'import moto.server, werkzeug' 2>/dev/null; then
  echo "moto_server is missing: install it with  pip install 'moto[server]'" >&2
  exit 1
fi

echo "building (mvn package, tests skipped) ..."
mvn -B -q -DskipTests package

rm -rf "$WORK" && mkdir -p "$WORK"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

python3 scripts/dynamodb-local.py --port 0 --port-file "$WORK/dynamodb.port" > "$WORK/dynamodb.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do [ -s "$WORK/dynamodb.port" ] && break; sleep 0.1; done
[ -s "$WORK/dynamodb.port" ] || { cat "$WORK/dynamodb.log" >&2; exit 1; }
DYNAMODB="http://127.0.0.1:$(cat "$WORK/dynamodb.port")"

# A development key pair for this run only, and tokens signed with it.
TESTKIT_JAR=$(ls testkit/target/convlist-testkit-*.jar | head -1)
java -cp "$TESTKIT_JAR:$(cat testkit/target/classpath.txt)" io.convlist.testkit.DevTokens "$WORK" "$ISSUER" "$DEMO_APP" "$DEMO_USER" > "$WORK/tokens.env"
# shellcheck disable=SC1091
. "$WORK/tokens.env"

CONVLIST_DYNAMODB_ENDPOINT="$DYNAMODB" CONVLIST_CREATE_TABLE=true CONVLIST_TABLE=convlist \
CONVLIST_JWT_ISSUER="$ISSUER" CONVLIST_JWT_PUBLIC_KEY_LOCATION="$PWD/$WORK/public.pem" \
CONVLIST_SYNC_CURSOR_KEY="$(head -c 32 /dev/urandom | base64)" \
QUARKUS_HTTP_PORT="$FUNCTIONS_PORT" QUARKUS_HTTP_HOST=127.0.0.1 \
  java -jar functions/app/target/quarkus-app/quarkus-run.jar > "$WORK/functions.log" 2>&1 &
pids+=($!)
# A local operator with a fresh password (stored only as its SHA-512 digest, as the console expects).
OPERATOR_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 16)
OPERATOR_DIGEST=$(printf '%s' "admin:Quarkus:$OPERATOR_PASSWORD" | sha512sum | cut -d' ' -f1)
CONVLIST_DYNAMODB_ENDPOINT="$DYNAMODB" CONVLIST_CREATE_TABLE=true CONVLIST_TABLE=convlist \
QUARKUS_SECURITY_USERS_EMBEDDED_USERS_ADMIN="$OPERATOR_DIGEST" QUARKUS_SECURITY_USERS_EMBEDDED_ROLES_ADMIN=admin \
CONSOLE_SESSION_KEY="$(head -c 32 /dev/urandom | base64)" CONSOLE_PORT="$CONSOLE_PORT" QUARKUS_HTTP_HOST=127.0.0.1 \
  java -jar console/app/target/quarkus-app/quarkus-run.jar > "$WORK/console.log" 2>&1 &
pids+=($!)

for _ in $(seq 1 300); do
  curl -s -o /dev/null "http://127.0.0.1:$FUNCTIONS_PORT/getTotalUnreadMessageCount" -X POST \
    && curl -s -o /dev/null "http://127.0.0.1:$CONSOLE_PORT/login" && break
  sleep 0.2
done

cat <<TEXT

Conversation list, running locally (Ctrl-C stops everything):
  functions:  http://127.0.0.1:$FUNCTIONS_PORT/<function>   (POST, JSON; log: $WORK/functions.log)
  console:    http://127.0.0.1:$CONSOLE_PORT/   (sign in as admin / $OPERATOR_PASSWORD; log: $WORK/console.log)
  DynamoDB:   $DYNAMODB   (embedded moto, table "convlist")

Demo app "$DEMO_APP", tokens valid for 24 hours:
  USER_TOKEN=$USER_TOKEN
  SERVICE_TOKEN=$SERVICE_TOKEN

Try:
  curl -s -X POST http://127.0.0.1:$FUNCTIONS_PORT/recordMessage -H "Authorization: Bearer \$SERVICE_TOKEN" \\
    -H 'Content-Type: application/json' \\
    -d '{"type":"C2C","msgID":"m1","seq":1,"timestamp":'\$(date +%s000)',"senderID":"bob","receiverID":"$DEMO_USER","summary":"hi"}'
  curl -s -X POST http://127.0.0.1:$FUNCTIONS_PORT/getConversationList -H "Authorization: Bearer \$USER_TOKEN" \\
    -H 'Content-Type: application/json' -d '{"count":20}'
(the tokens are also in $WORK/tokens.env:  . $WORK/tokens.env)
TEXT

wait -n "${pids[@]}"
