import { randomBytes } from 'node:crypto';
import {
  getArgumentValues,
  getNamedType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { Sql } from '../db/json-rows.ts';
import { included } from './embed.ts';
import type { Source } from '../sources/registry.ts';

/**
 * Rendered reads: an operation whose every field PostgreSQL can write as JSON (a dossier page with its
 * procedure, units, events and documents; a unit with two levels of children) is answered by statements
 * that return the response's JSON text, which goes into the response as it came. No row is parsed into
 * objects, no resolver runs per field, and that part of the response is not stringified again.
 *
 * Each module declares, next to its resolvers, what it can render: root fields (`Query.dossiers`) and the
 * fields of its types (`Dossier.code`, `Dossier.events`), as SQL that writes the field's JSON. An
 * operation asking for anything else (a field without a render, a fragment on an abstract type, `edges`,
 * arguments a render does not take) is not rendered: it runs through the resolvers as before,
 * with the same answer. The two paths are compared on the same queries in test/graphql/rendered-reads.test.ts.
 * RENDER_JSON=false turns rendering off.
 */

/** A field as an operation asks for it: response key, coerced arguments, and its merged sub-selection. */
export interface Selected {
  /** The response key: the alias, or the field's name. */
  key: string;
  name: string;
  args: Record<string, unknown>;
  /** The fields asked of the returned object (of a connection: of the connection), in response order. */
  fields: Selected[];
}

/**
 * JSON text written by PostgreSQL, placed into the response unchanged by `stringifyResult`. It is kept
 * in the parts it came in (rows' texts, the commas between them) and joined once, with the rest of the
 * response: a page's or a subtree's text is not copied into a string of its own first.
 */
export class RawJson {
  readonly parts: readonly string[];
  constructor(parts: string | readonly string[]) {
    this.parts = typeof parts === 'string' ? [parts] : parts;
  }
  /** The texts of a JSON array of these items: `[`, the items with commas between them, `]`. */
  static array(items: readonly string[]): RawJson {
    return new RawJson(listParts('[', items, ']'));
  }
  get text(): string {
    return this.parts.join('');
  }
  /** Outside `stringifyResult` (a caller stringifying a result itself), the value it stands for. */
  toJSON(): unknown {
    if (!pending) return JSON.parse(this.text);
    pending.push(this.parts);
    return `${TOKEN}${pending.length - 1}`;
  }
}

/** `open`, the items with commas between them, `close`. */
function listParts(open: string, items: readonly string[], close: string): string[] {
  const parts = [open];
  items.forEach((item, i) => parts.push(i ? ',' : '', item));
  parts.push(close);
  return parts;
}

/** The parts of the RawJson values met by the JSON.stringify running now (it is synchronous). */
let pending: (readonly string[])[] | null = null;
/** A placeholder no value of a response can spell: a NUL, and 16 random hex digits fixed per process. */
const NONCE = randomBytes(8).toString('hex');
const TOKEN = `\u0000${NONCE}:`;
const TOKEN_RE = new RegExp(`"\\\\u0000${NONCE}:(\\d+)"`, 'g');

/** JSON.stringify, with each RawJson's text in place of its placeholder. */
export function stringifyResult(value: unknown): string {
  pending = [];
  try {
    const text = JSON.stringify(value);
    if (!pending.length) return text;
    // one join of the whole response: the text around each placeholder, and its parts in place of it
    const out: string[] = [];
    let last = 0;
    for (const m of text.matchAll(TOKEN_RE)) {
      out.push(text.slice(last, m.index));
      for (const part of pending[Number(m[1])]!) out.push(part);
      last = m.index + m[0].length;
    }
    out.push(text.slice(last));
    return out.join('');
  } finally {
    pending = null;
  }
}

/**
 * A field's JSON that holds one list of objects which can also come back as rows: the JSON is `head`,
 * then `[`, each row's `item` in the order `order` joined by commas, `]`, then `tail`. `from` is the FROM
 * and WHERE of the rows, aliased `alias`; `item` and `order` read only `alias`'s columns. A root that
 * selects the rows instead of aggregating them (`spreadStatement`) spares PostgreSQL copying the list's
 * text as each enclosing `||` grows it: the rendered unit subtree's statement took 1.2–1.6 ms instead of
 * 2.0–3.1 (pgbench, one connection). `head` and `tail` are the parts joined before and after the list.
 */
export interface Spread {
  head: readonly Sql[];
  item: Sql;
  alias: string;
  from: string;
  order: string;
  tail: readonly Sql[];
}

/** A field's JSON as SQL, with its spread when it has one. */
export type Rendered = Sql & { spread?: Spread };

/** SQL expressions joined with `||` (an empty string literal for none). */
const concat = (parts: readonly Sql[]): Sql =>
  parts.length
    ? { sql: parts.map((p) => p.sql).join(' || '), bindings: parts.flatMap((p) => p.bindings) }
    : { sql: `''`, bindings: [] };

/** A string literal of GraphQL names and JSON punctuation only (nothing to escape). */
const literal = (text: string): Sql => ({ sql: `'${text}'`, bindings: [] });

/** A render declined: the operation runs through the resolvers. */
export const DECLINE: unique symbol = Symbol('decline');
export type Declined = typeof DECLINE;

/**
 * A field of a type, written as JSON by SQL: an expression over the parent row (`row`, an alias in the
 * statement) that yields the field's JSON text, never SQL NULL. `alias` is a name unique in the statement
 * for the rows of a subquery the field adds. Undefined declines (arguments it does not take).
 */
export type FieldRender<C> = (
  scope: RenderScope<C>,
  field: Selected,
  row: string,
  alias: string,
) => Rendered | undefined;

/** A root field rendered: its response value (RawJson where PostgreSQL wrote it), or DECLINE. */
export type RootRender<C> = (ctx: C, field: Selected) => Promise<unknown>;

/** What a module can render: root fields by name, fields of its types by `Type.field`. */
export interface Renders<C> {
  roots: Readonly<Record<string, RootRender<C>>>;
  fields: Readonly<Record<string, FieldRender<C>>>;
}

/** One statement's rendering: the request's context, the source it runs on, every module's renders. */
export interface RenderScope<C> {
  ctx: C;
  source: Source;
  renders: Renders<C>;
}

/**
 * The fields of an object of `type` as one JSON object, in response order; undefined when one declines.
 * Its spread is that of its first field that has one.
 */
export function renderObject<C>(
  scope: RenderScope<C>,
  type: string,
  fields: readonly Selected[],
  row: string,
  alias: string,
): Rendered | undefined {
  const parts: Sql[] = [];
  let spreadAt = -1;
  let spread: Spread | undefined;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    // response keys and type names are GraphQL names: nothing to escape in JSON or in SQL
    parts.push(literal(`${i ? ',' : '{'}"${f.key}":`));
    if (f.name === '__typename') {
      parts.push(literal(`"${type}"`));
      continue;
    }
    const render = scope.renders.fields[`${type}.${f.name}`];
    const sql = render?.(scope, f, row, `${alias}_${i}`);
    if (!sql) return undefined;
    if (sql.spread && !spread) [spreadAt, spread] = [parts.length, sql.spread];
    parts.push({ sql: `(${sql.sql})`, bindings: sql.bindings });
  }
  parts.push(literal(fields.length ? '}' : '{}'));
  return spreadAround(parts, spreadAt, spread);
}

