import { createLogger } from '../../logger.ts';
import { createPortalSandbox } from '../../portal-sandbox/sandbox.ts';
import { untilStopped, type Command } from '../command.ts';
import { intFlag, numberFlag, parseFlags, textFlag } from '../flags.ts';

export const PORTAL_SANDBOX_USAGE = `Usage: lienthong portal-sandbox [options]

A local stand-in for the national public service portal. The protocol it implements is described
in src/sync/PROTOCOL.md.

Options:
  --port N                 TCP port (default 4100; 0 picks a free one)
  --host HOST              address to bind (default 127.0.0.1)
  --client-id ID           accepted client id (default sandbox)
  --client-secret SECRET   accepted client secret (default sandbox)
  --fail-rate R            probability 0..1 of a 429/503/timeout/reset per request (default 0)
  --lost-response-rate R   probability 0..1 that an applied PUT loses its response (default 0)
  --latency-ms N           delay added to every response (default 0)
  --data FILE              load state from FILE and save it there after every change
  --help                   show this help`;

/** `lienthong portal-sandbox`: runs the local national-portal stand-in until SIGINT/SIGTERM. */
export const portalSandboxCommand: Command = {
  name: 'portal-sandbox',
  summary: 'run a local stand-in for the national public service portal',
  usage: PORTAL_SANDBOX_USAGE,
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      port: { type: 'string' },
      host: { type: 'string' },
      'client-id': { type: 'string' },
      'client-secret': { type: 'string' },
      'fail-rate': { type: 'string' },
      'lost-response-rate': { type: 'string' },
      'latency-ms': { type: 'string' },
      data: { type: 'string' },
    });
    const port = intFlag('port', values.port, { min: 0, max: 65535 }) ?? 4100;
    const host = textFlag('host', values.host) ?? '127.0.0.1';
    const clientId = textFlag('client-id', values['client-id']);
    const clientSecret = textFlag('client-secret', values['client-secret']);
    const failRate = numberFlag('fail-rate', values['fail-rate'], { min: 0, max: 1 });
    const lostResponseRate = numberFlag('lost-response-rate', values['lost-response-rate'], {
      min: 0,
      max: 1,
    });
    const latencyMs = intFlag('latency-ms', values['latency-ms'], { min: 0, max: 600_000 });
    const dataFile = textFlag('data', values.data);

    const log = createLogger('info', { service: 'portal-sandbox' }, io.stderr);
    const sandbox = createPortalSandbox({
      ...(clientId !== undefined && { clientId }),
      ...(clientSecret !== undefined && { clientSecret }),
      ...(failRate !== undefined && { failRate }),
      ...(lostResponseRate !== undefined && { lostResponseRate }),
      ...(latencyMs !== undefined && { latencyMs }),
      ...(dataFile !== undefined && { dataFile }),
      log,
    });
    let url: string;
    try {
      ({ url } = await sandbox.listen(port, host));
    } catch (err) {
      await sandbox.close().catch(() => undefined);
      throw new Error(`cannot start the portal sandbox on ${host}:${port}: ${(err as Error).message}`, {
        cause: err,
      });
    }
    const stopped = untilStopped(io.signal);
    io.stdout(`portal sandbox listening on ${url}`);
    log.info('portal sandbox stopping', { reason: await stopped });
    await sandbox.close();
    return 0;
  },
};
