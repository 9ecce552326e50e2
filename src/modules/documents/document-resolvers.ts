import type { Resolvers } from '../../graphql/generated/resolvers.ts';
import { encodeId } from '../../graphql/ids.ts';

export const documentResolvers: Resolvers = {
  Query: {
    documents: (_, args, ctx) => ctx.documents.list(args),
    document: (_, args, ctx) => ctx.documents.get(args),
  },
  Document: {
    id: (d) => encodeId('Document', d.province, d.id),
    province: (d, _, ctx) => ctx.provinces.of(d),
    issuer: (d, _, ctx) =>
      d.issuerUnitId == null ? null : ctx.units.load({ province: d.province, id: d.issuerUnitId }),
    attachments: (d, _, ctx) => ctx.documents.attachments(d),
    procedures: (d, _, ctx) => ctx.procedures.ofDocument(d),
    dossiers: (d, args, ctx) => ctx.dossiers.ofDocument(d, args),
  },
  DocumentConnection: { totalCount: (c) => c.totalCount() },
};
