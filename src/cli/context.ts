import { timeout, TimeoutStrategy } from 'cockatiel';
import fs from 'node:fs';
import { localDay } from '../calendar/index.ts';
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

/** A command cut short by a signal: main prints one line and exits 128 + the signal's number. */
export class InterruptedError extends Error {
  override name = 'InterruptedError';
  readonly exitCode: number;
  constructor(readonly signal: string) {
    super(`interrupted by ${signal}`);
    this.exitCode = EXIT_BY_SIGNAL[signal] ?? 130;
  }
}

const EXIT_BY_SIGNAL: Record<string, number> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
/** How long an interrupted command waits for its cleanup (its embedded server stops first). */
const ABORT_GRACE_MS = 15_000;

/**
 * Watches SIGINT/SIGTERM/SIGHUP (and io.signal) while a command runs. Listening replaces Node's default,
 * which would kill the process on the spot and leave the embedded PostgreSQL it started running.
 */
function watchInterrupts(signal: AbortSignal | undefined) {
  let received: string | undefined;
  let fire: (name: string) => void = () => undefined;
  const fired = new Promise<string>((resolve) => (fire = resolve));
  const handlers = SIGNALS.map((name) => {
    const handler = () => {
      received ??= name;
      fire(received);
    };
    process.on(name, handler);
    return [name, handler] as const;
  });
  const onAbort = () => {
    received ??= 'SIGTERM';
    fire(received);
  };
  if (signal?.aborted) onAbort();
  else signal?.addEventListener('abort', onAbort, { once: true });
  return {
    fired,
    get received() {
      return received;
    },
    dispose() {
      for (const [name, handler] of handlers) process.off(name, handler);
      signal?.removeEventListener('abort', onAbort);
    },
  };
}

/** Waits for `work`, at most `ms`: past that, the command exits anyway. */
const within = (ms: number, work: Promise<void>) =>
  timeout(ms, TimeoutStrategy.Aggressive)
    .execute(() => work)
    .catch(() => undefined);

/**
 * Opens the runtime for a command and always closes it: after success, failure or a signal (then the
 * embedded server it started is stopped first, ending the work in flight). Logs go to stderr; `info`
 * is quiet in the CLI.
 */
export async function withRuntime<T>(
  io: CliIO,
  config: Config,
  opts: CommandRuntimeOptions,
  fn: (rt: Runtime) => Promise<T>,
): Promise<T> {
  if (!opts.createCluster) requireCluster(config);
  const log: Logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, {}, io.stderr);
  const interrupts = watchInterrupts(io.signal);
  try {
    // a signal during start-up is acted on as soon as there is a runtime to close
    const rt = await openRuntime(config, log, { migrate: opts.migrate ?? false });
    const work = fn(rt);
    work.catch(() => undefined); // once interrupted, the work's own failure is expected and ignored
    try {
      return await Promise.race([
        work,
        interrupts.fired.then((name): never => {
          throw new InterruptedError(name);
        }),
      ]);
    } finally {
      if (interrupts.received) {
        log.warn('stopping: interrupted', { signal: interrupts.received });
        await within(ABORT_GRACE_MS, rt.abort());
      } else await rt.close();
    }
  } finally {
    interrupts.dispose();
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

/**
 * The demo's today: LIENTHONG_DEMO_TODAY, else the last local (UTC+7) date whose noon has passed. The demo
 * runs to noon of its today, so before noon that is yesterday: no dossier is ever dated in the future. The
 * one place the demo reads the clock.
 */
export const demoToday = (config: Config, now: Date = new Date()): string =>
  config.demoToday ?? localDay(new Date(now.getTime() - 12 * 3_600_000));
