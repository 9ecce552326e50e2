import { parseArgs } from 'node:util';
import { createLogger } from '../logger.ts';
import { createPortalSandbox } from './sandbox.ts';
import type { PortalSandboxOptions } from './sandbox.ts';

/** `lienthong portal-sandbox`: runs the local national-portal stand-in until SIGINT/SIGTERM. */

export interface PortalSandboxIo {
  /** Receives whole lines, newline included. */
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Stops the sandbox like a signal would (for tests and embedding). */
  signal?: AbortSignal;
}

export const PORTAL_SANDBOX_USAGE = `Usage: lienthong portal-sandbox [options]

A local stand-in for the national public service portal (SPEC §5).

Options:
  --port N                 TCP port (default 4100; 0 picks a free one)
  --host HOST              address to bind (default 127.0.0.1)
  --client-id ID           accepted client id (default sandbox)
  --client-secret SECRET   accepted client secret (default sandbox)
  --fail-rate R            probability 0..1 of a 429/503/timeout/reset per request (default 0)
  --lost-response-rate R   probability 0..1 that an applied PUT loses its response (default 0)
  --latency-ms N           delay added to every response (default 0)
  --data FILE              load state from FILE and save it there after every change
  --help                   show this help
`;

class CliUsageError extends Error {}

function numberFlag(name: string, raw: string | undefined, min: number, max: number, integer: boolean) {
  if (raw === undefined) return undefined;
  const value = raw.trim() === '' ? Number.NaN : Number(raw);
  const ok = Number.isFinite(value) && value >= min && value <= max && (!integer || Number.isInteger(value));
  if (!ok) {
    const kind = integer ? 'an integer' : 'a number';
    throw new CliUsageError(
      `--${name} must be ${kind} between ${min} and ${max}, got ${JSON.stringify(raw)}`,
    );
  }
  return value;
}

interface ParsedFlags {
  help: boolean;
  port: number;
  host: string;
  sandbox: PortalSandboxOptions;
}

function parseFlags(argv: string[]): ParsedFlags {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'client-id': { type: 'string' },
        'client-secret': { type: 'string' },
        'fail-rate': { type: 'string' },
        'lost-response-rate': { type: 'string' },
        'latency-ms': { type: 'string' },
        data: { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (err) {
    // node's own messages run to several sentences and lines; keep the first sentence
    const firstSentence = (err as Error).message.split('\n')[0]?.split('. ')[0] ?? '';
    throw new CliUsageError(firstSentence.replace(/\.$/, '') || 'invalid arguments');
  }
  for (const name of ['host', 'client-id', 'client-secret', 'data'] as const) {
    if (values[name] !== undefined && values[name].trim() === '')
      throw new CliUsageError(`--${name} must not be empty`);
  }
  const failRate = numberFlag('fail-rate', values['fail-rate'], 0, 1, false);
  const lostResponseRate = numberFlag('lost-response-rate', values['lost-response-rate'], 0, 1, false);
  const latencyMs = numberFlag('latency-ms', values['latency-ms'], 0, 600_000, true);
  return {
    help: values.help ?? false,
    port: numberFlag('port', values.port, 0, 65535, true) ?? 4100,
    host: values.host ?? '127.0.0.1',
    sandbox: {
      ...(values['client-id'] !== undefined && { clientId: values['client-id'] }),
      ...(values['client-secret'] !== undefined && { clientSecret: values['client-secret'] }),
      ...(failRate !== undefined && { failRate }),
      ...(lostResponseRate !== undefined && { lostResponseRate }),
      ...(latencyMs !== undefined && { latencyMs }),
      ...(values.data !== undefined && { dataFile: values.data }),
    },
  };
}

/** Resolves when SIGINT, SIGTERM or io.signal asks to stop. */
function untilStopped(signal: AbortSignal | undefined): Promise<string> {
  return new Promise((resolve) => {
    const stop = (reason: string) => {
      process.off('SIGINT', onSigint);
      process.off('SIGTERM', onSigterm);
      signal?.removeEventListener('abort', onAbort);
      resolve(reason);
    };
    const onSigint = () => stop('SIGINT');
    const onSigterm = () => stop('SIGTERM');
    const onAbort = () => stop('abort');
    process.once('SIGINT', onSigint);
    process.once('SIGTERM', onSigterm);
    if (signal?.aborted) stop('abort');
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export async function runPortalSandbox(argv: string[], io: PortalSandboxIo): Promise<number> {
  let flags: ParsedFlags;
  try {
    flags = parseFlags(argv);
  } catch (err) {
    if (!(err instanceof CliUsageError)) throw err;
    io.stderr(`error: ${err.message}\n\n${PORTAL_SANDBOX_USAGE}`);
    return 1;
  }
  if (flags.help) {
    io.stdout(PORTAL_SANDBOX_USAGE);
    return 0;
  }
  const log = createLogger('info', { service: 'portal-sandbox' }, (line) => io.stderr(line + '\n'));
  const sandbox = createPortalSandbox({ ...flags.sandbox, log });
  let url: string;
  try {
    ({ url } = await sandbox.listen(flags.port, flags.host));
  } catch (err) {
    io.stderr(
      `error: cannot start the portal sandbox on ${flags.host}:${flags.port}: ${(err as Error).message}\n`,
    );
    await sandbox.close().catch(() => undefined);
    return 1;
  }
  io.stdout(`portal sandbox listening on ${url}\n`);
  const reason = await untilStopped(io.signal);
  log.info('portal sandbox stopping', { reason });
  await sandbox.close();
  return 0;
}
