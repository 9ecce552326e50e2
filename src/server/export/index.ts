import type { GraphQLSchema } from 'graphql';
import type { ExecuteOperation } from '../graphql-route.ts';
import { dossierRequest, startDossierExport } from './dossiers.ts';
import { indicatorRequest, startIndicatorExport } from './indicators.ts';
import type { ParamContext, RawParams } from './params.ts';
import type { ExportDeps, StartedExport } from './run.ts';

export { ExportParamError, paramsOfUrl, type RawParams } from './params.ts';
export type { ExportOutcome, ExportSummary, Sink, StartedExport } from './run.ts';

/** What can be exported: a dossier list, an indicator table. */
export const EXPORT_KINDS = ['dossiers', 'indicators'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** The hub's GraphQL, as an export runs it (createGraphQLRoute's `execute` and `schema`). */
export interface ExportGraphQL {
  execute: ExecuteOperation;
  schema: GraphQLSchema;
}

/**
 * Checks an export's parameters (throws ExportParamError before anything runs), then runs its first
 * operation: the one entry of the URL route and the CLI command.
 */
export async function startExport(
  kind: ExportKind,
  raw: RawParams,
  ctx: ParamContext,
  deps: ExportDeps,
): Promise<StartedExport> {
  if (kind === 'dossiers') return startDossierExport(dossierRequest(raw, ctx, deps.maxRows), deps);
  return startIndicatorExport(indicatorRequest(raw, ctx), deps);
}

/** Checks the parameters only (the CLI does so before it opens the databases). */
export function checkExportParams(
  kind: ExportKind,
  raw: RawParams,
  ctx: ParamContext,
  maxRows: number,
): void {
  if (kind === 'dossiers') dossierRequest(raw, ctx, maxRows);
  else indicatorRequest(raw, ctx);
}
