#!/usr/bin/env bash
# Does the time of a sign-in or password-reset answer tell whether an address has an account? Starts a Release portal
# on the demo data (Production settings) and times SAMPLES posts of each kind with curl, then prints the medians:
#   unknown address | known address, wrong password (before the lockout) | known address, locked | reset known | reset unknown
#   bash tests/load/sign-in-timing.sh            # 50 samples each
# Figures, not assertions: docs/security.md and docs/performance.md report them.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
SAMPLES=${SAMPLES:-50}
PORT=${PORT:-5098}
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d)
curl() { command curl -H "X-Forwarded-Proto: https" "$@"; }

dotnet build -c Release -nologo -clp:ErrorsOnly src/OomaPorting.Web >/dev/null
ASPNETCORE_ENVIRONMENT=Production App__DataFolder="$WORK" DemoData__Enabled=true Logging__Console=false \
  SignIn__PermitPerMinute=1000000 Email__DispatcherEnabled=false \
  dotnet "$ROOT/src/OomaPorting.Web/bin/Release/net10.0/OomaPorting.Web.dll" --urls "$BASE" --contentRoot "$ROOT/src/OomaPorting.Web" >"$WORK/portal.out" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
until curl -sf "$BASE/health" >/dev/null 2>&1; do sleep 0.1; done

# One timed post of a page's form; the GET that fetches its token is not timed. $1 path, then curl --data-urlencode args.
timed_post() {
  local path=$1; shift
  local jar; jar=$(mktemp)
  local token; token=$(curl -s -c "$jar" "$BASE$path" | grep -o '__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//')
  curl -s -b "$jar" -o /dev/null -w '%{time_total}\n' --data-urlencode "__RequestVerificationToken=$token" "$@" "$BASE$path"
  rm -f "$jar"
}
median_ms() { sort -n | awk '{a[NR]=$1} END {m = NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.1f ms (n=%d)", m * 1000, NR}'; }

for i in $(seq 3); do timed_post /compte/connexion --data-urlencode "Email=echauffement$i@exemple.test" --data-urlencode "Password=x" >/dev/null; done
unknown=$(for i in $(seq "$SAMPLES"); do timed_post /compte/connexion --data-urlencode "Email=inconnu$i@exemple.test" --data-urlencode "Password=mauvais-mot-de-passe"; done | median_ms)
# Four wrong passwords per demo person stay under the lockout (the fifth starts it).
known=$(for who in admin@boulangerie-martin.test employe@boulangerie-martin.test admin@cabinet-durand.test secretariat@cabinet-durand.test; do
  for i in 1 2 3 4; do timed_post /compte/connexion --data-urlencode "Email=$who" --data-urlencode "Password=mauvais-mot-de-passe"; done; done | median_ms)
for i in 1 2; do timed_post /compte/connexion --data-urlencode "Email=admin@cabinet-durand.test" --data-urlencode "Password=mauvais" >/dev/null; done
locked=$(for i in $(seq "$SAMPLES"); do timed_post /compte/connexion --data-urlencode "Email=admin@cabinet-durand.test" --data-urlencode "Password=mauvais-mot-de-passe"; done | median_ms)
reset_known=$(for i in $(seq "$SAMPLES"); do timed_post /compte/mot-de-passe-oublie --data-urlencode "Email=employe@boulangerie-martin.test"; done | median_ms)
reset_unknown=$(for i in $(seq "$SAMPLES"); do timed_post /compte/mot-de-passe-oublie --data-urlencode "Email=inconnu$i@exemple.test"; done | median_ms)
echo "sign-in, unknown address:            $unknown"
echo "sign-in, known address, wrong pass:  $known"
echo "sign-in, known address, locked:      $locked"
echo "reset, known address:                $reset_known"
echo "reset, unknown address:              $reset_unknown"
