import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../errors.ts';

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: Record<string, string | undefined>;
  isTTY: boolean;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[], io: CliIO): Promise<number>;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** parseArgs with strict flags; any mistake becomes a one-line UsageError. */
export function parseFlags<O extends Options>(argv: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals,
    });
  } catch (err) {
    throw new UsageError((err as Error).message.split('\n')[0]!.replace(/\. To specify.*$/, ''));
  }
}

export function intFlag(
  name: string,
  raw: string | undefined,
  def: number,
  min = 0,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (raw === undefined) return def;
  if (!/^\d+$/.test(raw)) throw new UsageError(`--${name} expects a whole number, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new UsageError(`--${name} must be between ${min} and ${max}, got ${n}`);
  return n;
}

export function floatFlag(
  name: string,
  raw: string | undefined,
  def: number,
  min: number,
  max: number,
): number {
  if (raw === undefined) return def;
  const n = Number(raw);
  if (!Number.isFinite(n) || raw.trim() === '')
    throw new UsageError(`--${name} expects a number, got "${raw}"`);
  if (n < min || n > max) throw new UsageError(`--${name} must be between ${min} and ${max}, got ${n}`);
  return n;
}

/** --source CODE | --all, resolved against the known province codes. */
export function pickSources(
  flags: { source?: string | undefined; all?: boolean | undefined; province?: string | undefined },
  known: readonly string[],
  opts: { flag?: 'source' | 'province'; defaultAll?: boolean } = {},
): string[] {
  const flag = opts.flag ?? 'source';
  const one = flag === 'source' ? flags.source : flags.province;
  if (one && flags.all) throw new UsageError(`use either --${flag} CODE or --all, not both`);
  if (one) {
    const codes = one.split(',').map((c) => c.trim());
    for (const c of codes) {
      if (!known.includes(c)) throw new UsageError(`unknown province "${c}" (known: ${known.join(', ')})`);
    }
    return codes;
  }
  if (flags.all || opts.defaultAll) return [...known];
  throw new UsageError(`missing --${flag} CODE or --all`);
}
