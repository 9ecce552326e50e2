-- procedures found by accent-insensitive search, fully online only
-- | {
-- |   procedures(first: 20, filter: { search: "đăng ký khai sinh", onlineService: FULL }) {
-- |     totalCount
-- |     nodes { nationalCode name field }
-- |   }
-- | }
-- statements per source: 40: 2, 96: 2

-- sources: 40, 96
-- bindings: "FULL", "đăng ký khai sinh", 21
select "p"."id", "p"."national_code", "p"."name", "p"."field", "p"."level", "p"."online_service", "p"."applicants", "p"."result", "p"."cases", "p"."status", "p"."revision", "p"."updated_at", p.name AS _sort
from "procedures" as "p"
where "p"."online_service" = $1 and p.search_folded LIKE '%' || lt_fold($2) || '%'
order by (p.name) COLLATE "C" ASC, p.id ASC
limit $3;

-- sources: 40, 96
-- bindings: "FULL", "đăng ký khai sinh", 1
select count(*) as "n"
from "procedures" as "p"
where "p"."online_service" = $1 and p.search_folded LIKE '%' || lt_fold($2) || '%'
limit $3;
