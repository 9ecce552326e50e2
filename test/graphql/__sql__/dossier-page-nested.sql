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
select "d"."id", CASE WHEN isfinite(coalesce(d.received_at, d.submitted_at)) THEN to_char((coalesce(d.received_at, d.submitted_at)) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') ELSE 'infinity' END AS _sort, '{"code":' || (coalesce(to_json(d.code)::text, 'null')) || ',"procedure":' || (coalesce((SELECT '{"nationalCode":' || (coalesce(to_json(d_1.national_code)::text, 'null')) || ',"name":' || (coalesce(to_json(d_1.name)::text, 'null')) || '}' FROM procedures d_1 WHERE d_1.id = d.procedure_id), 'null')) || ',"receivingUnit":' || (coalesce((SELECT '{"code":' || (coalesce(to_json(d_2.code)::text, 'null')) || ',"name":' || (coalesce(to_json(d_2.name)::text, 'null')) || '}' FROM units d_2 WHERE d_2.id = d.receiving_unit_id), 'null')) || ',"events":' || ((SELECT '[' || coalesce(string_agg('{"occurredAt":' || (coalesce('"' || to_char(d_3.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"', 'null')) || ',"status":' || (coalesce('"' || (ARRAY['SUBMITTED', 'RECEIVED', 'REFUSED', 'IN_PROGRESS', 'SUPPLEMENT_REQUESTED', 'PAYMENT_REQUESTED', 'WITHDRAWN', 'STOPPED', 'PROCESSED', 'RETURNED'])[d_3.status] || '"', '"SUBMITTED"')) || '}', ',' ORDER BY d_3.occurred_at, d_3.id), '') || ']' FROM dossier_events d_3 WHERE d_3.dossier_id = d.id)) || ',"documents":' || ((SELECT '[' || coalesce(string_agg('{"numberSymbol":' || (coalesce(to_json(d_4.number_symbol)::text, 'null')) || '}', ',' ORDER BY d_4.issued_on, d_4.id), '') || ']' FROM dossier_documents d_4_l JOIN documents d_4 ON d_4.id = d_4_l.document_id WHERE d_4_l.dossier_id = d.id)) || '}' AS _json
from "dossiers" as "d"
order by coalesce(d.received_at, d.submitted_at) DESC, d.id DESC
limit 11;
