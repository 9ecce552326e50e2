import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  isObjectType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import type { EmbeddedSql } from '../db/json-rows.ts';
import type { Loader, LocalKey } from './loaders.ts';
import type { Federation } from '../sources/federation.ts';
import type { Source } from '../sources/registry.ts';

/**
 * Embedded relations: a list's statement reads, as JSON in its own statement, the relations its rows are
 * asked for (the dossier list: each dossier's procedure, units, events and documents; a page of units'
 * children: their children, and theirs), and hands them to the loaders the relations' resolvers read.
 * The resolvers stay as they are: they find their loader primed, answer at once and send no statement.
 * What is not embedded (a relation without an entry in a module's Relations, arguments that do not plan,
 * another alias of a field with other arguments) goes through its loader as before. EMBED_RELATIONS=false
 * turns it off.
 *
 * One statement instead of one per level, and JSON.parse instead of per-column row parsing: that is
 * where a nested read spent its time (the pg driver's row parsing, a statement's round of knex, cockatiel
 * and the socket, and the garbage of all of it).
 */

/** What a field is asked for: its argument values and the fields asked of what it returns. */
export interface Asked {
  /** Argument values after coercion; undefined when they do not coerce (the resolver reports that). */
  args: Record<string, unknown> | undefined;
  /** Fields asked of the returned object, or of a connection's nodes; the first occurrence of each name. */
  fields: ReadonlyMap<string, Asked>;
}

/** Deeper than this, a selection is not embedded (the cost limit bounds depth long before). */
const MAX_DEPTH = 4;

/** Per field of a document: by the request's variables object, then by their text (at most 32 sets). */
interface AskedMemo {
  byObject: WeakMap<object, Asked>;
  byText: Map<string, Asked>;
}
const askedMemo = new WeakMap<readonly FieldNode[], AskedMemo>();
const MAX_VARIABLE_SETS = 32;

/** The selection under the field being resolved, with arguments; computed once per operation and variables. */
export function askedOf(info: GraphQLResolveInfo): Asked {
  let memo = askedMemo.get(info.fieldNodes);
  if (!memo) askedMemo.set(info.fieldNodes, (memo = { byObject: new WeakMap(), byText: new Map() }));
  const vars = info.variableValues as object;
  let asked = memo.byObject.get(vars);
  if (asked) return asked;
  const text = JSON.stringify(vars);
  asked = memo.byText.get(text);
  if (!asked) {
    const fieldDef = info.parentType.getFields()[info.fieldName]!;
    asked = build(info, info.fieldNodes, fieldDef.type, argsOf(info, fieldDef, info.fieldNodes[0]!), 0);
    if (memo.byText.size >= MAX_VARIABLE_SETS) memo.byText.clear();
    memo.byText.set(text, asked);
  }
  memo.byObject.set(vars, asked);
  return asked;
}

type FieldDef = ReturnType<GraphQLObjectType['getFields']>[string];

function argsOf(info: GraphQLResolveInfo, def: FieldDef, node: FieldNode) {
  try {
    return getArgumentValues(def, node, info.variableValues);
  } catch {
    return undefined;
  }
}

function build(
  info: GraphQLResolveInfo,
  nodes: readonly FieldNode[],
  type: FieldDef['type'],
  args: Record<string, unknown> | undefined,
  depth: number,
): Asked {
  const fields = new Map<string, Asked>();
  const named = getNamedType(type);
  if (depth < MAX_DEPTH && isObjectType(named)) {
    const own = named.getFields();
    // a connection: what is asked of its nodes, directly or through edges { node }
    const target = own.nodes && own.edges ? getNamedType(own.nodes.type) : named;
    const selected: FieldNode[] = [];
    for (const n of nodes) {
      if (target === named) collect(info, n.selectionSet, selected);
      else
        for (const f of collect(info, n.selectionSet, [])) {
          if (f.name.value === 'nodes') collect(info, f.selectionSet, selected);
          if (f.name.value === 'edges')
            for (const e of collect(info, f.selectionSet, []))
              if (e.name.value === 'node') collect(info, e.selectionSet, selected);
        }
    }
    if (isObjectType(target)) {
      const defs = target.getFields();
      for (const f of selected) {
        const name = f.name.value;
        const def = defs[name];
        if (!def || fields.has(name)) continue;
        const same = selected.filter((g) => g.name.value === name);
        fields.set(name, build(info, same, def.type, argsOf(info, def, f), depth + 1));
      }
    }
  }
  return { args, fields };
}

/** The fields of a selection set, through fragments, minus those @skip or @include leave out. */
function collect(info: GraphQLResolveInfo, set: SelectionSetNode | undefined, out: FieldNode[]): FieldNode[] {
  for (const s of set?.selections ?? []) {
    if (!included(s, info.variableValues)) continue;
    if (s.kind === Kind.FIELD) out.push(s);
    else if (s.kind === Kind.INLINE_FRAGMENT) collect(info, s.selectionSet, out);
    else collect(info, info.fragments[s.name.value]?.selectionSet, out);
  }
  return out;
}

