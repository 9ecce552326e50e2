import type { Resolvers } from '../../graphql/generated/resolvers.ts';
import { safeErrorText } from '../../errors.ts';
import { encodeId } from '../../graphql/ids.ts';

export const syncResolvers: Resolvers = {
  Query: {
    syncRuns: (_, args, ctx) => ctx.sync.list(args),
  },
  SyncRun: {
    id: (r) => encodeId('SyncRun', 'hub', r.id),
    province: (r, _, ctx) => ctx.sync.province(r),
    rejectedItems: (r, _, ctx) => ctx.sync.rejectedItems(r),
    // stored error texts come from the portal client and can name hosts (`cannot reach … at http://10.…`)
    error: (r) => safeErrorText(r.error),
  },
  SyncItem: { lastError: (i) => safeErrorText(i.lastError), reason: (i) => safeErrorText(i.reason) },
  PortalStatus: { lastError: (s) => safeErrorText(s.lastError) },
  SyncRunConnection: { totalCount: (c) => c.totalCount() },
  Procedure: {
    portalStatus: (p, _, ctx) => ctx.sync.portalStatus(p),
  },
};
