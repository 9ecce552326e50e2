import { createHash } from 'node:crypto';
import { z } from 'zod';
import type {
  Channel,
  OnlineService,
  ProcedureStatus,
  UnitLevel,
} from '../graphql/generated/schema-types.ts';

/** The wire contract with the national portal (src/sync/PROTOCOL.md): shared by the portal client and the sandbox. */

export const NATIONAL_CODE_PATTERN = /^\d\.\d{6}$/;
/** Agency electronic identifier (mã định danh, QCVN 102), e.g. 000.00.12.H41. */
export const AGENCY_CODE_PATTERN = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;
export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const CONTENT_HASH_PATTERN = /^[0-9a-f]{64}$/;
export const MAX_ITEMS_PER_PUT = 100;
export const MAX_NAME_LENGTH = 500;

/**
 * The values of a GraphQL enum, in wire order, for z.enum: compiles only when they are exactly the
 * generated type's members (a missing one is named in the error), so the wire and the API cannot drift.
 */
const enumValues =
  <U extends string>() =>
  <const T extends readonly [U, ...U[]]>(
    values: T & ([Exclude<U, T[number]>] extends [never] ? unknown : { missing: Exclude<U, T[number]> }),
  ): T =>
    values;

export const LEVELS = enumValues<UnitLevel>()(['PROVINCE', 'DISTRICT', 'COMMUNE']);
export const ONLINE_SERVICE_KINDS = enumValues<OnlineService>()(['FULL', 'PARTIAL', 'NONE']);
/** In this order in every payload: the content hash depends on it. */
export const CHANNELS = enumValues<Channel>()(['DIRECT', 'ONLINE', 'POSTAL']);
export const PROCEDURE_STATUSES = enumValues<ProcedureStatus>()(['ACTIVE', 'ABOLISHED']);
// the wire's own: the API shows a time unit as text and has no put status
export const TIME_UNITS = ['WORKING_DAY', 'DAY', 'HOUR'] as const;
export const PUT_STATUSES = ['ACCEPTED', 'UNCHANGED', 'REJECTED'] as const;

/** Rejection reasons are `CODE` or `CODE: detail`; consumers switch on the code (see rejectionCodeOf). */
export const RejectionCode = {
  INVALID: 'INVALID',
  HASH_MISMATCH: 'HASH_MISMATCH',
  STALE: 'STALE',
} as const;
export type RejectionCode = (typeof RejectionCode)[keyof typeof RejectionCode];

const nonBlank = () => z.string().regex(/\S/, 'must not be empty');
const count = () => z.number().int('must be an integer').min(0, 'must be ≥ 0');

const isCalendarDate = (s: string): boolean => {
  const date = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === s;
};

const ProcessingTimeSchema = z
  .object({
    channel: z.enum(CHANNELS),
    case: z.string(),
    value: z.number().finite('must be a finite number').min(0, 'must be ≥ 0'),
    unit: z.enum(TIME_UNITS),
  })
  .strict();

const FeeSchema = z
  .object({
    channel: z.enum(CHANNELS),
    case: z.string(),
    amountVnd: count(),
    note: z.string().nullish(),
  })
  .strict();

const RequirementSchema = z
  .object({
    case: z.string(),
    position: z.number().int('must be an integer').min(1, 'must be ≥ 1'),
    name: nonBlank(),
    form: z.string().nullish(),
    originals: count(),
    copies: count(),
  })
  .strict();

const LegalBasisSchema = z
  .object({
    numberSymbol: nonBlank(),
    issuedOn: z
      .string()
      .regex(ISO_DATE_PATTERN, 'must be a date YYYY-MM-DD')
      // the format message alone is enough when the shape is already wrong
      .refine((s) => !ISO_DATE_PATTERN.test(s) || isCalendarDate(s), 'must be a calendar date'),
    summary: z.string(),
  })
  .strict();

/** Adds an issue for every element whose identity (e.g. `channel DIRECT, case ""`) repeats an earlier one. */
function rejectDuplicates<T>(items: readonly T[], identityOf: (item: T) => string, ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const identity = identityOf(item);
    if (seen.has(identity)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: [index], message: `repeats ${identity}` });
    }
    seen.add(identity);
  });
}

const channelAndCase = (entry: { channel: string; case: string }) =>
  `channel ${entry.channel}, case ${JSON.stringify(entry.case)}`;

