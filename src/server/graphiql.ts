import type { IncomingMessage, ServerResponse } from 'node:http';
import { createAssetServer, LATIN_RANGE, VIETNAMESE_RANGE } from './assets.ts';

/** The editors' font: Roboto Mono (OFL-1.1), whose Vietnamese subset has the stacked diacritics (ồ, ễ). */
export const MONO_FONT = 'Roboto Mono';

/**
 * GraphiQL, React and the editors' font, served from node_modules: no CDN, government networks are often
 * offline. `compress: false` for woff2, which is compressed already.
 */
const assets = createAssetServer('/graphql', {
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
});

/** The asset's URL with its content hash: such URLs are served `immutable`. */
export const assetUrl = (name: string): string => assets.url(name);

export function graphiqlAsset(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  return assets.serve(req, res, url);
}

/**
 * The longest line an example may have: what the query editor shows without scrolling at 1440 px
 * (the browser test checks the editor does not scroll sideways).
 */
export const EXAMPLE_LINE_LIMIT = 60;

/** A GraphiQL tab: the query and its variables (JSON text). */
export interface ExampleTab {
  query: string;
  variables?: string;
}

/**
 * Example tabs for analysts, commented in Vietnamese and English, each line within EXAMPLE_LINE_LIMIT.
 * Their dates are computed for each page served (a hub up for weeks still offers this month).
 */
export function exampleTabs(now: Date = new Date()): ExampleTab[] {
  const today = localDay(now);
  const monthStart = today.slice(0, 8) + '01';
  const yearStart = today.slice(0, 5) + '01-01';
  const lastMonth = previousMonth(today);
  // the backlog of dossiers that arrived since then, within the 3,660 days a period may span
  const nineYearsBack = `${Number(today.slice(0, 4)) - 9}-01-01`;
  return [
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
      variables: JSON.stringify({ from: monthStart, to: today, unit: null }, null, 2),
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
    {
      query: `# Đơn vị có nhiều hồ sơ quá hạn nhất — units with the
#   most overdue dossiers (open and past due) now.
# Đếm hồ sơ đến từ "from" tới "to"; "from" lùi 9 năm:
#   mọi hồ sơ tồn — counts dossiers arrived from "from"
#   to "to"; 9 years back takes the whole backlog.
query MostOverdueUnits($from: Date!, $to: Date!) {
  indicators(
    period: { from: $from, to: $to }
    groupBy: [UNIT]
    orderBy: { measure: OVERDUE }
    first: 10
  ) {
    asOf
    rows {
      unit { name }
      province { name }
      overdue
      pending
      onTimeRate
    }
    total { overdue pending }
  }
}`,
      variables: JSON.stringify({ from: nineYearsBack, to: today }, null, 2),
    },
    {
      query: `# Tỷ lệ đúng hạn tháng trước, theo tỉnh
#   — last month's on-time rate, by province:
#   (trước hạn + đúng hạn) ÷ đã giải quyết
#   = (early + on time) ÷ resolved.
query OnTimeRateLastMonth($from: Date!, $to: Date!) {
  indicators(
    period: { from: $from, to: $to }
    groupBy: [PROVINCE]
    orderBy: { measure: ON_TIME_RATE }
  ) {
    rows {
      province { name }
      resolved
      early
      onTime
      late
      onTimeRate
      points { timeliness }
    }
    total { resolved onTimeRate }
  }
}`,
      variables: JSON.stringify(lastMonth, null, 2),
    },
    {
      query: `# Chỉ số theo lĩnh vực từ đầu năm — indicators by
#   field, year to date, most resolved first.
query IndicatorsByField($from: Date!, $to: Date!) {
  indicators(
    period: { from: $from, to: $to }
    groupBy: [FIELD]
    orderBy: { measure: RESOLVED }
    first: 20
  ) {
    totalRows
    rows {
      field
      received
      resolved
      onTimeRate
      onlineShare
      averageProcessingDays
      satisfactionAverage
    }
  }
}`,
      variables: JSON.stringify({ from: yearStart, to: today }, null, 2),
    },
  ];
}

/** The local (UTC+7) day of an instant, `2026-11-20`. */
function localDay(at: Date): string {
  return new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** First and last day of the month before the given day's. */
function previousMonth(day: string): { from: string; to: string } {
  const [y, m] = day.split('-').map(Number) as [number, number];
  // Date.UTC with day 0 is the last day of the month before
  const last = new Date(Date.UTC(y, m - 1, 0)).toISOString().slice(0, 10);
  return { from: last.slice(0, 8) + '01', to: last };
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

/**
 * The GraphiQL page. `first`, when given (`/graphiql?query=…&variables=…`, the dashboard's links), opens
 * as the first tab, ahead of the examples, with its variables in the pane so it runs on first click.
 */
export function graphiqlPage(now: Date = new Date(), first?: ExampleTab): string {
  const headers = EXAMPLE_HEADERS;
  const all = first ? [first, ...exampleTabs(now)] : exampleTabs(now);
  const tabs = JSON.stringify(all.map((t) => ({ ...t, headers }))).replace(/</g, '\\u003c');
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

/**
 * GET /graphiql: the GraphiQL page; with `?query=…&variables=…` (the dashboard's "Open in GraphiQL" links) it
 * opens on that query, variables filled in.
 */
export async function graphiqlLinkRoute(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
    return void res.end(`Method ${req.method} not allowed`);
  }
  const query = url.searchParams.get('query')?.trim();
  const variables = url.searchParams.get('variables') ?? undefined;
  const first = query ? { query, ...(variables ? { variables: pretty(variables) } : {}) } : undefined;
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
  res.end(req.method === 'HEAD' ? undefined : graphiqlPage(new Date(), first));
}

/** Variables as the pane shows them, indented; text that is not JSON is left for GraphiQL to point out. */
function pretty(json: string): string {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}
