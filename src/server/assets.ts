import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const require = createRequire(import.meta.url);
const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/**
 * A static file a hub page loads: from an npm package (`graphiql/graphiql.min.js`) or, when absolute, one of
 * the hub's own files. `compress: false` for what is compressed already (woff2).
 */
export interface AssetSpec {
  file: string;
  type: string;
  compress: boolean;
}

/** unicode-range of fontsource's latin and vietnamese subsets: the browser fetches a file only when used */
export const LATIN_RANGE =
  'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';
export const VIETNAMESE_RANGE =
  'U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB';

type Encoding = 'br' | 'gzip';

interface LoadedAsset {
  body: Buffer;
  /** sha256 of the file, base64url, 22 characters: the page's `v=` and the ETag's stem */
  hash: string;
  /** compressed once, on first request, off the event loop; kept in memory */
  encoded: Partial<Record<Encoding, Promise<Buffer>>>;
}

/** The static files of one page: their hashed URLs and the route that serves them. */
export interface AssetServer {
  /** The asset's URL with its content hash: such URLs are served `immutable`. */
  url(name: string): string;
  /** Serves `?asset=<name>` (GET or HEAD): compressed as Accept-Encoding allows, with a strong ETag. */
  serve(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void>;
}

function resolveAsset(file: string): string {
  if (path.isAbsolute(file)) return file;
  const parts = file.split('/');
  const pkg = parts[0]!.startsWith('@') ? parts.splice(0, 2).join('/') : parts.splice(0, 1)[0]!;
  return path.join(packageDir(pkg), ...parts);
}

/** The package's folder; by its entry point when its `exports` hide package.json (chart.js). */
function packageDir(pkg: string): string {
  try {
    return path.dirname(require.resolve(`${pkg}/package.json`));
  } catch {
    let dir = path.dirname(require.resolve(pkg));
    while (!isPackageRoot(dir, pkg)) {
      const up = path.dirname(dir);
      if (up === dir) throw new Error(`no folder of package ${pkg}`);
      dir = up;
    }
    return dir;
  }
}

function isPackageRoot(dir: string, pkg: string): boolean {
  const file = path.join(dir, 'package.json');
  return fs.existsSync(file) && (JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string }).name === pkg;
}

function encode(a: LoadedAsset, enc: Encoding): Promise<Buffer> {
  let p = a.encoded[enc];
  if (!p) {
    p =
      enc === 'br'
        ? brotli(a.body, {
            params: {
              [zlib.constants.BROTLI_PARAM_QUALITY]: 9,
              [zlib.constants.BROTLI_PARAM_SIZE_HINT]: a.body.length,
            },
          })
        : gzip(a.body, { level: 9 });
    a.encoded[enc] = p;
    p.catch(() => delete a.encoded[enc]);
  }
  return p;
}

/** br, then gzip, when Accept-Encoding allows it (a `;q=0` refuses; `*` allows). */
export function pickEncoding(accept: string | undefined): Encoding | undefined {
  const q = new Map<string, number>();
  for (const part of (accept ?? '').toLowerCase().split(',')) {
    const [token, ...params] = part.trim().split(';');
    if (!token) continue;
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qp ? Number(qp.slice(2)) : 1;
    q.set(token.trim(), Number.isFinite(value) ? value : 0);
  }
  const allowed = (enc: Encoding) => (q.get(enc) ?? q.get('*') ?? 0) > 0;
  if (allowed('br')) return 'br';
  if (allowed('gzip')) return 'gzip';
  return undefined;
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  // weak comparison, as If-None-Match asks (RFC 9110 §13.1.2)
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/**
 * The assets of a page served at `route` (`/graphql`, `/dashboard`) as `route?asset=<name>&v=<hash>`:
 * read from disk on first use and kept in memory, like the compressed bodies.
 */
export function createAssetServer(route: string, assets: Record<string, AssetSpec>): AssetServer {
  const loaded = new Map<string, LoadedAsset>();
  const load = (name: string): LoadedAsset | undefined => {
    // own keys only: `constructor` or `__proto__` are not assets
    if (!Object.hasOwn(assets, name)) return undefined;
    let a = loaded.get(name);
    if (!a) {
      const body = fs.readFileSync(resolveAsset(assets[name]!.file));
      const hash = createHash('sha256').update(body).digest('base64url').slice(0, 22);
      loaded.set(name, (a = { body, hash, encoded: {} }));
    }
    return a;
  };
  return {
    url(name) {
      const a = load(name);
      if (!a) throw new Error(`unknown asset ${name} of ${route}`);
      return `${route}?asset=${encodeURIComponent(name)}&v=${a.hash}`;
    },
    async serve(req, res, url) {
      const name = url.searchParams.get('asset') ?? '';
      const a = load(name);
      if (!a) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        return void res.end('unknown asset');
      }
      const spec = assets[name]!;
      const enc = spec.compress ? pickEncoding(req.headers['accept-encoding']) : undefined;
      // a strong ETag per representation: the gzip and br bodies are other bytes than the file
      const etag = `"${a.hash}${enc ? '-' + enc : ''}"`;
      const headers: Record<string, string> = {
        'content-type': spec.type,
        // a URL carrying the content's hash never changes; one without it (or an old hash) is revalidated daily
        'cache-control':
          url.searchParams.get('v') === a.hash
            ? 'public, max-age=31536000, immutable'
            : 'public, max-age=86400',
        etag,
      };
      if (spec.compress) headers['vary'] = 'accept-encoding';
      if (etagMatches(req.headers['if-none-match'], etag)) {
        res.writeHead(304, headers);
        return void res.end();
      }
      const body = enc ? await encode(a, enc) : a.body;
      if (enc) headers['content-encoding'] = enc;
      headers['content-length'] = String(body.length);
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    },
  };
}
