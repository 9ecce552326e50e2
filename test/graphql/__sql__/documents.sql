-- decisions, newest first, with their issuer
-- | {
-- |   documents(first: 20, filter: { type: DECISION }, orderBy: { field: ISSUED_ON, direction: DESC }) {
-- |     totalCount
-- |     nodes { numberSymbol issuedOn issuer { name } }
-- |   }
-- | }
-- statements per source: 40: 3, 96: 3

-- sources: 40, 96
-- bindings: "DECISION", 21
select "dc"."id", "dc"."number_symbol", "dc"."number", "dc"."year", "dc"."type", "dc"."issuer_symbol", "dc"."issuer_unit_id", "dc"."issuer_name", "dc"."place", "dc"."issued_on", "dc"."summary", "dc"."signer_name", "dc"."signer_position", "dc"."signer_authority", "dc"."urgency", "dc"."confidentiality", dc.issued_on AS _sort
from "documents" as "dc"
where "dc"."type" = $1
order by dc.issued_on DESC, dc.id DESC
limit $2;

-- sources: 40, 96
-- bindings: "<ids>"
select "u"."id", "u"."code", "u"."name", "u"."kind", "u"."level", "u"."parent_id", "u"."valid_from", "u"."valid_to"
from "units" as "u"
where u.id = ANY($1);

-- sources: 40, 96
-- bindings: "DECISION", 1
select count(*) as "n"
from "documents" as "dc"
where "dc"."type" = $1
limit $2;
