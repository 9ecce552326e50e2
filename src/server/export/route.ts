import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import client from 'prom-client';
import { ErrorCode } from '../../errors.ts';
import { sendJson } from '../../http.ts';
import type { Runtime } from '../../runtime.ts';
import { clientAddressOf, type Access } from '../access.ts';
import { wwwAuthenticate } from '../scopes.ts';
import {
  ExportParamError,
  paramsOfUrl,
  startExport,
  type ExportGraphQL,
  type ExportKind,
  type ExportSummary,
  type Sink,
} from './index.ts';
import { csvLine } from './csv.ts';

const PATHS: Readonly<Record<string, ExportKind>> = {
  '/export/dossiers.csv': 'dossiers',
  '/export/indicators.csv': 'indicators',
};

/** The response as a sink: writes wait for 'drain' when the client reads slower than the hub pages. */
function responseSink(res: ServerResponse): Sink {
  const gone = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) gone.abort();
  });
  return {
    signal: gone.signal,
    write: (text) =>
      new Promise((resolve) => {
        if (gone.signal.aborted || res.write(text)) return resolve();
        const done = () => {
          res.off('drain', done);
          gone.signal.removeEventListener('abort', done);
          resolve();
        };
        res.once('drain', done);
        gone.signal.addEventListener('abort', done, { once: true });
      }),
  };
}

function exportMetrics(rt: Runtime) {
  const counter = <L extends string>(name: string, help: string, labelNames: L[]) =>
    (rt.metrics.registry.getSingleMetric(name) as client.Counter<L> | undefined) ??
    new client.Counter({ name, help, labelNames, registers: [rt.metrics.registry] });
  return {
    exports: counter('lienthong_exports_total', 'CSV exports by kind and outcome', ['kind', 'outcome']),
    rows: counter('lienthong_export_rows_total', 'Rows written by CSV exports', ['kind']),
  };
}

/**
 * GET /export/dossiers.csv and /export/indicators.csv: the caller is admitted exactly as on /graphql
 * (API key, bearer token, anonymous reading per ANONYMOUS_READ), the parameters are checked before any SQL
 * (400), and the export runs through the hub's own GraphQL execution, so scopes, province limits, masking,
 * audit records, cost limits and errors are those of /graphql. A refusal of the first operation is
 * answered with /graphql's status and JSON body; after that the CSV streams, and later errors become
 * trailing `#ERROR` rows (README "Exports").
 */
export function createExportRoute(rt: Runtime, access: Access, gql: ExportGraphQL) {
  const metrics = exportMetrics(rt);
  const provinces = rt.sources.all.map((s) => s.code);
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const kind = PATHS[url.pathname];
    if (!kind) {
      return sendJson(res, 404, {
        errors: [
          {
            message: `No export at ${url.pathname}; exports: ${Object.keys(PATHS).join(', ')}`,
            extensions: { code: ErrorCode.BAD_REQUEST },
          },
        ],
      });
    }
    if (req.method !== 'GET') {
      return sendJson(
        res,
        405,
        {
          errors: [
            {
              message: `Method ${req.method} not allowed`,
              extensions: { code: ErrorCode.METHOD_NOT_ALLOWED },
            },
          ],
        },
        { allow: 'GET' },
      );
    }
    const viewer = await access.admit(req, res);
    if (!viewer) return;
    // exports read data: no public field among them, so the 401 /graphql gives an anonymous caller
    // on a hub that refuses anonymous reading, before the parameters are even looked at
    if (viewer.kind === 'anonymous' && !viewer.scopes.has('read')) {
      return sendJson(
        res,
        401,
        {
          errors: [
            {
              message:
                'This hub answers only callers with an API key or token: send Authorization: Bearer <key or token>',
              extensions: { code: ErrorCode.UNAUTHENTICATED },
            },
          ],
        },
        { 'www-authenticate': wwwAuthenticate() },
      );
    }
    const requestId = (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) || randomUUID();
    const t0 = performance.now();
    const deps = {
      execute: gql.execute,
      viewer,
      clientAddress: clientAddressOf(req),
      requestId,
      requestTime: new Date(),
      maxRows: rt.config.exportMaxRows,
    };
    let started;
    try {
      started = await startExport(
        kind,
        paramsOfUrl(url),
        { schema: gql.schema, provinces, label: (n) => `"${n}"` },
        deps,
      );
    } catch (err) {
      if (!(err instanceof ExportParamError)) throw err;
      metrics.exports.inc({ kind, outcome: 'refused' });
      return sendJson(
        res,
        400,
        { errors: [{ message: err.message, extensions: { code: err.code, parameter: err.parameter } }] },
        { 'x-request-id': requestId },
      );
    }
    if (!started.ok) {
      metrics.exports.inc({ kind, outcome: 'refused' });
      return sendJson(
        res,
        started.status,
        { errors: started.errors },
        { ...started.headers, 'x-request-id': requestId },
      );
    }
    res.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${started.filename}"`,
      // applicants' data, masked or not, is not for shared caches or the browser's disk cache
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'x-request-id': requestId,
      ...(started.totalCount !== undefined ? { 'x-total-count': String(started.totalCount) } : {}),
    });
    const sink = responseSink(res);
    let summary: ExportSummary;
    try {
      summary = await started.writeTo(sink);
    } catch (err) {
      // the status is sent: the reader learns of the failure from the last row
      rt.log.error('export failed', { requestId, kind, error: (err as Error).message });
      if (!sink.signal.aborted)
        res.write(csvLine(['#ERROR', ErrorCode.INTERNAL_SERVER_ERROR, 'The export failed; try again later']));
      summary = { rows: 0, pages: 0, sqlStatements: 0, outcome: 'incomplete' };
    }
    res.end();
    metrics.exports.inc({ kind, outcome: summary.outcome });
    metrics.rows.inc({ kind }, summary.rows);
    rt.log.info('export', {
      requestId,
      actor: viewer.id,
      kind,
      rows: summary.rows,
      operations: summary.pages,
      sqlStatements: summary.sqlStatements,
      outcome: summary.outcome,
      durationMs: Math.round(performance.now() - t0),
    });
  };
}
