import type { Resolvers } from '../../graphql/generated/resolvers.ts';
import { encodeId } from '../../graphql/ids.ts';
import { statusName } from './dossier-service.ts';

export const dossierResolvers: Resolvers = {
  Query: {
    dossiers: (_, args, ctx) => ctx.dossiers.list(args),
    dossier: (_, args, ctx) => ctx.dossiers.get(args),
  },
  Dossier: {
    id: (d) => encodeId('Dossier', d.province, d.id),
    province: (d, _, ctx) => ctx.provinces.of(d),
    aliases: (d, _, ctx) => ctx.dossiers.aliases(d),
    procedure: async (d, _, ctx) => (await ctx.procedures.load({ province: d.province, id: d.procedureId }))!,
    receivingUnit: async (d, _, ctx) =>
      (await ctx.units.load({ province: d.province, id: d.receivingUnitId }))!,
    handlingUnit: (d, _, ctx) =>
      d.handlingUnitId == null ? null : ctx.units.load({ province: d.province, id: d.handlingUnitId }),
    applicant: (d, _, ctx) => ctx.dossiers.applicant(d),
    status: (d) => statusName(d.statusCode),
    supplements: (d, _, ctx) => ctx.dossiers.supplements(d),
    events: (d, _, ctx) => ctx.dossiers.events(d),
    documents: (d, _, ctx) => ctx.documents.ofDossier(d),
  },
  DossierEvent: {
    status: (e) => statusName(e.statusCode),
    unit: (e, _, ctx) => (e.unitId == null ? null : ctx.units.load({ province: e.province, id: e.unitId })),
  },
  DossierConnection: { totalCount: (c) => c.totalCount() },
};
