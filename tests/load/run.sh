#!/usr/bin/env bash
# Load harness: builds Release, fills a database (1,000 then 1,000,000 requests by default), starts the portal on
# 127.0.0.1, signs users in, runs each scenario with wrk, and rewrites the measurements table of docs/performance.md
# (between its <!-- measurements --> markers; the analysis around it is kept).
#   bash tests/load/run.sh                 # both sizes
#   SIZES="1000" DURATION=5 bash tests/load/run.sh
#   ONLY="paste|mixed" SIZES="1000" bash tests/load/run.sh   # only the scenarios whose name matches ONLY (a regex); docs left alone
#   Database__SqliteDurability=Normal bash tests/load/run.sh   # the portal inherits the environment: any setting can be tried
# Needs wrk (apt-get install wrk) and curl. Everything stays on the loopback interface.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
SIZES=${SIZES:-"1000 1000000"}
ACCOUNTS=${ACCOUNTS:-10000}
DURATION=${DURATION:-10}
PORT=${PORT:-5099}
WORK=${WORK:-$(mktemp -d)}
OUT=${OUT:-$ROOT/docs/performance.md}
BASE="http://127.0.0.1:$PORT"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
# The portal runs as in production, behind a TLS proxy: the loopback is a trusted proxy, and every request says it
# came over https (plain http that no proxy vouches for is redirected, and the cookies are Secure).
FORWARDED="X-Forwarded-Proto: https"
curl() { command curl -H "$FORWARDED" "$@"; }

dotnet build -c Release -nologo -clp:ErrorsOnly tests/load/Generator >/dev/null  # builds the portal too
WEB_DLL="$ROOT/src/OomaPorting.Web/bin/Release/net10.0/OomaPorting.Web.dll"
GEN="$ROOT/tests/load/Generator/bin/Release/net10.0/Generator.dll"

PID=""
start_portal() { # $1 data folder
  ASPNETCORE_ENVIRONMENT=Production App__DataFolder="$1" DemoData__Enabled=true Logging__Console=false \
  SignIn__PermitPerMinute=1000000 Eligibility__PermitPerMinute=100000000 Api__PermitPerMinute=100000000 Email__DispatcherEnabled=true \
  dotnet "$WEB_DLL" --urls "$BASE" --contentRoot "$ROOT/src/OomaPorting.Web" >"$1/portal.out" 2>&1 &
  PID=$!
  local t0; t0=$(date +%s%N)
  until curl -sf "$BASE/health" >/dev/null 2>&1; do sleep 0.05; done
  STARTUP_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
}
stop_portal() { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; }
# Waits until the portal has done what a start sets off (the scheduled e-mails' first pass over the due requests),
# so that no scenario measures it: CPU under 10 % of a core for 3 seconds in a row, at most 10 minutes. Sets SETTLE_S.
settle() {
  local t0 quiet=0 before after; t0=$(date +%s)
  before=$(awk '{print $14 + $15}' "/proc/$PID/stat")
  while [ $quiet -lt 3 ] && [ $(( $(date +%s) - t0 )) -lt 600 ]; do
    sleep 1
    after=$(awk '{print $14 + $15}' "/proc/$PID/stat")
    if [ $(( after - before )) -lt 10 ]; then quiet=$(( quiet + 1 )); else quiet=0; fi
    before=$after
  done
  SETTLE_S=$(( $(date +%s) - t0 - 3 ))
}
peak_mb() { awk '/VmHWM/ {printf "%d", $2/1024}' "/proc/$PID/status"; }

