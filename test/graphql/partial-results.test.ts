import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { startTestHub, type TestHub } from '../helpers/hub.ts';
import { startProxy } from '../helpers/tcp-proxy.ts';

let hub: TestHub;
let proxy: Awaited<ReturnType<typeof startProxy>>;

beforeAll(async () => {
  proxy = await startProxy(inject('pgPort'));
  // Đắk Nông (67) is reached through the proxy, so the test can take it down and bring it back
  hub = await startTestHub({
    provinces: ['40', '67', '96'],
    mutateSources: (sources) =>
      sources.map((s) => (s.code === '67' ? { ...s, url: s.url.replace(/:(\d+)\//, `:${proxy.port}/`) } : s)),
  });
});
afterAll(async () => {
  await hub?.close();
  await proxy?.close();
});

const query = `{ procedures(first: 30, filter: { search: "khai sinh" }) { totalCount nodes { province { code } } } provinces { code status } }`;

describe('a source that is down', () => {
  it('answers with the other provinces and a SOURCE_UNAVAILABLE error naming it, then skips it while down', async () => {
    const before = await hub.gql<{ procedures: { nodes: { province: { code: string } }[] } }>(query);
    expect(before.errors).toBeUndefined();
    expect(new Set(before.data!.procedures.nodes.map((n) => n.province.code))).toContain('67');

    await proxy.cut();
    const beforeCut = proxy.connections;
    const during = await hub.gql<{
      procedures: { totalCount: number; nodes: { province: { code: string } }[] };
    }>(query);
    // the hub tried Đắk Nông and gave up on the dropped connection instead of waiting for it
    expect(proxy.connections).toBeGreaterThan(beforeCut);
    expect(during.status).toBe(200);
    expect(during.data!.procedures.nodes.length).toBeGreaterThan(0);
    expect(during.data!.procedures.nodes.every((n) => n.province.code !== '67')).toBe(true);
    const errors = during.errors ?? [];
    expect(errors).toHaveLength(1);
    expect(errors[0]!.extensions).toMatchObject({ code: 'SOURCE_UNAVAILABLE', province: '67' });
    expect(errors[0]!.message).not.toMatch(/postgres:\/\//);

    const ready = (await (await fetch(`${hub.url}/readyz`)).json()) as {
      sources: Record<string, { status: string }>;
    };
    expect(ready.sources['67']!.status).toBe('DOWN');
    expect(ready.sources['40']!.status).toBe('UP');

    // once the health check saw it down, requests skip it without even opening a connection
    const beforeSkip = proxy.connections;
    const skipped = await hub.gql(query);
    expect(skipped.errors![0]!.extensions).toMatchObject({ code: 'SOURCE_UNAVAILABLE', province: '67' });
    expect(proxy.connections).toBe(beforeSkip);

    await proxy.restore();
    const readyAgain = await fetch(`${hub.url}/readyz`);
    expect(readyAgain.status).toBe(200);
    const body = (await readyAgain.json()) as { sources: Record<string, { status: string }> };
    expect(body.sources['67']!.status).toBe('UP');
    const after = await hub.gql<{ procedures: { nodes: { province: { code: string } }[] } }>(query);
    expect(after.errors).toBeUndefined();
  });

  it('a slow source (over its statement timeout) yields SOURCE_UNAVAILABLE, not a hang', async () => {
    const slow = await startTestHub({ provinces: ['40', '96'], env: { SOURCE_STATEMENT_TIMEOUT_MS: '300' } });
    try {
      // a lock held elsewhere makes every read of units in 96 wait past the timeout
      const lockDb = slow.rt.sources.byCode('96')!.db;
      const trx = await lockDb.transaction();
      await trx.raw('LOCK TABLE units IN ACCESS EXCLUSIVE MODE');
      // the lock is released only after the answer arrives, so an answer at all means the statement
      // timeout cut the wait: without it the request would hang until the test times out
      const res = await slow.gql<{ units: { nodes: { province: { code: string } }[] } }>(
        `{ units(first: 10) { nodes { province { code } } } }`,
      );
      await trx.rollback();
      expect(res.data!.units.nodes.length).toBe(10);
      expect(res.errors![0]!.extensions).toMatchObject({ code: 'SOURCE_UNAVAILABLE', province: '96' });
    } finally {
      await slow.close();
    }
  });

  it('a source whose server is gone entirely is reported unavailable', async () => {
    const gone = await startTestHub({
      provinces: ['40', '30'],
      mutateSources: (s) =>
        s.map((x) => (x.code === '30' ? { ...x, url: 'postgres://postgres:x@127.0.0.1:1/nowhere' } : x)),
    });
    try {
      const res = await gone.gql<{
        provinces: { code: string; status: string }[];
        dossiers: { totalCount: number };
      }>(`{ dossiers(first: 1) { totalCount } }`);
      expect(res.data!.dossiers.totalCount).toBeGreaterThan(0);
      expect(res.errors![0]!.extensions).toMatchObject({ code: 'SOURCE_UNAVAILABLE', province: '30' });
      const ready = await fetch(`${gone.url}/readyz`);
      expect(ready.status).toBe(200);
      const p = await gone.gql<{ provinces: { code: string; status: string }[] }>(
        `{ provinces { code status } }`,
      );
      expect(p.data!.provinces.find((x) => x.code === '30')!.status).toBe('DOWN');
    } finally {
      await gone.close();
    }
  });
});
