import { timingSafeEqual } from 'node:crypto';
import { addressKey, createLimiter, type Limiter } from '../../auth/rate-limits.ts';
import { BadUserInputError, ForbiddenError, RateLimitedError } from '../../errors.ts';
import type { Runtime } from '../../runtime.ts';
import type { DossierStatusLookup } from '../../graphql/generated/schema-types.ts';
import { mayReadProvince, type Viewer } from '../../graphql/viewer.ts';
import type { Federation } from '../../sources/federation.ts';
import { statusName } from './dossier-service.ts';
import { statusLookupStore, type StatusLookupRow } from './status-lookup-store.ts';

/*
 * The public status lookup (tra cứu tình trạng hồ sơ) for citizens and chatbots: a dossier's code plus the last
 * four digits of its applicant's identity number give its status, procedure, receiving unit, due time and
 * timeliness, and nothing else. A wrong code and wrong digits must be indistinguishable, in the answer and
 * in the work done: every lookup asks every readable province one statement, compares the digits of each
 * answer in constant time (against a dummy when a province found nothing), and answers null for any miss.
 */

/** Dossier codes are `<agency id>-<yyMMdd>-<NNNN>` (e.g. `000.17.22.H41-250531-0001`), aliases the same minus a part. */
const CODE_RE = /^[A-Za-z0-9.-]{1,64}$/;
const LAST4_RE = /^[0-9]{4}$/;
export const MAX_CODE_LENGTH = 64;

/** The FORBIDDEN message while PUBLIC_STATUS_LOOKUP is off. */
export const PUBLIC_STATUS_DISABLED =
  'the public status lookup is disabled on this hub (PUBLIC_STATUS_LOOKUP)';

/** Over PUBLIC_STATUS_PER_MINUTE lookups from one client address. */

/** The code as looked up: trimmed, NFC, of the code alphabet; else BAD_USER_INPUT naming `code`. */
export function lookupCode(raw: string): string {
  const code = raw.trim().normalize('NFC');
  if (!CODE_RE.test(code)) {
    throw new BadUserInputError(
      `Argument "code" must be a dossier code of 1–${MAX_CODE_LENGTH} letters, digits, dots and hyphens, e.g. 000.17.22.H41-250531-0001`,
      { argument: 'code' },
    );
  }
  return code;
}

/** The four digits as bytes; else BAD_USER_INPUT naming `idNumberLast4`. */
export function lookupDigits(raw: string): Buffer {
  if (!LAST4_RE.test(raw)) {
    throw new BadUserInputError(
      'Argument "idNumberLast4" must be exactly 4 digits 0–9: the last four of the applicant\'s identity number',
      { argument: 'idNumberLast4' },
    );
  }
  return Buffer.from(raw, 'latin1');
}

/** Compared with a province that found nothing (or a dossier without an identity number): never equal to digits. */
const NO_DIGITS = Buffer.alloc(4);

/**
 * Whether the row's applicant identity number ends in `given` (4 bytes). The same work whatever the row:
 * a missing row or number is compared against NO_DIGITS, and the comparison is timingSafeEqual over 4 bytes.
 */
function digitsMatch(row: StatusLookupRow | null, given: Buffer): boolean {
  const id = row?.applicant_id_number;
  const known = id != null && id.length >= 4;
  const expected = Buffer.from(NO_DIGITS);
  if (known) expected.write(id.slice(-4), 'latin1');
  return timingSafeEqual(expected, given) && known;
}

/** Only the six public fields: nothing of the applicant leaves this function. */
const publicView = (r: StatusLookupRow): DossierStatusLookup => ({
  code: r.code,
  status: statusName(r.status),
  procedureName: r.procedure_name,
  receivingUnitName: r.receiving_unit_name,
  dueAt: r.due_at,
  timeliness: r.timeliness,
});

/** Wrong digits or unknown codes allowed per code per hour, from all addresses together. */
export const MISSES_PER_CODE_PER_HOUR = 5;

/**
 * The lookup's budgets, one set per hub, living as long as its runtime: requests come and go with their
 * contexts, the counts must not. Keyed by the runtime, so hubs in one process (tests) never share counts.
 */
const budgetsByRuntime = new WeakMap<object, { perAddress: Limiter; misses: Limiter }>();
function budgetsOf(rt: Pick<Runtime, 'config'>) {
  let budgets = budgetsByRuntime.get(rt);
  if (!budgets) {
    budgets = {
      perAddress: createLimiter(rt.config.access.publicStatus.perMinute, 60, 'dossier-status'),
      misses: createLimiter(MISSES_PER_CODE_PER_HOUR, 3600, 'dossier-status-misses'),
    };
    budgetsByRuntime.set(rt, budgets);
  }
  return budgets;
}

/** `dossierStatus`: config gate, input checks, per-address limit, then one statement per readable province. */
export function createStatusLookupService(
  rt: Pick<Runtime, 'config'>,
  fed: Federation,
  viewer: Viewer,
  clientAddress: string,
  requestTime: Date,
) {
  const { enabled } = rt.config.access.publicStatus;
  return {
    async lookup(args: { code: string; idNumberLast4: string }): Promise<DossierStatusLookup | null> {
      if (!enabled) throw new ForbiddenError(PUBLIC_STATUS_DISABLED);
      const code = lookupCode(args.code);
      const given = lookupDigits(args.idNumberLast4);
      const { perAddress, misses } = budgetsOf(rt);
      const wait = await perAddress.take(addressKey(clientAddress));
      if (wait !== undefined) {
        throw new RateLimitedError(
          `Too many status lookups from this address (at most ${rt.config.access.publicStatus.perMinute} a minute): retry in ${wait} s`,
          wait,
        );
      }
      // a code that missed too often this hour answers null even to the right digits, so guessing them from
      // many addresses (or with three digits known from a masked view) runs out after a few tries
      const locked = (await misses.spent(code)) !== undefined;
      const sources = fed.select(null).filter((s) => mayReadProvince(viewer, s.code));
      const answers = await fed.each(
        sources,
        async (s) => (await statusLookupStore(s.db, requestTime).byCode(code)) ?? null,
      );
      // every answer is compared, found or not, and the loop never stops early
      let match: StatusLookupRow | null = null;
      for (const { value } of answers) if (digitsMatch(value, given) && !match) match = value;
      if (!match || locked) {
        await misses.take(code);
        return null;
      }
      return publicView(match);
    },
  };
}
export type StatusLookupService = ReturnType<typeof createStatusLookupService>;

declare module '../../graphql/context.ts' {
  interface Services {
    statusLookup: StatusLookupService;
  }
}
