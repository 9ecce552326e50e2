import type {
  ApplicantType,
  Channel,
  DocumentType,
  IndicatorDimension,
  OnlineService,
  ProcedureStatus,
  SyncCounts as SyncCountsType,
  SyncItemOutcome,
  SyncMode,
  SyncRunStatus,
  SyncTrigger,
  Timeliness,
  UnitKind,
  UnitLevel,
} from './generated/schema-types.ts';
import type { Connection, Edge } from './connection.ts';

/** Parent types of resolvers (codegen `mappers`): what each GraphQL type is backed by. */

/** A unit (cơ quan, đơn vị) of one province. */
export interface UnitEntity {
  province: string;
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
  level: UnitLevel;
  parentId: number | null;
  validFrom: string;
  validTo: string | null;
}

/** An administrative procedure (thủ tục hành chính) in one province's catalogue. */
export interface ProcedureEntity {
  province: string;
  id: number;
  nationalCode: string;
  name: string;
  field: string;
  level: UnitLevel;
  onlineService: OnlineService;
  applicants: string;
  result: string;
  cases: string[];
  status: ProcedureStatus;
  revision: number;
  updatedAt: Date;
}

export interface ProcedureChannelEntity {
  procedureId: number;
  channel: Channel;
  case: string;
  processingTime: number;
  timeUnit: 'WORKING_DAY' | 'DAY' | 'HOUR';
  feeVnd: number;
  feeNote: string | null;
}

export interface ProcedureRequirementEntity {
  procedureId: number;
  case: string;
  position: number;
  name: string;
  form: string | null;
  originals: number;
  copies: number;
}

/** A dossier (hồ sơ) as stored; personal data is masked later, by the service, per viewer. */
export interface DossierEntity {
  province: string;
  id: number;
  code: string;
  procedureId: number;
  receivingUnitId: number;
  handlingUnitId: number | null;
  applicant: { type: ApplicantType; name: string; idNumber: string | null; phone: string | null };
  channel: Channel;
  statusCode: number;
  submittedAt: Date;
  receivedAt: Date | null;
  dueAt: Date | null;
  resolvedAt: Date | null;
  returnedAt: Date | null;
  timeliness: Timeliness;
  apologyIssued: boolean;
  satisfaction: number | null;
  indicators: {
    digitised: boolean;
    electronicResult: boolean;
    paidOnline: boolean;
    vneidVerified: boolean;
    dataReused: boolean;
  };
}

export interface DossierEventEntity {
  province: string;
  dossierId: number;
  occurredAt: Date;
  statusCode: number;
  unitId: number | null;
  actor: string | null;
  note: string | null;
}

export interface SupplementEntity {
  dossierId: number;
  requestedAt: Date;
  answeredAt: Date | null;
  reason: string | null;
}

/** An official document (văn bản) held by one province. */
export interface DocumentEntity {
  province: string;
  id: number;
  numberSymbol: string;
  number: number;
  year: number | null;
  type: DocumentType;
  issuerSymbol: string;
  issuerUnitId: number | null;
  issuerName: string;
  place: string;
  issuedOn: string;
  summary: string;
  signer: { name: string | null; position: string | null; authority: string | null };
  urgency: string | null;
  confidentiality: string | null;
}

export interface AttachmentEntity {
  documentId: number;
  name: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
}

export interface ProvinceModel {
  code: string;
  slug: string;
  name: string;
  /** Absent or null while the province exists (the demo table, src/sources/demo.ts, knows the merged ones). */
  validTo?: string | null;
  successor?: { code: string; name: string } | null;
  mergedFrom?: { province: { code: string; name: string }; validTo: string }[];
}

export interface UnitLineageModel {
  province: string;
  kind: string;
  predecessorId: number;
  /** Null when the successor lies in another province's database (`external`). */
  successorId: number | null;
  external: { code: string | null; name: string; province: { code: string; name: string } } | null;
  effectiveOn: string;
  documentId: number | null;
}

