import {
  buildSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { Rng } from '../random.ts';

/**
 * A seeded, schema-driven generator of GraphQL operations for fuzzing the hub: random valid shapes
 * from the live schema (fields, aliases, fragments on interfaces, nesting) with random argument
 * values — out-of-range numbers, hostile strings (NUL, SQL, long, Vietnamese with đ/Đ), bad dates,
 * and mutations of real ids and cursors. The same seed gives the same operations.
 */

/** Real values taken from the hub before fuzzing, to be used and mangled. */
export interface FuzzSamples {
  ids: string[];
  cursors: string[];
  codes: string[];
}

export interface FuzzCase {
  query: string;
  variables: Record<string, unknown>;
}

const STRINGS = [
  '',
  ' ',
  'hộ tịch',
  'Đắk Nông',
  'đăng ký khai sinh',
  'HO TICH',
  '%_',
  '%',
  '\\',
  "'; DROP TABLE dossiers; --",
  "' OR 1=1 --",
  'a\u0000b',
  '\u0000',
  'x'.repeat(5000),
  '🙂',
  '<script>alert(1)</script>',
  '40',
  '1.000894',
  'timeout',
  'null',
];
const PROVINCES = ['40', '17', '67', '30', '96'];
const SEARCHES = ['hộ tịch', 'Đắk Nông', 'đăng ký', 'ho tich', 'khai sinh', 'đất đai', 'UBND'];
const GOOD_DATES = ['2025-03-01', '2025-07-01', '2026-01-15', '2026-11-20'];
const GOOD_DATETIMES = ['2026-11-20T10:00:00Z', '2025-07-01T00:00:00+07:00'];
const INTS = [0, 1, 2, 5, 20, 499, 500, 501, -1, -2147483648, 2147483647, 1e6];
const FLOATS = [0, -1, 0.5, 1e308, -1e308, 3.4e38];
const DATES = [
  '2025-07-01',
  '2026-11-20',
  '0000-01-01',
  '1899-12-31',
  '9999-12-31',
  '2025-02-30',
  '2025-13-01',
  'not-a-date',
  '2025-7-1',
  '',
  '275760-09-13',
];
const DATETIMES = [
  '2026-11-20T10:00:00Z',
  '2026-11-20T10:00:00+07:00',
  '0000-01-01T00:00:00Z',
  '2026-11-20',
  'yesterday',
  '2026-11-20T25:61:00Z',
];

/** Mangles a real id or cursor: flips, truncates, re-encodes with hostile values. */
function mangle(rng: Rng, value: string): string {
  switch (rng.int(0, 7)) {
    case 0:
      return value;
    case 1:
      return value.slice(0, rng.int(0, value.length));
    case 2: {
      const i = rng.int(0, Math.max(0, value.length - 1));
      return value.slice(0, i) + String.fromCharCode(value.charCodeAt(i) ^ 1) + value.slice(i + 1);
    }
    case 3:
      return value + rng.pick(['=', '==', 'A', '%00', '\u0000']);
    case 4: {
      // decode, poison one field, re-encode: a well-formed cursor whose content lies
      let decoded: unknown;
      try {
        decoded = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
      } catch {
        return Buffer.from(rng.pick(STRINGS)).toString('base64url');
      }
      if (decoded && typeof decoded === 'object') {
        const obj = decoded as Record<string, unknown>;
        const key = rng.pick(Object.keys(obj).length ? Object.keys(obj) : ['v']);
        obj[key] = rng.pick<unknown>(['timeout', 'not-a-date', 1e308, 2 ** 63, -1, null, [], {}, '99', "'"]);
      }
      return Buffer.from(JSON.stringify(decoded)).toString('base64url');
    }
    case 5:
      return Buffer.from(JSON.stringify({ k: 'dossier.receivedAt', v: 'timeout', p: '40', i: 1 })).toString(
        'base64url',
      );
    case 6:
      return rng.pick(STRINGS);
    default:
      return Buffer.from(value, 'utf8').toString('base64');
  }
}

/**
 * `sdl` is the schema's SDL (e.g. `loadTypeDefs()` of src/server/schema.ts): the fuzzer builds its own
 * schema object from it, so it never mixes two copies of graphql-js (ESM and CommonJS) in one process.
 */
/**
 * `sdl` is the schema's SDL (e.g. `loadTypeDefs()` of src/server/schema.ts): the fuzzer builds its own
 * schema object from it, so it never mixes two copies of graphql-js (ESM and CommonJS) in one process.
 * Each argument is plausible (known provinces, real ids and cursors, valid dates, small pages) unless
 * drawn hostile (`hostility`, 0.25 by default), so most operations get past validation and reach SQL.
 */
export function createFuzzer(sdl: string, seed: number, samples: FuzzSamples, hostility = 0.25) {
  const schema: GraphQLSchema = buildSchema(sdl);
  const rng = new Rng(seed);
  const maxDepth = 4;

  const plausibleString = (name: string): string => {
    if ((name === 'after' || name === 'before') && samples.cursors.length) return rng.pick(samples.cursors);
    if ((name === 'id' || name.endsWith('ids')) && samples.ids.length) return rng.pick(samples.ids);
    if (name.includes('province')) return rng.pick(PROVINCES);
    if ((name.includes('code') || name === 'numbersymbol') && samples.codes.length)
      return rng.pick(samples.codes);
    return rng.pick(SEARCHES);
  };
  const hostileString = (name: string): string => {
    if ((name === 'after' || name === 'before') && samples.cursors.length && rng.chance(0.7))
      return mangle(rng, rng.pick(samples.cursors));
    if ((name === 'id' || name.endsWith('ids')) && samples.ids.length && rng.chance(0.7))
      return mangle(rng, rng.pick(samples.ids));
    return rng.pick(STRINGS);
  };

  const value = (type: GraphQLInputType, argName: string, hostile: boolean, depth = 0): string => {
    const name = argName.toLowerCase();
    if (isNonNullType(type)) return value(type.ofType, argName, hostile, depth);
    if (isListType(type)) {
      const n = rng.int(hostile ? 0 : 1, 3);
      return `[${Array.from({ length: n }, () => value(type.ofType, argName, hostile, depth + 1)).join(', ')}]`;
    }
    if (isEnumType(type)) {
      const values = type.getValues();
      return hostile && rng.chance(0.2) ? 'NOT_A_VALUE' : rng.pick(values).name;
    }
    if (isInputObjectType(type)) {
      if (depth > 3) return '{}';
      const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) || rng.chance(0.35));
      // inside an input object, each field draws its own hostility
      return `{ ${fields.map((f) => `${f.name}: ${value(f.type, f.name, rng.chance(hostility), depth + 1)}`).join(', ')} }`;
    }
    if (isScalarType(type)) {
      switch (type.name) {
        case 'Int':
          if (name === 'first' || name === 'last')
            return String(hostile ? rng.pick(INTS) : rng.pick([1, 2, 3, 5, 10, 20]));
          return String(hostile ? rng.pick(INTS) : rng.int(0, 20));
        case 'Float':
          return String(hostile ? rng.pick(FLOATS) : rng.int(0, 100) / 4);
        case 'Boolean':
          return rng.chance(0.5) ? 'true' : 'false';
        case 'Date':
          return JSON.stringify(hostile ? rng.pick(DATES) : rng.pick(GOOD_DATES));
        case 'DateTime':
          return JSON.stringify(rng.pick(hostile ? DATETIMES : GOOD_DATETIMES));
        default:
          return JSON.stringify(hostile ? hostileString(name) : plausibleString(name));
      }
    }
    return 'null';
  };

  const args = (field: GraphQLField<unknown, unknown>): string => {
    let chosen = field.args.filter((a: GraphQLArgument) => isNonNullType(a.type) || rng.chance(0.5));
    // a lookup by key (unit, procedure, document, dossier, node) takes its id or its other keys
    if (
      !isListType(getNullableType(field.type)) &&
      field.args.some((a) => a.name === 'id') &&
      rng.chance(0.85)
    ) {
      const byId = rng.chance(0.5);
      chosen = field.args.filter((a) => (a.name === 'id') === byId);
    }
    const backward = rng.chance(0.3);
    const parts = chosen.map((a) => {
      const hostile = rng.chance(hostility);
      return { a, hostile };
    });
    // a plausible page goes one way: first/after or last/before
    chosen = parts
      .filter(
        ({ a, hostile }) => hostile || !(backward ? ['first', 'after'] : ['last', 'before']).includes(a.name),
      )
      .map(({ a }) => a);
    const kept = parts.filter(({ a }) => chosen.includes(a));
    if (!kept.length) return '';
    return `(${kept.map(({ a, hostile }) => `${a.name}: ${value(a.type, a.name, hostile)}`).join(', ')})`;
  };

  let aliasNo = 0;
  const selection = (type: GraphQLNamedType, depth: number): string => {
    if (isLeafType(type)) return '';
    if (isUnionType(type) || isInterfaceType(type)) {
      const possible = schema.getPossibleTypes(type);
      const parts = ['__typename'];
      if (isInterfaceType(type)) parts.push(fieldsOf(type as unknown as GraphQLObjectType, depth, 2));
      for (const t of rng.sample(possible, rng.int(1, 2)))
        parts.push(`... on ${t.name} { ${fieldsOf(t, depth, 3)} }`);
      return `{ ${parts.filter(Boolean).join(' ')} }`;
    }
    if (isObjectType(type)) return `{ ${fieldsOf(type, depth, rng.int(1, 5))} }`;
    return '';
  };

  const fieldsOf = (type: GraphQLObjectType, depth: number, count: number): string => {
    const fields = Object.values(type.getFields());
    const leaves = fields.filter((f) => isLeafType(getNamedType(f.type)));
    const nested = fields.filter((f) => !isLeafType(getNamedType(f.type)));
    const picked = rng.sample(leaves, Math.max(1, Math.min(count, leaves.length)));
    if (depth < maxDepth) picked.push(...rng.sample(nested, rng.int(0, Math.min(2, nested.length))));
    if (!picked.length) return '__typename';
    return picked
      .map((f) => {
        const alias = rng.chance(0.1) ? `a${aliasNo++}: ` : '';
        const sub = selection(getNamedType(getNullableType(f.type)), depth + 1);
        if (!isLeafType(getNamedType(f.type)) && !sub) return '__typename';
        return `${alias}${f.name}${args(f)} ${sub}`.trim();
      })
      .join(' ');
  };

  return {
    next(): FuzzCase {
      aliasNo = 0;
      const query = schema.getQueryType()!;
      const roots = rng.sample(Object.values(query.getFields()), rng.int(1, 3));
      const body = roots
        .map((f, i) => {
          const sub = selection(getNamedType(getNullableType(f.type)), 1);
          return `r${i}: ${f.name}${args(f)} ${sub}`.trim();
        })
        .join(' ');
      return { query: `query Fuzz { ${body} }`, variables: {} };
    },
  };
}

/** What a fuzzed answer must never be: a 5xx, an internal error, or a message leaking SQL, hosts or stacks. */
export function fuzzFindings(
  status: number,
  body: { errors?: { message?: string; extensions?: { code?: unknown } }[] } | undefined,
): string[] {
  const out: string[] = [];
  if (status >= 500) out.push(`HTTP ${status}`);
  if (!body) {
    out.push('no JSON body');
    return out;
  }
  for (const e of body.errors ?? []) {
    if (e.extensions?.code === 'INTERNAL_SERVER_ERROR') out.push(`INTERNAL_SERVER_ERROR: ${e.message ?? ''}`);
    const m = e.message ?? '';
    if (/\bselect\b.*\bfrom\b|postgres(ql)?:\/\/|127\.0\.0\.1:\d+|\n\s+at /i.test(m))
      out.push(`leaky message: ${m.slice(0, 200)}`);
  }
  return out;
}
