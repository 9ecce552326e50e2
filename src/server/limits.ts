import { MAX_INDICATOR_ROWS } from '../modules/indicators/indicator-service.ts';
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  GraphQLError,
  Kind,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ParseOptions,
  type ValidationRule,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import type { Limits } from '../config.ts';
import { ErrorCode } from '../errors.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../graphql/pagination.ts';
import type { RequestDeadline } from '../sources/deadline.ts';

/*
 * What a GraphQL request may ask and take. Checked in this order, all before any SQL runs:
 *   tokens   graphql-js parse `maxTokens`: the parser stops at the limit           QUERY_TOO_LARGE
 *   depth    @escape.tech/graphql-armor-max-depth (introspection not counted)      QUERY_TOO_DEEP
 *   aliases  @escape.tech/graphql-armor-max-aliases (fragments included)           QUERY_TOO_MANY_ALIASES
 *   cost     graphql-query-complexity with the estimator below, with the variables QUERY_TOO_COSTLY
 * then while it runs: the deadline (src/sources/deadline.ts, DEADLINE_EXCEEDED), and on the way out the
 * response size (RESPONSE_TOO_LARGE). Each error carries its measure and its limit in `extensions`.
 *
 * Depth and aliases depend on the document only, so they are validation rules (Apollo caches a validated
 * document); the cost depends on the variables (`first: $n`), so it is measured per request once the
 * operation is known. Nothing here calls graphql-js's type predicates: under vitest this module and the
 * schema can load different copies of graphql (ESM and CJS), and those predicates refuse foreign objects.
 */

/**
 * Expected length of the plain (unpaged) lists of objects, by `Type.field`: the SDL keeps them small,
 * and these are generous readings of the catalogue and the seeded data. Others count DEFAULT_LIST_SIZE.
 */
export const LIST_SIZES: Readonly<Record<string, number>> = {
  'Dossier.events': 20, // a history of 5–20 steps
  'Dossier.documents': 5, // components and the result
  'Dossier.supplements': 5,
  'Procedure.requirements': 10, // up to 6 components, per case
  'Procedure.channels': 6, // direct, online, postal, per case
  'Procedure.legalBasis': 5,
  'Procedure.publishingDecisions': 5,
  'Procedure.units': 10,
  // a publishing decision lists a province's procedures in a dozen batches (150–230 each); priced at 200,
  // the heaviest query allowed (seven decisions, ~1,400 procedures) kept the event loop busy ~100 ms
  'Document.procedures': 235,
  'Document.attachments': 5,
  'Unit.administrativeCodes': 5,
  'Unit.successors': 5,
  'SyncRun.rejectedItems': 20, // rejections are rare: a broken record or two per run
  'IndicatorTable.rows': 100, // per 100 rows of `first` (INDICATOR_ROWS_PER_UNIT)
};
export const DEFAULT_LIST_SIZE = 10;

/**
 * What an object costs on top of its fields: reading its row and building it. A dossier row is about
 * three times the work of the others (some thirty columns, five timestamps, timeliness computed in SQL).
 */
export const TYPE_WEIGHTS: Readonly<Record<string, number>> = { Dossier: 6 };
export const DEFAULT_TYPE_WEIGHT = 2;
const weightOf = (typeName: string) => TYPE_WEIGHTS[typeName] ?? DEFAULT_TYPE_WEIGHT;

/**
 * Root lists merged across provinces: each selected source is read for a whole page, and the merge keeps
 * one page, so the rows read and dropped count too (their weight only: their fields are never built).
 */
export const FEDERATED_LISTS: ReadonlySet<string> = new Set([
  'Query.dossiers',
  'Query.units',
  'Query.procedures',
  'Query.documents',
]);

/**
 * The cost of a field, roughly the work of building it into the answer (a unit is one value):
 * - a scalar or enum field costs 1; an object costs its weight (TYPE_WEIGHTS) + its fields;
 * - a connection (a `…Connection` with `first`) costs 1 + page size × what each item selects; the page
 *   size is `first` or `last`, else DEFAULT_PAGE_SIZE, clamped to 0…MAX_PAGE_SIZE (out-of-range values
 *   are the resolver's BAD_USER_INPUT); each item (`nodes`, `edges { node }`) is an object, `cursor` a
 *   value, `pageInfo` is free, `totalCount` costs COUNT_COST per province counted; a FEDERATED_LISTS one adds page size × (sources − 1)
 *   × the item's weight for the rows the merge reads and drops (sources: the distinct
 *   `filter.provinces`, else all);
 * - a plain list of objects holds LIST_SIZES items (`Query.nodes` as many as ids, `Query.provinces`
 *   one per source), each costing as an object;
 * - `__typename` and introspection are free.
 * Nesting multiplies; aliases and fragment spreads count every time they appear.
 */
