import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BACKLOG_DAYS, DASHBOARD_CHARTS, SANS_FONT, type ChartSpec } from '../../src/server/dashboard.ts';
import { browserAvailable, launchChromium } from '../helpers/chromium.ts';
import { startTestHub, type TestHub } from '../helpers/hub.ts';
import { startProxy } from '../helpers/tcp-proxy.ts';

const hasBrowser = browserAvailable('dashboard');

/** A period inside the seeded data (the templates' today is 2026-11-20). */
const FROM = '2026-06-01';
const TO = '2026-10-31';

type Row = Record<string, unknown> & { unit?: { name: string } | null; province?: { name: string } | null };

/** A row's value in a table column, as dashboard.js reads it. */
function cellValue(row: Row, key: string): unknown {
  if (key === 'unit') return row.unit?.name ?? null;
  if (key === 'province') return row.province?.name ?? null;
  return row[key] ?? null;
}

/** The variables the chart's "Open in GraphiQL" link carries, and the query it opens. */
async function linkOf(
  page: Page,
  chart: ChartSpec,
): Promise<{ query: string; variables: Record<string, unknown> }> {
  const href = await page.getAttribute(`#${chart.id} a.graphiql-link`, 'href');
  const u = new URL(href!, 'http://x');
  expect(u.pathname).toBe('/graphiql');
  return { query: u.searchParams.get('query')!, variables: JSON.parse(u.searchParams.get('variables')!) };
}

