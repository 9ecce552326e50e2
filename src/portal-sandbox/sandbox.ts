import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import type { Logger } from '../logger.ts';
import { canonicalJson, MAX_ITEMS_PER_PUT } from '../sync/payload-schema.ts';
import { createSnapshotWriter, readSnapshot } from './persistence.ts';
import type { SnapshotWriter } from './persistence.ts';
import { Rng } from '../random.ts';
import { createSandboxState } from './state.ts';
import type { SandboxStats } from './state.ts';
import { BodyTooLargeError, readBody, sendJson, sendJsonText } from '../http.ts';

export type { SandboxStats } from './state.ts';

/** A local stand-in for the national portal (src/sync/PROTOCOL.md), with injectable faults. */

/** `throttle` = 429 with Retry-After, `unavailable` = 503, `timeout` = no answer, `reset` = socket destroyed. */
export type FaultKind = 'throttle' | 'unavailable' | 'timeout' | 'reset';
export const FAULT_KINDS: readonly FaultKind[] = ['throttle', 'unavailable', 'timeout', 'reset'];

export interface PortalSandboxOptions {
  clientId?: string;
  clientSecret?: string;
  /** Probability (0..1) that a protocol request gets a fault instead of an answer; nothing is applied. */
  failRate?: number;
  /** Which faults failRate draws from; all by default. */
  faults?: readonly FaultKind[];
  /** Probability (0..1) that an applied PUT loses its response (socket destroyed after applying). */
  lostResponseRate?: number;
  /** Added before every protocol response. */
  latencyMs?: number;
  /** How long a `timeout` fault holds the socket before destroying it. */
  timeoutHoldMs?: number;
  /** Lifetime of issued tokens (expires_in). */
  tokenTtlSeconds?: number;
  /** Listing page size. */
  pageSize?: number;
  /** JSON file the state is loaded from at listen() and written to after every change. */
  dataFile?: string;
  /** Seeds the draws of faults and lost responses; the same seed and request order give the same faults. */
  seed?: number;
  /** Replaces the seeded draws, for a test that needs one particular draw. */
  random?: () => number;
  now?: () => number;
  log?: Logger;
}

export interface PortalSandbox {
  listen(port: number, host?: string): Promise<{ port: number; url: string }>;
  close(): Promise<void>;
  stats(): SandboxStats;
}

const DEFAULT_PAGE_SIZE = 500;
const DEFAULT_TOKEN_TTL_SECONDS = 3600;
const DEFAULT_TIMEOUT_HOLD_MS = 5 * 60_000;
const MAX_BODY_BYTES = 16 * 1024 * 1024;
const MAX_IDEMPOTENCY_KEY_LENGTH = 255;
const PROVINCE_CODE_PATTERN = /^\d{2}$/;
const PROCEDURES_PATH = /^\/api\/v1\/provinces\/([^/]+)\/procedures$/;
const SANDBOX_PROCEDURES_PATH = /^\/_sandbox\/procedures\/([^/]+)$/;

const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silentLogger,
};

/** A deliberate non-2xx answer: `{ error: message }` with the given status. */
class HttpProblem extends Error {
  readonly status: number;
  readonly headers: Record<string, string>;

  constructor(status: number, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.status = status;
    this.headers = headers;
  }
}

function parseJsonBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpProblem(400, 'body is not JSON');
  }
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest();
/** Compares digests so the time taken does not reveal how much of a secret matched. */
const sameSecret = (a: string, b: string) => timingSafeEqual(sha256(a), sha256(b));

const encodeCursor = (lastCode: string) =>
  Buffer.from(JSON.stringify({ after: lastCode }), 'utf8').toString('base64url');

function decodeCursor(cursor: string): string {
  try {
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { after?: unknown };
    if (typeof decoded.after === 'string') return decoded.after;
  } catch {
    // fall through to the 400 below
  }
  throw new HttpProblem(400, 'invalid cursor');
}

function provinceOf(match: RegExpExecArray): string {
  const code = decodeURIComponent(match[1] ?? '');
  if (!PROVINCE_CODE_PATTERN.test(code)) throw new HttpProblem(404, `unknown province ${code}`);
  return code;
}

function checkRate(name: string, value: number): number {
  if (!(value >= 0 && value <= 1)) throw new RangeError(`${name} must be between 0 and 1, got ${value}`);
  return value;
}

