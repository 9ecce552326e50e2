-- a provincial People’s Committee with two levels of children, its children returned as rows
-- | {
-- |   unit(code: "000.00.00.H41") {
-- |     code
-- |     name
-- |     children(first: 50) { nodes { code name kind children(first: 50) { nodes { code name kind } } } }
-- |   }
-- | }
-- statements per source: 40: 1

-- sources: 40
-- bindings: "000.00.00.H41", "000.00.00.H41", "000.00.00.H41"
SELECT CASE WHEN row_number() OVER () = 1 THEN r._head END AS _head, CASE WHEN row_number() OVER () = 1 THEN r._tail END AS _tail, CASE WHEN r_2._spread_row THEN '{"code":' || (coalesce(to_json(r_2.code)::text, 'null')) || ',"name":' || (coalesce(to_json(r_2.name)::text, 'null')) || ',"kind":' || ('"' || r_2.kind || '"') || ',"children":' || ('{"nodes":' || ((SELECT '[' || coalesce(string_agg('{"code":' || (coalesce(to_json(r_2_3.code)::text, 'null')) || ',"name":' || (coalesce(to_json(r_2_3.name)::text, 'null')) || ',"kind":' || ('"' || r_2_3.kind || '"') || '}', ',' ORDER BY r_2_3._s ASC, r_2_3.id ASC), '') || ']' FROM (SELECT u.id, u.code, u.name, u.kind, u.level, u.parent_id, u.valid_from, u.valid_to, (u.name) COLLATE "C" AS _s FROM units u WHERE u.parent_id = r_2.id ORDER BY (u.name) COLLATE "C" ASC, u.id ASC LIMIT 50) r_2_3)) || '}') || '}' END AS _item
FROM (SELECT r.*, '{"code":' || (coalesce(to_json(r.code)::text, 'null')) || ',"name":' || (coalesce(to_json(r.name)::text, 'null')) || ',"children":' || '{"nodes":' AS _head, '}' || '}' AS _tail FROM (SELECT r.* FROM units r WHERE r.id IN (SELECT c.id FROM units c WHERE c.code = $1 UNION ALL SELECT a.unit_id FROM unit_code_aliases a WHERE a.alias = $2) ORDER BY (r.code = $3) DESC, r.id LIMIT 1) r OFFSET 0) r
  LEFT JOIN LATERAL (SELECT r_2.*, true AS _spread_row FROM (SELECT u.id, u.code, u.name, u.kind, u.level, u.parent_id, u.valid_from, u.valid_to, (u.name) COLLATE "C" AS _s FROM units u WHERE u.parent_id = r.id ORDER BY (u.name) COLLATE "C" ASC, u.id ASC LIMIT 50) r_2) r_2 ON true
ORDER BY r_2._s ASC, r_2.id ASC;
