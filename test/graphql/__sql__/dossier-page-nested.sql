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
-- statements per source: 40: 1, 96: 1

-- sources: 40, 96
-- bindings: "<timestamp>", 11
select "d"."id", "d"."code", "d"."procedure_id", "d"."receiving_unit_id", "d"."handling_unit_id", "d"."applicant_type", "d"."applicant_name", "d"."applicant_id_number", "d"."applicant_phone", "d"."channel", "d"."status", "d"."submitted_at", "d"."received_at", "d"."due_at", "d"."finished_at", "d"."returned_at", "d"."apology_issued", "d"."satisfaction", "d"."digitised", "d"."electronic_result", "d"."paid_online", "d"."vneid_verified", "d"."data_reused", (CASE WHEN d.status IN (3, 7, 8) THEN 'NOT_COUNTED' WHEN coalesce(d.finished_at, d.returned_at) IS NOT NULL THEN CASE WHEN d.supplement_count >= 2 THEN 'LATE' WHEN d.due_at IS NULL THEN 'ON_TIME' WHEN coalesce(d.finished_at, d.returned_at) - make_interval(secs => d.supplement_seconds::float8 + d.payment_seconds) > d.due_at THEN 'LATE' WHEN (coalesce(d.finished_at, d.returned_at) - make_interval(secs => d.supplement_seconds::float8 + d.payment_seconds)) AT TIME ZONE INTERVAL '+07:00' < date_trunc('day', d.due_at AT TIME ZONE INTERVAL '+07:00') THEN 'EARLY' ELSE 'ON_TIME' END WHEN d.due_at IS NULL THEN 'PENDING' WHEN LEAST($1::timestamptz, lt_open_wait_since(d.id)) > d.due_at + make_interval(secs => d.supplement_seconds::float8 + d.payment_seconds) THEN 'OVERDUE' ELSE 'PENDING' END) AS timeliness, CASE WHEN isfinite(coalesce(d.received_at, d.submitted_at)) THEN to_char((coalesce(d.received_at, d.submitted_at)) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') ELSE 'infinity' END AS _sort, (SELECT json_build_array(d_0.id, d_0.national_code, d_0.name, d_0.field, d_0.level, d_0.online_service, d_0.applicants, d_0.result, d_0.cases, d_0.status, d_0.revision, d_0.updated_at) FROM procedures d_0 WHERE d_0.id = d.procedure_id) AS _e0, (SELECT json_build_array(d_1.id, d_1.code, d_1.name, d_1.kind, d_1.level, d_1.parent_id, d_1.valid_from, d_1.valid_to) FROM units d_1 WHERE d_1.id = d.receiving_unit_id) AS _e1, (SELECT coalesce(json_agg(json_build_array(d_2.dossier_id, d_2.occurred_at, d_2.status, d_2.unit_id, d_2.actor, d_2.note) ORDER BY d_2._n), '[]'::json) FROM (select "dossier_id", "occurred_at", "status", "unit_id", "actor", "note", row_number() OVER (ORDER BY occurred_at, id) AS _n from "dossier_events" where dossier_id = d.id) d_2) AS _e2, (SELECT coalesce(json_agg(json_build_array(d_3.id, d_3.number_symbol, d_3.number, d_3.year, d_3.type, d_3.issuer_symbol, d_3.issuer_unit_id, d_3.issuer_name, d_3.place, d_3.issued_on, d_3.summary, d_3.signer_name, d_3.signer_position, d_3.signer_authority, d_3.urgency, d_3.confidentiality, d_3._parent, d_3._role) ORDER BY d_3._n), '[]'::json) FROM (select "dc"."id", "dc"."number_symbol", "dc"."number", "dc"."year", "dc"."type", "dc"."issuer_symbol", "dc"."issuer_unit_id", "dc"."issuer_name", "dc"."place", "dc"."issued_on", "dc"."summary", "dc"."signer_name", "dc"."signer_position", "dc"."signer_authority", "dc"."urgency", "dc"."confidentiality", l.dossier_id AS _parent, l.role AS _role, row_number() OVER (ORDER BY dc.issued_on, dc.id) AS _n from "dossier_documents" as "l" inner join "documents" as "dc" on "dc"."id" = "l"."document_id" where l.dossier_id = d.id) d_3) AS _e3
from "dossiers" as "d"
order by coalesce(d.received_at, d.submitted_at) DESC, d.id DESC
limit $2;
