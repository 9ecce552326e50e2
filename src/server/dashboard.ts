import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createAssetServer, LATIN_RANGE, VIETNAMESE_RANGE } from './assets.ts';

/** The dashboard's sans-serif: Roboto (OFL-1.1), whose Vietnamese subset the charts' canvas text needs. */
export const SANS_FONT = 'Roboto';

const own = (file: string) => fileURLToPath(new URL(`./dashboard/${file}`, import.meta.url));

/** Chart.js (pinned), the page's script and style, and Roboto: all served by the hub, no CDN. */
const assets = createAssetServer('/dashboard', {
  'chart.js': {
    file: 'chart.js/dist/chart.umd.min.js',
    type: 'text/javascript; charset=utf-8',
    compress: true,
  },
  'dashboard.js': { file: own('dashboard.js'), type: 'text/javascript; charset=utf-8', compress: true },
  'dashboard.css': { file: own('dashboard.css'), type: 'text/css; charset=utf-8', compress: true },
  'roboto-latin-400.woff2': {
    file: '@fontsource/roboto/files/roboto-latin-400-normal.woff2',
    type: 'font/woff2',
    compress: false,
  },
  'roboto-vietnamese-400.woff2': {
    file: '@fontsource/roboto/files/roboto-vietnamese-400-normal.woff2',
    type: 'font/woff2',
    compress: false,
  },
  'roboto-latin-700.woff2': {
    file: '@fontsource/roboto/files/roboto-latin-700-normal.woff2',
    type: 'font/woff2',
    compress: false,
  },
  'roboto-vietnamese-700.woff2': {
    file: '@fontsource/roboto/files/roboto-vietnamese-700-normal.woff2',
    type: 'font/woff2',
    compress: false,
  },
});

/** The asset's URL with its content hash. */
export const dashboardAssetUrl = (name: string): string => assets.url(name);

/** A column of a chart's data table: the row's field and its heading. */
export interface ChartColumn {
  key: string;
  title: string;
  /** a 0–1 share, shown as a percentage */
  percent?: boolean;
}

/** One chart: its query, the period it covers, what it draws and the numbers its table shows. */
export interface ChartSpec {
  id: string;
  title: string;
  /** what is counted, in a line under the title */
  note: string;
  query: string;
  /**
   * `months`: the 12 months ending with the period's last month (a trend needs them whatever the period);
   * `period`: the period as chosen; `backlog`: BACKLOG_DAYS to the period's last day, so the backlog (open
   * dossiers judged now) holds every dossier that arrived by then, not only the period's.
   */
  span: 'months' | 'period' | 'backlog';
  /** `period`: the month (`2026-10`); `unit`: the responsible unit; `field`: the field; none: the total */
  label?: 'period' | 'unit' | 'field';
  /** line over months, or horizontal bars over units and fields; `tiles` shows the total's numbers */
  kind: 'line' | 'hbar' | 'tiles';
  /** the row field drawn */
  value: string;
  /** rows whose value is 0 are left out of the chart and its table (units with nothing overdue) */
  omitZero?: boolean;
  columns: ChartColumn[];
}

/** Days before the period's end that the backlog chart counts from: within the API's 3,660-day limit. */
export const BACKLOG_DAYS = 3650;

const VARS = `$from: Date!
  $to: Date!
  $provinces: [String!]`;
const ARGS = `period: { from: $from, to: $to }
    filter: { provinces: $provinces }`;

/**
 * The dashboard's charts. Each runs its own query, the one its "Open in GraphiQL" link opens; the test
 * compares each data table with the same query sent directly.
 */