export function createPortalSandbox(opts: PortalSandboxOptions = {}): PortalSandbox {
  const clientId = opts.clientId ?? 'sandbox';
  const clientSecret = opts.clientSecret ?? 'sandbox';
  const failRate = checkRate('failRate', opts.failRate ?? 0);
  const lostResponseRate = checkRate('lostResponseRate', opts.lostResponseRate ?? 0);
  const faults = opts.faults && opts.faults.length > 0 ? opts.faults : FAULT_KINDS;
  const latencyMs = opts.latencyMs ?? 0;
  const timeoutHoldMs = opts.timeoutHoldMs ?? DEFAULT_TIMEOUT_HOLD_MS;
  const tokenTtlSeconds = opts.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS;
  const pageSize = opts.pageSize ?? DEFAULT_PAGE_SIZE;
  const now = opts.now ?? Date.now;
  const log = opts.log ?? silentLogger;
  const seed = opts.seed ?? randomInt(2 ** 31);
  const rng = new Rng(seed);
  const random = opts.random ?? (() => rng.next());

  const state = createSandboxState();
  const tokens = new Map<string, number>();
  const writer: SnapshotWriter | undefined = opts.dataFile
    ? createSnapshotWriter(opts.dataFile, () => state.snapshot(), log)
    : undefined;
  // ends latency waits at once when the sandbox closes
  const closing = new AbortController();
  let listening = false;

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (err instanceof HttpProblem) {
        sendJson(res, err.status, { error: err.message }, err.headers);
        return;
      }
      log.error('sandbox request failed', { error: (err as Error).message });
      sendJson(res, 500, { error: 'internal sandbox error' });
    });
  });

  function drawFault(): FaultKind | undefined {
    if (failRate === 0 || random() >= failRate) return undefined;
    return faults[Math.min(faults.length - 1, Math.floor(random() * faults.length))];
  }

  function injectFault(fault: FaultKind, req: IncomingMessage, res: ServerResponse): void {
    log.info('sandbox fault injected', { fault, method: req.method, url: req.url });
    switch (fault) {
      case 'throttle':
        sendJson(res, 429, { error: 'too many requests' }, { 'retry-after': random() < 0.5 ? '0' : '1' });
        return;
      case 'unavailable':
        sendJson(res, 503, { error: 'service unavailable' });
        return;
      case 'timeout':
        // no answer: the socket is dropped once idle that long, or when close() ends every connection
        req.socket.setTimeout(timeoutHoldMs, () => req.socket.destroy());
        return;
      case 'reset':
        req.socket.destroy();
        return;
    }
  }

  function requireBearer(req: IncomingMessage): void {
    const match = /^Bearer (\S+)$/i.exec(req.headers.authorization ?? '');
    const expiresAt = match?.[1] === undefined ? undefined : tokens.get(match[1]);
    if (expiresAt === undefined || expiresAt <= now()) {
      const reason = match ? 'access token unknown or expired' : 'missing bearer token';
      throw new HttpProblem(401, reason, { 'www-authenticate': 'Bearer error="invalid_token"' });
    }
  }

  function issueToken(body: string, res: ServerResponse): void {
    const request = parseJsonBody(body) as Record<string, unknown> | null;
    if (typeof request !== 'object' || request === null) throw new HttpProblem(400, 'invalid_request');
    if (request.grant_type !== 'client_credentials') throw new HttpProblem(400, 'unsupported_grant_type');
    const id = typeof request.client_id === 'string' ? request.client_id : '';
    const secret = typeof request.client_secret === 'string' ? request.client_secret : '';
    // evaluate both comparisons so a wrong id and a wrong secret take the same time
    const idOk = sameSecret(id, clientId);
    const secretOk = sameSecret(secret, clientSecret);
    if (!idOk || !secretOk) throw new HttpProblem(401, 'invalid_client');
    for (const [token, expiresAt] of tokens) if (expiresAt <= now()) tokens.delete(token);
    const accessToken = randomBytes(24).toString('base64url');
    tokens.set(accessToken, now() + tokenTtlSeconds * 1000);
    sendJson(res, 200, { access_token: accessToken, token_type: 'Bearer', expires_in: tokenTtlSeconds });
  }

  function putProcedures(province: string, req: IncomingMessage, body: string, res: ServerResponse): void {
    const keyHeader = req.headers['idempotency-key'];
    const key = Array.isArray(keyHeader) ? keyHeader[0] : keyHeader;
    if (!key || key.trim() === '') throw new HttpProblem(400, 'Idempotency-Key header is required');
    if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
      throw new HttpProblem(400, `Idempotency-Key longer than ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`);
    }
    const request = parseJsonBody(body) as { items?: unknown } | null;
    if (
      typeof request !== 'object' ||
      request === null ||
      Array.isArray(request) ||
      !Array.isArray(request.items)
    ) {
      throw new HttpProblem(400, 'body must be { items: [...] }');
    }
    const items: unknown[] = request.items;
    if (items.length > MAX_ITEMS_PER_PUT) {
      throw new HttpProblem(400, `at most ${MAX_ITEMS_PER_PUT} items per request, got ${items.length}`);
    }
    // the canonical form so a re-serialised retry of the same batch still counts as the same body
    const bodyHash = createHash('sha256').update(canonicalJson(request), 'utf8').digest('hex');
    const cached = state.cachedPut(province, key);
    if (cached) {
      if (cached.bodyHash !== bodyHash) {
        throw new HttpProblem(422, `Idempotency-Key ${key} was already used with a different body`);
      }
      state.countReplay();
      writer?.schedule();
      sendJsonText(res, 200, cached.response, { 'idempotent-replayed': 'true' });
      return;
    }
    const response = JSON.stringify({ results: state.applyItems(province, items) });
    state.rememberPut(province, key, { bodyHash, response });
    writer?.schedule();
    if (lostResponseRate > 0 && random() < lostResponseRate) {
      log.info('sandbox response lost after applying', { province, idempotencyKey: key });
      req.socket.destroy();
      return;
    }
    sendJsonText(res, 200, response);
  }

  function listProcedures(province: string, url: URL, res: ServerResponse): void {
    const cursor = url.searchParams.get('cursor');
    const after = cursor ? decodeCursor(cursor) : null;
    const page = state.list(province, after, pageSize);
    sendJson(res, 200, {
      items: page.items,
      nextCursor: page.lastCode === null ? null : encodeCursor(page.lastCode),
    });
  }

  function methodNotAllowed(allowed: string): never {
    throw new HttpProblem(405, 'method not allowed', { allow: allowed });
  }

  /** /_sandbox/*: test helpers, never faulted, delayed or counted. */
  function handleSandboxRoute(req: IncomingMessage, url: URL, res: ServerResponse): void {
    if (url.pathname === '/_sandbox/stats') {
      if (req.method !== 'GET') methodNotAllowed('GET');
      sendJson(res, 200, state.stats());
      return;
    }
    if (url.pathname === '/_sandbox/reset') {
      if (req.method !== 'POST') methodNotAllowed('POST');
      state.reset();
      writer?.schedule();
      sendJson(res, 200, { ok: true });
      return;
    }
    const match = SANDBOX_PROCEDURES_PATH.exec(url.pathname);
    if (match) {
      if (req.method !== 'GET') methodNotAllowed('GET');
      sendJson(res, 200, { items: state.list(provinceOf(match), null, Number.MAX_SAFE_INTEGER).items });
      return;
    }
    throw new HttpProblem(404, `no route ${req.method ?? ''} ${url.pathname}`);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const body = await readBody(req, MAX_BODY_BYTES).catch((err: unknown) => {
      throw err instanceof BodyTooLargeError ? new HttpProblem(413, err.message) : err;
    });
    if (url.pathname.startsWith('/_sandbox/')) {
      handleSandboxRoute(req, url, res);
      return;
    }
    state.countRequest();
    if (latencyMs > 0) await delay(latencyMs, undefined, { signal: closing.signal }).catch(() => undefined);
    if (closing.signal.aborted) {
      req.socket.destroy();
      return;
    }
    // faults come before any routing so a faulted request can never change state
    const fault = drawFault();
    if (fault) {
      injectFault(fault, req, res);
      return;
    }
    log.debug('sandbox request', { method: req.method, path: url.pathname });
    if (url.pathname === '/oauth/token') {
      if (req.method !== 'POST') methodNotAllowed('POST');
      issueToken(body, res);
      return;
    }
    const match = PROCEDURES_PATH.exec(url.pathname);
    if (!match) throw new HttpProblem(404, `no route ${req.method ?? ''} ${url.pathname}`);
    const province = provinceOf(match);
    if (req.method !== 'PUT' && req.method !== 'GET') methodNotAllowed('GET, PUT');
    requireBearer(req);
    if (req.method === 'PUT') putProcedures(province, req, body, res);
    else listProcedures(province, url, res);
  }

  return {
    async listen(port, host = '127.0.0.1') {
      if (listening) throw new Error('portal sandbox is already listening');
      if (opts.dataFile) {
        const snapshot = await readSnapshot(opts.dataFile);
        if (snapshot) state.restore(snapshot);
      }
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      listening = true;
      const actualPort = (server.address() as AddressInfo).port;
      const urlHost = host.includes(':') ? `[${host}]` : host;
      log.info('portal sandbox listening', { port: actualPort, host, ...(opts.random ? {} : { seed }) });
      return { port: actualPort, url: `http://${urlHost}:${actualPort}` };
    },

    async close() {
      if (closing.signal.aborted) return;
      closing.abort();
      if (listening) {
        const closed = new Promise<void>((resolve, reject) =>
          server.close((err) => (err ? reject(err) : resolve())),
        );
        // held (timeout-fault) and keep-alive sockets would otherwise keep close() waiting
        server.closeAllConnections();
        await closed;
      }
      await writer?.flush();
    },

    stats: () => state.stats(),
  };
}