export const ProcedurePayloadSchema = z
  .object({
    nationalCode: z.string().regex(NATIONAL_CODE_PATTERN, `must match ${NATIONAL_CODE_PATTERN.source}`),
    name: nonBlank().max(MAX_NAME_LENGTH, `must be at most ${MAX_NAME_LENGTH} characters`),
    field: nonBlank(),
    level: z.enum(LEVELS),
    onlineService: z.enum(ONLINE_SERVICE_KINDS),
    processingTimes: z
      .array(ProcessingTimeSchema)
      .min(1, 'must have at least one entry')
      .superRefine((times, ctx) => rejectDuplicates(times, channelAndCase, ctx)),
    fees: z.array(FeeSchema).superRefine((fees, ctx) => rejectDuplicates(fees, channelAndCase, ctx)),
    requirements: z
      .array(RequirementSchema)
      .superRefine((reqs, ctx) =>
        rejectDuplicates(reqs, (r) => `case ${JSON.stringify(r.case)}, position ${r.position}`, ctx),
      ),
    legalBasis: z.array(LegalBasisSchema),
    implementingAgencies: z
      .array(z.string().regex(AGENCY_CODE_PATTERN, `must match ${AGENCY_CODE_PATTERN.source}`))
      .superRefine((codes, ctx) => rejectDuplicates(codes, (code) => `agency ${code}`, ctx)),
    status: z.enum(PROCEDURE_STATUSES),
    revision: z.number().int('must be an integer').min(1, 'must be ≥ 1'),
    contentHash: z.string().regex(CONTENT_HASH_PATTERN, `must match ${CONTENT_HASH_PATTERN.source}`),
  })
  .strict()
  .superRefine((payload, ctx) => {
    // an abolished procedure may have lost its agencies; an active one must name at least one
    if (payload.status === 'ACTIVE' && payload.implementingAgencies.length === 0) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['implementingAgencies'],
        message: 'must have at least one agency when status is ACTIVE',
      });
    }
  });

export type ProcedurePayload = z.infer<typeof ProcedurePayloadSchema>;
export type ProcessingTime = z.infer<typeof ProcessingTimeSchema>;
export type Fee = z.infer<typeof FeeSchema>;
export type Requirement = z.infer<typeof RequirementSchema>;
export type LegalBasis = z.infer<typeof LegalBasisSchema>;
/** What the content hash covers: everything but the hash itself and the revision. */
export type ProcedureContent = Omit<ProcedurePayload, 'contentHash' | 'revision'>;

/** One-line messages for the issues zod words for developers rather than for a payload's author. */
const payloadErrorMap: z.ZodErrorMap = (issue, ctx) => {
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      if (issue.received === 'undefined') return { message: 'is required' };
      if (issue.expected === 'integer') return { message: 'must be an integer' };
      if (issue.expected.includes('|'))
        return { message: `must be one of ${issue.expected.replaceAll("'", '')}` };
      return { message: `must be ${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}` };
    case z.ZodIssueCode.invalid_enum_value:
      return { message: `must be one of ${issue.options.join(' | ')}` };
    case z.ZodIssueCode.unrecognized_keys:
      return { message: `has unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}` };
    default:
      return { message: ctx.defaultError };
  }
};

/** `processingTimes[0].unit`; the empty path is the item itself. */
function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${part}` : part;
  return out || 'item';
}

export type PayloadCheck = { success: true; data: ProcedurePayload } | { success: false; problems: string[] };

/** Validates one item; problems read like `nationalCode must match ^\d\.\d{6}$`. */
export function checkProcedurePayload(value: unknown): PayloadCheck {
  const parsed = ProcedurePayloadSchema.safeParse(value, { errorMap: payloadErrorMap });
  if (parsed.success) return { success: true, data: parsed.data };
  return {
    success: false,
    problems: parsed.error.issues.map((issue) => `${formatPath(issue.path)} ${issue.message}`),
  };
}

/** The leading code of a rejection reason (`INVALID: name must not be empty` → `INVALID`). */
export function rejectionCodeOf(reason: string): string {
  const colon = reason.indexOf(':');
  return colon === -1 ? reason : reason.slice(0, colon);
}

/**
 * JSON with object keys sorted recursively (by UTF-16 code unit), arrays in order, no whitespace;
 * undefined properties are dropped as JSON.stringify does, so `{ note: undefined }` equals `{}`.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} has no JSON form`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map((v: unknown) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  }
  if (typeof value === 'object') {
    const withToJson = value as { toJSON?: () => unknown };
    if (typeof withToJson.toJSON === 'function') return canonicalJson(withToJson.toJSON());
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new TypeError(`canonicalJson: a ${typeof value} has no JSON form`);
}

/** sha256 (hex) of the canonical JSON of the content: contentHash and revision are left out. */
export function contentHashOf(
  payload: ProcedureContent & { contentHash?: string; revision?: number },
): string {
  const { contentHash: _hash, revision: _revision, ...content } = payload;
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
}

// ---- responses -------------------------------------------------------------------------------

export const TokenResponseSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().positive(),
  token_type: z.string().optional(),
});
export type TokenResponse = z.infer<typeof TokenResponseSchema>;

export const PutResultSchema = z.object({
  nationalCode: z.string(),
  status: z.enum(PUT_STATUSES),
  reason: z.string().optional(),
});
export type PutResult = z.infer<typeof PutResultSchema>;
export type PutStatus = PutResult['status'];

/** results[i] answers items[i] of the request. */
export const PutResponseSchema = z.object({ results: z.array(PutResultSchema) });
export type PutResponse = z.infer<typeof PutResponseSchema>;

export const ListResponseSchema = z.object({
  items: z.array(ProcedurePayloadSchema),
  nextCursor: z.string().min(1).nullable(),
});
export type ListResponse = z.infer<typeof ListResponseSchema>;

/** Every non-2xx answer of the portal carries `{ error }`. */
export const ErrorResponseSchema = z.object({ error: z.string() });
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;
