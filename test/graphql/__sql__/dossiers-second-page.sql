-- the second page of dossiers, after a keyset cursor
-- | query($after: String) {
-- |   dossiers(first: 25, after: $after, orderBy: { field: RECEIVED_AT, direction: DESC }) {
-- |     nodes { code }
-- |     pageInfo { endCursor }
-- |   }
-- | }
-- statements per source: 40: 1, 96: 1

-- sources: 96
-- bindings: "<timestamp>", 57920
select "d"."id", CASE WHEN isfinite(coalesce(d.received_at, d.submitted_at)) THEN to_char((coalesce(d.received_at, d.submitted_at)) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') ELSE 'infinity' END AS _sort, '{"code":' || (coalesce(to_json(d.code)::text, 'null')) || '}' AS _json
from "dossiers" as "d"
where (coalesce(d.received_at, d.submitted_at), d.id) < ($1::timestamptz, $2)
order by coalesce(d.received_at, d.submitted_at) DESC, d.id DESC
limit 26;

-- sources: 40
-- bindings: "<timestamp>"
select "d"."id", CASE WHEN isfinite(coalesce(d.received_at, d.submitted_at)) THEN to_char((coalesce(d.received_at, d.submitted_at)) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') ELSE 'infinity' END AS _sort, '{"code":' || (coalesce(to_json(d.code)::text, 'null')) || '}' AS _json
from "dossiers" as "d"
where coalesce(d.received_at, d.submitted_at) <= $1::timestamptz
order by coalesce(d.received_at, d.submitted_at) DESC, d.id DESC
limit 26;
