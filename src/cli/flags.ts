import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../errors.ts';

/** The one flag framework of every command: node's parseArgs, strict, with typed value checks. */

type Options = NonNullable<ParseArgsConfig['options']>;

/** node's messages run to several sentences and lines; a usage error is its first sentence. */
const firstSentence = (message: string) =>
  (message.split('\n')[0] ?? '').split('. ')[0]!.replace(/\.$/, '') || 'invalid arguments';

/** parseArgs with strict flags and `--help`/`-h`; any mistake becomes a one-line UsageError. */
export function parseFlags<O extends Options>(argv: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals,
    });
  } catch (err) {
    throw new UsageError(firstSentence((err as Error).message));
  }
}

interface Range {
  min: number;
  max: number;
}

/** A whole number in [min, max]; undefined when the flag is absent. */
export function intFlag(name: string, raw: string | undefined, { min, max }: Range): number | undefined {
  if (raw === undefined) return undefined;
  const value = /^\d+$/.test(raw.trim()) ? Number(raw) : Number.NaN;
  if (!(value >= min && value <= max))
    throw new UsageError(
      `--${name} must be an integer between ${min} and ${max}, got ${JSON.stringify(raw)}`,
    );
  return value;
}

/** A finite number in [min, max]; undefined when the flag is absent. */
export function numberFlag(name: string, raw: string | undefined, { min, max }: Range): number | undefined {
  if (raw === undefined) return undefined;
  const value = raw.trim() === '' ? Number.NaN : Number(raw);
  if (!(Number.isFinite(value) && value >= min && value <= max))
    throw new UsageError(`--${name} must be a number between ${min} and ${max}, got ${JSON.stringify(raw)}`);
  return value;
}

/** A string that is not blank; undefined when the flag is absent. */
export function textFlag(name: string, raw: string | undefined): string | undefined {
  if (raw !== undefined && raw.trim() === '') throw new UsageError(`--${name} must not be empty`);
  return raw;
}
