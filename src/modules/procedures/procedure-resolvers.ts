import type { Resolvers } from '../../graphql/generated/resolvers.ts';
import { encodeId } from '../../graphql/ids.ts';
import { fromSource } from '../../graphql/loaders.ts';
import type { GraphQLContext } from '../../graphql/context.ts';
import { checkedName, column, globalId, type Renders } from '../../graphql/render.ts';

export const procedureResolvers: Resolvers = {
  Query: {
    procedures: (_, args, ctx) => ctx.procedures.list(args),
    procedure: (_, args, ctx, info) => fromSource(ctx.fed, info, ctx.procedures.get(args)),
  },
  Procedure: {
    id: (p) => encodeId('Procedure', p.province, p.id),
    province: (p, _, ctx) => ctx.provinces.of(p),
    processingDays: (p, _, ctx, info) => fromSource(ctx.fed, info, ctx.procedures.processingDays(p)),
    fee: (p, _, ctx, info) => fromSource(ctx.fed, info, ctx.procedures.fee(p)),
    channels: (p, _, ctx, info) => fromSource(ctx.fed, info, ctx.procedures.channels(p)),
    requirements: (p, _, ctx, info) => fromSource(ctx.fed, info, ctx.procedures.requirements(p)),
    legalBasis: (p, _, ctx, info) => fromSource(ctx.fed, info, ctx.documents.ofProcedure(p, 'LEGAL_BASIS')),
    publishingDecisions: (p, _, ctx, info) =>
      fromSource(ctx.fed, info, ctx.documents.ofProcedure(p, 'PUBLISHING_DECISION')),
    units: (p, _, ctx, info) => fromSource(ctx.fed, info, ctx.units.ofProcedure(p)),
    dossiers: (p, args, ctx, info) => fromSource(ctx.fed, info, ctx.dossiers.ofProcedure(p, args)),
  },
  ProcedureConnection: { totalCount: (c, _, ctx, info) => fromSource(ctx.fed, info, c.totalCount()) },
};

/** A procedure's fields PostgreSQL writes as JSON in a rendered read (src/graphql/render.ts). */
export const procedureRenders: Renders<GraphQLContext> = {
  roots: {},
  fields: {
    'Procedure.id': globalId('Procedure'),
    'Procedure.nationalCode': column('national_code'),
    'Procedure.name': column('name'),
    'Procedure.field': column('field'),
    'Procedure.level': checkedName('level'),
    'Procedure.onlineService': checkedName('online_service'),
    'Procedure.applicants': column('applicants'),
    'Procedure.result': column('result'),
  },
};
