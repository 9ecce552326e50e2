import type { Knex } from 'knex';

/**
 * Rows of every table, as the migrations create them and as node-pg returns them with the parsers of
 * knex.ts: bigint and numeric as number, date as 'YYYY-MM-DD' text, timestamptz as Date, text[] as
 * string[], jsonb parsed. A text column with a CHECK list has that list as its type; the SDL enums must
 * accept it (the stores map one onto the other, so tsc compares them). The tables are declared to knex
 * at the end of this file, so `db('units')` is typed. Province and hub tables share the declaration:
 * they live in different databases, and no table name is in both.
 */

type NullableKeys<Row> = { [K in keyof Row]-?: null extends Row[K] ? K : never }[keyof Row];
/** A value to write: times as Date or text; knex also takes a raw expression or a subquery. */
type Writable<V> = (V extends Date ? Date | string : V) | Knex.Raw | Knex.QueryBuilder;

/** One row for INSERT: no identity column; nullable and defaulted columns optional. */
export type Insert<Row, Generated extends keyof Row = never, Defaulted extends keyof Row = never> = {
  [K in Exclude<keyof Row, Generated | Defaulted | NullableKeys<Row>>]: Writable<Row[K]>;
} & { [K in Exclude<Defaulted | NullableKeys<Row>, Generated>]?: Writable<Row[K]> };

/** A table for knex: rows as selected; INSERT takes rows or a subquery (INSERT … SELECT); UPDATE some columns. */
type Table<Row, RowInsert> = Knex.CompositeTableType<
  Row,
  RowInsert | Knex.QueryBuilder,
  Partial<RowInsert>,
  Partial<RowInsert>
>;

/** A column under a table alias, as a select list names it: `u.parent_id`. */
export type Qualified<Alias extends string, Row> = `${Alias}.${keyof Row & string}`;

type Unqualified<Column> = Column extends `${string}.${infer Name}` ? Name : Column;

/** The row a select list reads (`['u.id', 'u.code']` → `Pick<UnitRow, 'id' | 'code'>`). */
export type Selected<Row, Columns extends readonly string[]> = Pick<
  Row,
  Extract<Unqualified<Columns[number]>, keyof Row>
>;

/**
 * The rows of a query knex cannot type: an aliased table (`units as u`) or raw select expressions.
 * The caller names the row, from its column list (`Selected`) and the columns its SQL computes.
 */
export async function rowsOf<Row>(qb: Knex.QueryBuilder): Promise<Row[]> {
  return await qb;
}

type AdminLevel = 'PROVINCE' | 'DISTRICT' | 'COMMUNE';
type Channel = 'DIRECT' | 'ONLINE' | 'POSTAL';
type ProcedureStatus = 'ACTIVE' | 'ABOLISHED';

// ── province databases (migrations/province) ─────────────────────────────────────────────────────

export interface UnitRow {
  id: number;
  /** Agency electronic identifier (QCVN 102), e.g. 000.00.12.H41. */
  code: string;
  name: string;
  short_name: string | null;
  kind: 'PEOPLES_COMMITTEE' | 'DEPARTMENT' | 'SECTOR_AGENCY' | 'DISTRICT' | 'COMMUNE' | 'DIVISION' | 'CENTRE';
  level: AdminLevel;
  parent_id: number | null;
  valid_from: string;
  valid_to: string | null;
  address: string | null;
}
export type UnitInsert = Insert<UnitRow, 'id', 'valid_from'>;

export interface UnitAdminCodeRow {
  unit_id: number;
  system: 'GSO' | 'TAX' | 'CIVIL_REGISTRY';
  code: string;
  valid_from: string;
  valid_to: string | null;
}
export type UnitAdminCodeInsert = Insert<UnitAdminCodeRow, never, 'valid_from'>;

export interface UnitLineageRow {
  predecessor_id: number;
  successor_id: number;
  kind: 'MERGED_INTO' | 'SPLIT_INTO' | 'RENAMED_TO';
  effective_on: string;
  document_id: number | null;
}
export type UnitLineageInsert = Insert<UnitLineageRow>;

/** An identifier a unit had before (migration 008). */
export interface UnitCodeAliasRow {
  alias: string;
  unit_id: number;
  replaced_on: string;
  reason: string | null;
}
export type UnitCodeAliasInsert = Insert<UnitCodeAliasRow, never, 'replaced_on' | 'reason'>;