export const DASHBOARD_CHARTS: ChartSpec[] = [
  {
    id: 'totals',
    title: 'Tổng quan kỳ báo cáo — Period overview',
    note: 'Hồ sơ của kỳ đã chọn; quá hạn: còn mở và quá hạn lúc xem — dossiers of the period; overdue: open and past due now.',
    span: 'period',
    kind: 'tiles',
    value: 'onTimeRate',
    query: `query DashboardTotals(
  ${VARS}
) {
  indicators(
    ${ARGS}
  ) {
    asOf
    total {
      received
      resolved
      onTimeRate
      onlineShare
      overdue
      averageProcessingDays
    }
  }
}`,
    columns: [
      { key: 'received', title: 'Tiếp nhận — received' },
      { key: 'resolved', title: 'Đã giải quyết — resolved' },
      { key: 'onTimeRate', title: 'Tỷ lệ đúng hạn — on-time rate', percent: true },
      { key: 'onlineShare', title: 'Tỷ lệ trực tuyến — online share', percent: true },
      { key: 'overdue', title: 'Hồ sơ của kỳ đang quá hạn — overdue now' },
      { key: 'averageProcessingDays', title: 'Ngày xử lý TB — avg. working days' },
    ],
  },
  {
    id: 'on-time-by-month',
    title: 'Tỷ lệ giải quyết đúng hạn theo tháng — On-time rate by month',
    note: '(Trước hạn + đúng hạn) ÷ đã giải quyết, 12 tháng đến hết kỳ — (early + on time) ÷ resolved, 12 months.',
    span: 'months',
    label: 'period',
    kind: 'line',
    value: 'onTimeRate',
    query: `query OnTimeRateByMonth(
  ${VARS}
) {
  indicators(
    ${ARGS}
    groupBy: [MONTH]
    first: 12
  ) {
    rows {
      period
      resolved
      early
      onTime
      late
      onTimeRate
    }
  }
}`,
    columns: [
      { key: 'period', title: 'Tháng — month' },
      { key: 'resolved', title: 'Đã giải quyết — resolved' },
      { key: 'early', title: 'Trước hạn — early' },
      { key: 'onTime', title: 'Đúng hạn — on time' },
      { key: 'late', title: 'Trễ hạn — late' },
      { key: 'onTimeRate', title: 'Tỷ lệ đúng hạn — on-time rate', percent: true },
    ],
  },
  {
    id: 'online-by-month',
    title: 'Tỷ lệ hồ sơ trực tuyến theo tháng — Online share by month',
    note: 'Tiếp nhận trực tuyến ÷ tiếp nhận, 12 tháng đến hết kỳ — received online ÷ received, 12 months.',
    span: 'months',
    label: 'period',
    kind: 'line',
    value: 'onlineShare',
    query: `query OnlineShareByMonth(
  ${VARS}
) {
  indicators(
    ${ARGS}
    groupBy: [MONTH]
    first: 12
  ) {
    rows {
      period
      received
      receivedOnline
      onlineShare
    }
  }
}`,
    columns: [
      { key: 'period', title: 'Tháng — month' },
      { key: 'received', title: 'Tiếp nhận — received' },
      { key: 'receivedOnline', title: 'Trực tuyến — online' },
      { key: 'onlineShare', title: 'Tỷ lệ trực tuyến — online share', percent: true },
    ],
  },
  {
    id: 'on-time-by-unit',
    title: 'Tỷ lệ đúng hạn theo đơn vị — On-time rate by unit',
    note: '15 đơn vị giải quyết nhiều hồ sơ nhất trong kỳ — the 15 units that resolved the most dossiers.',
    span: 'period',
    label: 'unit',
    kind: 'hbar',
    value: 'onTimeRate',
    query: `query OnTimeRateByUnit(
  ${VARS}
) {
  indicators(
    ${ARGS}
    groupBy: [UNIT]
    orderBy: { measure: RESOLVED }
    first: 15
  ) {
    totalRows
    rows {
      unit { name }
      province { name }
      resolved
      onTime
      early
      late
      onTimeRate
    }
  }
}`,
    columns: [
      { key: 'unit', title: 'Đơn vị — unit' },
      { key: 'province', title: 'Tỉnh — province' },
      { key: 'resolved', title: 'Đã giải quyết — resolved' },
      { key: 'early', title: 'Trước hạn — early' },
      { key: 'onTime', title: 'Đúng hạn — on time' },
      { key: 'late', title: 'Trễ hạn — late' },
      { key: 'onTimeRate', title: 'Tỷ lệ đúng hạn — on-time rate', percent: true },
    ],
  },
  {
    id: 'on-time-by-field',
    title: 'Tỷ lệ đúng hạn theo lĩnh vực — On-time rate by field',
    note: '15 lĩnh vực giải quyết nhiều hồ sơ nhất trong kỳ — the 15 fields with the most dossiers resolved.',
    span: 'period',
    label: 'field',
    kind: 'hbar',
    value: 'onTimeRate',
    query: `query OnTimeRateByField(
  ${VARS}
) {
  indicators(
    ${ARGS}
    groupBy: [FIELD]
    orderBy: { measure: RESOLVED }
    first: 15
  ) {
    totalRows
    rows {
      field
      resolved
      onTimeRate
      onlineShare
      averageProcessingDays
    }
  }
}`,
    columns: [
      { key: 'field', title: 'Lĩnh vực — field' },
      { key: 'resolved', title: 'Đã giải quyết — resolved' },
      { key: 'onTimeRate', title: 'Tỷ lệ đúng hạn — on-time rate', percent: true },
      { key: 'onlineShare', title: 'Tỷ lệ trực tuyến — online share', percent: true },
      { key: 'averageProcessingDays', title: 'Ngày xử lý TB — avg. working days' },
    ],
  },
  {
    id: 'overdue-by-unit',
    title: 'Hồ sơ đang quá hạn theo đơn vị — Overdue now by unit',
    note: 'Hồ sơ đến trước hết kỳ, còn mở và đã quá hạn lúc xem, 15 đơn vị nhiều nhất — open and past due now, of dossiers arrived by the period’s end; top 15 units.',
    span: 'backlog',
    label: 'unit',
    kind: 'hbar',
    value: 'overdue',
    omitZero: true,
    query: `query OverdueByUnit(
  ${VARS}
) {
  indicators(
    ${ARGS}
    groupBy: [UNIT]
    orderBy: { measure: OVERDUE }
    first: 15
  ) {
    asOf
    totalRows
    rows {
      unit { name }
      province { name }
      overdue
      pending
    }
  }
}`,
    columns: [
      { key: 'unit', title: 'Đơn vị — unit' },
      { key: 'province', title: 'Tỉnh — province' },
      { key: 'overdue', title: 'Quá hạn — overdue' },
      { key: 'pending', title: 'Trong hạn — pending' },
    ],
  },
];

