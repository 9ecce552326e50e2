import { loadTypeDefs } from '../server/schema.ts';
import { createFuzzer, fuzzFindings, type FuzzSamples } from './fuzz.ts';

export interface FuzzReport {
  cases: number;
  seed: number;
  seconds: number;
  byCode: Record<string, number>;
  http5xx: number;
  findings: string[];
}

async function post(url: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json };
}

/** Real ids, cursors and codes of the running hub, for the fuzzer to use and mangle. */
export async function fuzzSamples(url: string): Promise<FuzzSamples> {
  const { json } = await post(url, {
    query: `{ dossiers(first: 10) { edges { cursor node { id code } } }
      units(first: 10) { edges { cursor node { id code } } }
      procedures(first: 10) { edges { cursor node { id nationalCode } } }
      documents(first: 10) { edges { cursor node { id numberSymbol } } } }`,
  });
  type Edge = { cursor: string; node: Record<string, string> };
  const data = (json as { data: Record<string, { edges: Edge[] }> }).data;
  const edges = Object.values(data).flatMap((c) => c.edges);
  return {
    ids: edges.map((e) => e.node.id!),
    cursors: edges.map((e) => e.cursor),
    codes: edges.map((e) => e.node.code ?? e.node.nationalCode ?? e.node.numberSymbol!),
  };
}

/** Sends `cases` fuzzed operations, `concurrency` at a time; counts answers by error code. */
export async function runFuzz(url: string, opts: { cases: number; seed: number; concurrency?: number }) {
  const fuzzer = createFuzzer(loadTypeDefs().join('\n'), opts.seed, await fuzzSamples(url));
  const cases = Array.from({ length: opts.cases }, () => fuzzer.next());
  const report: FuzzReport = {
    cases: opts.cases,
    seed: opts.seed,
    seconds: 0,
    byCode: {},
    http5xx: 0,
    findings: [],
  };
  const t0 = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const n = next++;
      const c = cases[n]!;
      const { status, json } = await post(url, c);
      if (status >= 500) report.http5xx++;
      const body = json as Parameters<typeof fuzzFindings>[1];
      const codes = body?.errors?.map((e) => String(e.extensions?.code ?? 'NONE')) ?? ['OK'];
      for (const code of new Set(codes)) report.byCode[code] = (report.byCode[code] ?? 0) + 1;
      for (const f of fuzzFindings(status, body))
        report.findings.push(`case ${n}: ${f} — ${c.query.slice(0, 300)}`);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency ?? 8 }, worker));
  report.seconds = (performance.now() - t0) / 1000;
  return report;
}