/** A successor in another province's database (UBND tỉnh Hòa Bình → UBND tỉnh Phú Thọ). */
export interface UnitExternalSuccessorRow {
  unit_id: number;
  kind: UnitLineageRow['kind'];
  province_code: string;
  province_name: string;
  successor_code: string | null;
  successor_name: string;
  effective_on: string;
  document_id: number | null;
}
export type UnitExternalSuccessorInsert = Insert<UnitExternalSuccessorRow>;

/** A procedure's level in one period (district-level procedures became commune-level on 2025-07-01). */
export interface ProcedureLevelRow {
  procedure_id: number;
  level: AdminLevel;
  valid_from: string;
  valid_to: string | null;
}
export type ProcedureLevelInsert = Insert<ProcedureLevelRow>;

export interface DocumentRow {
  id: number;
  /** e.g. 1271/QĐ-UBND, 76/NQ-CP, 5849/UBND-NCKSTT. */
  number_symbol: string;
  number: number;
  year: number | null;
  type_code: string | null;
  type:
    | 'RESOLUTION'
    | 'DECISION'
    | 'DIRECTIVE'
    | 'PLAN'
    | 'NOTICE'
    | 'REPORT'
    | 'SUBMISSION'
    | 'GUIDANCE'
    | 'PROGRAMME'
    | 'REGULATION'
    | 'OFFICIAL_LETTER'
    | 'LAW'
    | 'DECREE'
    | 'CIRCULAR';
  issuer_symbol: string;
  drafting_unit: string | null;
  issuer_unit_id: number | null;
  issuer_name: string;
  place: string;
  issued_on: string;
  summary: string;
  signer_name: string | null;
  signer_position: string | null;
  signer_authority: string | null;
  urgency: 'KHAN' | 'THUONG_KHAN' | 'HOA_TOC' | null;
  confidentiality: 'MAT' | 'TOI_MAT' | 'TUYET_MAT' | null;
  direction: 'INCOMING' | 'OUTGOING' | 'INTERNAL';
}
export type DocumentInsert = Insert<DocumentRow, 'id', 'direction'>;

export interface DocumentAttachmentRow {
  id: number;
  document_id: number;
  name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
}
export type DocumentAttachmentInsert = Insert<DocumentAttachmentRow, 'id'>;

export interface ProcedureRow {
  id: number;
  /** National procedure code, e.g. 1.001766. */
  national_code: string;
  name: string;
  /** Lĩnh vực: Hộ tịch, Chứng thực, Đất đai, … */
  field: string;
  level: AdminLevel;
  online_service: 'FULL' | 'PARTIAL' | 'NONE';
  applicants: string;
  result: string;
  cases: string[];
  status: ProcedureStatus;
  /** Grows whenever the content changes (migration 003); the portal refuses an older one. */
  revision: number;
  updated_at: Date;
}
export type ProcedureInsert = Insert<ProcedureRow, 'id', 'cases' | 'status' | 'revision' | 'updated_at'>;

export interface ProcedureChannelRow {
  procedure_id: number;
  channel: Channel;
  case_name: string;
  /** numeric(6,1). */
  processing_time: number;
  time_unit: 'WORKING_DAY' | 'DAY' | 'HOUR';
  fee_vnd: number;
  fee_note: string | null;
}
export type ProcedureChannelInsert = Insert<ProcedureChannelRow, never, 'case_name' | 'fee_vnd'>;

export interface ProcedureRequirementRow {
  id: number;
  procedure_id: number;
  case_name: string;
  position: number;
  name: string;
  form: string | null;
  originals: number;
  copies: number;
}
export type ProcedureRequirementInsert = Insert<
  ProcedureRequirementRow,
  'id',
  'case_name' | 'originals' | 'copies'
>;

export interface ProcedureUnitRow {
  procedure_id: number;
  unit_id: number;
  role: 'IMPLEMENTING' | 'DECIDING' | 'COORDINATING';
}
export type ProcedureUnitInsert = Insert<ProcedureUnitRow, never, 'role'>;

export interface ProcedureDocumentRow {
  procedure_id: number;
  document_id: number;
  role: 'LEGAL_BASIS' | 'PUBLISHING_DECISION';
}
export type ProcedureDocumentInsert = Insert<ProcedureDocumentRow>;