# The current authenticator code of a Base32 key (RFC 6238: 30 s, 6 digits, SHA-1).
totp() {
  python3 -c 'import base64,hmac,struct,sys,time
k=base64.b32decode(sys.argv[1]); h=hmac.new(k,struct.pack(">Q",int(time.time())//30),"sha1").digest(); o=h[-1]&15
print("%06d" % ((struct.unpack(">I",h[o:o+4])[0]&0x7fffffff)%1000000))' "$1"
}

# Signs in; prints the Cookie header value for the session and antiforgery cookies.
sign_in() { # $1 email
  local jar; jar=$(mktemp)
  local token; token=$(curl -s -c "$jar" "$BASE/compte/connexion" | grep -o '__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//')
  local next; next=$(curl -s -b "$jar" -c "$jar" -o /dev/null -w '%{redirect_url}' --data-urlencode "Email=$1" \
    --data-urlencode "Password=Portage-Demo-2026" --data-urlencode "__RequestVerificationToken=$token" "$BASE/compte/connexion")
  if [[ "$next" == */compte/connexion/code* ]]; then
    # Two-factor sign-in (support agents): the demo agent's code, from the key the README prints.
    token=$(curl -s -b "$jar" -c "$jar" "$BASE/compte/connexion/code" | grep -o '__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//')
    curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "Code=$(totp OOMAPORTINGDEMOSUPPORTAGENTKEY22)" \
      --data-urlencode "__RequestVerificationToken=$token" "$BASE/compte/connexion/code"
  fi
  awk '$6 ~ /^ooma\./ {printf "%s=%s; ", $6, $7}' "$jar"
  rm -f "$jar"
}
token_of() { # $1 cookie, $2 path
  curl -s -H "Cookie: $1" "$BASE$2" | grep -o '__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//'
}

RESULTS="$WORK/results.tsv"
: > "$RESULTS"
# A session cookie ("ooma.session=…"), or an API key given as "Bearer ooma_…", as the header to send.
auth_header() { if [[ "$1" == Bearer* ]]; then echo "Authorization: $1"; else echo "Cookie: $1"; fi; }

# wrk with latency; appends: size, scenario, connections, req/s, p50 ms, p99 ms, errors
run() { # size name connections cookie path [lua] [threads, default 2]
  local size=$1 name=$2 conns=$3 cookie=$4 path=$5 lua=${6:-} threads=${7:-2}
  [ -n "${ONLY:-}" ] && ! [[ "$name" =~ $ONLY ]] && return 0
  if [ -z "$lua" ]; then
    # A page that answers anything but 200 (a redirect to sign-in, say) would measure the wrong thing.
    local code; code=$(curl -s -o /dev/null -w '%{http_code}' -H "$(auth_header "$cookie")" "$BASE$path")
    [ "$code" = 200 ] || { echo "$name: $path answers $code, not 200" >&2; exit 1; }
  fi
  local seconds=$DURATION
  [[ "$name" == mixed* ]] && seconds=$MIXED_SECONDS
  local args=(-t"$threads" -c"$conns" -d"${seconds}s" --latency -H "$(auth_header "$cookie")" -H "$FORWARDED")
  [ -n "$lua" ] && args+=(-s "$lua")
  local out; out=$(wrk "${args[@]}" "$BASE$path" 2>&1)
  local rps p50 p99 non2xx errs
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out"); p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx or 3xx/ {print $5}' <<<"$out"); errs=$(awk '/Socket errors/ {s=0; for(i=4;i<=NF;i+=2) s+=$i; print s}' <<<"$out")
  local wrong; wrong=$(awk '/Wrong responses:/ {print $3}' <<<"$out"); errs=$(( ${errs:-0} + ${wrong:-0} ))
  # A 409 for a draft two connections saved at once is the right answer (wrk counts it as non-2xx): not an error.
  local conflicts; conflicts=$(awk '/Conflicts:/ {print $2}' <<<"$out"); non2xx=$(( ${non2xx:-0} - ${conflicts:-0} ))
  to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) printf "%.2f", v/1000; else if (v ~ /ms$/) printf "%.2f", v+0; else if (v ~ /s$/) printf "%.2f", v*1000; else print v }'; }
  printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\n" "$size" "$name" "$conns" "$rps" "$(to_ms "$p50")" "$(to_ms "$p99")" "$(( ${non2xx:-0} + ${errs:-0} ))" >>"$RESULTS"
  echo "$size $name c=$conns: $rps req/s, p50 $p50, p99 $p99, errors $(( ${non2xx:-0} + ${errs:-0} )), conflicts ${conflicts:-0}"
}

