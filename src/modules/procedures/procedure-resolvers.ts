import type { Resolvers } from '../../graphql/generated/resolvers.ts';
import { encodeId } from '../../graphql/ids.ts';

export const procedureResolvers: Resolvers = {
  Query: {
    procedures: (_, args, ctx) => ctx.procedures.list(args),
    procedure: (_, args, ctx) => ctx.procedures.get(args),
  },
  Procedure: {
    id: (p) => encodeId('Procedure', p.province, p.id),
    province: (p, _, ctx) => ctx.provinces.of(p),
    processingDays: (p, _, ctx) => ctx.procedures.processingDays(p),
    fee: (p, _, ctx) => ctx.procedures.fee(p),
    channels: (p, _, ctx) => ctx.procedures.channels(p),
    requirements: (p, _, ctx) => ctx.procedures.requirements(p),
    legalBasis: (p, _, ctx) => ctx.documents.ofProcedure(p, 'LEGAL_BASIS'),
    publishingDecisions: (p, _, ctx) => ctx.documents.ofProcedure(p, 'PUBLISHING_DECISION'),
    units: (p, _, ctx) => ctx.units.ofProcedure(p),
    dossiers: (p, args, ctx) => ctx.dossiers.ofProcedure(p, args),
  },
  ProcedureConnection: { totalCount: (c) => c.totalCount() },
};