/** The first day of the 12-month window ending with `to`'s month; the day `days` before `to`. */
function twelveMonthsTo(to: string): string {
  const [y, m] = to.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 12, 1)).toISOString().slice(0, 10);
}
function daysBefore(to: string, days: number): string {
  return new Date(Date.parse(`${to}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A page that fails the test on any request leaving 127.0.0.1 (the dashboard must work on an offline
 * network) and collects console errors and uncaught exceptions; it counts the GraphQL requests sent.
 */
async function openPage(browser: Browser) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  const foreign: string[] = [];
  const errors: string[] = [];
  const graphql: string[] = [];
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname !== '127.0.0.1') {
      foreign.push(url.toString());
      return route.abort();
    }
    if (url.pathname === '/graphql' && route.request().method() === 'POST')
      graphql.push(route.request().postData() ?? '');
    return route.continue();
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, foreign, errors, graphql };
}

/**
 * Tests that load many pages or start a hub of their own get more than the default minute: on two shared
 * cores under load a page of six charts has taken 10 s.
 */
const SLOW = 240_000;

const ready = (page: Page) =>
  page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 30_000 });

let hub: TestHub;
let browser: Browser;

describe.skipIf(!hasBrowser)('indicator dashboard in headless Chromium, offline', () => {
  beforeAll(async () => {
    hub = await startTestHub({ provinces: ['40', '96'] });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  it('draws every chart from the hub alone, and each data table equals the same query sent directly', async () => {
    const { page, foreign, errors } = await openPage(browser);
    await page.goto(`${hub.url}/dashboard?from=${FROM}&to=${TO}`);
    await ready(page);
    expect(await page.inputValue('#from')).toBe(FROM);
    expect(await page.inputValue('#to')).toBe(TO);
    expect(await page.isHidden('#banner')).toBe(true);

    for (const chart of DASHBOARD_CHARTS) {
      const section = `#${chart.id}`;
      expect(await page.getAttribute(section, 'data-state'), chart.id).toBe('ready');
      const { query, variables } = await linkOf(page, chart);
      expect(query).toBe(chart.query);
      const expectedFrom =
        chart.span === 'months'
          ? twelveMonthsTo(TO)
          : chart.span === 'backlog'
            ? daysBefore(TO, BACKLOG_DAYS)
            : FROM;
      // every province: no provinces filter at all (absent, not null)
      expect(variables, chart.id).toEqual({ from: expectedFrom, to: TO });

      const direct = await hub.gql<{ indicators: { rows: Row[]; total: Row } }>(query, variables);
      expect(direct.errors, chart.id).toBeUndefined();
      const rows =
        chart.kind === 'tiles'
          ? [direct.data!.indicators.total]
          : direct.data!.indicators.rows.filter((r) => !chart.omitZero || r[chart.value] !== 0);
      expect(rows.length, chart.id).toBeGreaterThan(0);
      const shown = await page.$$eval(`${section} tbody tr`, (trs) =>
        trs.map((tr) =>
          Object.fromEntries(
            Array.from(tr.querySelectorAll('td')).map((td) => [
              td.dataset.key!,
              JSON.parse(td.dataset.value!),
            ]),
          ),
        ),
      );
      expect(shown, chart.id).toEqual(
        rows.map((r) => Object.fromEntries(chart.columns.map((c) => [c.key, cellValue(r, c.key)]))),
      );

      if (chart.kind === 'tiles') {
        const tiles = await page.$$eval(`${section} dd`, (dds) => dds.map((d) => d.textContent ?? ''));
        expect(tiles.length).toBe(chart.columns.length);
        expect(tiles.every((t) => /\d/.test(t))).toBe(true);
        continue;
      }
      // the chart holds the rows' values (rates in percent) and has painted them on its canvas
      const drawn = await page.$eval(`${section} canvas`, (canvas) => {
        const c = (
          window as unknown as { Chart: { getChart(c: HTMLCanvasElement): unknown } }
        ).Chart.getChart(canvas as HTMLCanvasElement) as
          { data: { labels: string[]; datasets: { data: (number | null)[] }[] } } | undefined;
        const ctx = (canvas as HTMLCanvasElement).getContext('2d')!;
        const { width, height } = canvas as HTMLCanvasElement;
        const px = ctx.getImageData(0, 0, width, height).data;
        let painted = 0;
        for (let i = 3; i < px.length; i += 4) if (px[i]! > 0) painted++;
        return {
          labels: c?.data.labels ?? [],
          data: c?.data.datasets[0]?.data ?? [],
          painted,
          area: width * height,
        };
      });
      const percent = chart.columns.find((c) => c.key === chart.value)!.percent;
      expect(drawn.data, chart.id).toEqual(
        rows.map((r) => {
          const v = r[chart.value] as number | null;
          return v === null ? null : percent ? Math.round(v * 1000) / 10 : v;
        }),
      );
      expect(drawn.labels.length).toBe(rows.length);
      // axes, labels and the data: well over a few pixels, well under a filled canvas
      expect(drawn.painted / drawn.area, chart.id).toBeGreaterThan(0.02);
      expect(drawn.painted / drawn.area, chart.id).toBeLessThan(0.9);
    }

    // Vietnamese labels: the served Roboto has the glyphs, and the unit chart's labels carry diacritics
    expect(
      await page.evaluate(
        (f) => document.fonts.check(`12px '${f}'`, 'Tỷ lệ đúng hạn theo đơn vị'),
        SANS_FONT,
      ),
    ).toBe(true);
    expect(await page.textContent('#on-time-by-unit tbody')).toMatch(
      /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/,
    );

    fs.mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: path.join('test-results', 'dashboard.png'), fullPage: true });
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('changing the province refetches every chart for it, the URL keeps the filter, Back restores it', async () => {
    const { page, foreign, errors, graphql } = await openPage(browser);
    await page.goto(`${hub.url}/dashboard?from=${FROM}&to=${TO}`);
    await ready(page);
    const names = await page.$$eval('#province option', (os) => os.map((o) => o.textContent));
    expect(names).toEqual(
      expect.arrayContaining([expect.stringMatching(/Nghệ An/), expect.stringMatching(/\(96\)/)]),
    );
    const before = graphql.length;
    const unitsBefore = await page.textContent('#on-time-by-unit tbody');

    await page.selectOption('#province', '96');
    await page.waitForFunction(() => location.search.includes('province=96'), null, { timeout: 10_000 });
    await ready(page);
    expect(new URL(page.url()).searchParams.get('from')).toBe(FROM);
    expect(graphql.length - before).toBe(DASHBOARD_CHARTS.length);
    for (const body of graphql.slice(before))
      expect((JSON.parse(body) as { variables: { provinces?: string[] } }).variables.provinces).toEqual([
        '96',
      ]);
    for (const chart of DASHBOARD_CHARTS) {
      expect(await page.getAttribute(`#${chart.id}`, 'data-state'), chart.id).toBe('ready');
      expect((await linkOf(page, chart)).variables.provinces).toEqual(['96']);
    }
    const provinceNames = await page.$$eval('#overdue-by-unit td[data-key="province"]', (tds) =>
      tds.map((td) => JSON.parse(td.dataset.value!) as string),
    );
    expect(new Set(provinceNames).size).toBe(1);
    expect(await page.textContent('#on-time-by-unit tbody')).not.toBe(unitsBefore);

    // the bookmark: the same URL opens on the same filter
    const bookmark = page.url();
    await page.goBack();
    await page.waitForFunction(() => !location.search.includes('province='), null, { timeout: 10_000 });
    await ready(page);
    expect(await page.inputValue('#province')).toBe('');
    await page.goto(bookmark);
    await ready(page);
    expect(await page.inputValue('#province')).toBe('96');
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it(
    "each chart's GraphiQL link opens its query with the variables filled in, and it runs on first click",
    async () => {
      const { page, foreign, errors } = await openPage(browser);
      await page.goto(`${hub.url}/dashboard?province=40&from=${FROM}&to=${TO}`);
      await ready(page);
      const links = await Promise.all(
        DASHBOARD_CHARTS.map(
          async (c) => [c, await page.getAttribute(`#${c.id} a.graphiql-link`, 'href')] as const,
        ),
      );
      const runOpened = async (name: string) => {
        await page.waitForSelector('.graphiql-container', { timeout: 20_000 });
        await page.waitForFunction(
          (n) => document.querySelector('.graphiql-query-editor')?.textContent?.includes(`query ${n}`),
          name,
          { timeout: 20_000 },
        );
        // nothing typed: the variables came with the link
        await page.click('.graphiql-execute-button');
        await page.waitForFunction(
          () => /"(data|errors)"/.test(document.querySelector('.result-window')?.textContent ?? ''),
          null,
          { timeout: 20_000 },
        );
        const result = (await page.textContent('.result-window')) ?? '';
        expect(result, name).toContain('"indicators"');
        expect(result, name).not.toContain('"errors"');
      };
      // one through a real click, the others by their address
      await page.click('#overdue-by-unit a.graphiql-link');
      await runOpened('OverdueByUnit');
      for (const [chart, href] of links) {
        if (chart.id === 'overdue-by-unit') continue;
        await page.goto(`${hub.url}${href}`);
        await runOpened(/query (\w+)/.exec(chart.query)![1]!);
      }
      expect(foreign).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    },
    SLOW,
  );

  it(
    "without filters: the last full month before the hub's today; bad filters are named and replaced",
    async () => {
      const { page, errors } = await openPage(browser);
      await page.goto(`${hub.url}/dashboard`);
      await ready(page);
      const today = await page.getAttribute('body', 'data-today');
      const local = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
      // the page was served moments ago: its today is the local day now (or the one just before, at midnight)
      expect([local, new Date(Date.now() + 7 * 3600_000 - 60_000).toISOString().slice(0, 10)]).toContain(
        today,
      );
      const [y, m] = today!.split('-').map(Number) as [number, number];
      const lastMonthEnd = new Date(Date.UTC(y, m - 1, 0)).toISOString().slice(0, 10);
      expect(await page.inputValue('#from')).toBe(lastMonthEnd.slice(0, 8) + '01');
      expect(await page.inputValue('#to')).toBe(lastMonthEnd);

      for (const [query, says] of [
        ['?from=2026-02-30&to=2026-03-01', 'invalid dates'],
        ['?from=2026-05-01&to=2026-04-01', 'from is after to'],
        ['?province=4%3Cb%3E&from=2026-05-01&to=2026-05-31', 'not a province code'],
        ['?province=99&from=2026-05-01&to=2026-05-31', 'no province 99'],
      ] as const) {
        await page.goto(`${hub.url}/dashboard${query}`);
        await ready(page);
        expect(await page.textContent('#banner'), query).toContain(says);
        // the page still shows charts, for the period it fell back to
        expect(await page.getAttribute('#totals', 'data-state'), query).toBe('ready');
      }
      // a period the API refuses (over 3,660 days): its message, in each chart
      await page.goto(`${hub.url}/dashboard?from=2000-01-01&to=2026-05-31`);
      await ready(page);
      expect(await page.getAttribute('#totals', 'data-state')).toBe('error');
      expect(await page.textContent('#totals .message')).toContain('BAD_USER_INPUT');
      expect(errors).toEqual([]);
      await page.close();
    },
    SLOW,
  );

  it(
    'a hub that refuses anonymous callers: every chart says 401 and what to do',
    async () => {
      const closed = await startTestHub({ provinces: ['40'], env: { ANONYMOUS_READ: 'false' } });
      try {
        const { page, foreign } = await openPage(browser);
        await page.goto(`${closed.url}/dashboard?from=${FROM}&to=${TO}`);
        await ready(page);
        for (const chart of DASHBOARD_CHARTS) {
          expect(await page.getAttribute(`#${chart.id}`, 'data-state')).toBe('error');
          expect(await page.textContent(`#${chart.id} .message`)).toContain('401');
        }
        expect(await page.textContent('#banner')).toContain('API key');
        expect(foreign).toEqual([]);
        await page.close();
      } finally {
        await closed.close();
      }
    },
    SLOW,
  );

  it(
    'a province whose database does not answer: partial charts and SOURCE_UNAVAILABLE named',
    async () => {
      const proxy = await startProxy(inject('pgPort'));
      const partial = await startTestHub({
        provinces: ['40', '96'],
        mutateSources: (sources) =>
          sources.map((s) =>
            s.code === '96' ? { ...s, url: s.url.replace(/:(\d+)\//, `:${proxy.port}/`) } : s,
          ),
      });
      try {
        await proxy.cut();
        const { page, foreign, errors } = await openPage(browser);
        await page.goto(`${partial.url}/dashboard?from=${FROM}&to=${TO}`);
        await ready(page);
        expect(await page.textContent('#banner')).toContain('SOURCE_UNAVAILABLE');
        for (const chart of DASHBOARD_CHARTS) {
          expect(await page.getAttribute(`#${chart.id}`, 'data-state'), chart.id).toBe('partial');
          expect(await page.textContent(`#${chart.id} .message`)).toContain('partial data');
        }
        const provinces = await page.$$eval('#on-time-by-unit td[data-key="province"]', (tds) =>
          tds.map((td) => JSON.parse(td.dataset.value!) as string),
        );
        expect(provinces.length).toBeGreaterThan(0);
        expect(provinces.every((p) => /Nghệ An/.test(p))).toBe(true);
        expect(foreign).toEqual([]);
        // the browser logs nothing: a 200 with partial data is not a failed request
        expect(errors).toEqual([]);
        await page.close();
      } finally {
        await partial.close();
        await proxy.close();
      }
    },
    SLOW,
  );
});

/** node:http, not fetch: fetch would undo the compression itself, hiding the raw bytes */
function get(
  url: string,
  opts: { method?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .request(url, { method: opts.method ?? 'GET', headers: opts.headers ?? {} }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      })
      .on('error', reject)
      .end();
  });
}

