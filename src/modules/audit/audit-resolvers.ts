import type { Resolvers } from '../../graphql/generated/resolvers.ts';

export const auditResolvers: Resolvers = {
  Query: {
    auditLog: (_, args, ctx) => ctx.audit.list(args),
  },
  AuditRecord: {
    id: (r) => String(r.id),
  },
  AuditRecordConnection: { totalCount: (c) => c.totalCount() },
};
