-- a page of dossiers with procedure, receiving unit, events and documents
-- | {
-- |   dossiers(first: 10) {
-- |     nodes {
-- |       code
-- |       procedure { nationalCode name }
-- |       receivingUnit { code name }
-- |       events { occurredAt status }
-- |       documents { numberSymbol }
-- |     }
-- |   }
-- | }
-- statements per source: 40: 5, 96: 5

-- sources: 40, 96
-- bindings: "<timestamp>", 11
select "d"."id", "d"."code", "d"."procedure_id", "d"."receiving_unit_id", "d"."handling_unit_id", "d"."applicant_type", "d"."applicant_name", "d"."applicant_id_number", "d"."applicant_phone", "d"."channel", "d"."status", "d"."submitted_at", "d"."received_at", "d"."due_at", "d"."finished_at", "d"."returned_at", "d"."apology_issued", "d"."satisfaction", "d"."digitised", "d"."electronic_result", "d"."paid_online", "d"."vneid_verified", "d"."data_reused", (CASE WHEN d.status IN (3, 7, 8) THEN 'NOT_COUNTED' WHEN coalesce(d.finished_at, d.returned_at) IS NOT NULL THEN CASE WHEN d.supplement_count >= 2 THEN 'LATE' WHEN d.due_at IS NULL THEN 'ON_TIME' WHEN coalesce(d.finished_at, d.returned_at) - make_interval(secs => d.supplement_seconds::float8 + d.payment_seconds) > d.due_at THEN 'LATE' WHEN (coalesce(d.finished_at, d.returned_at) - make_interval(secs => d.supplement_seconds::float8 + d.payment_seconds)) AT TIME ZONE INTERVAL '+07:00' < date_trunc('day', d.due_at AT TIME ZONE INTERVAL '+07:00') THEN 'EARLY' ELSE 'ON_TIME' END WHEN d.due_at IS NULL THEN 'PENDING' WHEN LEAST($1::timestamptz, lt_open_wait_since(d.id)) > d.due_at + make_interval(secs => d.supplement_seconds::float8 + d.payment_seconds) THEN 'OVERDUE' ELSE 'PENDING' END) AS timeliness, CASE WHEN isfinite(coalesce(d.received_at, d.submitted_at)) THEN to_char((coalesce(d.received_at, d.submitted_at)) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') ELSE 'infinity' END AS _sort
from "dossiers" as "d"
order by coalesce(d.received_at, d.submitted_at) DESC, d.id DESC
limit $2;

-- sources: 40, 96
-- bindings: "<ids>"
select "dc"."id", "dc"."number_symbol", "dc"."number", "dc"."year", "dc"."type", "dc"."issuer_symbol", "dc"."issuer_unit_id", "dc"."issuer_name", "dc"."place", "dc"."issued_on", "dc"."summary", "dc"."signer_name", "dc"."signer_position", "dc"."signer_authority", "dc"."urgency", "dc"."confidentiality", l.dossier_id AS _parent, l.role AS _role
from "dossier_documents" as "l"
  inner join "documents" as "dc" on "dc"."id" = "l"."document_id"
where l.dossier_id = ANY($1)
order by "_parent" asc, "dc"."issued_on" asc, "dc"."id" asc;

-- sources: 40, 96
-- bindings: "<ids>"
select "dossier_id", "occurred_at", "status", "unit_id", "actor", "note"
from "dossier_events"
where dossier_id = ANY($1)
order by "dossier_id" asc, "occurred_at" asc, "id" asc;

-- sources: 40, 96
-- bindings: "<ids>"
select "p"."id", "p"."national_code", "p"."name", "p"."field", "p"."level", "p"."online_service", "p"."applicants", "p"."result", "p"."cases", "p"."status", "p"."revision", "p"."updated_at"
from "procedures" as "p"
where p.id = ANY($1);

-- sources: 40, 96
-- bindings: "<ids>"
select "u"."id", "u"."code", "u"."name", "u"."kind", "u"."level", "u"."parent_id", "u"."valid_from", "u"."valid_to"
from "units" as "u"
where u.id = ANY($1);
