import type { Resolvers } from '../../generated/graphql.ts';
import { encodeId } from '../../server/ids.ts';

export const provinceResolvers: Resolvers = {
  Query: {
    provinces: (_, __, ctx) => ctx.provinces.all(),
  },
  Province: {
    id: (p) => encodeId('Province', p.code, 0),
    status: (p, _, ctx) => ctx.provinces.status(p),
  },
};
