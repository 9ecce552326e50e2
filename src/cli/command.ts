export interface CliIO {
  /** Receives whole lines (a missing trailing newline is added). */
  stdout: (s: string) => void;
  /** stdout as a byte stream, for output written in chunks with backpressure (exports); else `stdout`. */
  out?: NodeJS.WritableStream | undefined;
  stderr: (s: string) => void;
  env: Record<string, string | undefined>;
  /** stdout when it is a terminal: progress draws there, updated in place; otherwise progress is plain lines. */
  terminal?: NodeJS.WriteStream | undefined;
  /** Stops a long-running command (serve, portal-sandbox) as SIGTERM would; for tests and embedding. */
  signal?: AbortSignal | undefined;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[], io: CliIO): Promise<number>;
}

/** Resolves with the reason when SIGINT, SIGTERM or io.signal asks a long-running command to stop. */
export function untilStopped(signal: AbortSignal | undefined): Promise<string> {
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
