import { BadUserInputError, missingScope } from '../../errors.ts';
import { hasScope } from '../../graphql/viewer.ts';
import type { Resolvers } from '../../graphql/generated/resolvers.ts';
import type { GraphQLContext } from '../../graphql/context.ts';
import { decodeId, type NodeType } from '../../graphql/ids.ts';
import { fromSource } from '../../graphql/loaders.ts';

const MAX_NODES = 500;

/** Remembers which GraphQL type an object fetched through `node`/`nodes` is, for Node.__resolveType. */
const typeOf = new WeakMap<object, NodeType>();

async function resolveNode(id: string, ctx: GraphQLContext): Promise<object | null> {
  const d = decodeId(id);
  if (!d) throw new BadUserInputError(`Argument "id" is not a valid id: "${id}"`, { argument: 'id' });
  let found: object | null = null;
  // hub objects carry `hub` where others carry their province
  if (d.type === 'SyncRun') {
    if (!hasScope(ctx.viewer, 'sync:read')) throw missingScope('sync:read', 'A SyncRun');
    found = d.province === 'hub' ? await ctx.sync.load(d.localId) : null;
    if (found) typeOf.set(found, d.type);
    return found;
  }
  if (!ctx.fed.source(d.province)) return null;
  const key = { province: d.province, id: d.localId };
  switch (d.type) {
    case 'Province':
      found = ctx.provinces.byCode(d.province);
      break;
    case 'Unit':
      found = await ctx.units.load(key);
      break;
    case 'Procedure':
      found = await ctx.procedures.load(key);
      break;
    case 'Dossier':
      found = await ctx.dossiers.load(key);
      break;
    case 'Document':
      found = await ctx.documents.load(key);
      break;
    default:
      found = null;
  }
  if (found) typeOf.set(found, d.type);
  return found;
}

export const nodeResolvers: Resolvers = {
  Query: {
    node: (_, { id }, ctx, info) => fromSource(ctx.fed, info, resolveNode(id, ctx)) as never,
    nodes: (_, { ids }, ctx, info) => {
      if (ids.length > MAX_NODES) {
        throw new BadUserInputError(`Argument "ids" has ${ids.length} ids, at most ${MAX_NODES} allowed`, {
          argument: 'ids',
        });
      }
      return Promise.all(ids.map((id, i) => fromSource(ctx.fed, info, resolveNode(id, ctx), i))) as never;
    },
  },
  Node: {
    __resolveType: (obj) => (typeOf.get(obj) ?? null) as never,
  },
};
