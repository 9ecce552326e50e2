import { ConfigError } from '../config.ts';
import { UsageError } from '../errors.ts';
import { closeAllRuntimes } from '../runtime.ts';
import type { CliIO, Command } from './command.ts';
import { auditCommand } from './commands/audit.ts';
import { exportCommand } from './commands/export.ts';
import { keysCommand } from './commands/keys.ts';
import { migrateCommand } from './commands/migrate.ts';
import { portalSandboxCommand } from './commands/portal-sandbox.ts';
import { seedCommand } from './commands/seed.ts';
import { serveCommand } from './commands/serve.ts';
import { syncCommand } from './commands/sync.ts';
import { InterruptedError } from './context.ts';

const COMMANDS: Command[] = [
  serveCommand,
  migrateCommand,
  seedCommand,
  syncCommand,
  keysCommand,
  auditCommand,
  exportCommand,
  portalSandboxCommand,
];

export function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: lienthong <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `lienthong <command> --help` for the options of a command.',
  ].join('\n');
}

const defaultIO = (): CliIO => ({
  stdout: (s) => process.stdout.write(s.endsWith('\n') ? s : s + '\n'),
  stderr: (s) => process.stderr.write(s.endsWith('\n') ? s : s + '\n'),
  out: process.stdout,
  env: process.env,
  terminal: process.stdout.isTTY ? process.stdout : undefined,
});

/** Runs one CLI invocation; returns the exit code (0 ok, 1 failure, 2 partial). Never throws. */
export async function main(argv: string[], io: CliIO = defaultIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name ? 0 : 1;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`error: unknown command "${name}"\n\n${usage()}`);
    return 1;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.usage);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof InterruptedError) {
      io.stderr(`${command.name}: ${err.message}; stopped`);
      return err.exitCode;
    }
    if (err instanceof UsageError) {
      io.stderr(`error: ${err.message}\n\n${command.usage}`);
      return 1;
    }
    if (err instanceof ConfigError) {
      io.stderr(`error: ${err.message}`);
      return 1;
    }
    io.stderr(`error: ${err instanceof Error ? err.message : String(err)}`);
    if (io.env.LOG_LEVEL === 'debug' && err instanceof Error && err.stack) io.stderr(err.stack);
    return 1;
  }
}

/**
 * The last resort of lienthong.mjs for an error nothing caught: one line on stderr, every runtime of the
 * process closed (so no embedded PostgreSQL is left behind), exit code 1.
 */
export async function onFatal(err: unknown, io: CliIO = defaultIO()): Promise<number> {
  try {
    io.stderr(`error: ${err instanceof Error ? err.message : String(err)}`);
  } catch {
    // stderr is gone too: closing the runtimes matters more than saying so
  }
  await closeAllRuntimes();
  return 1;
}
