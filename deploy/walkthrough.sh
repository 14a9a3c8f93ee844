#!/usr/bin/env bash
# The README's walk-through, played against a running network: a home school (25LX) asks a host school (30GH) to
# enrol a student, the host accepts, records a result and corrects it, and the home school sees the result, its
# history and the receipts. Each step prints what the nodes show; the script exits non-zero at the first step that
# does not show what it should.
#
# Runs as it is against ./deploy/run-local and against docker-compose.yml, which publish the nodes on the same ports
# with the same passwords. For other addresses, schools or passwords, set the variables below. Needs bash, curl and
# python3 (for JSON; jq is not assumed).
set -euo pipefail

HOME_URL="${HOME_URL:-http://127.0.0.1:8091}"
HOST_URL="${HOST_URL:-http://127.0.0.1:8092}"
HOME_SCHOOL="${HOME_SCHOOL:-25LX}"
HOST_SCHOOL="${HOST_SCHOOL:-30GH}"
HOME_AUTH="${HOME_AUTH:-registrar:local-${HOME_SCHOOL}}"
HOST_AUTH="${HOST_AUTH:-registrar:local-${HOST_SCHOOL}}"
# How long a step waits for the other node to see an event sent over Kafka.
WAIT_SECONDS="${WAIT_SECONDS:-60}"

for tool in curl python3; do
  command -v "$tool" >/dev/null || { echo "walkthrough: $tool is needed" >&2; exit 2; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
body="$work/body.json"
step=0

say() { printf '%s\n' "$*"; }
step() { step=$((step + 1)); printf '\n== Step %d: %s\n' "$step" "$*"; }
fail() {
  printf 'FAILED at step %d: %s\n' "$step" "$*" >&2
  if [ -s "$body" ]; then
    printf 'Last response:\n' >&2
    head -c 4000 "$body" >&2
    printf '\n' >&2
  fi
  exit 1
}

# call METHOD URL AUTH [JSON]: sends a request and keeps the response in $body and its status in $status.
call() {
  local method="$1" url="$2" auth="$3" data="${4:-}"
  local args=(-sS -o "$body" -w '%{http_code}' -X "$method" -H 'Accept: application/json')
  if [ -n "$auth" ]; then
    args+=(-u "$auth")
  fi
  if [ -n "$data" ]; then
    args+=(-H 'Content-Type: application/json' --data-binary "$data")
  fi
  status="$(curl "${args[@]}" "$url")" || fail "$method $url: no answer (is the network running?)"
}

# expect STATUS: the last response had this HTTP status.
expect() {
  [ "$status" = "$1" ] || fail "expected HTTP $1, got $status"
}

# json EXPRESSION: evaluates a Python expression over the last response, bound to d.
json() {
  python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
value = eval(sys.argv[2], {"d": d, "find": lambda items, **kv: next((i for i in items if all(i.get(k) == v for k, v in kv.items())), None)})
print("" if value is None else (json.dumps(value) if isinstance(value, (dict, list, bool)) else value))
' "$body" "$1"
}

# await_json URL AUTH CONDITION WHAT: polls GET URL until the Python CONDITION over the response holds.
await_json() {
  local url="$1" auth="$2" condition="$3" what="$4" deadline=$((SECONDS + WAIT_SECONDS))
  while true; do
    call GET "$url" "$auth"
    if [ "$status" = 200 ] && [ "$(json "bool($condition)")" = true ]; then
      return 0
    fi
    [ "$SECONDS" -lt "$deadline" ] || fail "$what: not seen within ${WAIT_SECONDS} s (last HTTP $status)"
    sleep 1
  done
}

uuid() { python3 -c 'import uuid; print(uuid.uuid4())'; }
today="$(date +%Y-%m-%d)"

step "both nodes are up"
for url in "$HOME_URL" "$HOST_URL"; do
  call GET "$url/actuator/health" ""
  expect 200
  say "$url/actuator/health: $(json 'd["status"]')"
done

enrolment="$(uuid)"
student="$(uuid)"
step "home school $HOME_SCHOOL asks host school $HOST_SCHOOL to enrol a student in K0080"
call POST "$HOME_URL/api/v1/enrolments" "$HOME_AUTH" '{
  "enrolmentId": "'"$enrolment"'",
  "hostSchool": "'"$HOST_SCHOOL"'",
  "student": {
    "exchangeId": "'"$student"'",
    "givenName": "Sanne",
    "familyName": "de Vries",
    "dateOfBirth": "2007-03-14",
    "email": "sanne.devries@student.example"
  },
  "course": {
    "courseCode": "K0080",
    "offeringId": "2026-P3-ONDERNEMEN",
    "title": "Ondernemend gedrag",
    "studyLoadHours": 240,
    "startDate": "2026-02-02",
    "endDate": "2026-06-26",
    "resultScale": "NUMERIC_1_TO_10"
  }
}'
expect 201
[ "$(json 'd["status"]')" = REQUESTED ] || fail "expected status REQUESTED"
say "enrolment $enrolment: $(json 'd["direction"]'), $(json 'd["status"]')"

