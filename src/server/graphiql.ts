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

/** The editors' font: Roboto Mono (OFL-1.1), whose Vietnamese subset has the stacked diacritics (ồ, ễ). */
export const MONO_FONT = 'Roboto Mono';

/**
 * GraphiQL, React and the editors' font, served from node_modules: no CDN, government networks are often
 * offline. `compress: false` for woff2, which is compressed already.
 */
const ASSETS: Record<string, { file: string; type: string; compress: boolean }> = {
  'react.js': {
    file: 'react/umd/react.production.min.js',
    type: 'text/javascript; charset=utf-8',
    compress: true,
  },
  'react-dom.js': {
    file: 'react-dom/umd/react-dom.production.min.js',
    type: 'text/javascript; charset=utf-8',
    compress: true,
  },
  'graphiql.js': { file: 'graphiql/graphiql.min.js', type: 'text/javascript; charset=utf-8', compress: true },
  'graphiql.css': { file: 'graphiql/graphiql.min.css', type: 'text/css; charset=utf-8', compress: true },
  'roboto-mono-latin.woff2': {
    file: '@fontsource/roboto-mono/files/roboto-mono-latin-400-normal.woff2',
    type: 'font/woff2',
    compress: false,
  },
  'roboto-mono-vietnamese.woff2': {
    file: '@fontsource/roboto-mono/files/roboto-mono-vietnamese-400-normal.woff2',
    type: 'font/woff2',
    compress: false,
  },
};

type Encoding = 'br' | 'gzip';

interface LoadedAsset {
  body: Buffer;
  /** sha256 of the file, base64url, 22 characters: the page's `v=` and the ETag's stem */
  hash: string;
  /** compressed once, on first request, off the event loop; kept in memory */
  encoded: Partial<Record<Encoding, Promise<Buffer>>>;
}

const loaded = new Map<string, LoadedAsset>();

function resolveAsset(file: string): string {
  const parts = file.split('/');
  const pkg = parts[0]!.startsWith('@') ? parts.splice(0, 2).join('/') : parts.splice(0, 1)[0]!;
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), ...parts);
}

