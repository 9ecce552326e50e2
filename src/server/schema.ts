import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import type { Resolvers } from '../graphql/generated/resolvers.ts';
import { auditResolvers } from '../modules/audit/audit-resolvers.ts';
import { indicatorResolvers } from '../modules/indicators/indicator-resolvers.ts';
import { nodeResolvers } from '../modules/common/node-resolvers.ts';
import { documentRenders, documentResolvers } from '../modules/documents/document-resolvers.ts';
import { dossierRelations, dossierRenders, dossierResolvers } from '../modules/dossiers/dossier-resolvers.ts';
import { statusLookupResolvers } from '../modules/dossiers/status-lookup-resolvers.ts';
import { procedureRenders, procedureResolvers } from '../modules/procedures/procedure-resolvers.ts';
import { provinceRenders, provinceResolvers } from '../modules/provinces/province-resolvers.ts';
import { syncResolvers } from '../modules/sync/sync-resolvers.ts';
import { unitRelations, unitRenders, unitResolvers } from '../modules/units/unit-resolvers.ts';
import type { Relations } from '../graphql/embed.ts';
import { mergeRenders } from '../graphql/render.ts';
import type { GraphQLContext } from '../graphql/context.ts';
import { DateScalar, DateTimeScalar } from '../graphql/scalars.ts';
import { applyScopes } from './scopes.ts';

export const SCHEMA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schema');

/** The SDL files, base first, then one per domain. */
export function loadTypeDefs(dir = SCHEMA_DIR): string[] {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.graphql'));
  files.sort((a, b) => (a === 'base.graphql' ? -1 : b === 'base.graphql' ? 1 : a.localeCompare(b)));
  return files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
}

/** The executable schema: SDL, resolvers, and the scope each field needs (src/server/scopes.ts). */
export function buildSchema(extra: Resolvers[] = []): GraphQLSchema {
  const schema = makeExecutableSchema({
    typeDefs: loadTypeDefs(),
    resolvers: [
      { Date: DateScalar, DateTime: DateTimeScalar },
      nodeResolvers,
      provinceResolvers,
      unitResolvers,
      procedureResolvers,
      dossierResolvers,
      statusLookupResolvers,
      documentResolvers,
      syncResolvers,
      auditResolvers,
      indicatorResolvers,
      ...extra,
    ] as Resolvers[],
    resolverValidationOptions: { requireResolversToMatchSchema: 'error' },
  });
  return applyScopes(schema);
}

/** The relations statements may read for their rows' resolvers, of every module (src/graphql/embed.ts). */
export const relations: Relations<GraphQLContext> = { ...unitRelations, ...dossierRelations };

/** What PostgreSQL can write as the response's JSON, of every module (src/graphql/render.ts). */
export const renders = mergeRenders<GraphQLContext>(
  provinceRenders,
  unitRenders,
  procedureRenders,
  dossierRenders,
  documentRenders,
);
