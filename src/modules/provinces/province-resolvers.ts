import type { Resolvers } from '../../graphql/generated/resolvers.ts';
import { encodeId } from '../../graphql/ids.ts';
import type { GraphQLContext } from '../../graphql/context.ts';
import type { FieldRender, Renders } from '../../graphql/render.ts';

export const provinceResolvers: Resolvers = {
  Query: {
    provinces: (_, __, ctx) => ctx.provinces.all(),
  },
  Province: {
    id: (p) => encodeId('Province', p.code, 0),
    status: (p, _, ctx) => ctx.provinces.status(p),
    mergedFrom: (p) => p.mergedFrom ?? [],
  },
};

/**
 * The province of a row in a rendered read (src/graphql/render.ts): the source's, the same for every row,
 * written into the statement as a constant. Its health (`status`) and lists are left to the resolvers.
 */
const provinceOfRow: FieldRender<GraphQLContext> = (s, field) => {
  const p = s.ctx.provinces.of({ province: s.source.code });
  const value: Record<string, unknown> = {};
  for (const f of field.fields) {
    if (f.name === '__typename') value[f.key] = 'Province';
    else if (f.name === 'id') value[f.key] = encodeId('Province', p.code, 0);
    else if (f.name === 'code' || f.name === 'slug' || f.name === 'name' || f.name === 'validTo')
      value[f.key] = p[f.name];
    else return undefined;
  }
  const json = JSON.stringify(value);
  // a `?` would read as a binding: none is expected in a province's name
  if (json.includes('?')) return undefined;
  return { sql: `'${json.replace(/'/g, "''")}'`, bindings: [] };
};

/** Province fields of rendered rows, for every type whose rows belong to one province. */
export const provinceRenders: Renders<GraphQLContext> = {
  roots: {},
  fields: {
    'Dossier.province': provinceOfRow,
    'Unit.province': provinceOfRow,
    'Procedure.province': provinceOfRow,
    'Document.province': provinceOfRow,
  },
};
