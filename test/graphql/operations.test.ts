import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../helpers/hub.ts';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ provinces: ['40', '96'] });
});
afterAll(() => hub?.close());

describe('operations endpoints', () => {
  it('/healthz and /readyz', async () => {
    const h = await fetch(`${hub.url}/healthz`);
    expect(h.status).toBe(200);
    const r = await fetch(`${hub.url}/readyz`);
    expect(r.status).toBe(200);
    const body = (await r.json()) as {
      hub: string;
      sources: Record<string, { name: string; status: string }>;
    };
    expect(body.hub).toBe('UP');
    expect(body.sources['40']).toMatchObject({ name: 'Nghệ An', status: 'UP' });
    expect(body.sources['96']).toMatchObject({ name: 'Cà Mau', status: 'UP' });
  });

  it('/metrics counts SQL statements per source and GraphQL requests', async () => {
    await hub.gql(`query Probe { units(first: 3) { totalCount nodes { id } } }`);
    const text = await (await fetch(`${hub.url}/metrics`)).text();
    expect(text).toMatch(/lienthong_sql_queries_total\{source="40"\} \d+/);
    expect(text).toMatch(/lienthong_sql_queries_total\{source="96"\} \d+/);
    expect(text).toMatch(/lienthong_graphql_requests_total\{operation="Probe",status="ok"\} 1/);
    expect(text).toMatch(/lienthong_graphql_request_duration_seconds_count\{operation="Probe"\} 1/);
  });

  it('GET /graphql runs a query; GET with Accept: text/html serves GraphiQL from the hub', async () => {
    const q = encodeURIComponent('{ provinces { code name status } }');
    // CSRF prevention: a GET carries a header no cross-site form or <img> can send
    const res = await fetch(`${hub.url}/graphql?query=${q}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      data: { provinces: { code: string; name: string; status: string }[] };
    };
    expect(body.data.provinces).toEqual([
      { code: '40', name: 'Nghệ An', status: 'UP' },
      { code: '96', name: 'Cà Mau', status: 'UP' },
    ]);
    const page = await fetch(`${hub.url}/graphql`, { headers: { accept: 'text/html' } });
    const html = await page.text();
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(html).toContain('/graphql?asset=graphiql.js');
    expect(html).not.toMatch(/https?:\/\/(?!localhost)[a-z]/i);
    const js = await fetch(`${hub.url}/graphql?asset=graphiql.js`);
    expect(js.status).toBe(200);
    expect((await js.text()).length).toBeGreaterThan(100_000);
  });

  it('a malformed body is a 400 with a JSON error, and unknown routes are 404', async () => {
    const bad = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{nope',
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(
      /not valid JSON/,
    );
    expect((await fetch(`${hub.url}/nowhere`)).status).toBe(404);
  });

  it('the SDL describes every type and field', async () => {
    const res = await hub.gql<{
      __schema: {
        types: {
          name: string;
          description: string | null;
          fields: { name: string; description: string | null }[] | null;
        }[];
      };
    }>(`{ __schema { types { name description fields { name description } } } }`);
    const missing: string[] = [];
    for (const t of res.data!.__schema.types) {
      if (t.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(t.name)) continue;
      if (!t.description) missing.push(t.name);
      for (const f of t.fields ?? []) if (!f.description) missing.push(`${t.name}.${f.name}`);
    }
    expect(missing).toEqual([]);
  });
});
