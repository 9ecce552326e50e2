import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode } from '../errors.ts';
import { sendJson } from '../http.ts';

const ALLOWED_METHODS = 'GET, POST, OPTIONS';
const ALLOWED_HEADERS = [
  'content-type',
  'accept',
  'authorization',
  'x-api-key',
  'x-request-id',
  'x-lienthong-debug',
  'apollo-require-preflight',
  'x-apollo-operation-name',
].join(', ');
const PREFLIGHT_MAX_AGE_S = '600';

/**
 * CORS by an allowlist (CORS_ORIGINS): a listed origin gets `Access-Control-Allow-Origin`, any other
 * gets no CORS header at all, so browsers keep its pages from reading answers. Answers OPTIONS
 * (preflight) itself; returns true when the request has been answered.
 */
export function corsHandler(origins: readonly string[]) {
  const anyOrigin = origins.includes('*');
  const listed = new Set(origins);
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const origin = req.headers.origin;
    const allowed = origin !== undefined && (anyOrigin || listed.has(origin.toLowerCase()));
    res.setHeader('vary', 'Origin');
    if (allowed) {
      res.setHeader('access-control-allow-origin', anyOrigin ? '*' : origin);
      res.setHeader('access-control-expose-headers', 'x-request-id');
    }
    if (req.method !== 'OPTIONS') return false;
    if (origin !== undefined && !allowed) {
      sendJson(res, 403, {
        errors: [
          {
            message: 'Cross-origin requests from this origin are not allowed (CORS_ORIGINS)',
            extensions: { code: ErrorCode.CORS_ORIGIN_NOT_ALLOWED },
          },
        ],
      });
      return true;
    }
    const headers: Record<string, string> = { allow: ALLOWED_METHODS };
    if (allowed) {
      headers['access-control-allow-methods'] = ALLOWED_METHODS;
      headers['access-control-allow-headers'] = ALLOWED_HEADERS;
      headers['access-control-max-age'] = PREFLIGHT_MAX_AGE_S;
    }
    res.writeHead(204, headers);
    res.end();
    return true;
  };
}
