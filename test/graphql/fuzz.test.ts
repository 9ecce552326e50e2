import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFuzzer, fuzzFindings, type FuzzSamples } from '../../src/bench/fuzz.ts';
import { loadTypeDefs } from '../../src/server/schema.ts';
import { startTestHub, type TestHub } from '../helpers/hub.ts';

/**
 * Random operations generated from the live schema (seeded: a failure names its seed and case, and
 * replays exactly), with hostile argument values and mangled real ids and cursors. No answer may be a
 * 5xx, an INTERNAL_SERVER_ERROR, or a message that leaks SQL, hosts or stacks; the hub stays up.
 * `npm run bench:fuzz` runs 10,000 such cases against the bench data.
 */
const SEED = 20261129;
const CASES = 300;
const SDL = loadTypeDefs().join('\n');

let hub: TestHub;
let samples: FuzzSamples;
beforeAll(async () => {
  hub = await startTestHub({ provinces: ['40', '67', '96'] });
  const res = await hub.gql<{
    dossiers: { edges: { cursor: string; node: { id: string; code: string } }[] };
    units: { edges: { cursor: string; node: { id: string; code: string } }[] };
    procedures: { edges: { cursor: string; node: { id: string; nationalCode: string } }[] };
  }>(`{
    dossiers(first: 5) { edges { cursor node { id code } } }
    units(first: 5) { edges { cursor node { id code } } }
    procedures(first: 5) { edges { cursor node { id nationalCode } } }
  }`);
  expect(res.errors).toBeUndefined();
  const d = res.data!;
  samples = {
    ids: [...d.dossiers.edges, ...d.units.edges, ...d.procedures.edges].map((e) => e.node.id),
    cursors: [...d.dossiers.edges, ...d.units.edges, ...d.procedures.edges].map((e) => e.cursor),
    codes: [
      ...d.dossiers.edges.map((e) => e.node.code),
      ...d.units.edges.map((e) => e.node.code),
      ...d.procedures.edges.map((e) => e.node.nationalCode),
    ],
  };
});
afterAll(() => hub?.close());

describe('schema-driven fuzzing', () => {
  it(`${CASES} random operations (seed ${SEED}): no 5xx, no internal error, no leak; the hub stays up`, async () => {
    const fuzzer = createFuzzer(SDL, SEED, samples);
    const findings: string[] = [];
    for (let n = 0; n < CASES; n++) {
      const c = fuzzer.next();
      const res = await fetch(`${hub.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(c),
      });
      const text = await res.text();
      let body: Parameters<typeof fuzzFindings>[1];
      try {
        body = JSON.parse(text) as Parameters<typeof fuzzFindings>[1];
      } catch {
        body = undefined;
      }
      for (const f of fuzzFindings(res.status, body))
        findings.push(`case ${n}: ${f}\n  ${c.query.slice(0, 400)}`);
    }
    expect(findings, findings.slice(0, 5).join('\n')).toEqual([]);
    const alive = await hub.gql('{ provinces { code status } }');
    expect(alive.errors).toBeUndefined();
  });

  it('the same seed generates the same operations', () => {
    const a = createFuzzer(SDL, 7, samples);
    const b = createFuzzer(SDL, 7, samples);
    for (let n = 0; n < 20; n++) expect(a.next()).toEqual(b.next());
  });
});
