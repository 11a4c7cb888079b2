#!/usr/bin/env bash
# Archives the OLDEST month of measurement on PostgreSQL (decision 0038; docs/operations.md,
# "Archiving old months"; only when the district's 처리방침 says results that old leave the database):
#   scripts/archive-partition.sh <database URI> <YYYY_MM> <archive folder>
#   e.g. scripts/archive-partition.sh postgresql://ssc@db/ssc 2019_06 /archive
# 1. refuses unless measurement_<YYYY_MM> is the oldest month (right after measurement_before);
# 2. deletes its anonymous results (their 5 years count from the day measured: never archived);
# 3. pg_dump -Fc of that partition into <archive folder>/measurement_<YYYY_MM>-<date>.dump, and checks
#    that the file holds as many rows as the table;
# 4. in one transaction: detaches it, moves measurement_before's end up to the month's end, drops it.
# SSC_DB_SCHEMA names the schema (default: public). Encrypt and keep the file as the policy says.
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 <database URI> <YYYY_MM> <archive folder>" >&2; exit 2; }
db=$1 month=$2 dir=$3 schema=${SSC_DB_SCHEMA:-public}
[[ $month =~ ^[0-9]{4}_(0[1-9]|1[0-2])$ ]] || { echo "month must be YYYY_MM, not '$month'" >&2; exit 2; }
[[ $schema =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "SSC_DB_SCHEMA must be a plain name" >&2; exit 2; }
table=measurement_$month
sql() { psql "$db" -X -v ON_ERROR_STOP=1 -Atq -c "SET search_path = $schema" -c "$1"; }

bound() { # the partition's bounds as "from to" (MINVALUE/MAXVALUE as they are)
  sql "SELECT pg_get_expr(c.relpartbound, c.oid) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
       WHERE i.inhparent = 'measurement'::regclass AND c.relname = '$1'" \
    | sed -E "s/.*FROM \('?([^')]*)'?\) TO \('?([^')]*)'?\).*/\1 \2/"
}
read -r from to <<<"$(bound "$table")" || true
[ -n "${from:-}" ] || { echo "$table is not a partition of $schema.measurement" >&2; exit 1; }
read -r _ before_end <<<"$(bound measurement_before)" || true
[ "${before_end:-}" = "$from" ] || { echo "$table is not the oldest month (measurement_before ends at ${before_end:-?}, $table starts at $from); archive older months first" >&2; exit 1; }

deleted=$(sql "WITH gone AS (DELETE FROM $table WHERE member_id IN (SELECT id FROM member WHERE anonymised = 1) RETURNING 1)
               SELECT COUNT(*) FROM gone")
rows=$(sql "SELECT COUNT(*) FROM $table")
mkdir -p "$dir"
file="$dir/$table-$(date +%F).dump"
pg_dump "$db" -Fc -t "$schema.$table" -f "$file"
in_file=$(pg_restore --data-only -f - "$file" | awk '/^COPY /{inside=1; next} /^\\\.$/{inside=0} inside{n++} END{print n+0}')
[ "$in_file" = "$rows" ] || { echo "the archive holds $in_file rows, the table $rows: nothing dropped" >&2; exit 1; }

psql "$db" -X -v ON_ERROR_STOP=1 -q <<SQL
SET search_path = $schema;
BEGIN;
ALTER TABLE measurement DETACH PARTITION $table;
ALTER TABLE measurement DETACH PARTITION measurement_before;
ALTER TABLE measurement ATTACH PARTITION measurement_before FOR VALUES FROM (MINVALUE) TO ($to);
DROP TABLE $table;
COMMIT;
SQL
echo "$table: $deleted anonymous results deleted, $rows archived to $file and dropped; measurement_before now ends at $to"
