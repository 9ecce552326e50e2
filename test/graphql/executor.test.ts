import { execute, parse, getOperationAST, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workloads } from '../../src/bench/workloads.ts';
import { withStatementTally } from '../../src/db/statement-counter.ts';
import { cursorKeyFrom, withCursorKey } from '../../src/graphql/pagination.ts';
import type { Viewer } from '../../src/graphql/viewer.ts';
import { createContext } from '../../src/server/context.ts';
import { compiledExecutor } from '../../src/server/executor.ts';
import { buildSchema } from '../../src/server/schema.ts';
import { startTestHub, type TestHub } from '../helpers/hub.ts';

/**
 * The compiled executor (graphql-jit) against graphql-js on the same operations, contexts and clock: the
 * bench workloads and the operations whose behaviour a compiler could change (errors and their paths,
 * null bubbling, masking, scopes, fragments, directives, variables, abstract types). Responses must be
 * identical, and so must the SQL statements each sends.
 */
let hub: TestHub;
let schema: GraphQLSchema;
let rootCode: string;
const cursorKey = cursorKeyFrom('executor test secret');
const requestTime = new Date('2026-11-20T03:00:00Z');

beforeAll(async () => {
  hub = await startTestHub({ provinces: ['40', '67', '96'] });
  schema = buildSchema();
  const r = await hub.gql<{ units: { nodes: { code: string }[] } }>(
    `{ units(first: 1, filter: { provinces: ["40"], kind: PEOPLES_COMMITTEE, level: PROVINCE }) { nodes { code } } }`,
  );
  rootCode = r.data!.units.nodes[0]!.code;
});
afterAll(() => hub?.close());

const viewer = (scopes: string[], provinces: string[] | null = null): Viewer => ({
  id: 'key:7',
  kind: 'api-key',
  scopes: new Set(scopes),
  provinces: provinces && new Set(provinces),
});
const READER = viewer(['read']);
const PII = viewer(['read', 'pii:read']);

type Run = { result: unknown; statements: number };

/** One operation through an executor, as the route runs it (cursor key, statement tally, fresh context). */
async function run(
  how: 'compiled' | 'graphql-js',
  query: string,
  variables: Record<string, unknown>,
  as: Viewer,
): Promise<Run> {
  const document = parse(query);
  const operation = getOperationAST(document)!;
  // graphql-jit against graphql-js: nothing rendered (test/graphql/rendered-reads.test.ts compares that path)
  const context = Object.assign(
    createContext(hub.rt, 'executor-test', as, '127.0.0.1', undefined, requestTime),
    { renders: null },
  );
  const executor = compiledExecutor(schema);
  const { tally, result } = withStatementTally(() =>
    withCursorKey(cursorKey, () =>
      how === 'compiled'
        ? executor({
            document,
            operation,
            operationName: operation.name?.value ?? null,
            request: { query, variables },
            context,
          } as unknown as GatewayGraphQLRequestContext)
        : Promise.resolve(execute({ schema, document, contextValue: context, variableValues: variables })),
    ),
  );
  const res = (await result) as ExecutionResult;
  // the province errors the route appends (SOURCE_UNAVAILABLE …) are part of the answer too
  const sourceErrors = context.fed.errors().map((e) => e.toJSON());
  return {
    result: JSON.parse(
      JSON.stringify({ data: res.data, errors: res.errors?.map((e) => e.toJSON()), sourceErrors }),
    ),
    statements: tally.total,
  };
}

async function same(query: string, variables: Record<string, unknown> = {}, as: Viewer = READER) {
  const compiled = await run('compiled', query, variables, as);
  const reference = await run('graphql-js', query, variables, as);
  expect(compiled.result).toEqual(reference.result);
  expect(compiled.statements).toBe(reference.statements);
  return compiled.result as {
    data?: Record<string, unknown> | null;
    errors?: { extensions?: { code?: string } }[];
  };
}

