import { UsageError } from '../../errors.ts';
import { decodeId, encodeId } from '../../graphql/ids.ts';
import type { AuditRecordEntity } from '../../graphql/models.ts';
import { MAX_ACTOR_LENGTH } from '../../modules/audit/audit-service.ts';
import { AUDIT_ORDER, auditStore, type AuditListFilter } from '../../modules/audit/audit-store.ts';
import type { Command } from '../command.ts';
import { cliConfig, table, withRuntime } from '../context.ts';
import { intFlag, parseFlags, textFlag } from '../flags.ts';
import { dayEnd, dayStart, parseDayOrInstant, vietnamTime, type DayOrInstant } from '../vn-time.ts';

export const DEFAULT_AUDIT_LIMIT = 100;
export const MAX_AUDIT_LIMIT = 10_000;
/** Dossier codes shown per record in the table; --json prints them all. */
const CODES_SHOWN = 3;
const MAX_CODE_LENGTH = 100;

const USAGE = `Usage: lienthong audit [--since DATE|TIME] [--until DATE|TIME] [--actor ACTOR]
                       [--dossier CODE|ID] [--limit N] [--json]

Prints the audit trail of personal data, newest first: each response that carried applicants' data
unmasked, who asked, and which dossiers and fields it showed (never the values).
  --since DATE|TIME   written on or after: a day YYYY-MM-DD (from its start, UTC+7) or an ISO-8601
                      time with its offset, to the millisecond (2026-03-05T08:30:00+07:00)
  --until DATE|TIME   written on or before: a day (to its end, UTC+7) or a time as above
  --actor ACTOR       only this actor, exactly as recorded (key:3, oidc:nguyen.van.a)
  --dossier CODE|ID   only records that showed this dossier: its code (mã hồ sơ) or global id
  --limit N           at most N records (default ${DEFAULT_AUDIT_LIMIT}, at most ${MAX_AUDIT_LIMIT})
  --json              one JSON object per line instead of the table

Times are printed in UTC+7 (+07:00).`;

/** A bound of the period: a calendar day in UTC+7, or an instant (milliseconds). */
type Bound = DayOrInstant;

/** `--since`/`--until`: a day or an ISO-8601 time with an offset; undefined when absent. */
export function periodFlag(name: string, raw: string | undefined): Bound | undefined {
  if (raw === undefined) return undefined;
  const bound = parseDayOrInstant(raw);
  if (!bound) {
    throw new UsageError(
      `--${name} must be a day YYYY-MM-DD or a time with its offset such as 2026-03-05T08:30:00+07:00, got ${JSON.stringify(raw)}`,
    );
  }
  return bound;
}

/** `--dossier`: a Dossier global id (matched against the ids recorded) or else a dossier code. */
export function dossierFlag(raw: string | undefined): Pick<AuditListFilter, 'dossier' | 'dossierCode'> {
  const text = textFlag('dossier', raw)?.trim();
  if (text === undefined) return {};
  const id = decodeId(text);
  if (id) {
    if (id.type !== 'Dossier')
      throw new UsageError(`--dossier must be a dossier code or a Dossier id, got a ${id.type} id`);
    return { dossier: encodeId('Dossier', id.province, id.localId) };
  }
  // eslint-disable-next-line no-control-regex
  if (text.length > MAX_CODE_LENGTH || /[\s\u0000-\u001f]/.test(text)) {
    throw new UsageError(
      `--dossier must be a dossier code (no spaces, at most ${MAX_CODE_LENGTH} characters) or a Dossier id, got ${JSON.stringify(raw)}`,
    );
  }
  return { dossierCode: text };
}

/** The store filter of the flags, checked before the database is opened. */
export function auditFlags(values: {
  since?: string | undefined;
  until?: string | undefined;
  actor?: string | undefined;
  dossier?: string | undefined;
}): AuditListFilter {
  const since = periodFlag('since', values.since);
  const until = periodFlag('until', values.until);
  const actor = textFlag('actor', values.actor);
  if (actor !== undefined && actor.length > MAX_ACTOR_LENGTH)
    throw new UsageError(`--actor is too long (${actor.length} characters, at most ${MAX_ACTOR_LENGTH})`);
  // the period as [first millisecond, first millisecond after]
  const lower = since && ('day' in since ? dayStart(since.day) : since.instant.getTime());
  const upper = until && ('day' in until ? dayEnd(until.day) : until.instant.getTime() + 1);
  if (lower !== undefined && upper !== undefined && lower >= upper)
    throw new UsageError(`--since ${values.since!.trim()} is after --until ${values.until!.trim()}`);
  return {
    actor,
    ...dossierFlag(values.dossier),
    ...(since && ('day' in since ? { fromDate: since.day } : { since: since.instant })),
    // a time names its whole millisecond: the `at` printed for a record, given back, includes it
    ...(until &&
      ('day' in until ? { toDate: until.day } : { before: new Date(until.instant.getTime() + 1) })),
  };
}

/** An instant in UTC+7, ISO-8601 to the millisecond: `2026-03-05T15:30:00.123+07:00`. */
export const vnTime = (at: Date): string => vietnamTime(at, { ms: true });

const codesCell = (codes: string[]) =>
  codes.length === 0
    ? '-'
    : codes.length <= CODES_SHOWN
      ? codes.join(', ')
      : `${codes.slice(0, CODES_SHOWN).join(', ')} +${codes.length - CODES_SHOWN} more`;

function printTable(write: (s: string) => void, records: AuditRecordEntity[]): void {
  write(
    table([
      ['time (+07:00)', 'actor', 'operation', 'request id', 'dossiers', 'fields'],
      ...records.map((r) => [
        vnTime(r.at),
        r.actor,
        r.operation ?? '-',
        r.requestId ?? '-',
        codesCell(r.dossierCodes),
        r.fields.join(', ') || '-',
      ]),
    ]),
  );
}

/** One line of --json: the record as the API shows it, the time in UTC+7. */
const jsonLine = (r: AuditRecordEntity) =>
  JSON.stringify({
    id: String(r.id),
    at: vnTime(r.at),
    actor: r.actor,
    action: r.action,
    requestId: r.requestId,
    operation: r.operation,
    dossiers: r.dossiers,
    dossierCodes: r.dossierCodes,
    fields: r.fields,
  });

export const auditCommand: Command = {
  name: 'audit',
  summary: 'print the audit trail of personal data (who was shown which dossiers), newest first',
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      since: { type: 'string' },
      until: { type: 'string' },
      actor: { type: 'string' },
      dossier: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean' },
    });
    const filter = auditFlags(values);
    const limit = intFlag('limit', values.limit, { min: 1, max: MAX_AUDIT_LIMIT }) ?? DEFAULT_AUDIT_LIMIT;
    const config = cliConfig(io);
    return withRuntime(io, config, {}, async (rt) => {
      const rows = await auditStore(rt.hub).list(filter, {
        spec: AUDIT_ORDER,
        from: undefined,
        limit: limit + 1,
      });
      const records = rows.slice(0, limit).map((r) => r.entity);
      if (values.json) for (const r of records) io.stdout(jsonLine(r));
      else if (records.length === 0) io.stdout('no audit records match');
      else printTable(io.stdout, records);
      if (rows.length > limit) {
        io.stderr(
          `note: the newest ${limit} records are shown; more match (raise --limit, or narrow --since/--until)`,
        );
      }
      return 0;
    });
  },
};