/**
 * A `totalCount` runs a COUNT over the matching rows of each province the list reads, however small the
 * page: priced per province counted, so thirty aliased counts are not thirty units (an attack run did
 * 150 full counts for a cost of 30).
 */
export const COUNT_COST = 100;

/**
 * An indicator table sums each province's aggregates in up to four statements, so it costs twice a count
 * per province read, plus its rows: what a row selects × `first`, priced in blocks of
 * LIST_SIZES['IndicatorTable.rows'] rows (the cost walk prices the rows list at one block).
 */
export const INDICATOR_COST = 2 * COUNT_COST;
const INDICATOR_ROWS_PER_UNIT = 100;

/** Whether a connection's selection asks for its total, directly or through inline or named fragments. */
function asksTotal(
  set: SelectionSetNode | undefined,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  seen: Set<string> = new Set(),
): boolean {
  return (
    set?.selections.some((s) => {
      if (s.kind === Kind.FIELD) return s.name.value === 'totalCount';
      if (s.kind === Kind.INLINE_FRAGMENT) return asksTotal(s.selectionSet, fragments, seen);
      if (seen.has(s.name.value)) return false;
      seen.add(s.name.value);
      return asksTotal(fragments.get(s.name.value)?.selectionSet, fragments, seen);
    }) ?? false
  );
}

export function connectionEstimator(opts: {
  sourceCount: number;
  /** The document's fragments, for a `totalCount` asked through a named fragment. */
  fragments?: ReadonlyMap<string, FragmentDefinitionNode>;
}): ComplexityEstimator {
  const fragments = opts.fragments ?? new Map<string, FragmentDefinitionNode>();
  return ({ type, field, node, args, childComplexity }) => {
    if (type.name.startsWith('__') || field.name.startsWith('__')) return 0;
    const inConnection = type.name.endsWith('Connection');
    // a leaf (scalar, enum) is the field without a selection set in a valid document
    if (!node.selectionSet) return inConnection ? 0 : 1;
    // the type as SDL text, e.g. `[DossierEvent!]!`
    const sdl = String(field.type);
    const returns = sdl.replace(/[[\]!]/g, '');
    if (inConnection) {
      if (field.name === 'nodes') return weightOf(returns) + childComplexity;
      return field.name === 'edges' ? childComplexity : 0;
    }
    if (type.name === 'Query' && field.name === 'indicators') {
      const asked = typeof args.first === 'number' && Number.isFinite(args.first) ? args.first : 100;
      const rows = Math.min(MAX_INDICATOR_ROWS, Math.max(1, Math.trunc(asked)));
      const blocks = Math.max(1, Math.ceil(rows / INDICATOR_ROWS_PER_UNIT));
      return INDICATOR_COST * sourcesRead(args, opts.sourceCount) + blocks * childComplexity;
    }
    if (returns.endsWith('Connection') && field.args.some((a) => a.name === 'first')) {
      const n = pageSize(args);
      const federated = FEDERATED_LISTS.has(`${type.name}.${field.name}`);
      const sources = federated ? sourcesRead(args, opts.sourceCount) : 1;
      const dropped = federated ? n * (sources - 1) * weightOf(returns.slice(0, -'Connection'.length)) : 0;
      const count = asksTotal(node.selectionSet, fragments) ? COUNT_COST * sources : 0;
      return 1 + n * childComplexity + dropped + count;
    }
    const item = weightOf(returns) + childComplexity;
    if (sdl.startsWith('[')) return listSize(`${type.name}.${field.name}`, args, opts.sourceCount) * item;
    return item;
  };
}

const clampPage = (n: unknown): number | undefined =>
  typeof n === 'number' && Number.isFinite(n)
    ? Math.min(MAX_PAGE_SIZE, Math.max(0, Math.trunc(n)))
    : undefined;

