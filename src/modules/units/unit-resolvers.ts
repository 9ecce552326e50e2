import type { Resolvers } from '../../graphql/generated/resolvers.ts';
import { encodeId } from '../../graphql/ids.ts';
import { fromSource } from '../../graphql/loaders.ts';
import { embedPlan, type Relations } from '../../graphql/embed.ts';
import type { GraphQLContext } from '../../graphql/context.ts';
import { checkedName, column, globalId, renderObject, type Renders } from '../../graphql/render.ts';

export const unitResolvers: Resolvers = {
  Query: {
    units: (_, args, ctx) => ctx.units.list(args),
    unit: (_, args, ctx, info) => fromSource(ctx.fed, info, ctx.units.get(args)),
  },
  Unit: {
    id: (u) => encodeId('Unit', u.province, u.id),
    province: (u, _, ctx) => ctx.provinces.of(u),
    parent: (u, _, ctx, info) => fromSource(ctx.fed, info, ctx.units.parent(u)),
    active: (u, _, ctx) => ctx.units.isActive(u),
    administrativeCodes: (u, _, ctx, info) => fromSource(ctx.fed, info, ctx.units.administrativeCodes(u)),
    successors: (u, _, ctx, info) => fromSource(ctx.fed, info, ctx.units.successors(u)),
    predecessors: (u, _, ctx, info) => fromSource(ctx.fed, info, ctx.units.predecessors(u)),
    currentUnits: (u, _, ctx, info) => fromSource(ctx.fed, info, ctx.units.currentUnits(u)),
    children: (u, args, ctx, info) =>
      fromSource(ctx.fed, info, ctx.units.children(u, args, embedPlan(ctx, info, 'Unit'))),
    procedures: (u, args, ctx, info) => fromSource(ctx.fed, info, ctx.procedures.ofUnit(u, args)),
    dossiers: (u, args, ctx, info) => fromSource(ctx.fed, info, ctx.dossiers.ofUnit(u, args)),
    documents: (u, args, ctx, info) => fromSource(ctx.fed, info, ctx.documents.issuedBy(u, args)),
  },
  UnitLineage: {
    predecessor: (l, _, ctx, info) =>
      fromSource(ctx.fed, info, ctx.units.load({ province: l.province, id: l.predecessorId })),
    successor: (l, _, ctx, info) =>
      l.successorId == null
        ? null
        : fromSource(ctx.fed, info, ctx.units.load({ province: l.province, id: l.successorId })),
    externalSuccessor: (l) => l.external,
    decidedBy: (l, _, ctx, info) =>
      l.documentId == null
        ? null
        : fromSource(ctx.fed, info, ctx.documents.load({ province: l.province, id: l.documentId })),
  },
  UnitConnection: { totalCount: (c, _, ctx, info) => fromSource(ctx.fed, info, c.totalCount()) },
};

/** Unit relations a parent's statement can read (src/graphql/embed.ts). */
export const unitRelations: Relations<GraphQLContext> = {
  'Unit.children': (ctx, source, asked, nested) => ctx.units.embedChildren(source, asked, nested),
};

/** What PostgreSQL writes as JSON for a rendered read of units (src/graphql/render.ts). */
export const unitRenders: Renders<GraphQLContext> = {
  roots: {
    unit: (ctx, field) =>
      ctx.units.render(field.args, (source) =>
        renderObject({ ctx, source, renders: ctx.renders! }, 'Unit', field.fields, 'r', 'r'),
      ),
  },
  fields: {
    'Unit.id': globalId('Unit'),
    'Unit.code': column('code'),
    'Unit.name': column('name'),
    'Unit.kind': checkedName('kind'),
    'Unit.level': checkedName('level'),
    'Unit.children': (s, field, row, alias) =>
      s.ctx.units.renderChildren(field, row, alias, (fields, a) => renderObject(s, 'Unit', fields, a, a)),
  },
};