step "the host sees the visiting student among its incoming enrolments"
await_json "$HOST_URL/api/v1/enrolments?direction=incoming&size=100" "$HOST_AUTH" \
  "find(d['items'], id='$enrolment') is not None" "the enrolment at the host"
say "incoming at $HOST_SCHOOL: $(json "(lambda i: i['studentName'] + ' from ' + i['homeSchool'] + ', ' + i['courseCode'] + ' ' + i['courseTitle'] + ', ' + i['status'])(find(d['items'], id='$enrolment'))")"
[ "$(json "find(d['items'], id='$enrolment')['status']")" = REQUESTED ] || fail "expected status REQUESTED at the host"

step "the host accepts"
call POST "$HOST_URL/api/v1/enrolments/$enrolment/accept" "$HOST_AUTH" \
  '{"note": "Welcome: Tuesdays 09:00, room B2.14"}'
expect 200
[ "$(json 'd["status"]')" = ACCEPTED ] || fail "expected status ACCEPTED at the host"
say "at $HOST_SCHOOL: $(json 'd["status"]')"

step "the home school sees the acceptance"
await_json "$HOME_URL/api/v1/enrolments/$enrolment" "$HOME_AUTH" "d['status'] == 'ACCEPTED'" "ACCEPTED at home"
say "at $HOME_SCHOOL: $(json 'd["status"]'), note: $(json 'd.get("acceptanceNote")')"

step "the host records a provisional result for attempt 1: 6.8"
call POST "$HOST_URL/api/v1/enrolments/$enrolment/results" "$HOST_AUTH" \
  '{"attempt": 1, "grade": "6.8", "finalResult": false, "assessedOn": "'"$today"'"}'
expect 200
say "at $HOST_SCHOOL: attempt 1 version $(json "find(d['results'], attempt=1)['latestVersion']"), grade $(json "find(d['results'], attempt=1)['versions'][-1]['grade']")"

step "the host corrects it to a final 7.2"
call POST "$HOST_URL/api/v1/enrolments/$enrolment/results/1/corrections" "$HOST_AUTH" \
  '{"expectedVersion": 1, "grade": "7.2", "finalResult": true, "assessedOn": "'"$today"'", "reason": "Second assessor added the portfolio"}'
expect 200
[ "$(json "find(d['results'], attempt=1)['latestVersion']")" = 2 ] || fail "expected version 2 at the host"
say "at $HOST_SCHOOL: attempt 1 version 2, grade $(json "find(d['results'], attempt=1)['versions'][-1]['grade']")"

step "the home school sees the result, its history and its receipts"
await_json "$HOME_URL/api/v1/enrolments/$enrolment" "$HOME_AUTH" \
  "(lambda a: a is not None and a['latestVersion'] == 2 and len(a['versions']) == 2 and all(v.get('receipt') for v in a['versions']))(find(d.get('results') or [], attempt=1))" \
  "both versions, with receipts, at home"
[ "$(json "find(d['results'], attempt=1)['versions'][-1]['grade']")" = 7.2 ] || fail "expected grade 7.2 at home"
[ "$(json "find(d['results'], attempt=1)['versions'][0]['grade']")" = 6.8 ] || fail "expected 6.8 as version 1 at home"
say "result at $HOME_SCHOOL: $(json "find(d['results'], attempt=1)['versions'][-1]['grade']") (final: $(json "find(d['results'], attempt=1)['versions'][-1]['finalResult']"))"
say "history:"
json "'\n'.join('  version %s: %s%s, receipt sent %s' % (v['version'], v['grade'], ' (' + v['correctionReason'] + ')' if v.get('correctionReason') else '', v['receipt']['acknowledgedAt']) for v in find(d['results'], attempt=1)['versions'])"

step "the host receives the receipts, and both schools close the enrolment"
await_json "$HOST_URL/api/v1/enrolments/$enrolment" "$HOST_AUTH" \
  "all(v.get('receipt') for v in find(d['results'], attempt=1)['versions']) and d['status'] == 'COMPLETED'" \
  "receipts and COMPLETED at the host"
json "'\n'.join('  version %s: receipt %s at %s' % (v['version'], v['receipt']['eventId'], v['receipt']['acknowledgedAt']) for v in find(d['results'], attempt=1)['versions'])"
say "at $HOST_SCHOOL: $(json 'd["status"]')"
await_json "$HOME_URL/api/v1/enrolments/$enrolment" "$HOME_AUTH" "d['status'] == 'COMPLETED'" "COMPLETED at home"
say "at $HOME_SCHOOL: $(json 'd["status"]')"

step "the home school's timeline tells the whole story"
json "'\n'.join('  %-3s %-28s %s' % (e['direction'], e['type'], e.get('summary') or '') for e in d['timeline'])"

printf '\nWalk-through passed: enrolment %s\n' "$enrolment"