function pageSize(args: Record<string, unknown>): number {
  return clampPage(args.first) ?? clampPage(args.last) ?? DEFAULT_PAGE_SIZE;
}

function sourcesRead(args: Record<string, unknown>, sourceCount: number): number {
  const provinces = (args.filter as { provinces?: unknown } | null | undefined)?.provinces;
  if (!Array.isArray(provinces)) return sourceCount;
  return Math.max(1, Math.min(sourceCount, new Set(provinces).size));
}

function listSize(key: string, args: Record<string, unknown>, sourceCount: number): number {
  if (key === 'Query.nodes') return Array.isArray(args.ids) ? Math.min(args.ids.length, MAX_PAGE_SIZE) : 0;
  if (key === 'Query.provinces') return sourceCount;
  return LIST_SIZES[key] ?? DEFAULT_LIST_SIZE;
}

/** Fields the cost walk visits at most (fragments are walked once per spread): a bound on its own work. */
export const MAX_COST_NODES = 10_000;

/** A request refused or cut by a limit: a stable code, the measure and the limit in `extensions`. */
export class LimitError extends GraphQLError {
  constructor(message: string, code: ErrorCode, measures: Record<string, unknown>) {
    super(message, { extensions: { code, ...measures, http: { status: 400, headers: new HeaderMap() } } });
  }
}

/** Validation rules (Apollo `validationRules`) for MAX_QUERY_DEPTH and MAX_ALIASES. */
export function documentLimitRules(limits: Limits): ValidationRule[] {
  // the armor rules measure (no limit of their own, n = ∞); each found value is compared here
  return [
    maxDepthRule({
      n: Infinity,
      onAccept: [
        (ctx, found: { n: number }) => {
          if (found.n <= limits.maxDepth) return;
          ctx?.reportError(
            new LimitError(
              `The query nests ${found.n} levels deep, over the limit of ${limits.maxDepth}`,
              ErrorCode.QUERY_TOO_DEEP,
              { depth: found.n, limit: limits.maxDepth },
            ),
          );
        },
      ],
    }),
    maxAliasesRule({
      n: Infinity,
      onAccept: [
        (ctx, found: { n: number }) => {
          if (found.n <= limits.maxAliases) return;
          ctx?.reportError(
            new LimitError(
              `The query uses ${found.n} aliases, over the limit of ${limits.maxAliases}`,
              ErrorCode.QUERY_TOO_MANY_ALIASES,
              { aliases: found.n, limit: limits.maxAliases },
            ),
          );
        },
      ],
    }),
  ];
}

/**
 * The estimated cost of the operation to run, with its variables; null when the walk stopped at
 * MAX_COST_NODES, undefined when the variables do not fit the operation (execution refuses those itself,
 * before any resolver runs).
 */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName: string | undefined,
  sourceCount: number,
): number | null | undefined {
  try {
    return getComplexity({
      schema,
      query: document,
      variables,
      ...(operationName ? { operationName } : {}),
      estimators: [
        connectionEstimator({
          sourceCount,
          fragments: new Map(
            document.definitions.flatMap((d) =>
              d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [],
            ),
          ),
        }),
      ],
      maxQueryNodes: MAX_COST_NODES,
    });
  } catch (err) {
    // by name, not instanceof: the library may hold another copy of graphql (see above)
    if ((err as Error).name !== 'GraphQLError') throw err;
    if (/maximum allowed number of nodes/.test((err as Error).message)) return null;
    return undefined;
  }
}

export function costError(cost: number | null, limits: Limits): LimitError | undefined {
  if (cost === null) {
    return new LimitError(
      `The query has more than ${MAX_COST_NODES} fields to evaluate; its cost is over the limit of ${limits.maxCost}`,
      ErrorCode.QUERY_TOO_COSTLY,
      { cost: null, limit: limits.maxCost },
    );
  }
  if (cost <= limits.maxCost) return undefined;
  return new LimitError(
    `The query's estimated cost is ${cost}, over the limit of ${limits.maxCost}: ask for smaller pages (first/last) or fewer nested lists`,
    ErrorCode.QUERY_TOO_COSTLY,
    { cost, limit: limits.maxCost },
  );
}