/**
 * `parts` joined with `||`; when the part at `at` has `spread`, the parts before it and after it join
 * that spread's head and tail.
 */
function spreadAround(parts: readonly Sql[], at: number, spread: Spread | undefined): Rendered {
  if (!spread || at < 0) return concat(parts);
  return {
    ...concat(parts),
    spread: {
      ...spread,
      head: [...parts.slice(0, at), ...spread.head],
      tail: [...spread.tail, ...parts.slice(at + 1)],
    },
  };
}

/**
 * The statement answering a root object rendered with `spread`: one row per item of the spread's list,
 * the first (in no particular order) also carrying the head and tail, computed once (`OFFSET 0` keeps
 * PostgreSQL from pulling them up into every row). `root` is the SELECT of the object's row, aliased
 * `row` in the spread's SQL, with its bindings; at most one row. Read back by `spreadJson`.
 */
export function spreadStatement(spread: Spread, root: Sql, row: string): Sql {
  const { item, alias, from, order } = spread;
  const [head, tail] = [concat(spread.head), concat(spread.tail)];
  return {
    sql: `SELECT CASE WHEN row_number() OVER () = 1 THEN ${row}._head END AS _head,
        CASE WHEN row_number() OVER () = 1 THEN ${row}._tail END AS _tail,
        CASE WHEN ${alias}._spread_row THEN ${item.sql} END AS _item
      FROM (SELECT ${row}.*, ${head.sql} AS _head, ${tail.sql} AS _tail FROM (${root.sql}) ${row} OFFSET 0) ${row}
      LEFT JOIN LATERAL (SELECT ${alias}.*, true AS _spread_row FROM ${from}) ${alias} ON true
      ORDER BY ${order}`,
    bindings: [...item.bindings, ...head.bindings, ...tail.bindings, ...root.bindings],
  };
}

/** A row of a spread statement. */
export interface SpreadRow {
  _head: string | null;
  _tail: string | null;
  _item: string | null;
}

