import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !DATE_RE.test(value) || Number.isNaN(Date.parse(value + 'T00:00:00Z'))) {
    throw new GraphQLError(`Date must be YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  // 2025-02-30 parses in JS as March 2: reject dates that do not round-trip
  if (new Date(value + 'T00:00:00Z').toISOString().slice(0, 10) !== value) {
    throw new GraphQLError(`Date ${value} does not exist`);
  }
  return value;
}

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, `YYYY-MM-DD`.',
  serialize: (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v)),
  parseValue: parseDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Date must be a string YYYY-MM-DD');
    return parseDate(ast.value);
  },
});

function parseDateTime(value: unknown): Date {
  const d = typeof value === 'string' ? new Date(value) : undefined;
  if (!d || Number.isNaN(d.getTime()))
    throw new GraphQLError(`DateTime must be ISO-8601, got ${JSON.stringify(value)}`);
  return d;
}

export const DateTimeScalar = new GraphQLScalarType<Date | string, string>({
  name: 'DateTime',
  description: 'An ISO-8601 instant with time zone.',
  serialize: (v) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString()),
  parseValue: parseDateTime,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be a string');
    return parseDateTime(ast.value);
  },
});
