import { GraphQLScalarType, Kind } from 'graphql';
import { BadUserInputError } from '../errors.ts';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
/** Dates as arguments: nothing in the provinces' records predates 1900, and PostgreSQL has no year 0. */
const MIN_YEAR = 1900;
const MAX_YEAR = 9999;

/** At most 40 characters of what was sent, for a message. */
const shown = (value: unknown) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
};

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !DATE_RE.test(value) || Number.isNaN(Date.parse(value + 'T00:00:00Z'))) {
    throw new BadUserInputError(`Date must be YYYY-MM-DD, got ${shown(value)}`);
  }
  const year = Number(value.slice(0, 4));
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new BadUserInputError(`Date ${value} is out of range (years ${MIN_YEAR} to ${MAX_YEAR})`);
  }
  // 2025-02-30 parses in JS as March 2: reject dates that do not round-trip
  if (new Date(value + 'T00:00:00Z').toISOString().slice(0, 10) !== value) {
    throw new BadUserInputError(`Date ${value} does not exist`);
  }
  return value;
}

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, `YYYY-MM-DD`.',
  serialize: (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v)),
  parseValue: parseDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new BadUserInputError('Date must be a string YYYY-MM-DD');
    return parseDate(ast.value);
  },
});

function parseDateTime(value: unknown): Date {
  const d = typeof value === 'string' ? new Date(value) : undefined;
  if (!d || Number.isNaN(d.getTime()))
    throw new BadUserInputError(`DateTime must be ISO-8601, got ${shown(value)}`);
  const year = d.getUTCFullYear();
  if (year < MIN_YEAR || year > MAX_YEAR)
    throw new BadUserInputError(
      `DateTime ${shown(value)} is out of range (years ${MIN_YEAR} to ${MAX_YEAR})`,
    );
  return d;
}

export const DateTimeScalar = new GraphQLScalarType<Date | string, string>({
  name: 'DateTime',
  description: 'An ISO-8601 instant with time zone.',
  serialize: (v) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString()),
  parseValue: parseDateTime,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new BadUserInputError('DateTime must be a string');
    return parseDateTime(ast.value);
  },
});