export interface DossierRow {
  id: number;
  /** <agency id>-<yyMMdd>-<NNNN>. */
  code: string;
  procedure_id: number;
  receiving_unit_id: number;
  handling_unit_id: number | null;
  applicant_type: 'CITIZEN' | 'BUSINESS' | 'STATE_AGENCY' | 'ORGANISATION';
  applicant_name: string;
  applicant_id_number: string | null;
  applicant_phone: string | null;
  applicant_email: string | null;
  applicant_address: string | null;
  channel: Channel;
  /** Status code 1–10 of the national dossier life cycle. */
  status: number;
  submitted_at: Date;
  received_at: Date | null;
  due_at: Date | null;
  finished_at: Date | null;
  returned_at: Date | null;
  supplement_count: number;
  supplement_seconds: number;
  /** Seconds spent waiting for the applicant's payment (the clock stops, like for supplements). */
  payment_seconds: number;
  apology_issued: boolean;
  apology_new_due_at: Date | null;
  satisfaction: number | null;
  digitised: boolean;
  electronic_result: boolean;
  paid_online: boolean;
  vneid_verified: boolean;
  data_reused: boolean;
}
export type DossierInsert = Insert<
  DossierRow,
  'id',
  | 'supplement_count'
  | 'supplement_seconds'
  | 'payment_seconds'
  | 'apology_issued'
  | 'digitised'
  | 'electronic_result'
  | 'paid_online'
  | 'vneid_verified'
  | 'data_reused'
>;

export interface DossierCodeAliasRow {
  alias: string;
  dossier_id: number;
}
export type DossierCodeAliasInsert = Insert<DossierCodeAliasRow>;

export interface DossierSupplementRow {
  id: number;
  dossier_id: number;
  requested_at: Date;
  answered_at: Date | null;
  reason: string | null;
}
export type DossierSupplementInsert = Insert<DossierSupplementRow, 'id'>;

/** A wait for the applicant's payment (yêu cầu thực hiện nghĩa vụ tài chính). */
export interface DossierPaymentWaitRow {
  id: number;
  dossier_id: number;
  requested_at: Date;
  paid_at: Date | null;
  amount_vnd: number;
}
export type DossierPaymentWaitInsert = Insert<DossierPaymentWaitRow, 'id', 'amount_vnd'>;

/** One day of the working calendar (filled from src/calendar). */
export interface CalendarDayRow {
  day: string;
  working: boolean;
  working_ordinal: number;
  note: string | null;
}

/** Append-only (a trigger refuses UPDATE and DELETE). */
export interface DossierEventRow {
  id: number;
  dossier_id: number;
  occurred_at: Date;
  status: number;
  unit_id: number | null;
  actor: string | null;
  note: string | null;
}
export type DossierEventInsert = Insert<DossierEventRow, 'id'>;

export interface DossierDocumentRow {
  dossier_id: number;
  document_id: number;
  role: 'COMPONENT' | 'RESULT';
}
export type DossierDocumentInsert = Insert<DossierDocumentRow>;

// ── hub database (migrations/hub) ────────────────────────────────────────────────────────────────

export interface ApiKeyRow {
  id: number;
  name: string;
  /** sha256 of the secret; the secret is shown once. */
  key_hash: string;
  prefix: string;
  scopes: string[];
  /** null: every province. */
  provinces: string[] | null;
  created_at: Date;
  revoked_at: Date | null;
  /** null: never expires. */
  expires_at: Date | null;
  /** Who revoked it (the CLI records the OS user). */
  revoked_by: string | null;
}
export type ApiKeyInsert = Insert<ApiKeyRow, 'id', 'created_at' | 'revoked_at' | 'expires_at' | 'revoked_by'>;

export interface AuditLogRow {
  id: number;
  at: Date;
  actor: string;
  action: string;
  detail: unknown;
  request_id: string | null;
  /** GraphQL operation name, when the request named one. */
  operation: string | null;
  /** Global ids of the dossiers whose personal data left in the response. */
  dossiers: string[];
  dossier_codes: string[];
  /** Schema coordinates shown unmasked, e.g. `Applicant.name`; never the values. */
  fields: string[];
  /** Provinces of those dossiers: an auditor limited to some provinces sees the records within them. */
  provinces: string[];
}
export type AuditLogInsert = Insert<
  AuditLogRow,
  'id',
  'at' | 'detail' | 'request_id' | 'operation' | 'dossiers' | 'dossier_codes' | 'fields' | 'provinces'
>;