/** The JSON of a spread statement's rows (`spreadStatement`); null when there is none. */
export function spreadJson(rows: readonly SpreadRow[]): RawJson | null {
  const first = rows.find((r) => r._head != null);
  if (!first) return null;
  const items: string[] = [];
  for (const r of rows) if (r._item != null) items.push(r._item);
  return new RawJson(listParts(`${first._head}[`, items, `]${first._tail}`));
}

/** A column as JSON (text, integer, boolean, date). */
export const column =
  <C>(name: string): FieldRender<C> =>
  (_s, _f, row) => ({ sql: `coalesce(to_json(${row}.${name})::text, 'null')`, bindings: [] });

/**
 * A NOT NULL text column whose CHECK constraint admits only a few plain names (`units.kind IN
 * ('PEOPLES_COMMITTEE', …)`, migrations/province/001): quoted without escaping (`to_json` of every
 * value was about 15% of the rendered subtree statement's time).
 */
export const checkedName =
  <C>(name: string): FieldRender<C> =>
  (_s, _f, row) => ({ sql: `'"' || ${row}.${name} || '"'`, bindings: [] });

/** A timestamptz column as the DateTime scalar writes it: UTC, milliseconds (cut, as the driver cuts them). */
export const dateTime =
  <C>(name: string): FieldRender<C> =>
  (_s, _f, row) => ({
    sql: `coalesce('"' || to_char(${row}.${name} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"', 'null')`,
    bindings: [],
  });

/** A code column as the name at its position (1-based) in `names`, or `fallback` past them. */
export const named =
  <C>(name: string, names: readonly string[], fallback: string): FieldRender<C> =>
  (_s, _f, row) => ({
    sql: `coalesce('"' || (ARRAY[${names.map((n) => `'${n}'`).join(', ')}])[${row}.${name}] || '"', '"${fallback}"')`,
    bindings: [],
  });

/** A node's global id (src/graphql/ids.ts): base64url of `Type:province:id`. */
export const globalId =
  <C>(type: string): FieldRender<C> =>
  (s, _f, row) => ({
    sql: `'"' || rtrim(translate(encode(convert_to('${type}:${s.source.code}:' || ${row}.id, 'UTF8'), 'base64'), '+/', '-_'), '=') || '"'`,
    bindings: [],
  });

/** The row of `table` whose id the parent row's `fk` names, as an object of `type` (null when none). */
export const toOne =
  <C>(table: string, fk: string, type: string): FieldRender<C> =>
  (s, f, row, alias) => {
    const obj = renderObject(s, type, f.fields, alias, alias);
    return (
      obj && {
        sql: `coalesce((SELECT ${obj.sql} FROM ${table} ${alias} WHERE ${alias}.id = ${row}.${fk}), 'null')`,
        bindings: obj.bindings,
      }
    );
  };

/**
 * A list of objects of `type`: `from` gives the FROM and WHERE of its rows (aliased `alias`) for the
 * parent row, `order` their order. An empty list is `[]`.
 */
export const listOf =
  <C>(
    type: string,
    from: (row: string, alias: string) => string,
    order: (alias: string) => string,
  ): FieldRender<C> =>
  (s, f, row, alias) => {
    const obj = renderObject(s, type, f.fields, alias, alias);
    return obj && jsonArrayOf(obj, alias, from(row, alias), order(alias));
  };

/**
 * A JSON array of `obj`, written for each row of `from` (aliased `alias`), in the order `order`: `[]` when
 * there is none. `obj` and `order` read only `alias`'s columns. Its spread is the array itself.
 */
export const jsonArrayOf = (obj: Sql, alias: string, from: string, order: string): Rendered => ({
  sql: `(SELECT '[' || coalesce(string_agg(${obj.sql}, ',' ORDER BY ${order}), '') || ']' FROM ${from})`,
  bindings: obj.bindings,
  spread: { head: [], item: obj, alias, from, order, tail: [] },
});

/** The fields a connection render writes itself; anything else (totalCount, edges, pageInfo) declines. */
export const onlyNodes = (field: Selected) =>
  field.fields.every((f) => f.name === 'nodes' || f.name === '__typename');

/**
 * A connection's JSON with only `nodes` (and `__typename`): `nodes` is the JSON array `items` writes. Its
 * spread is that of its first `nodes`.
 */
export function connectionOf(field: Selected, type: string, items: Rendered): Rendered {
  const parts: Sql[] = [];
  let spreadAt = -1;
  field.fields.forEach((f, i) => {
    parts.push(literal(`${i ? ',' : '{'}"${f.key}":`));
    if (f.name === '__typename') return void parts.push(literal(`"${type}"`));
    if (spreadAt < 0) spreadAt = parts.length;
    parts.push({ sql: `(${items.sql})`, bindings: items.bindings });
  });
  parts.push(literal(field.fields.length ? '}' : '{}'));
  return spreadAround(parts, spreadAt, items.spread);
}

