import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { timelinessSql } from '../modules/dossiers/dossier-store.ts';
import { statusName } from '../modules/dossiers/dossier-service.ts';
import type { SourceInfo } from '../sources/registry.ts';

/**
 * The benchmark's baseline: plain node:http, hand-written SQL (batched the way a careful engineer would,
 * one statement per level) and JSON.stringify. It answers the same three workloads as the hub.
 */
export async function startBaseline(
  sources: SourceInfo[],
): Promise<{ url: string; statements: () => number; close(): Promise<void> }> {
  const pools = new Map(sources.map((s) => [s.code, new pg.Pool({ connectionString: s.url, max: 10 })]));
  let statements = 0;
  const q = async <R extends pg.QueryResultRow>(code: string, sql: string, params: unknown[]) => {
    statements++;
    return (await pools.get(code)!.query<R>(sql, params)).rows;
  };

  const dossiers = async (code: string, first: number) => {
    const now = new Date();
    const ds = await q<{
      id: number;
      code: string;
      status: number;
      received_at: Date;
      due_at: Date;
      procedure_id: number;
      receiving_unit_id: number;
      timeliness: string;
    }>(
      code,
      // the same answer as the hub's: timeliness by the national rules, status by name
      `select id, code, status, received_at, due_at, procedure_id, receiving_unit_id, ${timelinessSql('$2')} as timeliness
         from dossiers d order by coalesce(received_at, submitted_at) desc, id desc limit $1`,
      [first, now],
    );
    const ids = ds.map((d) => d.id);
    const [procs, units, events, docs] = await Promise.all([
      q<{ id: number; national_code: string; name: string; field: string }>(
        code,
        'select id, national_code, name, field from procedures where id = any($1)',
        [[...new Set(ds.map((d) => d.procedure_id))]],
      ),
      q<{ id: number; code: string; name: string }>(
        code,
        'select id, code, name from units where id = any($1)',
        [[...new Set(ds.map((d) => d.receiving_unit_id))]],
      ),
      q<{ dossier_id: number; occurred_at: Date; status: number; note: string }>(
        code,
        'select dossier_id, occurred_at, status, note from dossier_events where dossier_id = any($1) order by dossier_id, occurred_at, id',
        [ids],
      ),
      q<{ dossier_id: number; number_symbol: string; summary: string }>(
        code,
        'select l.dossier_id, d.number_symbol, d.summary from dossier_documents l join documents d on d.id = l.document_id where l.dossier_id = any($1)',
        [ids],
      ),
    ]);
    const procById = new Map(procs.map((p) => [p.id, p]));
    const unitById = new Map(units.map((u) => [u.id, u]));
    const group = <T extends { dossier_id: number }>(rows: T[]) => {
      const m = new Map<number, T[]>();
      for (const r of rows) m.set(r.dossier_id, [...(m.get(r.dossier_id) ?? []), r]);
      return m;
    };
    const ev = group(events);
    const dc = group(docs);
    return {
      data: {
        dossiers: {
          nodes: ds.map((d) => ({
            code: d.code,
            status: statusName(d.status),
            timeliness: d.timeliness,
            receivedAt: d.received_at,
            dueAt: d.due_at,
            procedure: procById.get(d.procedure_id),
            receivingUnit: unitById.get(d.receiving_unit_id),
            events: (ev.get(d.id) ?? []).map((e) => ({
              occurredAt: e.occurred_at,
              status: statusName(e.status),
              note: e.note,
            })),
            documents: (dc.get(d.id) ?? []).map((x) => ({
              numberSymbol: x.number_symbol,
              summary: x.summary,
            })),
          })),
        },
      },
    };
  };

  const search = async (text: string, first: number, province: string | null) => {
    // search_folded: the stored lt_fold of name, code and field (migration 010), as the hub reads it
    const searched = province ? sources.filter((s) => s.code === province) : sources;
    const per = await Promise.all(
      searched.map(async (s) => {
        const [rows, count] = await Promise.all([
          q<{ id: number; national_code: string; name: string; field: string; online_service: string }>(
            s.code,
            `select id, national_code, name, field, online_service from procedures
              where search_folded like '%' || lt_fold($1) || '%'
              order by name collate "C", id limit $2`,
            [text, first],
          ),
          q<{ n: string }>(
            s.code,
            `select count(*) n from procedures where search_folded like '%' || lt_fold($1) || '%'`,
            [text],
          ),
        ]);
        return { code: s.code, rows, count: Number(count[0]!.n) };
      }),
    );
    const merged = per
      .flatMap((p) => p.rows.map((r) => ({ ...r, province: p.code })))
      .sort((a, b) =>
        a.name < b.name
          ? -1
          : a.name > b.name
            ? 1
            : a.province < b.province
              ? -1
              : a.province > b.province
                ? 1
                : a.id - b.id,
      )
      .slice(0, first);
    return { data: { procedures: { totalCount: per.reduce((n, p) => n + p.count, 0), nodes: merged } } };
  };

  const subtree = async (code: string, unitCode: string) => {
    const [root] = await q<{ id: number; code: string; name: string }>(
      code,
      'select id, code, name from units where code = $1',
      [unitCode],
    );
    if (!root) return { data: { unit: null } };
    const children = await q<{ id: number; code: string; name: string; kind: string }>(
      code,
      'select id, code, name, kind from units where parent_id = $1 order by name collate "C", id limit 50',
      [root.id],
    );
    const grand = await q<{ parent_id: number; code: string; name: string; kind: string }>(
      code,
      `select parent_id, code, name, kind from (select parent_id, code, name, kind,
         row_number() over (partition by parent_id order by name collate "C", id) rn from units where parent_id = any($1)) x where rn <= 50`,
      [children.map((c) => c.id)],
    );
    return {
      data: {
        unit: {
          code: root.code,
          name: root.name,
          children: {
            nodes: children.map((c) => ({
              code: c.code,
              name: c.name,
              kind: c.kind,
              children: {
                nodes: grand
                  .filter((g) => g.parent_id === c.id)
                  .map((g) => ({ code: g.code, name: g.name, kind: g.kind })),
              },
            })),
          },
        },
      },
    };
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const p = url.searchParams;
    if (url.pathname === '/_statements') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ statements }));
    }
    const work =
      url.pathname === '/dossiers'
        ? dossiers(p.get('province')!, Number(p.get('first')))
        : url.pathname === '/procedures'
          ? search(p.get('search')!, Number(p.get('first')), p.get('province'))
          : url.pathname === '/subtree'
            ? subtree(p.get('province')!, p.get('code')!)
            : Promise.reject(new Error('unknown workload'));
    work.then(
      (body) => {
        const text = JSON.stringify(body);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(text);
      },
      (err: Error) => {
        res.writeHead(500);
        res.end(err.message);
      },
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    statements: () => statements,
    close: async () => {
      await new Promise((r) => server.close(r));
      await Promise.all([...pools.values()].map((p) => p.end()));
    },
  };
}
