import type { Resolvers } from '../../graphql/generated/resolvers.ts';
import { encodeId } from '../../graphql/ids.ts';

export const unitResolvers: Resolvers = {
  Query: {
    units: (_, args, ctx) => ctx.units.list(args),
    unit: (_, args, ctx) => ctx.units.get(args),
  },
  Unit: {
    id: (u) => encodeId('Unit', u.province, u.id),
    province: (u, _, ctx) => ctx.provinces.of(u),
    parent: (u, _, ctx) => ctx.units.parent(u),
    active: (u, _, ctx) => ctx.units.isActive(u),
    administrativeCodes: (u, _, ctx) => ctx.units.administrativeCodes(u),
    successors: (u, _, ctx) => ctx.units.successors(u),
    children: (u, args, ctx) => ctx.units.children(u, args),
    procedures: (u, args, ctx) => ctx.procedures.ofUnit(u, args),
    dossiers: (u, args, ctx) => ctx.dossiers.ofUnit(u, args),
    documents: (u, args, ctx) => ctx.documents.issuedBy(u, args),
  },
  UnitLineage: {
    successor: async (l, _, ctx) => (await ctx.units.load({ province: l.province, id: l.successorId }))!,
    decidedBy: (l, _, ctx) =>
      l.documentId == null ? null : ctx.documents.load({ province: l.province, id: l.documentId }),
  },
  UnitConnection: { totalCount: (c) => c.totalCount() },
};
