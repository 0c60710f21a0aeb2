#!/usr/bin/env bash
# The README's walk-through, run as it is written: a dossier's life, the public calendar and deadline API, and
# calendar administration, with curl against the demo data of `dotnet run --project OneStop.Api`.
# Usage: OneStop.Api/curl-tour.sh [base address]      (default: http://localhost:5009, the port of `dotnet run`)
# Needs bash, curl and sed only. Stops at the first answer whose status is not the expected one.
# OneStop.Tests/Api/Readme/CurlTourTests runs it against the host on Kestrel.
set -euo pipefail
B=${1:-http://localhost:5009}
OUT=$(mktemp -d -t onestop-tour.XXXXXX)    # the receipt PDF and the iCalendar export land here

# call 'STATUS...' CURL-ARGUMENTS...: prints the answer's body; stops the tour when its status is not one of STATUS.
call() {
  local expected=$1 answer status; shift
  answer=$(curl -sS -w '\n%{http_code}' "$@")
  status=${answer##*$'\n'}
  printf '%s\n' "${answer%$'\n'*}"
  [[ " $expected " == *" $status "* ]] || { echo "line ${BASH_LINENO[0]}: expected $expected, got $status" >&2; exit 1; }
}
# json TEXT: TEXT as the inside of a JSON string (backslashes, quotes, tabs and line ends escaped).
json() { printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/\t/\\t/g' -e ':a;N;$!ba;s/\n/\\n/g'; }
# field NAME: the string field NAME of the JSON answer on standard input.
field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }
# urlencode TEXT: TEXT percent-encoded byte by byte (UTF-8), for a query string.
urlencode() {
  local LC_ALL=C text=$1 out='' c i
  for ((i = 0; i < ${#text}; i++)); do
    c=${text:i:1}
    case $c in [A-Za-z0-9.~_-]) out+=$c ;; *) out+=$(printf '%%%02X' "'$c") ;; esac
  done
  printf '%s' "$out"
}
token() { call 200 -X POST "$B/api/auth/login" -H 'Content-Type: application/json' \
  -d "{\"userName\":\"$(json "$1")\",\"password\":\"MotCua@2025\"}" | field accessToken; }

# --- A dossier's life -----------------------------------------------------------------------------------------
CLERK=$(token motcua); OFFICER=$(token chuyenvien)
NAME='Nguyễn Thị Hồng Nhung'; ADDRESS='Số 12 ngõ 34 "Khâm Thiên", Phường Đống Đa'
# Register (201, Location, the code, statutory due = appointment). The Idempotency-Key makes a retry safe.
C=$(call 201 -X POST "$B/api/dossiers" -H "Authorization: Bearer $CLERK" -H 'Content-Type: application/json' \
  -H "Idempotency-Key: tour-$$-$RANDOM" -d "{\"procedureCode\":\"2.000575.H99\",\"applicant\":{\"fullName\":\"$(json "$NAME")\",
  \"idNumber\":\"001190012345\",\"phone\":\"0912345678\",\"address\":\"$(json "$ADDRESS")\"}}" | field code)
# {"code":"000.00.12.H99-261130-0015","trackingNumber":15,"countingStartsAt":"2026-12-01T07:30:00+07:00",
#  "statutoryDueAt":"2026-12-03T17:00:00+07:00","appointmentAt":"2026-12-03T17:00:00+07:00","calendarStatus":"official"}
echo "dossier $C"
call 200 "$B/api/dossiers/$C/receipt.pdf" -H "Authorization: Bearer $CLERK" -o "$OUT/receipt.pdf"   # Form 01, A5
call 200 -X POST "$B/api/dossiers/$C/handovers" -H "Authorization: Bearer $CLERK" -H 'Content-Type: application/json' \
  -d '{"toUnit":"Công chức Tài chính - Kế hoạch","stepBudgetHours":16}'
call 200 -X POST "$B/api/dossiers/$C/supplement-requests" -H "Authorization: Bearer $OFFICER" -H 'Content-Type: application/json' \
  -d '{"reason":"Thiếu bản sao giấy tờ pháp lý","missingDocuments":"Bản sao CCCD"}'
call 200 -X POST "$B/api/dossiers/$C/supplements" -H "Authorization: Bearer $CLERK" -H 'Content-Type: application/json' -d '{}'
call 200 -X POST "$B/api/dossiers/$C/result" -H "Authorization: Bearer $OFFICER" -H 'Content-Type: application/json' -d '{}'
call 200 -X POST "$B/api/dossiers/$C/return" -H "Authorization: Bearer $CLERK" -H 'Content-Type: application/json' -d '{}'
call 409 -X POST "$B/api/dossiers/$C/return" -H "Authorization: Bearer $CLERK" -H 'Content-Type: application/json' -d '{}'
# {"type":".../dossier-closed","title":"A business rule forbids this.","status":409,"code":"dossier-closed",...}
call 200 "$B/api/dossiers/$C/events" -H "Authorization: Bearer $CLERK"    # the ledger, with both times
call 200 "$B/api/dossiers/$C/verify" -H "Authorization: Bearer $CLERK"    # {"valid":true,"events":6,"rowDifferences":[],"checkpoint":{...}}
call 200 "$B/api/dossiers/search?q=%2B84%20912%20345%20678&status=Returned" -H "Authorization: Bearer $CLERK"   # found by phone, blind index
call 200 "$B/api/public/status/$C"                                          # anonymous, nothing personal

# --- The public calendar and deadline API ---------------------------------------------------------------------
call 200 "$B/api/calendar/2025"
call 200 "$B/api/calendar/lunar/2030-02-02"
call 200 -X POST "$B/api/deadlines/preview" -H 'Content-Type: application/json' \
  -d '{"acceptedAt":"2025-01-24T15:01:00+07:00","duration":{"amount":3,"unit":"WorkingDays"},"mode":"WorkingHours"}'
# {"countingStartsAt":"2025-02-03T07:30:00+07:00","dueAt":"2025-02-05T17:00:00+07:00","calendarStatus":"official"}

# --- Administration: a calendar notice, the iCalendar export and its import -----------------------------------
ADMIN=$(token admin)
DOCUMENT='Công văn 1234/VPCP-KGVX "Ngày Văn hóa Việt Nam" & nghỉ bù'
# 201 Created: a new notice, or a new revision of its key; 200: the same notice was already stored.
call '201 200' -X POST "$B/api/admin/calendar/notices" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d "{\"key\":\"2026-culture-day\",\"year\":2026,\"covers\":[],\"documentNumber\":\"$(json "$DOCUMENT")\",
  \"name\":\"Ngày Văn hóa Việt Nam\",\"daysOff\":[\"2026-11-24\"]}"
call 200 "$B/api/admin/calendar/export.ics?from=2025&to=2026" -H "Authorization: Bearer $ADMIN" -o "$OUT/lich.ics"
call 200 -X POST "$B/api/admin/calendar/import?documentNumber=$(urlencode "$DOCUMENT")" -H "Authorization: Bearer $ADMIN" \
  -H 'Content-Type: text/calendar' --data-binary "@$OUT/lich.ics"
echo "tour done: dossier $C, files in $OUT"