/**
 * Measures the cost of every operation once it is known and refuses one over MAX_QUERY_COST before it
 * runs (so no SQL). `onMeasured` hands the cost to the route (for `x-lienthong-debug`).
 */
export function costLimitPlugin<C extends object>(
  limits: Limits,
  opts: {
    sourceCount: number;
    onMeasured?: (context: C, cost: number | null) => void;
    /** Called for an operation within the limit, e.g. to count its cost against the caller's minute. */
    onAccepted?: (context: C, cost: number) => Promise<void>;
  },
): ApolloServerPlugin<C> {
  // the cost depends on the document, the operation and the variables only: measured once for each (Apollo's
  // document store hands back the same DocumentNode for the same text), at most 32 variable sets a document
  const measured = new WeakMap<DocumentNode, Map<string, number | null | undefined>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName, contextValue }) {
          const key = `${operationName ?? ''}\u0000${JSON.stringify(request.variables ?? {})}`;
          let known = measured.get(document);
          if (!known) measured.set(document, (known = new Map()));
          let cost = known.get(key);
          if (!known.has(key)) {
            cost = queryCost(
              schema,
              document,
              request.variables ?? {},
              operationName ?? undefined,
              opts.sourceCount,
            );
            if (known.size < 32) known.set(key, cost);
          }
          if (cost === undefined) return;
          opts.onMeasured?.(contextValue, cost);
          const refused = costError(cost, limits);
          if (refused) throw refused;
          if (cost !== null) await opts.onAccepted?.(contextValue, cost);
        },
      };
    },
  };
}

/** Apollo's `parseOptions`: the parser itself stops at MAX_TOKENS. */
export const parseOptions = (limits: Limits): ParseOptions => ({ maxTokens: limits.maxTokens });

/** graphql-js's message when `maxTokens` stops the parser ("more that" in graphql 16, "more than" in 17). */
const TOO_MANY_TOKENS = /Document contains more tha[nt] \d+ tokens/;

/**
 * For the route's `formatError`: a limit error keeps its own code (Apollo files validation errors under
 * GRAPHQL_VALIDATION_FAILED and the parser's under GRAPHQL_PARSE_FAILED); undefined for any other error.
 */
export function formatLimitError(
  formatted: GraphQLFormattedError,
  error: unknown,
  limits: Limits,
): GraphQLFormattedError | undefined {
  const original = error instanceof LimitError ? error : (error as { originalError?: unknown }).originalError;
  if (original instanceof LimitError) {
    const { http: _http, ...extensions } = original.extensions;
    return {
      message: original.message,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      extensions,
    };
  }
  if (formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' && TOO_MANY_TOKENS.test(formatted.message)) {
    return {
      message: `The query is longer than the limit of ${limits.maxTokens} tokens`,
      extensions: { code: ErrorCode.QUERY_TOO_LARGE, limit: limits.maxTokens },
    };
  }
  return undefined;
}

/** The error telling that the deadline cut the work of some provinces; undefined when it cut nothing. */
export function deadlineError(deadline: RequestDeadline): GraphQLFormattedError | undefined {
  if (!deadline.interrupted.size) return undefined;
  const provinces = [...deadline.interrupted];
  return {
    message: `The request ran out of its ${deadline.ms} ms deadline: data of province ${provinces.join(', ')} is missing or incomplete`,
    extensions: { code: ErrorCode.DEADLINE_EXCEEDED, deadlineMs: deadline.ms, provinces },
  };
}

/** The JSON answer, or a RESPONSE_TOO_LARGE error in its place when it is over `maxBytes`. */
export function capResponse(json: string, maxBytes: number): { body: string; tooLarge: boolean } {
  // UTF-8 takes 1–3 bytes per UTF-16 unit, so the exact count is needed only near the limit
  if (json.length * 3 <= maxBytes) return { body: json, tooLarge: false };
  const bytes = json.length > maxBytes ? json.length : Buffer.byteLength(json);
  if (bytes <= maxBytes) return { body: json, tooLarge: false };
  const error: GraphQLFormattedError = {
    message: `The answer is over ${maxBytes} bytes (at least ${bytes}); ask for smaller pages or fewer fields`,
    extensions: { code: ErrorCode.RESPONSE_TOO_LARGE, limit: maxBytes, bytes },
  };
  return { body: JSON.stringify({ errors: [error], data: null }), tooLarge: true };
}
