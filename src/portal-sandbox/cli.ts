import { main } from '../cli/main.ts';

/**
 * The sandbox's command lives in src/cli/commands/portal-sandbox.ts with every other command; this
 * adapter only keeps test/sync/portal-sandbox.test.ts's import working until it calls the CLI directly.
 */
export interface PortalSandboxIo {
  /** Receives whole lines, newline included. */
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Stops the sandbox like a signal would (for tests and embedding). */
  signal?: AbortSignal;
}

export const runPortalSandbox = (argv: string[], io: PortalSandboxIo): Promise<number> =>
  main(['portal-sandbox', ...argv], {
    stdout: (s) => io.stdout(s.endsWith('\n') ? s : s + '\n'),
    stderr: (s) => io.stderr(s.endsWith('\n') ? s : s + '\n'),
    env: {},
    signal: io.signal,
  });