export interface AdministrativeCodeModel {
  system: string;
  code: string;
  validFrom: string;
  validTo: string | null;
}

export type UnitConnectionModel = Connection<UnitEntity>;
export type UnitEdgeModel = Edge<UnitEntity>;
export type ProcedureConnectionModel = Connection<ProcedureEntity>;
export type ProcedureEdgeModel = Edge<ProcedureEntity>;
export type DossierConnectionModel = Connection<DossierEntity>;
export type DossierEdgeModel = Edge<DossierEntity>;
export type DocumentConnectionModel = Connection<DocumentEntity>;
export type DocumentEdgeModel = Edge<DocumentEntity>;

/** Run counts as the API shows them. */
export type SyncCounts = Omit<SyncCountsType, '__typename'>;

/** A run of the portal sync job. */
export interface SyncRunEntity {
  id: number;
  province: string;
  trigger: SyncTrigger;
  mode: SyncMode;
  status: SyncRunStatus;
  startedAt: Date;
  finishedAt: Date | null;
  counts: SyncCounts;
  error: string | null;
}

/** One procedure pushed by a run. */
export interface SyncItemEntity {
  runId: number;
  nationalCode: string;
  revision: number;
  contentHash: string;
  outcome: SyncItemOutcome;
  reason: string | null;
  attempts: number;
  lastError: string | null;
}

/** What the portal last acknowledged for a procedure of a province. */
export interface PortalStatusEntity {
  province: string;
  nationalCode: string;
  acknowledgedHash: string | null;
  acknowledgedRevision: number | null;
  acknowledgedAt: Date | null;
  status: ProcedureStatus | null;
  lastError: string | null;
  lastErrorAt: Date | null;
}

export type SyncRunConnectionModel = Connection<SyncRunEntity>;
export type SyncRunEdgeModel = Edge<SyncRunEntity>;

/** One entry of the audit trail of personal data (hub table audit_log). */
export interface AuditRecordEntity {
  id: number;
  at: Date;
  actor: string;
  action: string;
  requestId: string | null;
  operation: string | null;
  /** Global ids of the dossiers shown. */
  dossiers: string[];
  dossierCodes: string[];
  /** Schema coordinates shown unmasked, e.g. `Applicant.name`. */
  fields: string[];
}

export type AuditRecordConnectionModel = Connection<AuditRecordEntity>;
export type AuditRecordEdgeModel = Edge<AuditRecordEntity>;

/** One group of an indicator table: its keys (as set by its dimensions) and its additive sums. */
export interface IndicatorRowModel {
  /** Province code, when grouped by PROVINCE (the successor's with rollUpToSuccessors), UNIT or PROCEDURE. */
  province: string | null;
  /** The province whose database holds `unitId` / `procedureId`. */
  home: string | null;
  unitId: number | null;
  procedureId: number | null;
  field: string | null;
  period: string | null;
  channel: Channel | null;
  received: number;
  receivedOnline: number;
  resolved: number;
  early: number;
  onTime: number;
  late: number;
  pending: number;
  overdue: number;
  notCounted: number;
  digitised: number;
  dataReused: number;
  /** Sum over resolved dossiers of office minutes (510 a working day). */
  processingMinutes: number;
  /** Resolved dossiers per processing time in tenths of a working day (for the median). */
  processingTenths: Map<number, number>;
  electronicResult: number;
  feeDue: number;
  paidOnline: number;
  ratings: number;
  ratingSum: number;
  goodRatings: number;
  /** Distinct procedures with dossiers received, and how many of them are offered FULL / PARTIAL online; null when not asked. */
  procedures: { total: number; full: number; partial: number } | null;
}

/** An indicator table as the service computed it. */
export interface IndicatorTableModel {
  from: string;
  to: string;
  groupBy: IndicatorDimension[];
  asOf: Date;
  rows: IndicatorRowModel[];
  totalRows: number;
  total: IndicatorRowModel;
}
