-- the second page of dossiers, after a keyset cursor
-- | query($after: String) {
-- |   dossiers(first: 25, after: $after, orderBy: { field: RECEIVED_AT, direction: DESC }) {
-- |     nodes { code }
-- |     pageInfo { endCursor }
-- |   }
-- | }
-- statements per source: 40: 1, 96: 1

-- sources: 96
-- bindings: "<timestamp>", "<timestamp>", 57920, 26
select "d"."id", "d"."code", "d"."procedure_id", "d"."receiving_unit_id", "d"."handling_unit_id", "d"."applicant_type", "d"."applicant_name", "d"."applicant_id_number", "d"."applicant_phone", "d"."channel", "d"."status", "d"."submitted_at", "d"."received_at", "d"."due_at", "d"."finished_at", "d"."returned_at", "d"."apology_issued", "d"."satisfaction", "d"."digitised", "d"."electronic_result", "d"."paid_online", "d"."vneid_verified", "d"."data_reused", (CASE WHEN d.status IN (3, 7, 8) THEN 'NOT_COUNTED' WHEN coalesce(d.finished_at, d.returned_at) IS NOT NULL THEN CASE WHEN d.supplement_count >= 2 THEN 'LATE' WHEN d.due_at IS NULL THEN 'ON_TIME' WHEN coalesce(d.finished_at, d.returned_at) - make_interval(secs => d.supplement_seconds::float8 + d.payment_seconds) > d.due_at THEN 'LATE' WHEN (coalesce(d.finished_at, d.returned_at) - make_interval(secs => d.supplement_seconds::float8 + d.payment_seconds)) AT TIME ZONE INTERVAL '+07:00' < date_trunc('day', d.due_at AT TIME ZONE INTERVAL '+07:00') THEN 'EARLY' ELSE 'ON_TIME' END WHEN d.due_at IS NULL THEN 'PENDING' WHEN LEAST($1::timestamptz, lt_open_wait_since(d.id)) > d.due_at + make_interval(secs => d.supplement_seconds::float8 + d.payment_seconds) THEN 'OVERDUE' ELSE 'PENDING' END) AS timeliness, CASE WHEN isfinite(coalesce(d.received_at, d.submitted_at)) THEN to_char((coalesce(d.received_at, d.submitted_at)) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') ELSE 'infinity' END AS _sort
from "dossiers" as "d"
where (coalesce(d.received_at, d.submitted_at), d.id) < ($2::timestamptz, $3)
order by coalesce(d.received_at, d.submitted_at) DESC, d.id DESC
limit $4;

-- sources: 40
-- bindings: "<timestamp>", "<timestamp>", 26
select "d"."id", "d"."code", "d"."procedure_id", "d"."receiving_unit_id", "d"."handling_unit_id", "d"."applicant_type", "d"."applicant_name", "d"."applicant_id_number", "d"."applicant_phone", "d"."channel", "d"."status", "d"."submitted_at", "d"."received_at", "d"."due_at", "d"."finished_at", "d"."returned_at", "d"."apology_issued", "d"."satisfaction", "d"."digitised", "d"."electronic_result", "d"."paid_online", "d"."vneid_verified", "d"."data_reused", (CASE WHEN d.status IN (3, 7, 8) THEN 'NOT_COUNTED' WHEN coalesce(d.finished_at, d.returned_at) IS NOT NULL THEN CASE WHEN d.supplement_count >= 2 THEN 'LATE' WHEN d.due_at IS NULL THEN 'ON_TIME' WHEN coalesce(d.finished_at, d.returned_at) - make_interval(secs => d.supplement_seconds::float8 + d.payment_seconds) > d.due_at THEN 'LATE' WHEN (coalesce(d.finished_at, d.returned_at) - make_interval(secs => d.supplement_seconds::float8 + d.payment_seconds)) AT TIME ZONE INTERVAL '+07:00' < date_trunc('day', d.due_at AT TIME ZONE INTERVAL '+07:00') THEN 'EARLY' ELSE 'ON_TIME' END WHEN d.due_at IS NULL THEN 'PENDING' WHEN LEAST($1::timestamptz, lt_open_wait_since(d.id)) > d.due_at + make_interval(secs => d.supplement_seconds::float8 + d.payment_seconds) THEN 'OVERDUE' ELSE 'PENDING' END) AS timeliness, CASE WHEN isfinite(coalesce(d.received_at, d.submitted_at)) THEN to_char((coalesce(d.received_at, d.submitted_at)) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') ELSE 'infinity' END AS _sort
from "dossiers" as "d"
where coalesce(d.received_at, d.submitted_at) <= $2::timestamptz
order by coalesce(d.received_at, d.submitted_at) DESC, d.id DESC
limit $3;
