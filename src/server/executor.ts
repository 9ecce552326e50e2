import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import {
  execute,
  getVariableValues,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { GraphQLContext } from '../graphql/context.ts';
import { renderOperation, renderPlan } from '../graphql/render.ts';
import { scopeOf } from './scopes.ts';

/**
 * Documents whose compiled operations are kept, least recently used evicted first. A compiled operation
 * holds generated code and closures. Kept for as long as Apollo's document store (30 MiB of documents)
 * kept their documents, 3,000 distinct fuzzed operations left 286 MB of live heap after a full GC (43 MB
 * before them); with at most 500 kept, 145 MB (`npm run bench` fuzz part, heap sampled after gc()).
 */
const MAX_COMPILED = 500;

/**
 * The hub's executor: each operation is compiled once by graphql-jit into plain functions (no per-field
 * argument coercion, path or promise bookkeeping at run time) and the compiled form runs every request
 * with the same document. Apollo still parses, validates, runs every plugin and formats errors; only
 * execution changes. Apollo Server 5 takes a custom executor only through its gateway interface: the
 * "gateway" here serves one fixed schema.
 *
 * Compiled operations are kept per document (Apollo's document store hands back the same DocumentNode for
 * the same query text), for the MAX_COMPILED documents used last. An operation the compiler refuses (none
 * is known to) runs through graphql-js. An operation PostgreSQL can write whole is answered with the JSON
 * it writes instead (src/graphql/render.ts), once its variables are checked.
 */
export function compiledExecutor(
  schema: GraphQLSchema,
  maxCompiled = MAX_COMPILED,
): GatewayExecutor & { compiledDocuments(): number } {
  const compiledOf = new Map<DocumentNode, Map<string, CompiledQuery | null>>();
  const rootScopes = new Map(
    Object.keys(schema.getQueryType()?.getFields() ?? {}).map((f) => [f, scopeOf(schema, 'Query', f)]),
  );
  const executor: GatewayExecutor = async (rc) => {
    const { document } = rc;
    const name = rc.operationName ?? '';
    let operations = compiledOf.get(document);
    if (operations) {
      // most recently used last: the first key is the one to evict
      compiledOf.delete(document);
      compiledOf.set(document, operations);
    } else {
      if (compiledOf.size >= maxCompiled) compiledOf.delete(compiledOf.keys().next().value!);
      compiledOf.set(document, (operations = new Map()));
    }
    let compiled = operations.get(name);
    if (compiled === undefined) {
      const c = compileQuery(schema, document, rc.operationName ?? undefined);
      operations.set(name, (compiled = isCompiledQuery(c) ? c : null));
    }
    const variables = rc.request.variables ?? {};
    if (compiled) {
      // variables are checked by graphql-js first: its errors carry the scalar's own message ("Date
      // 2026-02-30 does not exist") and the variable's node, by which Apollo files them as BAD_USER_INPUT;
      // graphql-jit's own would say only "Expected type Date" and come out as internal errors
      const defs = rc.operation.variableDefinitions ?? [];
      let coerced: Record<string, unknown> = {};
      if (defs.length) {
        const checked = getVariableValues(schema, defs, variables, { maxErrors: 50 });
        if (checked.errors) return { errors: checked.errors };
        coerced = checked.coerced;
      }
      // an operation PostgreSQL can write whole is answered with its JSON (src/graphql/render.ts)
      const ctx = rc.context as GraphQLContext;
      if (ctx.renders) {
        const plan = renderPlan(schema, document, rc.operation, coerced, ctx.renders, (field) => {
          // a root field the viewer lacks the scope for: its resolver answers FORBIDDEN
          const scope = rootScopes.get(field);
          return scope === undefined || ctx.viewer.scopes.has(scope);
        });
        const data = plan && (await renderOperation(ctx, ctx.renders, plan));
        if (data) {
          ctx.rendered = true;
          return { data };
        }
      }
      return (await compiled.query(undefined, rc.context, variables)) as ExecutionResult;
    }
    return execute({
      schema,
      document,
      contextValue: rc.context,
      variableValues: variables,
      operationName: rc.operationName,
    });
  };
  return Object.assign(executor, { compiledDocuments: () => compiledOf.size });
}

/** The gateway Apollo needs to take `compiledExecutor`: one schema, loaded once, never updated. */
export function executorGateway(schema: GraphQLSchema): GatewayInterface {
  let onLoad: ((s: { apiSchema: GraphQLSchema; coreSupergraphSdl: string }) => void) | undefined;
  return {
    onSchemaLoadOrUpdate(callback) {
      onLoad = callback;
      return () => void (onLoad = undefined);
    },
    async load() {
      onLoad?.({ apiSchema: schema, coreSupergraphSdl: '' });
      return { executor: compiledExecutor(schema) };
    },
    async stop() {},
  };
}