describe('dashboard and /graphiql over HTTP', () => {
  let plain: TestHub;
  beforeAll(async () => {
    plain = await startTestHub({ provinces: ['40'] });
  });
  afterAll(async () => {
    await plain?.close();
  });

  it('serves its assets compressed, with hashed URLs, a strong ETag and 304', async () => {
    const page = (await get(`${plain.url}/dashboard`)).body.toString();
    expect(page).toContain('id="dashboard-spec"');
    // no script in the page itself: only files, and the JSON block
    expect(page.match(/<script(?![^>]*(src=|type="application\/json"))/g)).toBeNull();
    for (const name of ['chart.js', 'dashboard.js', 'dashboard.css']) {
      const m = new RegExp(`/dashboard\\?asset=${name.replace('.', '\\.')}&v=[A-Za-z0-9_-]{22}`).exec(page);
      expect(m, name).not.toBeNull();
      const url = `${plain.url}${m![0]}`;
      const raw = await get(url);
      const br = await get(url, { headers: { 'accept-encoding': 'gzip, br' } });
      expect(br.headers['content-encoding']).toBe('br');
      expect(zlib.brotliDecompressSync(br.body).equals(raw.body)).toBe(true);
      expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const again = await get(url, {
        headers: { 'accept-encoding': 'gzip, br', 'if-none-match': br.headers.etag! },
      });
      expect(again.status).toBe(304);
    }
    const chart = await get(`${plain.url}/dashboard?asset=chart.js`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(chart.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(zlib.gunzipSync(chart.body).toString()).toContain('Chart.js v4.6.2');
    const font = await get(`${plain.url}/dashboard?asset=roboto-vietnamese-400.woff2`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(font.headers['content-type']).toBe('font/woff2');
    expect(font.headers['content-encoding']).toBeUndefined();
  });

  it('refuses other methods and unknown assets; /graphiql opens on the query of its URL', async () => {
    for (const p of ['/dashboard', '/graphiql']) {
      const r = await get(`${plain.url}${p}`, { method: 'POST' });
      expect(r.status, p).toBe(405);
      expect(r.headers.allow).toBe('GET, HEAD');
      const head = await get(`${plain.url}${p}`, { method: 'HEAD' });
      expect(head.status, p).toBe(200);
      expect(head.body.length).toBe(0);
    }
    for (const name of ['nope.js', 'constructor', '__proto__', '../package.json', 'graphiql.js'])
      expect((await get(`${plain.url}/dashboard?asset=${encodeURIComponent(name)}`)).status, name).toBe(404);

    const q = 'query Mine { provinces { name } } # </script><b>';
    const r = await get(
      `${plain.url}/graphiql?${new URLSearchParams({ query: q, variables: '{"a":1}' }).toString()}`,
    );
    const text = r.body.toString();
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    // the URL's query is the first tab, in the page's data, never markup
    expect(text).not.toContain('</script><b>');
    const tabs = JSON.parse(/const tabs = (.*);\n/.exec(text)![1]!) as {
      query: string;
      variables?: string;
    }[];
    expect(tabs[0]).toMatchObject({ query: q, variables: '{\n  "a": 1\n}' });
    expect(tabs.length).toBeGreaterThan(4);
    // variables that are not JSON are left for GraphiQL to point out
    const bad = await get(
      `${plain.url}/graphiql?${new URLSearchParams({ query: q, variables: '{a' }).toString()}`,
    );
    expect(JSON.parse(/const tabs = (.*);\n/.exec(bad.body.toString())![1]!)[0].variables).toBe('{a');
    // without a query: the examples alone
    const none = await get(`${plain.url}/graphiql`);
    expect(JSON.parse(/const tabs = (.*);\n/.exec(none.body.toString())![1]!)[0].query).toContain(
      'LateDossiers',
    );
  });
});
