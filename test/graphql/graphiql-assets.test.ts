import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphiqlPage } from '../../src/server/graphiql.ts';
import { startTestHub, type TestHub } from '../helpers/hub.ts';

const require = createRequire(import.meta.url);
const file = (pkg: string, rel: string) =>
  fs.readFileSync(path.join(path.dirname(require.resolve(`${pkg}/package.json`)), rel));

let hub: TestHub;

/** node:http, not fetch: fetch would ask for and undo the compression itself, hiding the raw bytes */
function get(
  pathAndQuery: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${hub.url}${pathAndQuery}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

/** the page's URL of an asset, with its content hash */
function pageUrl(name: string): string {
  const m = new RegExp(`/graphql\\?asset=${name.replace(/\./g, '\\.')}&v=[A-Za-z0-9_-]+`).exec(
    graphiqlPage(),
  );
  expect(m, name).not.toBeNull();
  return m![0];
}

describe('GraphiQL assets: compressed once, cached by content hash', () => {
  beforeAll(async () => {
    hub = await startTestHub({ provinces: ['40'] });
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('gzip or brotli when asked, identity otherwise; the bodies decompress to the file', async () => {
    const original = file('graphiql', 'graphiql.min.js');
    const url = pageUrl('graphiql.js');

    const gz = await get(url, { 'accept-encoding': 'gzip' });
    expect(gz.status).toBe(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['vary']).toMatch(/accept-encoding/i);
    expect(gz.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(gz.body.length).toBeLessThan(original.length / 3);
    expect(zlib.gunzipSync(gz.body).equals(original)).toBe(true);

    const br = await get(url, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(br.body).equals(original)).toBe(true);

    // br refused by q=0: gzip
    expect((await get(url, { 'accept-encoding': 'br;q=0, gzip' })).headers['content-encoding']).toBe('gzip');

    const asked: Record<string, string>[] = [
      {},
      { 'accept-encoding': 'identity' },
      { 'accept-encoding': 'gzip;q=0' },
    ];
    for (const headers of asked) {
      const plain = await get(url, headers);
      expect(plain.status).toBe(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.equals(original)).toBe(true);
    }
  });

  it('a strong ETag per encoding, 304 on If-None-Match; immutable only with the content hash', async () => {
    const url = pageUrl('graphiql.css');
    const gz = await get(url, { 'accept-encoding': 'gzip' });
    const plain = await get(url);
    expect(gz.headers.etag).toMatch(/^"[A-Za-z0-9_-]+-gzip"$/);
    expect(plain.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(gz.headers.etag).not.toBe(plain.headers.etag);
    expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const again = await get(url, { 'accept-encoding': 'gzip', 'if-none-match': gz.headers.etag! });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(gz.headers.etag);
    // the identity ETag does not match the gzip body
    expect((await get(url, { 'accept-encoding': 'gzip', 'if-none-match': plain.headers.etag! })).status).toBe(
      200,
    );

    // without the hash, or with an old one: revalidated daily
    for (const u of ['/graphql?asset=graphiql.css', '/graphql?asset=graphiql.css&v=old']) {
      const r = await get(u);
      expect(r.status).toBe(200);
      expect(r.headers['cache-control']).toBe('public, max-age=86400');
    }
  });

  it('the font is served as font/woff2, not compressed again', async () => {
    const r = await get(pageUrl('roboto-mono-vietnamese.woff2'), { 'accept-encoding': 'gzip, br' });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('font/woff2');
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(
      r.body.equals(file('@fontsource/roboto-mono', 'files/roboto-mono-vietnamese-400-normal.woff2')),
    ).toBe(true);
  });

  it('unknown assets and inherited keys are 404', async () => {
    for (const name of ['nope.js', 'constructor', '__proto__', 'toString', '../package.json']) {
      const r = await get(`/graphql?asset=${encodeURIComponent(name)}`, { 'accept-encoding': 'gzip' });
      expect(r.status, name).toBe(404);
    }
  });
});