export interface SyncRunRow {
  id: number;
  province: string;
  trigger: 'CLI' | 'SCHEDULE';
  mode: 'INCREMENTAL' | 'FULL';
  status: 'RUNNING' | 'SUCCEEDED' | 'PARTIAL' | 'FAILED';
  started_at: Date;
  finished_at: Date | null;
  planned: number;
  accepted: number;
  unchanged: number;
  rejected: number;
  failed: number;
  error: string | null;
}
export type SyncRunInsert = Insert<
  SyncRunRow,
  'id',
  'status' | 'started_at' | 'planned' | 'accepted' | 'unchanged' | 'rejected' | 'failed'
>;

export interface SyncBatchRow {
  id: number;
  run_id: number;
  province: string;
  batch_no: number;
  idempotency_key: string;
  /** The items exactly as sent (a JSON array). */
  payload: unknown;
  status: 'PENDING' | 'DONE' | 'FAILED';
  attempts: number;
  last_error: string | null;
  created_at: Date;
  finished_at: Date | null;
}
/** `payload` as JSON text: node-pg would send a JavaScript array as a PostgreSQL array. */
export type SyncBatchInsert = Omit<
  Insert<SyncBatchRow, 'id', 'status' | 'attempts' | 'created_at'>,
  'payload'
> & { payload: string };

export interface SyncItemRow {
  id: number;
  run_id: number;
  batch_id: number;
  position: number;
  national_code: string;
  content_hash: string;
  revision: number;
  status: ProcedureStatus;
  change: 'NEW' | 'CHANGED' | 'WITHDRAW' | 'FULL';
  outcome: 'PENDING' | 'ACCEPTED' | 'UNCHANGED' | 'REJECTED' | 'FAILED';
  /** The portal's rejection reason: CODE or "CODE: detail". */
  reason: string | null;
  attempts: number;
  last_error: string | null;
}
export type SyncItemInsert = Insert<SyncItemRow, 'id', 'outcome' | 'attempts'>;

/** What the portal last acknowledged for each procedure (the baseline of the incremental diff). */
export interface PortalStateRow {
  province: string;
  national_code: string;
  content_hash: string | null;
  revision: number | null;
  status: ProcedureStatus | null;
  acknowledged_at: Date | null;
  last_error: string | null;
  last_error_at: Date | null;
}
export type PortalStateInsert = Insert<PortalStateRow>;

declare module 'knex/types/tables.js' {
  interface Tables {
    units: Table<UnitRow, UnitInsert>;
    unit_admin_codes: Table<UnitAdminCodeRow, UnitAdminCodeInsert>;
    unit_lineage: Table<UnitLineageRow, UnitLineageInsert>;
    unit_code_aliases: Table<UnitCodeAliasRow, UnitCodeAliasInsert>;
    unit_external_successors: Table<UnitExternalSuccessorRow, UnitExternalSuccessorInsert>;
    procedure_levels: Table<ProcedureLevelRow, ProcedureLevelInsert>;
    documents: Table<DocumentRow, DocumentInsert>;
    document_attachments: Table<DocumentAttachmentRow, DocumentAttachmentInsert>;
    procedures: Table<ProcedureRow, ProcedureInsert>;
    procedure_channels: Table<ProcedureChannelRow, ProcedureChannelInsert>;
    procedure_requirements: Table<ProcedureRequirementRow, ProcedureRequirementInsert>;
    procedure_units: Table<ProcedureUnitRow, ProcedureUnitInsert>;
    procedure_documents: Table<ProcedureDocumentRow, ProcedureDocumentInsert>;
    dossiers: Table<DossierRow, DossierInsert>;
    dossier_code_aliases: Table<DossierCodeAliasRow, DossierCodeAliasInsert>;
    dossier_supplements: Table<DossierSupplementRow, DossierSupplementInsert>;
    dossier_payment_waits: Table<DossierPaymentWaitRow, DossierPaymentWaitInsert>;
    calendar_days: Table<CalendarDayRow, CalendarDayRow>;
    dossier_events: Table<DossierEventRow, DossierEventInsert>;
    dossier_documents: Table<DossierDocumentRow, DossierDocumentInsert>;

    api_keys: Table<ApiKeyRow, ApiKeyInsert>;
    audit_log: Table<AuditLogRow, AuditLogInsert>;
    sync_runs: Table<SyncRunRow, SyncRunInsert>;
    sync_batches: Table<SyncBatchRow, SyncBatchInsert>;
    sync_items: Table<SyncItemRow, SyncItemInsert>;
    portal_state: Table<PortalStateRow, PortalStateInsert>;
  }
}