describe('compiled operations kept', () => {
  it('are the last documents used, at most the limit; an evicted one compiles again', async () => {
    const executor = compiledExecutor(schema, 3);
    const context = Object.assign(
      createContext(hub.rt, 'executor-test', READER, '127.0.0.1', undefined, requestTime),
      { renders: null },
    );
    const runDoc = async (query: string) => {
      const document = parse(query);
      const operation = getOperationAST(document)!;
      return (await executor({
        document,
        operation,
        operationName: null,
        request: { query, variables: {} },
        context,
      } as unknown as GatewayGraphQLRequestContext)) as ExecutionResult<{ provinces: { code: string }[] }>;
    };
    const queries = ['code', 'name', 'code name', 'name code', 'status'].map((f) => `{ provinces { ${f} } }`);
    for (const q of queries) expect((await runDoc(q)).errors).toBeUndefined();
    expect(executor.compiledDocuments()).toBe(3);
    const again = await runDoc(queries[0]!);
    expect(again.data!.provinces.length).toBe(3);
    expect(executor.compiledDocuments()).toBe(3);
  });
});

describe('the compiled executor answers as graphql-js does', () => {
  it('on every bench workload', async () => {
    for (const w of workloads(rootCode)) {
      const r = await same(w.query, w.variables);
      expect(r.errors, w.name).toBeUndefined();
      expect(JSON.stringify(r.data).length, w.name).toBeGreaterThan(200);
    }
  });

  it('on personal data, masked without pii:read and shown with it', async () => {
    const q = `{ dossiers(first: 5, filter: { provinces: ["40"] }) { nodes { code applicant { type name idNumber phone } } } }`;
    const masked = await same(q, {}, READER);
    const shown = await same(q, {}, PII);
    expect(JSON.stringify(masked)).not.toEqual(JSON.stringify(shown));
  });

  it('on errors: bad arguments, a missing scope, a bad id, a bad variable', async () => {
    expect((await same(`{ units(first: -1) { nodes { id } } }`)).errors?.[0]?.extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    expect((await same(`{ auditLog(first: 1) { nodes { id } } }`)).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    await same(`{ node(id: "%%%") { id } a: provinces { code } }`);
    await same(`query($f: Date!) { dossiers(first: 2, filter: { receivedFrom: $f }) { nodes { code } } }`, {
      f: '2026-11-01',
    });
    const badVariable = await same(
      `query($f: Date!, $n: Int) { dossiers(first: $n, filter: { receivedFrom: $f }) { nodes { code } } }`,
      { f: '2026-02-30', n: 'many' },
    );
    expect(JSON.stringify(badVariable.errors)).toMatch(/does not exist/);
  });

  it('on fragments, aliases, directives, variables and abstract types', async () => {
    await same(
      `query Q($n: Int!, $withUnit: Boolean!, $code: String!) {
        a: dossiers(first: $n, filter: { provinces: ["40", "96"] }) { totalCount nodes { ...D } pageInfo { endCursor hasNextPage } }
        b: unit(code: $code) { ... on Unit { code children(first: 3) { edges { cursor node { name } } } } }
        c: procedures(first: 3, filter: { search: "hộ tịch" }) { nodes { __typename name implementers: units @include(if: $withUnit) { code } } }
      }
      fragment D on Dossier { id code status timeliness receivingUnit @skip(if: $withUnit) { name } events { status occurredAt } }`,
      { n: 7, withUnit: true, code: rootCode },
    );
    const ids = (
      await hub.gql<{ dossiers: { nodes: { id: string }[] } }>(`{ dossiers(first: 2) { nodes { id } } }`)
    ).data!.dossiers.nodes.map((n) => n.id);
    await same(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Dossier { code } } }`, { ids });
  });

  it('on a province the viewer may not read', async () => {
    const r = await same(
      `{ dossiers(first: 3, filter: { provinces: ["67"] }) { nodes { code } } }`,
      {},
      viewer(['read'], ['40']),
    );
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
