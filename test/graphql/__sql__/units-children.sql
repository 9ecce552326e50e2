-- provincial People’s Committees with a page of their children each
-- | {
-- |   units(first: 5, filter: { kind: PEOPLES_COMMITTEE }) {
-- |     nodes {
-- |       name
-- |       children(first: 10, orderBy: { field: NAME, direction: ASC }) { totalCount nodes { code name level } }
-- |     }
-- |   }
-- | }
-- statements per source: 40: 3, 96: 3

-- sources: 40, 96
-- bindings: "<ids>"
select "parent_id", count(*) as "n"
from "units"
where parent_id = ANY($1)
group by "parent_id";

-- sources: 40, 96
-- bindings: "PEOPLES_COMMITTEE", 6
select "u"."id", "u"."code", "u"."name", "u"."kind", "u"."level", "u"."parent_id", "u"."valid_from", "u"."valid_to", u.name AS _sort
from "units" as "u"
where "u"."kind" = $1
order by (u.name) COLLATE "C" ASC, u.id ASC
limit $2;

-- sources: 40, 96
-- bindings: "<ids>", 11
select *
from (select "u"."id", "u"."code", "u"."name", "u"."kind", "u"."level", "u"."parent_id", "u"."valid_from", "u"."valid_to", u.name AS _sort, u.parent_id AS _parent, row_number() OVER (PARTITION BY u.parent_id ORDER BY (u.name) COLLATE "C" ASC, u.id ASC) AS _rn from "units" as "u" where u.parent_id = ANY($1)) as "x"
where "_rn" <= $2
order by "_parent" asc, "_rn" asc;