/** The provinces for the filter. */
export const PROVINCES_QUERY = `query DashboardProvinces { provinces { code name } }`;

/** The local (UTC+7) day of an instant, `2026-11-20`: the page's "today" for its default period. */
function localDay(at: Date): string {
  return new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

const json = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c');
const esc = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * The page: filters, one section per chart (title, canvas, data table, GraphiQL link) and the charts'
 * specification as JSON data (not script); dashboard.js fetches and draws. Today is the hub's, per page.
 */
export function dashboardPage(now: Date = new Date()): string {
  const face = (asset: string, weight: number, range: string) =>
    `@font-face { font-family: '${SANS_FONT}'; font-style: normal; font-weight: ${weight}; font-display: swap;` +
    ` src: url('${assets.url(asset)}') format('woff2'); unicode-range: ${range}; }`;
  const sections = DASHBOARD_CHARTS.map(
    (c) => `
    <section class="chart chart-${c.kind}" id="${c.id}" data-state="loading" aria-labelledby="${c.id}-title">
      <header>
        <h2 id="${c.id}-title">${esc(c.title)}</h2>
        <a class="graphiql-link" href="/graphiql">Mở trong GraphiQL — Open in GraphiQL</a>
      </header>
      <p class="note">${esc(c.note)}</p>
      <p class="message" role="status" hidden></p>
      ${c.kind === 'tiles' ? '<dl class="tiles"></dl>' : `<div class="canvas-box"><canvas role="img" aria-label="${esc(c.title)}"></canvas></div>`}
      <details>
        <summary>Bảng số liệu — Data table</summary>
        <table><thead></thead><tbody></tbody></table>
      </details>
    </section>`,
  ).join('');
  return `<!doctype html>
<html lang="vi">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>lienthong — Chỉ số chất lượng phục vụ</title>
  <style>
    ${face('roboto-latin-400.woff2', 400, LATIN_RANGE)}
    ${face('roboto-vietnamese-400.woff2', 400, VIETNAMESE_RANGE)}
    ${face('roboto-latin-700.woff2', 700, LATIN_RANGE)}
    ${face('roboto-vietnamese-700.woff2', 700, VIETNAMESE_RANGE)}
  </style>
  <link rel="stylesheet" href="${assets.url('dashboard.css')}" />
  <script src="${assets.url('chart.js')}" defer></script>
  <script src="${assets.url('dashboard.js')}" defer></script>
</head>
<body data-today="${localDay(now)}">
  <header class="top">
    <h1>Chỉ số chất lượng phục vụ người dân, doanh nghiệp <small>Service-quality indicators (Decision 766/QĐ-TTg)</small></h1>
    <form id="filters" method="get" action="/dashboard">
      <label>Tỉnh — province
        <select name="province" id="province"><option value="">Tất cả các tỉnh — every province</option></select>
      </label>
      <label>Từ ngày — from <input type="date" name="from" id="from" required /></label>
      <label>Đến ngày — to <input type="date" name="to" id="to" required /></label>
      <button type="submit">Xem — Apply</button>
    </form>
    <p id="banner" class="banner" role="alert" hidden></p>
  </header>
  <main>${sections}
  </main>
  <footer>Số liệu từ truy vấn <code>indicators</code> của hub — data from the hub's <code>indicators</code> query.
    <a href="/graphiql">GraphiQL</a></footer>
  <script type="application/json" id="dashboard-spec">${json({ charts: DASHBOARD_CHARTS, provincesQuery: PROVINCES_QUERY, font: SANS_FONT, backlogDays: BACKLOG_DAYS })}</script>
</body>
</html>`;
}

/** GET /dashboard (the page, filters in its URL) and /dashboard?asset=… (its files). */
export async function dashboardRoute(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
    return void res.end(`Method ${req.method} not allowed`);
  }
  if (url.searchParams.has('asset')) return assets.serve(req, res, url);
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
  res.end(req.method === 'HEAD' ? undefined : dashboardPage());
}