/** The values of a root field's object selection: `value(f)` for each asked field; DECLINE if one declines. */
export function pick(
  fields: readonly Selected[],
  type: string,
  value: (f: Selected) => unknown,
): Record<string, unknown> | Declined {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = f.name === '__typename' ? type : value(f);
    if (v === DECLINE) return DECLINE;
    out[f.key] = v;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// An operation's selection, computed once per document, operation and variables

interface Walk {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

/** Fields under these selection sets of `type`, merged by response key; undefined when not renderable. */
function selectionOf(
  w: Walk,
  type: GraphQLObjectType,
  sets: readonly SelectionSetNode[],
): Selected[] | undefined {
  const byKey = new Map<string, FieldNode[]>();
  const visit = (set: SelectionSetNode): boolean => {
    for (const s of set.selections) {
      if (!included(s, w.variables)) continue;
      // any other directive: not rendered
      if (s.directives?.some((d) => d.name.value !== 'skip' && d.name.value !== 'include')) return false;
      if (s.kind === Kind.FIELD) {
        const key = s.alias?.value ?? s.name.value;
        const nodes = byKey.get(key);
        if (nodes) nodes.push(s);
        else byKey.set(key, [s]);
        continue;
      }
      const frag = s.kind === Kind.INLINE_FRAGMENT ? s : w.fragments[s.name.value];
      if (!frag) return false;
      // a fragment on another type (an interface, a union): not rendered
      if (frag.typeCondition && frag.typeCondition.name.value !== type.name) return false;
      if (!visit(frag.selectionSet)) return false;
    }
    return true;
  };
  for (const set of sets) if (!visit(set)) return undefined;
  const out: Selected[] = [];
  for (const [key, nodes] of byKey) {
    const name = nodes[0]!.name.value;
    if (name === '__typename') {
      out.push({ key, name, args: {}, fields: [] });
      continue;
    }
    const def = type.getFields()[name];
    if (!def) return undefined; // __schema, __type
    let args: Record<string, unknown>;
    try {
      args = getArgumentValues(def, nodes[0]!, w.variables);
    } catch {
      return undefined; // the resolvers' path reports it
    }
    const named = getNamedType(def.type);
    let fields: Selected[] = [];
    if (isObjectType(named)) {
      const sub = selectionOf(
        w,
        named,
        nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : [])),
      );
      if (!sub) return undefined;
      fields = sub;
    } else if (nodes.some((n) => n.selectionSet)) return undefined; // an interface or a union
    out.push({ key, name, args, fields });
  }
  return out;
}

const MAX_VARIABLE_SETS = 32;
const plans = new WeakMap<DocumentNode, Map<string, Selected[] | null>>();

/**
 * The root fields of a query operation as `renders` can answer them, or undefined when some field cannot
 * be rendered. Kept per document (Apollo's document cache hands back the same one) and variables.
 */
export function renderPlan<C>(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  renders: Renders<C>,
  /** Whether the caller may read a root field (its scope); a field it may not is left to its resolver. */
  allowed: (rootField: string) => boolean,
): Selected[] | undefined {
  if (operation.operation !== 'query') return undefined;
  let byVars = plans.get(document);
  if (!byVars) plans.set(document, (byVars = new Map()));
  const key = `${operation.name?.value ?? ''}\u0000${JSON.stringify(variables)}`;
  let plan = byVars.get(key);
  if (plan === undefined) {
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const d of document.definitions)
      if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
    const query = schema.getQueryType()!;
    const selected = selectionOf({ schema, fragments, variables }, query, [operation.selectionSet]);
    plan =
      selected && selected.every((f) => f.name === '__typename' || renders.roots[f.name]) ? selected : null;
    if (byVars.size >= MAX_VARIABLE_SETS) byVars.clear();
    byVars.set(key, plan);
  }
  return plan && plan.every((f) => f.name === '__typename' || allowed(f.name)) ? plan : undefined;
}

/** The data of an operation planned by renderPlan, or undefined when a root field declines. */
export async function renderOperation<C>(
  ctx: C,
  renders: Renders<C>,
  fields: readonly Selected[],
): Promise<Record<string, unknown> | undefined> {
  let values: unknown[];
  try {
    values = await Promise.all(
      fields.map((f) => (f.name === '__typename' ? 'Query' : renders.roots[f.name]!(ctx, f))),
    );
  } catch {
    // anything unexpected is the resolvers' to report, at its path
    return undefined;
  }
  if (values.includes(DECLINE)) return undefined;
  const data: Record<string, unknown> = {};
  fields.forEach((f, i) => (data[f.key] = values[i]));
  return data;
}

/** Merges every module's renders. */
export const mergeRenders = <C>(...all: Renders<C>[]): Renders<C> => ({
  roots: Object.assign({}, ...all.map((r) => r.roots)),
  fields: Object.assign({}, ...all.map((r) => r.fields)),
});
