import type { Resolvers } from '../../graphql/generated/resolvers.ts';

/** `dossierStatus`: the service answers the six public fields, which resolve by default. No @scope: it is public. */
export const statusLookupResolvers: Resolvers = {
  Query: {
    dossierStatus: (_, args, ctx) => ctx.statusLookup.lookup(args),
  },
};
