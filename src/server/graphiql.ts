import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** GraphiQL and React builds served from node_modules: no CDN, government networks are often offline. */
const ASSETS: Record<string, { file: string; type: string }> = {
  'react.js': { file: 'react/umd/react.production.min.js', type: 'text/javascript' },
  'react-dom.js': { file: 'react-dom/umd/react-dom.production.min.js', type: 'text/javascript' },
  'graphiql.js': { file: 'graphiql/graphiql.min.js', type: 'text/javascript' },
  'graphiql.css': { file: 'graphiql/graphiql.min.css', type: 'text/css' },
};

const cache = new Map<string, Buffer>();

function resolveAsset(file: string): string {
  const [pkg, ...rest] = file.split('/');
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), ...rest);
}

export function graphiqlAsset(name: string, res: ServerResponse): void {
  // own keys only: `constructor` or `__proto__` are not assets
  const asset = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
  if (!asset) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    return void res.end('unknown asset');
  }
  let body = cache.get(name);
  if (!body) cache.set(name, (body = fs.readFileSync(resolveAsset(asset.file))));
  res.writeHead(200, {
    'content-type': `${asset.type}; charset=utf-8`,
    'cache-control': 'public, max-age=86400',
  });
  res.end(body);
}

/** Example tabs for analysts, commented in Vietnamese and English. */
export const EXAMPLE_TABS: { query: string; variables?: string }[] = [
  {
    query: `# Hồ sơ trễ hạn của một sở trong tháng này — late dossiers of a department this month.
# Đổi "unit" thành id của sở cần xem (lấy từ truy vấn units) — set "unit" to the department's id.
query LateDossiersThisMonth($from: Date!, $to: Date!) {
  dossiers(
    filter: { timeliness: [LATE, OVERDUE], receivedFrom: $from, receivedTo: $to }
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
    variables: JSON.stringify({ from: monthStart(), to: today() }, null, 2),
  },
  {
    query: `# Thủ tục dịch vụ công trực tuyến toàn trình theo lĩnh vực — fully-online procedures by field.
query FullyOnlineProcedures {
  procedures(filter: { onlineService: FULL, field: "ho tich", status: ACTIVE }, first: 50) {
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
    query: `# Căn cứ pháp lý của một thủ tục — legal basis of a procedure (1.001193: Đăng ký khai sinh).
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
    query: `# Hồ sơ của một xã theo tình trạng đúng hạn — dossiers of a commune by timeliness.
query CommuneDossiers {
  units(filter: { level: COMMUNE, search: "dien" }, first: 3) {
    nodes {
      name
      code
      onTime: dossiers(filter: { timeliness: [EARLY, ON_TIME] }) { totalCount }
      late: dossiers(filter: { timeliness: [LATE] }) { totalCount }
      open: dossiers(filter: { timeliness: [PENDING, OVERDUE] }) { totalCount }
      notCounted: dossiers(filter: { timeliness: [NOT_COUNTED] }) { totalCount }
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

export function graphiqlPage(): string {
  const headers = EXAMPLE_HEADERS;
  const tabs = JSON.stringify(EXAMPLE_TABS.map((t) => ({ ...t, headers }))).replace(/</g, '\\u003c');
  const defaultHeaders = JSON.stringify(headers).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="vi">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>lienthong — GraphiQL</title>
  <link rel="stylesheet" href="/graphql?asset=graphiql.css" />
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Đang tải GraphiQL… / Loading GraphiQL…</div>
  <script src="/graphql?asset=react.js"></script>
  <script src="/graphql?asset=react-dom.js"></script>
  <script src="/graphql?asset=graphiql.js"></script>
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
      defaultEditorToolbarTabs: 'variables',
      isHeadersEditorEnabled: true,
      defaultHeaders: ${defaultHeaders},
      shouldPersistHeaders: false,
    }));
  </script>
</body>
</html>`;
}
