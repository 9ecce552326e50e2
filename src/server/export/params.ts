import type { GraphQLEnumType, GraphQLSchema } from 'graphql';
import { ErrorCode } from '../../errors.ts';
import { decodeId, type NodeType } from '../../graphql/ids.ts';
import { DateScalar } from '../../graphql/scalars.ts';

/**
 * The parameters of an export, checked before anything runs: the URL's query string and the CLI's flags
 * both become a map of names to their values, and the same rules judge them. The messages name the
 * parameter as the caller wrote it (`receivedFrom` in a URL, `--received-from` on the command line).
 */

/** A parameter the caller got wrong: HTTP 400 (BAD_USER_INPUT), or one line and the usage in the CLI. */
export class ExportParamError extends Error {
  override name = 'ExportParamError';
  readonly code = ErrorCode.BAD_USER_INPUT;
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
  }
}

/** Values by parameter name; a list parameter may repeat, and (except text lists) hold commas. */
export type RawParams = ReadonlyMap<string, readonly string[]>;

/** The values of a URL's query string, by name, in order. */
export function paramsOfUrl(url: URL): RawParams {
  const out = new Map<string, string[]>();
  for (const [k, v] of url.searchParams) out.set(k, [...(out.get(k) ?? []), v]);
  return out;
}

type Kind =
  | { type: 'date' }
  | { type: 'enum'; enumName: string; list?: boolean }
  | { type: 'id'; node: NodeType; list?: boolean }
  | { type: 'province'; list: true }
  | { type: 'text'; list?: boolean; maxLength: number }
  | { type: 'int'; min: number; max: number }
  | { type: 'bool' };

export type ParamSpec = Readonly<Record<string, Kind & { required?: boolean }>>;

export interface ParamContext {
  schema: GraphQLSchema;
  /** Province codes of the hub's sources; undefined: not checked yet (the CLI, before it opens the databases). */
  provinces: readonly string[] | undefined;
  /** How a message names a parameter (a URL's name, a CLI flag). */
  label: (name: string) => string;
}

/** At most 40 characters of what was sent, for a message. */
const shown = (value: string) => JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);

const enumValues = (schema: GraphQLSchema, name: string): string[] =>
  // duck-typed: under vitest the schema may hold another copy of graphql (src/server/limits.ts)
  ((schema.getType(name) as GraphQLEnumType | undefined)?.getValues?.() ?? []).map((v) => v.name);

/** Every item of a list parameter: repeated values, each split on commas unless it is text. */
function items(values: readonly string[], splitCommas: boolean): string[] {
  return values.flatMap((v) => (splitCommas ? v.split(',') : [v])).map((v) => v.trim());
}

/**
 * Checks the raw parameters against the spec; the values typed as GraphQL variables want them (dates as
 * `YYYY-MM-DD`, enums by name, ids as global ids, numbers, booleans). Unknown names are refused, as are
 * missing required ones, repeated single values and empty values.
 */
export function parseParams(spec: ParamSpec, raw: RawParams, ctx: ParamContext): Record<string, unknown> {
  const { label } = ctx;
  for (const name of raw.keys())
    if (!Object.hasOwn(spec, name)) {
      throw new ExportParamError(
        name,
        `Unknown parameter ${label(name)}; known: ${Object.keys(spec).map(label).join(', ')}`,
      );
    }
  const out: Record<string, unknown> = {};
  for (const [name, kind] of Object.entries(spec)) {
    const values = raw.get(name);
    if (!values || values.length === 0) {
      if (kind.required) throw new ExportParamError(name, `Missing parameter ${label(name)}`);
      continue;
    }
    const fail = (why: string) => new ExportParamError(name, `Parameter ${label(name)} ${why}`);
    const list = 'list' in kind && kind.list === true;
    if (!list && values.length > 1) throw fail('is given more than once');
    const parts = list ? items(values, kind.type !== 'text') : [values[0]!.trim()];
    if (parts.some((p) => p === '')) throw fail('must not be empty');
    const parsed = parts.map((p) => parseOne(kind, p, ctx, fail));
    out[name] = list ? [...new Set(parsed)] : parsed[0];
  }
  return out;
}

function parseOne(kind: Kind, value: string, ctx: ParamContext, fail: (why: string) => Error): unknown {
  switch (kind.type) {
    case 'date':
      try {
        return DateScalar.parseValue(value);
      } catch (err) {
        throw fail(`must be a date YYYY-MM-DD: ${(err as Error).message}`);
      }
    case 'enum': {
      const allowed = enumValues(ctx.schema, kind.enumName);
      const upper = value.toUpperCase();
      if (!allowed.includes(upper)) throw fail(`must be one of ${allowed.join(', ')}, got ${shown(value)}`);
      return upper;
    }
    case 'id': {
      const id = decodeId(value);
      if (!id) throw fail(`must be a ${kind.node} id, got ${shown(value)}`);
      if (id.type !== kind.node) throw fail(`must be a ${kind.node} id, got a ${id.type} id`);
      return value;
    }
    case 'province':
      if (ctx.provinces && !ctx.provinces.includes(value))
        throw fail(`names an unknown province ${shown(value)}; known: ${ctx.provinces.join(', ')}`);
      return value;
    case 'text': {
      const text = value.normalize('NFC');
      if (text.length > kind.maxLength) throw fail(`is longer than ${kind.maxLength} characters`);
      return text;
    }
    case 'int': {
      if (!/^\d{1,9}$/.test(value)) throw fail(`must be a whole number, got ${shown(value)}`);
      const n = Number(value);
      if (n < kind.min || n > kind.max) throw fail(`must be between ${kind.min} and ${kind.max}, got ${n}`);
      return n;
    }
    case 'bool':
      if (value === 'true') return true;
      if (value === 'false') return false;
      throw fail(`must be true or false, got ${shown(value)}`);
  }
}

/** A date range given by two parameters must not run backwards. */
export function checkRange(
  values: Record<string, unknown>,
  from: string,
  to: string,
  label: (name: string) => string,
): void {
  const a = values[from] as string | undefined;
  const b = values[to] as string | undefined;
  if (a !== undefined && b !== undefined && a > b)
    throw new ExportParamError(from, `Parameter ${label(from)} (${a}) is after ${label(to)} (${b})`);
}
