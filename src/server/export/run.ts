import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../../errors.ts';
import type { Viewer } from '../../graphql/viewer.ts';
import type { ExecuteOperation, InProcessResult } from '../graphql-route.ts';
import { csvLine, type Cell } from './csv.ts';

/** Who runs an export, and through what: the hub's own GraphQL execution (src/server/graphql-route.ts). */
export interface ExportDeps {
  execute: ExecuteOperation;
  viewer: Viewer;
  clientAddress: string;
  requestId: string;
  /** One clock for the whole export: every page judges open dossiers at this instant. */
  requestTime: Date;
  /** EXPORT_MAX_ROWS. */
  maxRows: number;
  /** Waits between pages refused by the caller's cost budget (RATE_LIMITED); ends early on abort. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** Where the CSV goes: an HTTP response, stdout, a file. */
export interface Sink {
  /** Resolves once the text is taken: at once, or after 'drain' when the reader is behind (backpressure). */
  write(text: string): Promise<void>;
  /** Aborted when the reader has gone away (closed connection, closed pipe): the export stops paging. */
  readonly signal: AbortSignal;
}

/**
 * How an export ended: every row written (complete), cut at EXPORT_MAX_ROWS (truncated), with errors from
 * the hub such as a province that did not answer (incomplete), or because the reader went away (closed).
 */
export type ExportOutcome = 'complete' | 'truncated' | 'incomplete' | 'closed';

export interface ExportSummary {
  rows: number;
  /** GraphQL operations run. */
  pages: number;
  sqlStatements: number;
  outcome: ExportOutcome;
}

/** An export that may start (its first operation answered) or the answer /graphql would have given. */
export type StartedExport =
  | {
      ok: true;
      filename: string;
      /** Rows matching when the export started, when known (dossiers). */
      totalCount?: number | undefined;
      writeTo(sink: Sink): Promise<ExportSummary>;
    }
  | { ok: false; status: number; headers: Record<string, string>; errors: readonly GraphQLFormattedError[] };

const codeOf = (e: GraphQLFormattedError) => String(e.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR);

/** The HTTP status of an operation that gave no data: Apollo's when it set one, else by the error's code. */
const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.QUERY_TOO_COSTLY]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.SOURCE_UNAVAILABLE]: 503,
  [ErrorCode.SOURCE_BUSY]: 503,
  [ErrorCode.DEADLINE_EXCEEDED]: 503,
  [ErrorCode.AUDIT_UNAVAILABLE]: 503,
};

/** A refusal carrying what /graphql would have said, with a status that tells what went wrong. */
export function refusal(r: InProcessResult): StartedExport {
  const errors = r.result.errors?.length
    ? r.result.errors
    : [{ message: 'The export gave no data', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }];
  const status = r.status !== 200 ? r.status : (STATUS_BY_CODE[codeOf(errors[0]!)] ?? 500);
  return { ok: false, status, headers: r.headers, errors };
}

/** The first RATE_LIMITED error's wait, when that is why an operation gave no data. */
export function rateLimitWait(r: InProcessResult): number | undefined {
  const e = r.result.errors?.find((x) => codeOf(x) === ErrorCode.RATE_LIMITED);
  const s = e?.extensions?.retryAfterSeconds;
  return typeof s === 'number' && s > 0 ? s : undefined;
}

/**
 * Errors of operations that still gave data (a province that did not answer, a deadline), each kind once:
 * written as trailing rows, so a spreadsheet shows the export is not whole.
 */
export class TrailingErrors {
  private readonly seen = new Map<string, { code: string; message: string }>();
  add(errors: readonly GraphQLFormattedError[] | undefined): void {
    for (const e of errors ?? []) {
      const code = codeOf(e);
      const key = `${code}\u0000${String(e.extensions?.province ?? e.message)}`;
      if (!this.seen.has(key)) this.seen.set(key, { code, message: e.message });
    }
  }
  get size(): number {
    return this.seen.size;
  }
  /**
   * One row per error, as wide as the header: `#ERROR`, the stable code, the message. A reader tells them
   * from data by the first cell (README "Exports").
   */
  rows(width: number): string {
    return [...this.seen.values()].map((e) => csvLine(padded(['#ERROR', e.code, e.message], width))).join('');
  }
}

export const padded = (cells: Cell[], width: number): Cell[] => [
  ...cells,
  ...Array<Cell>(Math.max(0, width - cells.length)).fill(''),
];

const VN_OFFSET_MS = 7 * 3600_000;

/** An ISO-8601 instant as local time in Vietnam (UTC+7), `YYYY-MM-DD HH:mm`; empty for null. */
export function localMinute(iso: string | null | undefined): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  return new Date(ms + VN_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** The local (UTC+7) day of an instant, `YYYY-MM-DD`: the date in an export's file name. */
export const localDate = (at: Date) => new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);

/** A pause that ends early (without error) when the signal aborts. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
