import type { Resolvers } from '../../graphql/generated/resolvers.ts';
import { encodeId } from '../../graphql/ids.ts';

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
