import fs from 'node:fs';
import { loadConfig, type Config, type ConfigOverrides } from '../config.ts';
import { createLogger, type Logger } from '../logger.ts';
import { openRuntime, type Runtime } from '../runtime.ts';
import type { CliIO } from './command.ts';
import { requireCluster } from './data-dir.ts';

/** The configuration of one command run, parsed once from its environment (and flags such as --port). */
export const cliConfig = (io: CliIO, overrides: ConfigOverrides = {}): Config =>
  loadConfig(io.env, { exists: fs.existsSync, overrides });

export interface CommandRuntimeOptions {
  /** Create missing databases and apply migrations (serve, migrate, seed). */
  migrate?: boolean;
  /**
   * May an embedded data directory without a cluster get a new one? Only for commands that create data
   * (serve, migrate, seed); the others refuse it, naming the directory.
   */
  createCluster?: boolean;
}

/** Opens the runtime for a command and always closes it. Logs go to stderr; `info` is quiet in the CLI. */
export async function withRuntime<T>(
  io: CliIO,
  config: Config,
  opts: CommandRuntimeOptions,
  fn: (rt: Runtime) => Promise<T>,
): Promise<T> {
  if (!opts.createCluster) requireCluster(config);
  const log: Logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, {}, io.stderr);
  const rt = await openRuntime(config, log, { migrate: opts.migrate ?? false });
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}

/** A plain text table: one header row, columns padded, numbers right-aligned. */
export function table(rows: (string | number)[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => String(r[i] ?? '').length)));
  return rows
    .map((r) =>
      r
        .map((c, i) =>
          typeof c === 'number' ? String(c).padStart(widths[i]!) : String(c).padEnd(widths[i]!),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** 20000 → "20,000". */
export const count = (n: number): string => n.toLocaleString('en-US');
