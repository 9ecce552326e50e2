import fs from 'node:fs';
import { loadConfig, type Config } from '../config.ts';
import { createLogger, type Logger } from '../logger.ts';
import { openRuntime, type OpenOptions, type Runtime } from '../runtime.ts';
import type { CliIO } from './command.ts';

/** Parses configuration once and opens the runtime for a command; always closes it. */
export async function withRuntime<T>(
  io: CliIO,
  opts: OpenOptions & { logLevel?: Config['logLevel'] },
  fn: (rt: Runtime) => Promise<T>,
): Promise<T> {
  const config = loadConfig(io.env, { exists: fs.existsSync });
  const log: Logger = createLogger(
    opts.logLevel ?? (config.logLevel === 'info' ? 'warn' : config.logLevel),
    {},
    io.stderr,
  );
  const rt = await openRuntime(config, log, opts);
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}

/** A plain text table for command summaries. */
export function table(rows: (string | number)[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => String(r[i] ?? '').length)));
  return rows
    .map((r) =>
      r
        .map((c, i) =>
          typeof c === 'number' ? String(c).padStart(widths[i]!) : String(c).padEnd(widths[i]!),
        )
        .join('  '),
    )
    .join('\n');
}