/** Whether `@skip` and `@include` leave a selection in, for these variables. */
export function included(
  node: Parameters<typeof getDirectiveValues>[1],
  variables: GraphQLResolveInfo['variableValues'],
): boolean {
  if (!node.directives?.length) return true;
  const skip = getDirectiveValues(GraphQLSkipDirective, node, variables);
  if (skip?.if === true) return false;
  const include = getDirectiveValues(GraphQLIncludeDirective, node, variables);
  return include?.if !== false;
}

/** One relation of one source, planned: its SQL inside the parent's statement and what to do with its JSON. */
export interface Embedding extends EmbeddedSql {
  /** Hands one parent's JSON to the relation's loaders; `parent` is that parent's entity. */
  prime(parent: never, value: unknown): void;
}

/**
 * A relation that can be embedded: plans its SQL for the asked arguments, or declines (undefined).
 * `nested` plans the relations asked of its own rows, of the given type.
 */
export type Relation<C> = (
  ctx: C,
  source: Source,
  asked: Asked,
  nested: (type: string) => Embedding[],
) => Embedding | undefined;

/** Relations by schema coordinate, `Dossier.procedure`; each module exports its own. */
export type Relations<C> = Readonly<Record<string, Relation<C>>>;

/** The relations asked of rows of `type` that can be embedded, planned for one source. */
export function embeddings<C>(
  ctx: C,
  relations: Relations<C>,
  source: Source,
  type: string,
  asked: Asked | undefined,
): Embedding[] {
  const out: Embedding[] = [];
  if (!asked) return out;
  for (const [field, a] of asked.fields) {
    const relation = relations[`${type}.${field}`];
    if (!relation || !a.args) continue;
    const e = relation(ctx, source, a, (t) => embeddings(ctx, relations, source, t, a));
    if (e) out.push(e);
  }
  return out;
}

/** The relations a field's rows are asked for, planned per source: what a store adds to its statement. */
export type EmbedPlan = (source: Source) => Embedding[];

/** No relation embedded: every relation is read through its loader. */
export const NO_EMBEDDING: EmbedPlan = () => [];

/** The plan for the rows of the field being resolved, of type `type` (for a connection: of its nodes). */
export function embedPlan<C extends { relations: Relations<C> }>(
  ctx: C,
  info: GraphQLResolveInfo,
  type: string,
): EmbedPlan {
  const asked = askedOf(info);
  if (!asked.fields.size) return NO_EMBEDDING;
  return (source) => embeddings(ctx, ctx.relations, source, type, asked);
}

/** Primes the relations of one row: read by selectEmbedded, or embedded itself (`_e0`, … in its JSON). */
export function primeRow(embedded: readonly Embedding[], parent: unknown, row: object) {
  const values = row as Record<string, unknown>;
  for (let i = 0; i < embedded.length; i++) embedded[i]!.prime(parent as never, values[`_e${i}`]);
}

/**
 * A to-one relation (a dossier's procedure): the row its parent's key names, primed into the entity
 * loader the field's resolver reads; a key with no row primes null, as the loader answers.
 */
export function embedOne<P, E>(
  loader: Loader<E | null>,
  sql: EmbeddedSql['sql'],
  fromJson: (row: never) => E,
  keyOf: (parent: P) => LocalKey | null,
): Embedding {
  return {
    sql,
    prime: (parent: P, value: unknown) => {
      const key = keyOf(parent);
      if (key) loader.prime(key, value == null ? null : fromJson(value as never));
    },
  };
}

/** A small list per parent (a dossier's events), primed into the list loader the field's resolver reads. */
export function embedList<P, E>(
  loader: Loader<E[]>,
  sql: EmbeddedSql['sql'],
  fromJson: (row: never) => E,
  keyOf: (parent: P) => LocalKey,
): Embedding {
  return {
    sql,
    prime: (parent: P, value: unknown) => loader.prime(keyOf(parent), (value as never[]).map(fromJson)),
  };
}

/**
 * Runs a statement with the relations embedded in it. When the source does not answer it (a relation's
 * table locked, a timeout), the statement runs again without them and the source's failure is recorded
 * for what is still asked of it: the rows stay, and the relations' fields are null with the province's
 * one error, as when each relation had its own statement.
 */
export async function withEmbedded<R>(
  fed: Federation,
  source: Source,
  embedded: Embedding[],
  run: (embedded: Embedding[]) => Promise<R>,
): Promise<R> {
  if (!embedded.length) return run(embedded);
  // a statement of this request already found the relations failing (a rendered read, src/graphql/render.ts)
  const known = relationsFailed.get(fed)?.get(source.code);
  if (known !== undefined) {
    if (!fed.failLater(source, known)) throw known;
    return run([]);
  }
  try {
    return await run(embedded);
  } catch (err) {
    if (!fed.failLater(source, err)) throw err;
    return run([]);
  }
}

const relationsFailed = new WeakMap<Federation, Map<string, unknown>>();

/**
 * Notes that a statement of this request reading `source`'s rows with their relations failed (`err`)
 * while the rows alone answer: a list of that source read later in the request reads its rows without
 * relations at once, and files `err` for them, as withEmbedded does after a failure of its own.
 */
export function noteRelationsFailed(fed: Federation, source: Source, err: unknown): void {
  let m = relationsFailed.get(fed);
  if (!m) relationsFailed.set(fed, (m = new Map()));
  if (!m.has(source.code)) m.set(source.code, err);
}