function loadAsset(name: string): LoadedAsset | undefined {
  // own keys only: `constructor` or `__proto__` are not assets
  if (!Object.hasOwn(ASSETS, name)) return undefined;
  let a = loaded.get(name);
  if (!a) {
    const body = fs.readFileSync(resolveAsset(ASSETS[name]!.file));
    const hash = createHash('sha256').update(body).digest('base64url').slice(0, 22);
    loaded.set(name, (a = { body, hash, encoded: {} }));
  }
  return a;
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

/** The asset's URL with its content hash: such URLs are served `immutable`. */
export function assetUrl(name: string): string {
  const a = loadAsset(name);
  if (!a) throw new Error(`unknown GraphiQL asset ${name}`);
  return `/graphql?asset=${encodeURIComponent(name)}&v=${a.hash}`;
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

export async function graphiqlAsset(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const name = url.searchParams.get('asset') ?? '';
  const a = loadAsset(name);
  if (!a) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    return void res.end('unknown asset');
  }
  const spec = ASSETS[name]!;
  const enc = spec.compress ? pickEncoding(req.headers['accept-encoding']) : undefined;
  // a strong ETag per representation: the gzip and br bodies are other bytes than the file
  const etag = `"${a.hash}${enc ? '-' + enc : ''}"`;
  const headers: Record<string, string> = {
    'content-type': spec.type,
    // a URL carrying the content's hash never changes; one without it (or an old hash) is revalidated daily
    'cache-control':
      url.searchParams.get('v') === a.hash ? 'public, max-age=31536000, immutable' : 'public, max-age=86400',
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
}

/**
 * The longest line an example may have: what the query editor shows without scrolling at 1440 px
 * (the browser test checks the editor does not scroll sideways).
 */
export const EXAMPLE_LINE_LIMIT = 60;

/** Example tabs for analysts, commented in Vietnamese and English, each line within EXAMPLE_LINE_LIMIT. */
export const EXAMPLE_TABS: { query: string; variables?: string }[] = [
  {
    query: `# Hồ sơ trễ hạn trong tháng này, của một sở nếu đặt "unit"
#   — late dossiers this month, of one department
#   if "unit" is set.
# "unit": id của sở, lấy từ truy vấn units; null là mọi
#   đơn vị — the department's id, from the units query;
#   null means every unit.
query LateDossiersThisMonth(
  $from: Date!
  $to: Date!
  $unit: ID
) {
  dossiers(
    filter: {
      timeliness: [LATE, OVERDUE]
      receivedFrom: $from
      receivedTo: $to
      unit: $unit
    }
    first: 20
  ) {
    totalCount
    nodes {
      code
      procedure { name }
      receivingUnit { name }
      receivedAt
      dueAt
      resolvedAt
      timeliness
      apologyIssued
      province { name }
    }
  }
}`,
    variables: JSON.stringify({ from: monthStart(), to: today(), unit: null }, null, 2),
  },
  {
    query: `# Thủ tục dịch vụ công trực tuyến toàn trình theo lĩnh
#   vực — fully-online procedures by field.
query FullyOnlineProcedures {
  procedures(
    filter: {
      onlineService: FULL
      field: "ho tich"
      status: ACTIVE
    }
    first: 50
  ) {
    totalCount
    nodes {
      nationalCode
      name
      field
      processingDays
      fee
      province { name }
    }
  }
}`,
  },
  {
    query: `# Căn cứ pháp lý của một thủ tục
#   — legal basis of a procedure
#   (1.001193: Đăng ký khai sinh — birth registration).
query LegalBasis {
  procedure(nationalCode: "1.001193", province: "40") {
    name
    legalBasis { numberSymbol issuedOn issuerName summary }
    publishingDecisions { numberSymbol issuedOn summary }
    requirements { name form originals copies }
  }
}`,
  },
  {
    query: `# Hồ sơ của một xã theo tình trạng đúng hạn
#   — dossiers of a commune by timeliness.
query CommuneDossiers {
  units(
    filter: { level: COMMUNE, search: "dien" }
    first: 3
  ) {
    nodes {
      name
      code
      onTime: dossiers(
        filter: { timeliness: [EARLY, ON_TIME] }
      ) { totalCount }
      late: dossiers(
        filter: { timeliness: [LATE] }
      ) { totalCount }
      open: dossiers(
        filter: { timeliness: [PENDING, OVERDUE] }
      ) { totalCount }
      notCounted: dossiers(
        filter: { timeliness: [NOT_COUNTED] }
      ) { totalCount }
    }
  }
}`,
  },
];

function today(): string {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}
function monthStart(): string {
  return today().slice(0, 8) + '01';
}

/**
 * The headers pane's starting text. GraphiQL parses it as strict JSON (no comments), so the explanation
 * sits under a "//" key; the page's fetcher drops that key, and an Authorization left at "Bearer ".
 */
export const EXAMPLE_HEADERS = JSON.stringify(
  {
    '//': 'Paste an API key (lienthong keys create) or an OIDC token after "Bearer "; without one you read as an anonymous caller, with applicants masked',
    Authorization: 'Bearer ',
  },
  null,
  2,
);

/** unicode-range of fontsource's latin and vietnamese subsets: the browser fetches a file only when used */
const LATIN_RANGE =
  'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';
const VIETNAMESE_RANGE =
  'U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB';

export function graphiqlPage(): string {
  const headers = EXAMPLE_HEADERS;
  const tabs = JSON.stringify(EXAMPLE_TABS.map((t) => ({ ...t, headers }))).replace(/</g, '\\u003c');
  const defaultHeaders = JSON.stringify(headers).replace(/</g, '\\u003c');
  const face = (asset: string, range: string) =>
    `@font-face { font-family: '${MONO_FONT}'; font-style: normal; font-weight: 400; font-display: swap;` +
    ` src: url('${assetUrl(asset)}') format('woff2'); unicode-range: ${range}; }`;
  return `<!doctype html>
<html lang="vi">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>lienthong — GraphiQL</title>
  <link rel="stylesheet" href="${assetUrl('graphiql.css')}" />
  <style>
    html, body, #graphiql { height: 100%; margin: 0; }
    ${face('roboto-mono-latin.woff2', LATIN_RANGE)}
    ${face('roboto-mono-vietnamese.woff2', VIETNAMESE_RANGE)}
    /* GraphiQL's own Fira Code has no Vietnamese stacked diacritics (ồ, ễ) */
    .graphiql-container, .CodeMirror-info, .CodeMirror-lint-tooltip, .graphiql-dialog,
    .graphiql-tooltip, [data-radix-popper-content-wrapper] {
      --font-family-mono: '${MONO_FONT}', 'Fira Code', monospace;
    }
  </style>
</head>
<body>
  <div id="graphiql">Đang tải GraphiQL… / Loading GraphiQL…</div>
  <script src="${assetUrl('react.js')}"></script>
  <script src="${assetUrl('react-dom.js')}"></script>
  <script src="${assetUrl('graphiql.js')}"></script>
  <script>
    const tabs = ${tabs};
    const send = GraphiQL.createFetcher({ url: window.location.origin + '/graphql' });
    // right after a tab switch GraphiQL can still send the previous tab's operation name with the new
    // tab's query ("Unknown operation named …"): send a name only when the query defines it
    const fetcher = (params, options) => {
      const name = params.operationName;
      const defined =
        name && new RegExp('(query|mutation|subscription)[ ]+' + name + '([^A-Za-z0-9_]|$)').test(params.query);
      const headers = {};
      for (const [k, v] of Object.entries((options && options.headers) || {})) {
        if (k === '//' || (/^authorization$/i.test(k) && /^bearer[ ]*$/i.test(String(v)))) continue;
        headers[k] = v;
      }
      return send(name && !defined ? { ...params, operationName: undefined } : params, { ...options, headers });
    };
    const root = ReactDOM.createRoot(document.getElementById('graphiql'));
    root.render(React.createElement(GraphiQL, {
      fetcher,
      defaultTabs: tabs,
      // GraphiQL 3 fills the editors on load from these props, not from defaultTabs[0]: without them the
      // first tab opens with an empty variables pane and fails ("$from" of required type "Date!")
      query: tabs[0].query,
      variables: tabs[0].variables,
      defaultEditorToolbarTabs: 'variables',
      isHeadersEditorEnabled: true,
      defaultHeaders: ${defaultHeaders},
      shouldPersistHeaders: false,
    }));
  </script>
</body>
</html>`;
}
