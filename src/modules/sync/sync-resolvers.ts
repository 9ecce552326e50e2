import type { Resolvers } from '../../graphql/generated/resolvers.ts';
import { encodeId } from '../../graphql/ids.ts';

export const syncResolvers: Resolvers = {
  Query: {
    syncRuns: (_, args, ctx) => ctx.sync.list(args),
  },
  SyncRun: {
    id: (r) => encodeId('SyncRun', 'hub', r.id),
    province: (r, _, ctx) => ctx.sync.province(r),
    rejectedItems: (r, _, ctx) => ctx.sync.rejectedItems(r),
  },
  SyncRunConnection: { totalCount: (c) => c.totalCount() },
  Procedure: {
    portalStatus: (p, _, ctx) => ctx.sync.portalStatus(p),
  },
};
