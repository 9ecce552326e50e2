import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_LINE_LIMIT, exampleTabs, MONO_FONT } from '../../src/server/graphiql.ts';
import { browserAvailable, launchChromium } from '../helpers/chromium.ts';
import { startTestHub, type TestHub } from '../helpers/hub.ts';

const hasBrowser = browserAvailable('GraphiQL');

let hub: TestHub;
let browser: Browser;

describe.skipIf(!hasBrowser)('GraphiQL in headless Chromium, offline', () => {
  beforeAll(async () => {
    hub = await startTestHub({ provinces: ['40', '96'] });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  it('loads from the hub alone, runs an example query and shows the result', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const foreign: string[] = [];
    // any request that leaves the machine fails the test: GraphiQL must work on an offline network
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') return route.continue();
      foreign.push(url.toString());
      return route.abort();
    });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));

    await page.goto(`${hub.url}/graphql`);
    await page.waitForSelector('.graphiql-container', { timeout: 20_000 });
    const editor = await page.textContent('.graphiql-query-editor');
    expect(editor).toContain('Hồ sơ trễ hạn');

    // the third example tab: legal basis of procedure 1.001193
    const tabs = page.locator('.graphiql-tab');
    expect(await tabs.count()).toBeGreaterThanOrEqual(4);
    await tabs.nth(2).click();
    // the execute button runs what the query editor holds: wait until it holds the third tab's query
    await page.waitForFunction(
      () => document.querySelector('.graphiql-query-editor')?.textContent?.includes('query LegalBasis'),
      null,
      { timeout: 20_000 },
    );
    await page.click('.graphiql-query-editor .CodeMirror');
    await page.click('.graphiql-execute-button');
    await page.waitForFunction(
      () => document.querySelector('.result-window')?.textContent?.includes('legalBasis'),
      null,
      { timeout: 20_000 },
    );
    const response = (await page.textContent('.result-window')) ?? '';
    expect(response).toContain('Đăng ký khai sinh');
    expect(response).toContain('numberSymbol');

    fs.mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: path.join('test-results', 'graphiql.png') });
    expect(foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('every example runs on first click, in a font with Vietnamese glyphs, and fits the editor width', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const foreign: string[] = [];
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1') return route.continue();
      foreign.push(url.toString());
      return route.abort();
    });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${hub.url}/graphql`);
    await page.waitForSelector('.graphiql-container', { timeout: 20_000 });

    // the font: loaded for the Vietnamese text the editor shows, and the editors' family
    await page.waitForFunction(
      (family) => document.fonts.check(`14px "${family}"`, 'Hồ sơ trễ hạn'),
      MONO_FONT,
      { timeout: 20_000 },
    );
    const families = await page.evaluate(() =>
      Array.from(document.querySelectorAll('.CodeMirror')).map((e) => getComputedStyle(e).fontFamily),
    );
    expect(families.length).toBeGreaterThanOrEqual(3); // query, variables/headers, result
    for (const f of families) expect(f.startsWith(`"${MONO_FONT}"`), f).toBe(true);

    const EXAMPLE_TABS = exampleTabs();
    const names = EXAMPLE_TABS.map((t) => /query (\w+)/.exec(t.query)![1]!);
    const tabs = page.locator('.graphiql-tab');
    expect(await tabs.count()).toBe(EXAMPLE_TABS.length);
    for (const [i, name] of names.entries()) {
      if (i > 0) {
        await tabs.nth(i).click();
        await page.waitForFunction(
          (n) => document.querySelector('.graphiql-query-editor')?.textContent?.includes(`query ${n}`),
          name,
          { timeout: 20_000 },
        );
        await page.click('.graphiql-query-editor .CodeMirror');
      }
      // nothing touched on the first tab: its variables are in the pane from the start
      await page.click('.graphiql-execute-button');
      await page.waitForFunction(
        () => /"(data|errors)"/.test(document.querySelector('.result-window')?.textContent ?? ''),
        null,
        { timeout: 20_000 },
      );
      const result = (await page.textContent('.result-window')) ?? '';
      expect(result, name).toContain('"data"');
      expect(result, name).not.toContain('"errors"');
      // the comments fit: the query editor does not scroll sideways
      const overflow = await page.evaluate(() => {
        const s = document.querySelector('.graphiql-query-editor .CodeMirror-scroll')!;
        return s.scrollWidth - s.clientWidth;
      });
      expect(overflow, name).toBeLessThanOrEqual(1);
    }
    for (const t of EXAMPLE_TABS)
      for (const line of t.query.split('\n'))
        expect(line.length, line).toBeLessThanOrEqual(EXAMPLE_LINE_LIMIT);
    expect(foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('a key pasted into the headers pane is sent; the example line alone is not', async () => {
    // a hub that refuses anonymous callers
    const exposed = await startTestHub({ provinces: ['40'], env: { ANONYMOUS_READ: 'false' } });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.route('**/*', (route) =>
        new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort(),
      );
      await page.goto(`${exposed.url}/graphql`);
      await page.waitForSelector('.graphiql-container', { timeout: 20_000 });
      await page.locator('.graphiql-tab').nth(2).click();
      await page.waitForFunction(
        () => document.querySelector('.graphiql-query-editor')?.textContent?.includes('query LegalBasis'),
        null,
        { timeout: 20_000 },
      );
      // the headers editor starts with the example: an explanation under "//" and an empty Bearer
      const setHeaders = (value: string | null) =>
        page.evaluate((v) => {
          type CM = { getValue(): string; setValue(v: string): void };
          const editors = Array.from(document.querySelectorAll('.CodeMirror')).map(
            (e) => (e as unknown as { CodeMirror: CM }).CodeMirror,
          );
          const headers = editors.find((cm) => cm.getValue().includes('Authorization'));
          if (!headers) return null;
          const before = headers.getValue();
          if (v !== null) headers.setValue(v);
          return before;
        }, value);
      const initial = await setHeaders(null);
      expect(JSON.parse(initial!)).toEqual({
        '//': expect.stringContaining('lienthong keys create'),
        Authorization: 'Bearer ',
      });

      const run = async () => {
        await page.click('.graphiql-query-editor .CodeMirror');
        await page.click('.graphiql-execute-button');
        await page.waitForFunction(
          () =>
            /legalBasis|UNAUTHENTICATED/.test(document.querySelector('.result-window')?.textContent ?? ''),
          null,
          { timeout: 20_000 },
        );
        return (await page.textContent('.result-window')) ?? '';
      };
      expect(await run()).toContain('UNAUTHENTICATED');
      const k = await exposed.key(['read']);
      await setHeaders(JSON.stringify({ Authorization: `Bearer ${k.secret}` }));
      expect(await run()).toContain('Đăng ký khai sinh');
      await page.close();
    } finally {
      await exposed.close();
    }
  });
});
