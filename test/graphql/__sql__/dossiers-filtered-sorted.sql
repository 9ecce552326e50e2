-- dossiers with a filter (channel, timeliness, received from, search) sorted by due date
-- | {
-- |   dossiers(
-- |     first: 20
-- |     filter: { channel: ONLINE, timeliness: [LATE, OVERDUE], receivedFrom: "2026-01-01", search: "nguyễn" }
-- |     orderBy: { field: DUE_AT, direction: ASC }
-- |   ) {
-- |     totalCount
-- |     nodes { code status timeliness dueAt }
-- |   }
-- | }
-- statements per source: 40: 2, 96: 2

-- sources: 40, 96
-- bindings: "<timestamp>", "<timestamp>", ["LATE","OVERDUE"], "ONLINE", "2026-01-01", "nguyễn"
select "d"."id", CASE WHEN isfinite(coalesce(d.due_at, 'infinity'::timestamptz)) THEN to_char((coalesce(d.due_at, 'infinity'::timestamptz)) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') ELSE 'infinity' END AS _sort, '{"code":' || (coalesce(to_json(d.code)::text, 'null')) || ',"status":' || (coalesce('"' || (ARRAY['SUBMITTED', 'RECEIVED', 'REFUSED', 'IN_PROGRESS', 'SUPPLEMENT_REQUESTED', 'PAYMENT_REQUESTED', 'WITHDRAWN', 'STOPPED', 'PROCESSED', 'RETURNED'])[d.status] || '"', '"SUBMITTED"')) || ',"timeliness":' || ('"' || (CASE WHEN d.status IN (3, 7, 8) THEN 'NOT_COUNTED' WHEN coalesce(d.finished_at, d.returned_at) IS NOT NULL THEN CASE WHEN d.supplement_count >= 2 THEN 'LATE' WHEN d.due_at IS NULL THEN 'ON_TIME' WHEN coalesce(d.finished_at, d.returned_at) - make_interval(secs => d.supplement_seconds::float8 + d.payment_seconds) > d.due_at THEN 'LATE' WHEN (coalesce(d.finished_at, d.returned_at) - make_interval(secs => d.supplement_seconds::float8 + d.payment_seconds)) AT TIME ZONE INTERVAL '+07:00' < date_trunc('day', d.due_at AT TIME ZONE INTERVAL '+07:00') THEN 'EARLY' ELSE 'ON_TIME' END WHEN d.due_at IS NULL THEN 'PENDING' WHEN LEAST($1::timestamptz, lt_open_wait_since(d.id)) > d.due_at + make_interval(secs => d.supplement_seconds::float8 + d.payment_seconds) THEN 'OVERDUE' ELSE 'PENDING' END) || '"') || ',"dueAt":' || (coalesce('"' || to_char(d.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"', 'null')) || '}' AS _json
from "dossiers" as "d"
where (CASE WHEN d.status IN (3, 7, 8) THEN 'NOT_COUNTED' WHEN coalesce(d.finished_at, d.returned_at) IS NOT NULL THEN CASE WHEN d.supplement_count >= 2 THEN 'LATE' WHEN d.due_at IS NULL THEN 'ON_TIME' WHEN coalesce(d.finished_at, d.returned_at) - make_interval(secs => d.supplement_seconds::float8 + d.payment_seconds) > d.due_at THEN 'LATE' WHEN (coalesce(d.finished_at, d.returned_at) - make_interval(secs => d.supplement_seconds::float8 + d.payment_seconds)) AT TIME ZONE INTERVAL '+07:00' < date_trunc('day', d.due_at AT TIME ZONE INTERVAL '+07:00') THEN 'EARLY' ELSE 'ON_TIME' END WHEN d.due_at IS NULL THEN 'PENDING' WHEN LEAST($2::timestamptz, lt_open_wait_since(d.id)) > d.due_at + make_interval(secs => d.supplement_seconds::float8 + d.payment_seconds) THEN 'OVERDUE' ELSE 'PENDING' END) = ANY($3) and "d"."channel" = $4 and coalesce(d.received_at, d.submitted_at) >= ($5::date)::timestamp AT TIME ZONE INTERVAL '+07:00' and lt_fold(d.code) LIKE '%' || lt_fold($6) || '%'
order by coalesce(d.due_at, 'infinity'::timestamptz) ASC, d.id ASC
limit 21;

-- sources: 40, 96
-- bindings: "<timestamp>", ["LATE","OVERDUE"], "ONLINE", "2026-01-01", "nguyễn", 1
select count(*) as "n"
from "dossiers" as "d"
where (CASE WHEN d.status IN (3, 7, 8) THEN 'NOT_COUNTED' WHEN coalesce(d.finished_at, d.returned_at) IS NOT NULL THEN CASE WHEN d.supplement_count >= 2 THEN 'LATE' WHEN d.due_at IS NULL THEN 'ON_TIME' WHEN coalesce(d.finished_at, d.returned_at) - make_interval(secs => d.supplement_seconds::float8 + d.payment_seconds) > d.due_at THEN 'LATE' WHEN (coalesce(d.finished_at, d.returned_at) - make_interval(secs => d.supplement_seconds::float8 + d.payment_seconds)) AT TIME ZONE INTERVAL '+07:00' < date_trunc('day', d.due_at AT TIME ZONE INTERVAL '+07:00') THEN 'EARLY' ELSE 'ON_TIME' END WHEN d.due_at IS NULL THEN 'PENDING' WHEN LEAST($1::timestamptz, lt_open_wait_since(d.id)) > d.due_at + make_interval(secs => d.supplement_seconds::float8 + d.payment_seconds) THEN 'OVERDUE' ELSE 'PENDING' END) = ANY($2) and "d"."channel" = $3 and coalesce(d.received_at, d.submitted_at) >= ($4::date)::timestamp AT TIME ZONE INTERVAL '+07:00' and lt_fold(d.code) LIKE '%' || lt_fold($5) || '%'
limit $6;
