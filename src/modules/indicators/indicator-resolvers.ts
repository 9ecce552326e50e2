import type { Resolvers } from '../../graphql/generated/resolvers.ts';
import { fromSource } from '../../graphql/loaders.ts';
import { measures, points } from './indicator-measures.ts';

export const indicatorResolvers: Resolvers = {
  Query: {
    indicators: (_, args, ctx, info) => ctx.indicators.table(args, info),
  },
  IndicatorRow: {
    province: (r, _, ctx) => (r.province == null ? null : ctx.provinces.byCode(r.province)),
    unit: (r, _, ctx, info) =>
      r.unitId == null || r.home == null
        ? null
        : fromSource(ctx.fed, info, ctx.units.load({ province: r.home, id: r.unitId })),
    procedure: (r, _, ctx, info) =>
      r.procedureId == null || r.home == null
        ? null
        : fromSource(ctx.fed, info, ctx.procedures.load({ province: r.home, id: r.procedureId })),
    ...measures,
    procedures: (r) => r.procedures?.total ?? 0,
    points: (r) => r,
  },
  ServiceQualityPoints: points,
};