SUMMARY="$WORK/summary.tsv"
: > "$SUMMARY"
EXPORTS="$WORK/exports.tsv"
: > "$EXPORTS"
UPLOADS="$WORK/uploads.tsv"
: > "$UPLOADS"
for SIZE in $SIZES; do
  DATA="$WORK/data-$SIZE"; mkdir -p "$DATA"
  if [ "${REUSE:-0}" = 1 ] && [ -f "$DATA/generator.out" ]; then
    GEN_S=$(awk '/requests in/ {t=$4} END {printf "%d", t}' "$DATA/generator.out")   # REUSE=1: keep the generated database
    if [ ! -f "$DATA/portal.db.block-request" ]; then
      # A database generated before blocks existed: migrate it (timed), then give the demo account its block.
      start_portal "$DATA"; echo "$SIZE: migrated and started in ${STARTUP_MS} ms"; stop_portal
      dotnet "$GEN" "$DATA/portal.db" --block
    fi
  else
    rm -rf "$DATA"; mkdir -p "$DATA"
    start_portal "$DATA"; stop_portal   # migrations and demo data
    t0=$(date +%s)
    dotnet "$GEN" "$DATA/portal.db" "$ACCOUNTS" "$SIZE" 42 | tee "$DATA/generator.out"
    GEN_S=$(( $(date +%s) - t0 ))
  fi
  start_portal "$DATA"
  settle
  echo "$SIZE: busy for ${SETTLE_S} s after the start"

  ADMIN=$(sign_in admin@boulangerie-martin.test)
  USER=$(sign_in employe@boulangerie-martin.test)
  SUPPORT=$(sign_in support@ooma-office.test)
  REQ=$(curl -s -H "Cookie: $USER" "$BASE/portage/statut" | grep -o 'href="/portage/[0-9a-f-]\{36\}"' | head -1 | sed 's/href="//;s/"//')
  DEEP=$(cat "$DATA/portal.db.deep-cursor")
  BLOCK=$(cat "$DATA/portal.db.block-request")   # Boulangerie Martin's request of 1,000 numbers, 10 refused
  SUPPORT_REQ=$(curl -s -H "Cookie: $SUPPORT" "$BASE/support/portages" | grep -o 'href="/support/portages/[0-9a-f-]\{36\}"' | head -1 | sed 's/href="//;s/"//')
  # The dashboard computed from scratch (its cache is empty after the start): the figure a minute-old cache hides.
  DASH_COLD_MS=$(curl -s -o /dev/null -w '%{time_total}' -H "Cookie: $SUPPORT" "$BASE/support/tableau-de-bord" | awk '{printf "%d", $1*1000}')

  # Sixteen drafts for the wizard step POST. wrk cannot pin a draft to a connection, so now and then two connections
  # save one draft at the same moment: the portal answers the second 409 (ADR-006), which is counted apart, not as wrong.
  LUA="$WORK/post-$SIZE.lua"; TOKEN=$(token_of "$ADMIN" /postes)
  { echo "local ids = {"; for i in $(seq 1 16); do
      loc=$(curl -s -o /dev/null -w '%{redirect_url}' -H "Cookie: $ADMIN" --data-urlencode "__RequestVerificationToken=$TOKEN" "$BASE/portage")
      echo "\"$(sed 's#.*/portage/\([0-9a-f-]*\)/type#\1#' <<<"$loc")\","; done; echo "}"
    cat <<LUA
local counter = 0
local threads = {}
function setup(thread) thread:set("offset", counter); counter = counter + 8; table.insert(threads, thread) end
local n = 0
-- Globals, not locals: done() reads them from each thread's state with thread:get().
wrong = 0
conflicts = 0
function request()
  n = n + 1
  local id = ids[((offset or 0) + n % 8) % #ids + 1]
  return wrk.format("POST", "/portage/" .. id .. "/type",
    {["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = "$ADMIN", ["X-Forwarded-Proto"] = "https"},
    "Command.NumberType=Fixed&__RequestVerificationToken=$TOKEN")
end
-- Success is the redirect to the next step; anything else (sign-in, an error page) is counted as wrong.
function response(status, headers, body)
  if status == 409 then conflicts = conflicts + 1
  elseif status ~= 302 or not string.find(headers["Location"] or "", "/operateur", 1, true) then wrong = wrong + 1 end
end
function done(summary, latency, requests)
  local total = 0
  local clashes = 0
  for _, t in ipairs(threads) do total = total + (tonumber(t:get("wrong")) or 0); clashes = clashes + (tonumber(t:get("conflicts")) or 0) end
  io.write(string.format("Wrong responses: %d\n", total))
  io.write(string.format("Conflicts: %d\n", clashes))
end
LUA
  } > "$LUA"

  # Warm-up, not recorded: JIT, caches and connection pools, so the first scenario is not penalised.
  for warm in "$ADMIN|/portage/telo-hub" "$USER|/portage/statut" "$USER|$REQ" "$SUPPORT|/support/portages" "$SUPPORT|/support/tableau-de-bord" "|/portabilite?Number=0123456789"; do
    wrk -t2 -c8 -d2s -H "Cookie: ${warm%%|*}" -H "$FORWARDED" "$BASE${warm#*|}" >/dev/null 2>&1 || true
  done

  run "$SIZE" "ceiling (signed-in static page)" 32 "$ADMIN" /portage/telo-hub
  run "$SIZE" "status list (customer)" 32 "$USER" /portage/statut
  run "$SIZE" "status page (customer)" 32 "$USER" "$REQ"
  run "$SIZE" "support queue, first page (urgency)" 32 "$SUPPORT" /support/portages
  run "$SIZE" "support queue, deep page (by age)" 32 "$SUPPORT" "/support/portages?Sort=age&After=$DEEP"
  run "$SIZE" "support queue, by FOC date" 32 "$SUPPORT" "/support/portages?Sort=ccf"
  run "$SIZE" "support queue, late of one carrier, unassigned" 32 "$SUPPORT" "/support/portages?Late=true&Carrier=F1&Assigned=personne"
  run "$SIZE" "support queue, one account (name search)" 32 "$SUPPORT" "/support/portages?Account=entreprise+0042"
  run "$SIZE" "support request page" 32 "$SUPPORT" "$SUPPORT_REQ"
  run "$SIZE" "status page, 1,000-number request (customer)" 32 "$USER" "/portage/$BLOCK"
  run "$SIZE" "status page, 1,000-number request, refused numbers" 32 "$USER" "/portage/$BLOCK?numeros=Refused"
  run "$SIZE" "support request page, 1,000-number request" 32 "$SUPPORT" "/support/portages/$BLOCK"
  run "$SIZE" "Postes tab, 1,000 more numbers (admin)" 32 "$ADMIN" /postes
  # The dashboard as the desk sees it in use, figures fresh: a visit computes them, or serves them while a refresh
  # runs behind (if they were 30 to 60 s old); a second visit a few seconds later finds them fresh either way. The cost
  # of a visit after a quiet minute, which computes while it waits, is "dashboard computed cold".
  curl -s -o /dev/null -H "Cookie: $SUPPORT" "$BASE/support/tableau-de-bord"; sleep 8
  curl -s -o /dev/null -H "Cookie: $SUPPORT" "$BASE/support/tableau-de-bord"
  run "$SIZE" "support dashboard" 4 "$SUPPORT" /support/tableau-de-bord
  run "$SIZE" "public check" 32 "" "/portabilite?Number=01+23+45+67+89"
  run "$SIZE" "health, live" 32 "" /health/live
  run "$SIZE" "health, ready (database, migrations, outbox)" 32 "" /health/ready
  run "$SIZE" "help and contact (anonymous)" 32 "" /aide
  run "$SIZE" "users page (admin)" 32 "$ADMIN" /utilisateurs
  run "$SIZE" "my account (sessions list)" 32 "$USER" /mon-compte
  run "$SIZE" "customer accounts (support, search)" 32 "$SUPPORT" "/support/comptes?q=boulangerie"
  run "$SIZE" "customer account page (support)" 32 "$SUPPORT" "/support/comptes/0b5c1e2a-6f4d-4c3b-9a1e-000000000001"
  run "$SIZE" "audit trail (support administrator)" 32 "$SUPPORT" /support/journal
  run "$SIZE" "held messages after a restore (support administrator)" 32 "$SUPPORT" /support/envois-retenus
  # A draft filled through the wizard's own steps (one fixed number, its RIO with the right key), then signed: its
  # signature page, and the page where the e-mailed code is typed back.
  SIGN_TOKEN=$(token_of "$ADMIN" /postes)
  DRAFT=$(curl -s -o /dev/null -w '%{redirect_url}' -H "Cookie: $ADMIN" --data-urlencode "__RequestVerificationToken=$SIGN_TOKEN" "$BASE/portage" | cut -d/ -f5)
  step_post() { curl -s -o /dev/null -H "Cookie: $ADMIN" --data-urlencode "__RequestVerificationToken=$SIGN_TOKEN" "$@"; }
  SIGN_NUMBER="01 46 $(printf '%02d %02d %02d' $((RANDOM % 100)) $((RANDOM % 100)) $((RANDOM % 100)))"
  SIGN_RIO=$(python3 -c 'import sys
k="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+"; a=b=c=0
for ch in (sys.argv[1] + sys.argv[2].replace(" ", "")).upper():
    p=k.index(ch); a=(a+p)%37; b=(2*b+p)%37; c=(4*c+p)%37
print(sys.argv[1] + k[a] + k[b] + k[c])' F0X1A2B3C "$SIGN_NUMBER")
  step_post -d "Command.NumberType=Fixed" "$BASE/portage/$DRAFT/type"
  step_post -d "Command.CarrierCode=F0" "$BASE/portage/$DRAFT/operateur"
  step_post -d "Command.AccountNumber=FT-123456&Command.Internet=Fibre" "$BASE/portage/$DRAFT/compte"
  step_post --data-urlencode "Command.Lines[0].Number=$SIGN_NUMBER" --data-urlencode "Command.Lines[0].Rio=$SIGN_RIO" -d "action=enregistrer" "$BASE/portage/$DRAFT/numeros"
  step_post -d "FirstName=Marie&LastName=Martin&Street=8+rue+des+Boulangers&PostalCode=75005&City=Paris" "$BASE/portage/$DRAFT/adresse"
  # The bill (a fixed number is not signed without one): a small clean PDF, as the browser posts a file input.
  printf '%%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%%%EOF\n' > "$WORK/bill.pdf"
  curl -s -o /dev/null -H "Cookie: $ADMIN" -F "__RequestVerificationToken=$SIGN_TOKEN" -F "Command.Kind=CarrierBill" \
    -F "Command.Files=@$WORK/bill.pdf;type=application/pdf;filename=facture.pdf" "$BASE/portage/$DRAFT/justificatifs"
  BILL_ID=$(curl -s -H "Cookie: $ADMIN" "$BASE/portage/$DRAFT/justificatifs" | grep -o "/portage/$DRAFT/justificatifs/[0-9a-f-]\{36\}\"" | head -1 | cut -d/ -f5 | tr -d '"')
  if [ -n "$BILL_ID" ]; then
    run "$SIZE" "documents step (admin)" 32 "$ADMIN" "/portage/$DRAFT/justificatifs"
    run "$SIZE" "document download (admin)" 32 "$ADMIN" "/portage/$DRAFT/justificatifs/$BILL_ID"
  fi
  SIGN_MAIN=$(curl -s -H "Cookie: $ADMIN" "$BASE/portage/$DRAFT/signature" | grep -o 'name="Command.MainNumber" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//;s/&#x2B;/+/')
  SIGNED=$(curl -s -o /dev/null -w '%{redirect_url}' -H "Cookie: $ADMIN" --data-urlencode "__RequestVerificationToken=$SIGN_TOKEN" \
    --data-urlencode "Command.MainNumber=$SIGN_MAIN" -d "Command.AcceptTerms=true&Command.SignerName=Marie+Martin&Command.SignerCapacity=Manager&Command.SignerAuthorised=true" \
    "$BASE/portage/$DRAFT/signature")
  if [[ "$SIGNED" == */signature/code ]]; then
    run "$SIZE" "signature page (admin)" 32 "$ADMIN" "/portage/$DRAFT/signature"
    run "$SIZE" "signature code page (admin)" 32 "$ADMIN" "/portage/$DRAFT/signature/code"
  else
    echo "$SIZE: the draft for the signature pages could not be signed ($SIGN_NUMBER): rows skipped" >&2
  fi
  # The API (docs/api.md): a read-write key the admin makes on the Intégrations page, then the same request and lists
  # as the pages above, read by an integrator's tool.
  KEY_TOKEN=$(token_of "$ADMIN" /integrations)
  API_KEY=$(curl -s -H "Cookie: $ADMIN" --data-urlencode "__RequestVerificationToken=$KEY_TOKEN" -d "Name=Harness&Role=ReadWrite" \
    "$BASE/integrations/cles" | grep -o 'value="ooma_[^"]*"' | head -1 | sed 's/value="//;s/"//')
  if [ -n "$API_KEY" ]; then
    run "$SIZE" "API: one request (key)" 32 "Bearer $API_KEY" "/api/v1/port-requests/${REQ##*/}"
    run "$SIZE" "API: list, first page of 50 (key)" 32 "Bearer $API_KEY" "/api/v1/port-requests?limit=50"
    run "$SIZE" "API: 1,000-number request (key)" 32 "Bearer $API_KEY" "/api/v1/port-requests/$BLOCK"
  else
    echo "$SIZE: no API key could be made: API rows skipped" >&2
  fi
  # Webhooks (docs/api.md): an address registered on its page, 50 test events queued to it (their deliveries fail: the
  # harness has no receiver on the Internet, so the log fills with attempts), then the list and the address's log.
  HOOK_TOKEN=$(token_of "$ADMIN" /integrations/webhooks)
  HOOK_ID=$(curl -s -H "Cookie: $ADMIN" --data-urlencode "__RequestVerificationToken=$HOOK_TOKEN" \
    -d "Url=https%3A%2F%2Ferp.harness.example%2Fhooks&Events=Completed" "$BASE/integrations/webhooks" \
    | grep -o 'href="/integrations/webhooks/[0-9a-f-]\{36\}"' | head -1 | cut -d/ -f4 | tr -d '"')
  if [ -n "$HOOK_ID" ]; then
    for _ in $(seq 50); do
      curl -s -o /dev/null -H "Cookie: $ADMIN" --data-urlencode "__RequestVerificationToken=$HOOK_TOKEN" "$BASE/integrations/webhooks/$HOOK_ID/test"
    done
    run "$SIZE" "webhooks page (admin)" 32 "$ADMIN" /integrations/webhooks
    run "$SIZE" "webhook address and its log of 50 (admin)" 32 "$ADMIN" "/integrations/webhooks/$HOOK_ID"
  else
    echo "$SIZE: no webhook address could be registered: webhook rows skipped" >&2
  fi
  # The account's data (issue 19): an archive asked for on its page, the time the background builder takes to make it
  # (polled every second), its size, then the page that lists it.
  EXPORT_TOKEN=$(token_of "$ADMIN" /donnees-du-compte)
  curl -s -o /dev/null -H "Cookie: $ADMIN" --data-urlencode "__RequestVerificationToken=$EXPORT_TOKEN" "$BASE/donnees-du-compte"
  EXPORT_START=$(date +%s)
  for _ in $(seq 600); do
    curl -s -H "Cookie: $ADMIN" "$BASE/donnees-du-compte" | grep -q 'data-status="Pending"' || break
    sleep 1
  done
  EXPORT_LINK=$(curl -s -H "Cookie: $ADMIN" "$BASE/donnees-du-compte" | grep -o '/donnees-du-compte/[0-9a-f-]\{36\}/archive.zip' | head -1)
  if [ -n "$EXPORT_LINK" ]; then
    EXPORT_BYTES=$(curl -s -o /dev/null -w '%{size_download}' -H "Cookie: $ADMIN" "$BASE$EXPORT_LINK")
    echo "$SIZE: account export made in about $(( $(date +%s) - EXPORT_START )) s, $EXPORT_BYTES bytes"
    run "$SIZE" "account data page (admin)" 32 "$ADMIN" /donnees-du-compte
  else
    echo "$SIZE: the account export was not made: row skipped" >&2
  fi
  run "$SIZE" "wizard step POST" 16 "$ADMIN" /portage "$LUA"

  # The numbers step with a 1,000-line paste (a main line with its RIO, 999 SDA numbers): four connections, each
  # saving its own draft with one of two lists in turn that share only the main line, so that every save checks 1,000 numbers against every
  # account and gives 999 lines a new number (a list saved again as it was rewrites nothing: not what is measured here).
  PASTE_LUA="$WORK/paste-$SIZE.lua"
  { echo "local bodies = {"
    for k in 1 2 3 4; do
      loc=$(curl -s -o /dev/null -w '%{redirect_url}' -H "Cookie: $ADMIN" --data-urlencode "__RequestVerificationToken=$TOKEN" "$BASE/portage")
      draft=$(sed 's#.*/portage/\([0-9a-f-]*\)/type#\1#' <<<"$loc")
      curl -s -o /dev/null -H "Cookie: $ADMIN" --data-urlencode "Command.NumberType=Fixed" --data-urlencode "__RequestVerificationToken=$TOKEN" "$BASE/portage/$draft/type"
      curl -s -o /dev/null -H "Cookie: $ADMIN" --data-urlencode "Command.CarrierCode=F0" --data-urlencode "__RequestVerificationToken=$TOKEN" "$BASE/portage/$draft/operateur"
      for list in 0 1; do
      body=$(python3 - "$k" "$TOKEN" "$list" <<'PY'
import sys, urllib.parse
k, token, other = sys.argv[1], sys.argv[2], sys.argv[3]
alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+"
main = f"014890{k}000"
first = "F0X1A2B3C"
a = b = c = 0
for ch in first + main:
    p = alphabet.index(ch)
    a, b, c = (a + p) % 37, (2 * b + p) % 37, (4 * c + p) % 37
paste = "\n".join(f"01489{other}{k}{i:03d}" for i in range(1, 1000))
print(urllib.parse.urlencode({"Command.Lines[0].Number": main, "Command.Lines[0].Rio": first + alphabet[a] + alphabet[b] + alphabet[c],
    "Command.Paste": paste, "action": "enregistrer", "__RequestVerificationToken": token}))
PY
)
      echo "{\"/portage/$draft/numeros\", \"$body\"},"
      done
    done
    echo "}"
    cat <<LUA
local n = 0
wrong = 0
conflicts = 0
local threads = {}
local next_draft = 0
function setup(thread) thread:set("draft", next_draft); next_draft = next_draft + 1; table.insert(threads, thread) end
function request()
  n = n + 1
  -- One connection a thread, one draft a connection (four admins, each pasting into their own draft): each save
  -- alternates the draft's two lists. No two saves race for one draft, so none waits for the other's write to fail.
  local b = bodies[((draft or 0) % 4) * 2 + (n % 2) + 1]
  return wrk.format("POST", b[1], {["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = "$ADMIN", ["X-Forwarded-Proto"] = "https"}, b[2])
end
function response(status, headers, body)
  if status == 409 then conflicts = conflicts + 1
  elseif status ~= 302 or not string.find(headers["Location"] or "", "/adresse", 1, true) then wrong = wrong + 1 end
end
function done(summary, latency, requests)
  local total = 0
  local clashes = 0
  for _, t in ipairs(threads) do total = total + (tonumber(t:get("wrong")) or 0); clashes = clashes + (tonumber(t:get("conflicts")) or 0) end
  io.write(string.format("Wrong responses: %d\n", total))
  io.write(string.format("Conflicts: %d\n", clashes))
end
LUA
  } > "$PASTE_LUA"
  echo "$SIZE: portal peak memory before the 1,000-line paste: $(peak_mb) MB"
  run "$SIZE" "numbers step POST, 1,000-line paste" 4 "$ADMIN" /portage "$PASTE_LUA" 4

  # A mixed run (MIXED_SECONDS, default 600 at the largest size): pages and wizard saves interleaved, the WAL sampled each second.
  WAL_PEAK=0
  if [ "${MIXED_SECONDS:-0}" -gt 0 ]; then
    MIX="$WORK/mixed-$SIZE.lua"
    { echo "local paths = {\"/portage/statut\", \"$REQ\", \"/support/portages\", \"/support/portages?Sort=age&After=$DEEP\", \"/portabilite?Number=0123456789\"}"
      echo "local cookies = {\"$USER\", \"$USER\", \"$SUPPORT\", \"$SUPPORT\", \"\"}"
      sed -n '/^local ids = {/,/^}/p' "$LUA"
      cat <<LUA
local n = 0
function request()
  n = n + 1
  if n % 5 == 0 then
    return wrk.format("POST", "/portage/" .. ids[(n / 5) % #ids + 1] .. "/type",
      {["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = "$ADMIN", ["X-Forwarded-Proto"] = "https"},
      "Command.NumberType=Fixed&__RequestVerificationToken=$TOKEN")
  end
  local i = n % #paths + 1
  return wrk.format("GET", paths[i], {["Cookie"] = cookies[i], ["X-Forwarded-Proto"] = "https"})
end
-- Two connections saving one draft at once get 409 (ADR-006): counted apart, as in the wizard scenario.
conflicts = 0
local threads = {}
function setup(thread) table.insert(threads, thread) end
function response(status) if status == 409 then conflicts = conflicts + 1 end end
function done()
  local clashes = 0
  for _, t in ipairs(threads) do clashes = clashes + (tonumber(t:get("conflicts")) or 0) end
  io.write(string.format("Conflicts: %d\n", clashes))
end
LUA
    } > "$MIX"
    ( while kill -0 "$PID" 2>/dev/null; do stat -c %s "$DATA/portal.db-wal" 2>/dev/null; sleep 1; done ) > "$DATA/wal.samples" &
    SAMPLER=$!
    run "$SIZE" "mixed, ${MIXED_SECONDS} s" 32 "$ADMIN" /portage/statut "$MIX" >/dev/null
    kill "$SAMPLER" 2>/dev/null || true
    WAL_PEAK=$(sort -n "$DATA/wal.samples" | tail -1 | awk '{printf "%d", $1/1048576}')
  fi
  # Sixteen admins each send a 10 MB PDF at once (one draft each): how long the batch takes and what it does to the
  # portal's peak memory (the files are read, inspected and stored in chunks; nothing else may grow with them).
  UPLOAD_TOKEN=$(token_of "$ADMIN" /postes)
  { printf '%%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n%%'; head -c $((10 * 1024 * 1024 - 100)) /dev/zero | tr '\0' ' '; printf '\ntrailer<</Root 1 0 R>>\n%%%%EOF\n'; } > "$WORK/big.pdf"
  UPLOAD_DRAFTS=()
  for i in $(seq 16); do
    UPLOAD_DRAFTS+=("$(curl -s -o /dev/null -w '%{redirect_url}' -H "Cookie: $ADMIN" --data-urlencode "__RequestVerificationToken=$UPLOAD_TOKEN" "$BASE/portage" | cut -d/ -f5)")
  done
  BEFORE_UPLOADS=$(peak_mb)
  UPLOAD_START=$(date +%s.%N)
  for d in "${UPLOAD_DRAFTS[@]}"; do
    curl -s -o /dev/null -w '%{http_code}\n' -H "Cookie: $ADMIN" -F "__RequestVerificationToken=$UPLOAD_TOKEN" -F "Command.Kind=CarrierBill" \
      -F "Command.Files=@$WORK/big.pdf;type=application/pdf;filename=facture.pdf" "$BASE/portage/$d/justificatifs" >> "$DATA/uploads.codes" &
  done
  wait $(jobs -p | grep -v "^$PID$") 2>/dev/null || true
  UPLOAD_S=$(awk -v s="$UPLOAD_START" -v e="$(date +%s.%N)" 'BEGIN {printf "%.1f", e - s}')
  UPLOAD_OK=$(grep -c '^302$' "$DATA/uploads.codes" || true); rm -f "$DATA/uploads.codes"
  printf "%s\t16 x 10 MB\t%s\t%s\t%s\t%s\n" "$SIZE" "$UPLOAD_OK" "$UPLOAD_S" "$BEFORE_UPLOADS" "$(peak_mb)" >>"$UPLOADS"
  # The whole queue as CSV (every request but drafts), streamed: its time, size and what it did to the portal's peak memory.
  BEFORE_EXPORT=$(peak_mb)
  EXPORT=$(curl -s -o "$DATA/export.csv" -w '%{time_total} %{size_download}' -H "Cookie: $SUPPORT" "$BASE/support/portages/export.csv?Status=all&Sort=age")
  EXPORT_ROWS=$(( $(wc -l < "$DATA/export.csv") - 1 ))
  AFTER_EXPORT=$(peak_mb)
  printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\n" "$SIZE" "$EXPORT_ROWS" "$(awk '{printf "%.1f", $1}' <<<"$EXPORT")" "$(awk '{printf "%d", $2/1048576}' <<<"$EXPORT")" \
    "$BEFORE_EXPORT" "$AFTER_EXPORT" "$DASH_COLD_MS" >>"$EXPORTS"
  rm -f "$DATA/export.csv"
  PEAK=$(peak_mb)
  stop_portal
  start_portal "$DATA"; RESTART_MS=$STARTUP_MS; stop_portal
  WAL=$(stat -c %s "$DATA/portal.db-wal" 2>/dev/null || echo 0)
  DBSIZE=$(stat -c %s "$DATA/portal.db")
  printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n" "$SIZE" "$GEN_S" "$PEAK" "$RESTART_MS" "$WAL_PEAK" "$(( WAL / 1048576 ))" "$(( DBSIZE / 1048576 ))" "$SETTLE_S" >>"$SUMMARY"
done

# docs/performance.md (not for a partial run)
if [ -n "${ONLY:-}" ]; then cat "$RESULTS"; exit 0; fi
{
  echo "## Latest run"
  echo
  echo "Measured by \`tests/load/run.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'): $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo),"
  echo "$(. /etc/os-release; echo "$PRETTY_NAME"), .NET $(dotnet --version), SQLite, Release build, wrk on the same machine (2 threads, ${DURATION} s per scenario)."
  echo "Figures, not assertions: rerun the script to refresh them."
  echo
  echo "| requests in DB | scenario | connections | req/s | p50 ms | p99 ms | errors | ratio to ceiling |"
  echo "|---:|---|---:|---:|---:|---:|---:|---:|"
  awk -F'\t' '$2 ~ /^ceiling/ {ceil[$1]=$4} {rows[NR]=$0} END {
    for (i=1;i<=NR;i++) { split(rows[i], f, "\t"); r = (ceil[f[1]] > 0 ? f[4]/ceil[f[1]] : 0);
      printf "| %s | %s | %s | %s | %s | %s | %s | %.2f |\n", f[1], f[2], f[3], f[4], f[5], f[6], f[7], r } }' "$RESULTS"
  echo
  echo "| requests in DB | generation (s) | peak memory of the portal (MB) | restart to first 200 (ms) | WAL peak during the mixed run (MB) | WAL after shutdown (MB) | database (MB) | busy after the start (s) |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
  awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8 }' "$SUMMARY"
  echo
  echo "| requests in DB | queue export: rows | seconds | MB written | portal peak before (MB) | portal peak after (MB) | dashboard computed cold (ms) |"
  echo "|---:|---:|---:|---:|---:|---:|---:|"
  awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7 }' "$EXPORTS"
  echo
  echo "| requests in DB | concurrent uploads | accepted | seconds for all | portal peak before (MB) | portal peak after (MB) |"
  echo "|---:|---|---:|---:|---:|---:|"
  awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6 }' "$UPLOADS"
} > "$OUT.table"
if [ -f "$OUT" ] && grep -q '<!-- measurements -->' "$OUT"; then
  awk -v table="$OUT.table" '/<!-- measurements -->/ {print; while ((getline line < table) > 0) print line; skip=1; next} /<!-- end measurements -->/ {skip=0} !skip' "$OUT" > "$OUT.new" && mv "$OUT.new" "$OUT"
else
  { echo "<!-- measurements -->"; cat "$OUT.table"; echo "<!-- end measurements -->"; } > "$OUT"
fi
rm -f "$OUT.table"
echo "Wrote $OUT"
