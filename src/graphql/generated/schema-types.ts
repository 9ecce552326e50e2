export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar date, `YYYY-MM-DD`. */
  Date: { input: string; output: string; }
  /** An ISO-8601 instant with time zone, e.g. `2026-03-05T08:30:00.000Z`. */
  DateTime: { input: Date | string; output: Date | string; }
};

/** A code of the unit in one of the national code systems (mã đơn vị hành chính, mã số thuế, …). */
export type AdministrativeCode = {
  __typename?: 'AdministrativeCode';
  /** The code. */
  code: Scalars['String']['output'];
  /** Code system: `GSO` (statistics, Decision 124/2004), `TAX` or `CIVIL_REGISTRY`. */
  system: Scalars['String']['output'];
  /** First day of validity. */
  validFrom: Scalars['Date']['output'];
  /** Last day of validity; null while valid. */
  validTo?: Maybe<Scalars['Date']['output']>;
};

/**
 * The person or organisation who filed the dossier. Personal data (Decree 13/2023/NĐ-CP): masked unless the
 * caller's key or token holds the `pii:read` scope; every answer that shows it unmasked leaves an audit record.
 */
export type Applicant = {
  __typename?: 'Applicant';
  /** Identity number (số định danh cá nhân, 12 digits) or tax code (mã số thuế); without `pii:read` the last three digits only, e.g. `*********721`. */
  idNumber?: Maybe<Scalars['String']['output']>;
  /** Name (họ tên); without `pii:read` initials only, e.g. `N. V. Đ.`. */
  name: Scalars['String']['output'];
  /** Phone (số điện thoại); without `pii:read` the last three digits only, e.g. `*******678`. */
  phone?: Maybe<Scalars['String']['output']>;
  /** Kind of applicant. */
  type: ApplicantType;
};

/** Kind of applicant. */
export type ApplicantType =
  /** A business (doanh nghiệp). */
  | 'BUSINESS'
  /** A citizen (công dân). */
  | 'CITIZEN'
  /** Another organisation (tổ chức). */
  | 'ORGANISATION'
  /** A state agency (cơ quan nhà nước). */
  | 'STATE_AGENCY';

/** A file attached to a document (tệp đính kèm). */
export type Attachment = {
  __typename?: 'Attachment';
  /** Media type, e.g. `application/pdf`. */
  mediaType: Scalars['String']['output'];
  /** File name. */
  name: Scalars['String']['output'];
  /** SHA-256 of the content, hex. */
  sha256: Scalars['String']['output'];
  /** Size in bytes. */
  sizeBytes: Scalars['Int']['output'];
};

/** Filters for audit records; all conditions must hold. Date ranges are inclusive, in the hub's time zone (UTC+7). */
export type AuditFilter = {
  /** Only this actor, exactly as recorded (e.g. `key:3`, `oidc:nguyen.van.a`). */
  actor?: InputMaybe<Scalars['String']['input']>;
  /** Only records that showed this dossier (global id). */
  dossier?: InputMaybe<Scalars['ID']['input']>;
  /** Written on or after this date. */
  from?: InputMaybe<Scalars['Date']['input']>;
  /** Written on or before this date. */
  to?: InputMaybe<Scalars['Date']['input']>;
};

/**
 * One entry of the audit trail (nhật ký truy cập dữ liệu cá nhân): a response that carried applicants' personal
 * data unmasked (Decree 13/2023/NĐ-CP). It names who asked, when, and which dossiers and fields were shown, never
 * the values. The log is append-only: the hub database refuses to change or delete an entry.
 */
export type AuditRecord = {
  __typename?: 'AuditRecord';
  /** Kind of access, as the hub recorded it (the same for every response with personal data unmasked). */
  action: Scalars['String']['output'];
  /** Who asked: `key:<id>` for an API key, `oidc:<subject>` for a token. */
  actor: Scalars['String']['output'];
  /** When the response was built. */
  at: Scalars['DateTime']['output'];
  /** Codes (mã hồ sơ) of those dossiers, in the same order, for people reading the log. */
  dossierCodes: Array<Scalars['String']['output']>;
  /** Global ids of the dossiers (hồ sơ) whose personal data the response carried. */
  dossiers: Array<Scalars['ID']['output']>;
  /** Fields shown unmasked, as schema coordinates, e.g. `Applicant.name`. */
  fields: Array<Scalars['String']['output']>;
  /** Sequence number of the entry in the hub's log (grows with time; not a global id). */
  id: Scalars['ID']['output'];
  /** GraphQL operation name, when the request named one. */
  operation?: Maybe<Scalars['String']['output']>;
  /** Id of the HTTP request (the `x-request-id` response header); null for entries written outside a request. */
  requestId?: Maybe<Scalars['String']['output']>;
};

/** A page of audit records, newest first (Relay connection). */
export type AuditRecordConnection = {
  __typename?: 'AuditRecordConnection';
  /** Edges with cursors. */
  edges: Array<AuditRecordEdge>;
  /** The records of the page. */
  nodes: Array<AuditRecord>;
  /** Paging information. */
  pageInfo: PageInfo;
  /** Number of records matching the filter. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in an audit record connection. */
export type AuditRecordEdge = {
  __typename?: 'AuditRecordEdge';
  /** Opaque cursor of this position. */
  cursor: Scalars['String']['output'];
  /** The audit record. */
  node: AuditRecord;
};

/** Submission channel (kênh nộp hồ sơ). */
export type Channel =
  /** In person at the one-stop desk (trực tiếp). */
  | 'DIRECT'
  /** Online on the public service portal (trực tuyến). */
  | 'ONLINE'
  /** Through the public postal service (bưu chính công ích). */
  | 'POSTAL';

/** An official document (văn bản): law, decree, decision, official letter, … */
export type Document = Node & {
  __typename?: 'Document';
  /** Attached files; null only when the province's database could not answer (an error names the province). */
  attachments?: Maybe<Array<Attachment>>;
  /** Confidentiality: `MAT`, `TOI_MAT`, `TUYET_MAT`. */
  confidentiality?: Maybe<Scalars['String']['output']>;
  /** Dossiers this document belongs to (component or result); null only when the province's database could not answer (an error names the province). */
  dossiers?: Maybe<DossierConnection>;
  /** Global id. */
  id: Scalars['ID']['output'];
  /** Date of issue (ngày ban hành). */
  issuedOn: Scalars['Date']['output'];
  /** Issuing unit in the province, when the issuer is one of its units; null also when the province's database could not answer. */
  issuer?: Maybe<Unit>;
  /** Issuer's name (cơ quan ban hành), e.g. `Chính phủ`, `UBND tỉnh Nghệ An`. */
  issuerName: Scalars['String']['output'];
  /** The number part. */
  number: Scalars['Int']['output'];
  /** Number and symbol (số, ký hiệu), e.g. `5849/UBND-NCKSTT`, `76/NQ-CP`, `20/2020/QĐ-TTg`. */
  numberSymbol: Scalars['String']['output'];
  /** Place of issue. */
  place: Scalars['String']['output'];
  /** Procedures for which this document is legal basis or publishing decision; null only when the province's database could not answer (an error names the province). */
  procedures?: Maybe<Array<Procedure>>;
  /** The province whose database holds this document. */
  province: Province;
  /** Who signed. */
  signer: Signer;
  /** Summary (trích yếu). */
  summary: Scalars['String']['output'];
  /** Document type. */
  type: DocumentType;
  /** Urgency: `KHAN` (khẩn), `THUONG_KHAN` (thượng khẩn), `HOA_TOC` (hỏa tốc). */
  urgency?: Maybe<Scalars['String']['output']>;
  /** Year in the symbol, for legal normative texts. */
  year?: Maybe<Scalars['Int']['output']>;
};


/** An official document (văn bản): law, decree, decision, official letter, … */
export type DocumentDossiersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<DossierOrder>;
};

/** A page of documents (Relay connection). */
export type DocumentConnection = {
  __typename?: 'DocumentConnection';
  /** Edges with cursors. */
  edges: Array<DocumentEdge>;
  /** The documents of the page. */
  nodes: Array<Document>;
  /** Paging information. */
  pageInfo: PageInfo;
  /**
   * Number of documents matching, summed over the provinces that answered. Null only in a nested list
   * (`Unit.documents`) whose province's database could not answer the count (an error names the province).
   */
  totalCount?: Maybe<Scalars['Int']['output']>;
};

/** An edge in a document connection. */
export type DocumentEdge = {
  __typename?: 'DocumentEdge';
  /** Opaque cursor of this position. */
  cursor: Scalars['String']['output'];
  /** The document. */
  node: Document;
};

/** Filters for documents; all conditions must hold. */
export type DocumentFilter = {
  /** Issued on or after this date. */
  issuedFrom?: InputMaybe<Scalars['Date']['input']>;
  /** Issued on or before this date. */
  issuedTo?: InputMaybe<Scalars['Date']['input']>;
  /** Issuer: a unit's global id, or an issuer symbol such as `UBND`, `CP`, `TTg`. */
  issuer?: InputMaybe<Scalars['String']['input']>;
  /** Province codes; absent means every province. */
  provinces?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Accent- and case-insensitive text in number/symbol or summary: `5849/UBND` or `cai cach hanh chinh`. */
  search?: InputMaybe<Scalars['String']['input']>;
  /** Document type. */
  type?: InputMaybe<DocumentType>;
};

/** Ordering of a document list; ties broken by province and id. */
export type DocumentOrder = {
  /** Direction. */
  direction?: InputMaybe<OrderDirection>;
  /** Sort key. */
  field: DocumentOrderField;
};

/** Sort keys for documents. */
export type DocumentOrderField =
  /** By date of issue. */
  | 'ISSUED_ON'
  /** By number/symbol. */
  | 'NUMBER_SYMBOL';

/** Type of an official document (Decree 30/2020/NĐ-CP). */
export type DocumentType =
  /** Circular (thông tư, TT). */
  | 'CIRCULAR'
  /** Decision (quyết định, QĐ). */
  | 'DECISION'
  /** Decree (nghị định, NĐ). */
  | 'DECREE'
  /** Directive (chỉ thị, CT). */
  | 'DIRECTIVE'
  /** Guidance (hướng dẫn, HD). */
  | 'GUIDANCE'
  /** Law (luật). */
  | 'LAW'
  /** Notice (thông báo, TB). */
  | 'NOTICE'
  /** Official letter (công văn); its number/symbol has no type abbreviation. */
  | 'OFFICIAL_LETTER'
  /** Plan (kế hoạch, KH). */
  | 'PLAN'
  /** Programme (chương trình, CTr). */
  | 'PROGRAMME'
  /** Regulation (quy chế, QC). */
  | 'REGULATION'
  /** Report (báo cáo, BC). */
  | 'REPORT'
  /** Resolution (nghị quyết, NQ). */
  | 'RESOLUTION'
  /** Submission (tờ trình, TTr). */
  | 'SUBMISSION';

/** A citizen's or business's dossier (hồ sơ thủ tục hành chính). */
export type Dossier = Node & {
  __typename?: 'Dossier';
  /** Earlier codes of the dossier (systems re-code dossiers whose code lacks the province); null only when the province's database could not answer (an error names the province). */
  aliases?: Maybe<Array<Scalars['String']['output']>>;
  /** An apology letter was issued for lateness (thư xin lỗi, form 04 of Circular 01/2018). */
  apologyIssued: Scalars['Boolean']['output'];
  /** Who filed it. */
  applicant: Applicant;
  /** How it was submitted. */
  channel: Channel;
  /** Dossier code `<agency id>-<yyMMdd>-<NNNN>` (mã hồ sơ), e.g. `000.17.22.H41-250531-0001`. */
  code: Scalars['String']['output'];
  /** Documents linked: submitted components and results; null only when the province's database could not answer (an error names the province). */
  documents?: Maybe<Array<Document>>;
  /** Due (hẹn trả). */
  dueAt?: Maybe<Scalars['DateTime']['output']>;
  /** History of the dossier, oldest first; null only when the province's database could not answer (an error names the province). */
  events?: Maybe<Array<DossierEvent>>;
  /** The unit that handles it (nơi xử lý); null when none is assigned, or when the province's database could not answer. */
  handlingUnit?: Maybe<Unit>;
  /** Global id. */
  id: Scalars['ID']['output'];
  /** Indicator flags. */
  indicators: DossierIndicators;
  /** The procedure it is filed under; null only when the province's database could not answer (an error names the province). */
  procedure?: Maybe<Procedure>;
  /** The province whose database holds this dossier. */
  province: Province;
  /** Received (tiếp nhận). */
  receivedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The unit that received it (nơi tiếp nhận); null only when the province's database could not answer (an error names the province). */
  receivingUnit?: Maybe<Unit>;
  /** Resolved: processed, else stopped or refused (ngày có kết quả). */
  resolvedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Result returned to the applicant (trả kết quả). */
  returnedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Satisfaction rating 1–5 given by the applicant. */
  satisfaction?: Maybe<Scalars['Int']['output']>;
  /** Current status. */
  status: DossierStatus;
  /** National status code 1–10. */
  statusCode: Scalars['Int']['output'];
  /** Submitted (nộp). */
  submittedAt: Scalars['DateTime']['output'];
  /** Supplement requests (yêu cầu bổ sung); null only when the province's database could not answer (an error names the province). */
  supplements?: Maybe<Array<SupplementRequest>>;
  /** Timeliness by the national rules (see Timeliness), judged at the time the request started. */
  timeliness: Timeliness;
};

/** A page of dossiers (Relay connection). */
export type DossierConnection = {
  __typename?: 'DossierConnection';
  /** Edges with cursors. */
  edges: Array<DossierEdge>;
  /** The dossiers of the page. */
  nodes: Array<Dossier>;
  /** Paging information. */
  pageInfo: PageInfo;
  /**
   * Number of dossiers matching, summed over the provinces that answered. Null only in a nested list (e.g.
   * `Unit.dossiers`) whose province's database could not answer the count (an error names the province).
   */
  totalCount?: Maybe<Scalars['Int']['output']>;
};

/** An edge in a dossier connection. */
export type DossierEdge = {
  __typename?: 'DossierEdge';
  /** Opaque cursor of this position. */
  cursor: Scalars['String']['output'];
  /** The dossier. */
  node: Dossier;
};

/** One step of a dossier's append-only history (nhật ký xử lý). */
export type DossierEvent = {
  __typename?: 'DossierEvent';
  /** Who acted (officer or system). */
  actor?: Maybe<Scalars['String']['output']>;
  /** Note, e.g. what supplement was requested. */
  note?: Maybe<Scalars['String']['output']>;
  /** When it happened. */
  occurredAt: Scalars['DateTime']['output'];
  /** Status after the step. */
  status: DossierStatus;
  /** Unit that acted; null when not recorded, or when the province's database could not answer. */
  unit?: Maybe<Unit>;
};

/** Filters for dossiers; all conditions must hold. Date ranges are inclusive, in the hub's time zone (UTC+7). */
export type DossierFilter = {
  /** Submission channel. */
  channel?: InputMaybe<Channel>;
  /** Due on or after this date. */
  dueFrom?: InputMaybe<Scalars['Date']['input']>;
  /** Due on or before this date. */
  dueTo?: InputMaybe<Scalars['Date']['input']>;
  /** Filed under this procedure (global id). */
  procedure?: InputMaybe<Scalars['ID']['input']>;
  /** Province codes; absent means every province. */
  provinces?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Received on or after this date. */
  receivedFrom?: InputMaybe<Scalars['Date']['input']>;
  /** Received on or before this date. */
  receivedTo?: InputMaybe<Scalars['Date']['input']>;
  /** Resolved (finished) on or after this date. */
  resolvedFrom?: InputMaybe<Scalars['Date']['input']>;
  /** Resolved (finished) on or before this date. */
  resolvedTo?: InputMaybe<Scalars['Date']['input']>;
  /**
   * Part of a dossier code (accent- and case-insensitive). With the `pii:read` scope it also matches part of the
   * applicant's name, or their whole identity number or tax code; without it, codes only.
   */
  search?: InputMaybe<Scalars['String']['input']>;
  /** Any of these statuses. */
  status?: InputMaybe<Array<DossierStatus>>;
  /** Any of these timeliness values (NOT_COUNTED selects refused, withdrawn and stopped dossiers). */
  timeliness?: InputMaybe<Array<Timeliness>>;
  /** Received by this unit (global id). */
  unit?: InputMaybe<Scalars['ID']['input']>;
};

/** Service-quality flags used by the Decision 766 indicators. */
export type DossierIndicators = {
  __typename?: 'DossierIndicators';
  /** Data reused from national databases. */
  dataReused: Scalars['Boolean']['output'];
  /** Components digitised (số hóa thành phần hồ sơ). */
  digitised: Scalars['Boolean']['output'];
  /** Result issued electronically (kết quả điện tử). */
  electronicResult: Scalars['Boolean']['output'];
  /** Fees paid online (thanh toán trực tuyến). */
  paidOnline: Scalars['Boolean']['output'];
  /** Identity verified with VNeID. */
  vneidVerified: Scalars['Boolean']['output'];
};

/** Ordering of a dossier list; ties broken by province and id. */
export type DossierOrder = {
  /** Direction. */
  direction?: InputMaybe<OrderDirection>;
  /** Sort key. */
  field: DossierOrderField;
};

/** Sort keys for dossiers. */
export type DossierOrderField =
  /** By dossier code. */
  | 'CODE'
  /** By due time (hạn xử lý); dossiers without one sort last. */
  | 'DUE_AT'
  /** By time received (ngày tiếp nhận); dossiers not yet received use their submission time. */
  | 'RECEIVED_AT';

/** Processing status of a dossier (codes used with the national portal). */
export type DossierStatus =
  /** 4 — in progress (đang xử lý). */
  | 'IN_PROGRESS'
  /** 6 — payment requested (yêu cầu thanh toán). */
  | 'PAYMENT_REQUESTED'
  /** 9 — processed, result ready (đã xử lý xong). */
  | 'PROCESSED'
  /** 2 — received (đã tiếp nhận). */
  | 'RECEIVED'
  /** 3 — refused (từ chối). */
  | 'REFUSED'
  /** 10 — result returned (đã trả kết quả). */
  | 'RETURNED'
  /** 8 — stopped (dừng xử lý). */
  | 'STOPPED'
  /** 1 — submitted, not yet received (mới đăng ký). */
  | 'SUBMITTED'
  /** 5 — supplement requested from the applicant (yêu cầu bổ sung). */
  | 'SUPPLEMENT_REQUESTED'
  /** 7 — withdrawn by the applicant (công dân rút hồ sơ). */
  | 'WITHDRAWN';

/**
 * What the public status lookup tells about one dossier (tra cứu tình trạng hồ sơ): where it stands and whether it
 * is on time. Nothing about the applicant.
 */
export type DossierStatusLookup = {
  __typename?: 'DossierStatusLookup';
  /** Dossier code (mã hồ sơ), its current one even when it was looked up by an earlier code. */
  code: Scalars['String']['output'];
  /** Due (hẹn trả); null when the dossier has no due time yet. */
  dueAt?: Maybe<Scalars['DateTime']['output']>;
  /** Name of the procedure it is filed under (tên thủ tục). */
  procedureName: Scalars['String']['output'];
  /** Name of the unit that received it (nơi tiếp nhận). */
  receivingUnitName: Scalars['String']['output'];
  /** Current status (tình trạng hồ sơ). */
  status: DossierStatus;
  /** Timeliness by the national rules (tiến độ: trước hạn, đúng hạn, trễ hạn, trong hạn, quá hạn, không tính). */
  timeliness: Timeliness;
};

/** A unit outside the hub's databases (another province's), known by name and, when recorded, its agency identifier. */
export type ExternalUnit = {
  __typename?: 'ExternalUnit';
  /** Agency electronic identifier, when known. */
  code?: Maybe<Scalars['String']['output']>;
  /** Full name, e.g. `UBND tỉnh Phú Thọ`. */
  name: Scalars['String']['output'];
  /** The province that holds it. */
  province: ProvinceRef;
};

/** What an indicator row is grouped by (one or two per table). */
export type IndicatorDimension =
  /** Submission channel (hình thức nộp). */
  | 'CHANNEL'
  /** The procedure's field (lĩnh vực), e.g. `Hộ tịch`; the same field name is one group across provinces. */
  | 'FIELD'
  /** Calendar month (tháng) in UTC+7, e.g. `2026-10`. */
  | 'MONTH'
  /** The procedure (thủ tục hành chính), in its province. */
  | 'PROCEDURE'
  /** The province (tỉnh). */
  | 'PROVINCE'
  /** Quarter (quý), e.g. `2026-Q4`. */
  | 'QUARTER'
  /**
   * The unit responsible for the dossier (đơn vị xử lý): the handling unit, else the receiving unit. A department
   * counts the dossiers it handles even when the one-stop centre received them.
   */
  | 'UNIT'
  /** Year (năm), e.g. `2026`. */
  | 'YEAR';

/** Which dossiers an indicator table counts; all conditions must hold. */
export type IndicatorFilter = {
  /** Submission channels. */
  channels?: InputMaybe<Array<Channel>>;
  /** Field names (lĩnh vực), matched accent- and case-insensitively, e.g. `ho tich`. */
  fields?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Procedures (global ids). */
  procedures?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Province codes; absent means every province the caller may read. */
  provinces?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Responsible units (global ids); each includes the units under it (a department and its divisions). */
  units?: InputMaybe<Array<Scalars['ID']['input']>>;
};

/** A measure of an indicator row, to sort by. */
export type IndicatorMeasure =
  /** Average processing time in working days. */
  | 'AVERAGE_PROCESSING_DAYS'
  /** Data-reused rate (tỷ lệ tái sử dụng dữ liệu). */
  | 'DATA_REUSED_RATE'
  /** Digitised rate (tỷ lệ số hóa). */
  | 'DIGITISED_RATE'
  /** Resolved early (trước hạn). */
  | 'EARLY'
  /** Electronic-result rate (tỷ lệ kết quả điện tử). */
  | 'ELECTRONIC_RESULT_RATE'
  /** Share of good ratings (4 or 5). */
  | 'GOOD_RATING_SHARE'
  /** Resolved late (trễ hạn). */
  | 'LATE'
  /** Median processing time in working days. */
  | 'MEDIAN_PROCESSING_DAYS'
  /** Refused, withdrawn or stopped (không tính). */
  | 'NOT_COUNTED'
  /** Online payment rate (tỷ lệ thanh toán trực tuyến). */
  | 'ONLINE_PAYMENT_RATE'
  /** Online dossier share (tỷ lệ hồ sơ trực tuyến). */
  | 'ONLINE_SHARE'
  /** Resolved on time (đúng hạn). */
  | 'ON_TIME'
  /** On-time rate (tỷ lệ đúng hạn). */
  | 'ON_TIME_RATE'
  /** Open and overdue (đang giải quyết quá hạn). */
  | 'OVERDUE'
  /** Open and within time (đang giải quyết trong hạn). */
  | 'PENDING'
  /** Dossiers received (tiếp nhận). */
  | 'RECEIVED'
  /** Dossiers resolved (đã giải quyết). */
  | 'RESOLVED'
  /** Average satisfaction rating. */
  | 'SATISFACTION_AVERAGE';

/** Ordering of indicator rows; ties broken by the group's label. */
export type IndicatorOrder = {
  /** Direction. */
  direction?: InputMaybe<OrderDirection>;
  /** Measure to sort by; rows where it is null (no denominator) sort last. */
  measure: IndicatorMeasure;
};

/** The period an indicator table covers: whole local (UTC+7) days, both ends included. */
export type IndicatorPeriod = {
  /** First day. */
  from: Scalars['Date']['input'];
  /** Last day. */
  to: Scalars['Date']['input'];
};

/**
 * One group of an indicator table (or the whole table, as `total`). Counting rules:
 *
 * - received: dossiers received (tiếp nhận) in the period, by their receipt day;
 * - resolved, early, on time, late: dossiers whose processing ended (processed, else result returned) in the period,
 *   judged by the rules of `Timeliness` (Decision 766/QĐ-TTg and the national portal's evaluation guidance);
 * - not counted: refused (3), withdrawn (7) and stopped (8) dossiers that ended in the period;
 * - pending and overdue: the backlog now: dossiers that arrived (received, else submitted) in the period and are
 *   still open at the request's clock, judged like `Timeliness` (PENDING, OVERDUE); for the whole backlog of a unit,
 *   ask a period from its first dossier to today;
 * - the group's unit is the responsible unit, its time the day counted (receipt, end, or arrival for the backlog).
 */
export type IndicatorRow = {
  __typename?: 'IndicatorRow';
  /**
   * Average processing time of the resolved dossiers in working days (ngày làm việc): office time (07:00–11:30 and
   * 13:00–17:00 on working days, src/calendar) from receipt to the end, less the stopped-clock time, ÷ 510 minutes.
   */
  averageProcessingDays?: Maybe<Scalars['Float']['output']>;
  /** The channel, when grouped by CHANNEL. */
  channel?: Maybe<Channel>;
  /** Data-reused rate: received reusing data from national databases ÷ received (tỷ lệ tái sử dụng dữ liệu). */
  dataReusedRate?: Maybe<Scalars['Float']['output']>;
  /** Digitised rate: received with digitised components ÷ received (tỷ lệ số hóa hồ sơ). */
  digitisedRate?: Maybe<Scalars['Float']['output']>;
  /** Resolved early (trước hạn). */
  early: Scalars['Int']['output'];
  /** Electronic-result rate: resolved with an electronic result ÷ resolved (tỷ lệ cấp kết quả điện tử). */
  electronicResultRate?: Maybe<Scalars['Float']['output']>;
  /** The field (lĩnh vực), when grouped by FIELD. */
  field?: Maybe<Scalars['String']['output']>;
  /** Share of those procedures offered fully online (dịch vụ công trực tuyến toàn trình). */
  fullOnlineShare?: Maybe<Scalars['Float']['output']>;
  /** Share of ratings of 4 or 5. */
  goodRatingShare?: Maybe<Scalars['Float']['output']>;
  /** Resolved late (trễ hạn). */
  late: Scalars['Int']['output'];
  /** Median processing time in working days (the lower median, at a tenth of a working day). */
  medianProcessingDays?: Maybe<Scalars['Float']['output']>;
  /** Refused, withdrawn or stopped in the period: outside the on-time rate (không tính). */
  notCounted: Scalars['Int']['output'];
  /** Resolved on time (đúng hạn). */
  onTime: Scalars['Int']['output'];
  /** On-time rate (tỷ lệ giải quyết trước và đúng hạn), Decision 766: (early + on time) ÷ resolved, 0–1; null with nothing resolved. */
  onTimeRate?: Maybe<Scalars['Float']['output']>;
  /** Online payment rate: resolved dossiers paid online ÷ resolved dossiers whose procedure charges a fee on their channel (tỷ lệ thanh toán trực tuyến). */
  onlinePaymentRate?: Maybe<Scalars['Float']['output']>;
  /** Online dossier share: received online ÷ received (tỷ lệ hồ sơ trực tuyến). */
  onlineShare?: Maybe<Scalars['Float']['output']>;
  /** Open now and past due (đang giải quyết quá hạn). */
  overdue: Scalars['Int']['output'];
  /** Share of those procedures offered partly online (dịch vụ công trực tuyến một phần). */
  partialOnlineShare?: Maybe<Scalars['Float']['output']>;
  /** Open now and within time (đang giải quyết trong hạn). */
  pending: Scalars['Int']['output'];
  /** The month (`2026-10`), quarter (`2026-Q4`) or year (`2026`), when grouped by one. */
  period?: Maybe<Scalars['String']['output']>;
  /** Decision 766 points the row's data allows. */
  points: ServiceQualityPoints;
  /** The procedure, when grouped by PROCEDURE; null also when its province's database could not answer. */
  procedure?: Maybe<Procedure>;
  /** Distinct procedures with dossiers received in the row. */
  procedures: Scalars['Int']['output'];
  /** The province, when grouped by PROVINCE, UNIT or PROCEDURE. */
  province?: Maybe<Province>;
  /** Ratings given on dossiers resolved in the period. */
  ratings: Scalars['Int']['output'];
  /** Dossiers received in the period (số hồ sơ tiếp nhận). */
  received: Scalars['Int']['output'];
  /** Received online (tiếp nhận trực tuyến). */
  receivedOnline: Scalars['Int']['output'];
  /** Dossiers resolved in the period (đã giải quyết): processed, else result returned. */
  resolved: Scalars['Int']['output'];
  /** Average rating, 1–5 (mức độ hài lòng). */
  satisfactionAverage?: Maybe<Scalars['Float']['output']>;
  /** The responsible unit, when grouped by UNIT (today's unit with `rollUpToSuccessors`); null also when its province's database could not answer. */
  unit?: Maybe<Unit>;
};

/** An indicator table: rows grouped as asked, sorted, cut to `first`, and the total of every row. */
export type IndicatorTable = {
  __typename?: 'IndicatorTable';
  /** The request's clock, at which the backlog (pending, overdue) is judged. */
  asOf: Scalars['DateTime']['output'];
  /** First day of the period. */
  from: Scalars['Date']['output'];
  /** What the rows are grouped by. */
  groupBy: Array<IndicatorDimension>;
  /** The groups, sorted and cut to `first`. */
  rows: Array<IndicatorRow>;
  /** Last day of the period. */
  to: Scalars['Date']['output'];
  /** Every dossier of the table in one row (not cut by `first`). */
  total: IndicatorRow;
  /** Groups before the cut. */
  totalRows: Scalars['Int']['output'];
};

/** A province that was merged into another (Resolution 202/2025/QH15). */
export type MergedProvince = {
  __typename?: 'MergedProvince';
  /** The merged province (tỉnh đã sáp nhập), by code and name. */
  province: ProvinceRef;
  /** Its last day. */
  validTo: Scalars['Date']['output'];
};

/** An object with a global, opaque and stable id that encodes its source (province) and type. */
export type Node = {
  /** Global id; pass it to `node` or `nodes` to fetch the object again. */
  id: Scalars['ID']['output'];
};

/** Online public service kind of a procedure (Decree 42/2022/NĐ-CP). */
export type OnlineService =
  /** Fully online (dịch vụ công trực tuyến toàn trình); old level 4. */
  | 'FULL'
  /** Information only, no online submission; old levels 1–2. */
  | 'NONE'
  /** Partially online (một phần); old level 3. */
  | 'PARTIAL';

/** Sort direction. */
export type OrderDirection =
  /** Ascending (A→Z, oldest first). */
  | 'ASC'
  /** Descending (Z→A, newest first). */
  | 'DESC';

/** Relay page information for a connection. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last item of the page (pass as `after`). */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** More items follow the last one of this page. */
  hasNextPage: Scalars['Boolean']['output'];
  /** Items precede the first one of this page. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first item of the page (pass as `before`). */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** What the national portal last acknowledged for a procedure, as recorded by the sync job. */
export type PortalStatus = {
  __typename?: 'PortalStatus';
  /** When the portal acknowledged it. */
  acknowledgedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Content hash the portal acknowledged (accepted or already held); null when it only ever rejected the procedure. */
  acknowledgedHash?: Maybe<Scalars['String']['output']>;
  /** Revision the portal acknowledged. */
  acknowledgedRevision?: Maybe<Scalars['Int']['output']>;
  /** The portal's last rejection reason, cleared by the next acknowledgement. */
  lastError?: Maybe<Scalars['String']['output']>;
  /** When the portal last rejected the procedure. */
  lastErrorAt?: Maybe<Scalars['DateTime']['output']>;
  /** Status the portal holds: ACTIVE, or ABOLISHED once withdrawn. */
  status?: Maybe<ProcedureStatus>;
};

/** An administrative procedure (thủ tục hành chính) as published and implemented in one province. */
export type Procedure = Node & {
  __typename?: 'Procedure';
  /** Who may apply (đối tượng thực hiện). */
  applicants: Scalars['String']['output'];
  /** Cases (trường hợp), when the procedure has several. */
  cases: Array<Scalars['String']['output']>;
  /** Processing time and fee per channel and case; null only when the province's database could not answer (an error names the province). */
  channels?: Maybe<Array<ProcedureChannel>>;
  /** Dossiers filed under this procedure, newest first by default; null only when the province's database could not answer (an error names the province). */
  dossiers?: Maybe<DossierConnection>;
  /** Lowest fee over channels and cases, in VND; null when no channel is recorded, or when the province's database could not answer. */
  fee?: Maybe<Scalars['Int']['output']>;
  /** Field (lĩnh vực), e.g. `Hộ tịch`. */
  field: Scalars['String']['output'];
  /** Global id. */
  id: Scalars['ID']['output'];
  /** Legal basis (căn cứ pháp lý): laws, decrees, decisions; null only when the province's database could not answer (an error names the province). */
  legalBasis?: Maybe<Array<Document>>;
  /** Implementing level (cấp thực hiện). */
  level: UnitLevel;
  /** Name, e.g. `Đăng ký khai sinh`. */
  name: Scalars['String']['output'];
  /** National code in the national procedure database (mã TTHC), e.g. `1.001193`. */
  nationalCode: Scalars['String']['output'];
  /** Online public service kind. */
  onlineService: OnlineService;
  /** What the national portal last acknowledged for this procedure; null when it was never pushed. */
  portalStatus?: Maybe<PortalStatus>;
  /** Shortest processing time over channels and cases, in days (working days unless stated otherwise); null when no channel is recorded, or when the province's database could not answer. */
  processingDays?: Maybe<Scalars['Float']['output']>;
  /** The province whose catalogue holds this procedure. */
  province: Province;
  /** Decisions that published this procedure in the province (quyết định công bố); null only when the province's database could not answer (an error names the province). */
  publishingDecisions?: Maybe<Array<Document>>;
  /** Dossier components (thành phần hồ sơ); null only when the province's database could not answer (an error names the province). */
  requirements?: Maybe<Array<ProcedureRequirement>>;
  /** What the applicant receives (kết quả thực hiện). */
  result: Scalars['String']['output'];
  /** Revision number; grows with every change (sent to the national portal). */
  revision: Scalars['Int']['output'];
  /** In force or abolished. */
  status: ProcedureStatus;
  /** Implementing agencies (cơ quan thực hiện); null only when the province's database could not answer (an error names the province). */
  units?: Maybe<Array<Unit>>;
  /** Last change. */
  updatedAt: Scalars['DateTime']['output'];
};


/** An administrative procedure (thủ tục hành chính) as published and implemented in one province. */
export type ProcedureDossiersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<DossierFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<DossierOrder>;
};

/** Processing time and fee of a procedure for one channel and case. */
export type ProcedureChannel = {
  __typename?: 'ProcedureChannel';
  /** Case (trường hợp) this applies to; empty when the procedure has a single case. */
  case: Scalars['String']['output'];
  /** Submission channel. */
  channel: Channel;
  /** Fee details, e.g. exemptions. */
  feeNote?: Maybe<Scalars['String']['output']>;
  /** Fee or charge (phí, lệ phí) in VND. */
  feeVnd: Scalars['Int']['output'];
  /** Processing time (thời hạn giải quyết) in `timeUnit`. */
  processingTime: Scalars['Float']['output'];
  /** `WORKING_DAY` (ngày làm việc), `DAY` or `HOUR`. */
  timeUnit: Scalars['String']['output'];
};

/** A page of procedures (Relay connection). */
export type ProcedureConnection = {
  __typename?: 'ProcedureConnection';
  /** Edges with cursors. */
  edges: Array<ProcedureEdge>;
  /** The procedures of the page. */
  nodes: Array<Procedure>;
  /** Paging information. */
  pageInfo: PageInfo;
  /**
   * Number of procedures matching, summed over the provinces that answered. Null only in a nested list
   * (`Unit.procedures`) whose province's database could not answer the count (an error names the province).
   */
  totalCount?: Maybe<Scalars['Int']['output']>;
};

/** An edge in a procedure connection. */
export type ProcedureEdge = {
  __typename?: 'ProcedureEdge';
  /** Opaque cursor of this position. */
  cursor: Scalars['String']['output'];
  /** The procedure. */
  node: Procedure;
};

/** Filters for procedures; all conditions must hold. */
export type ProcedureFilter = {
  /** Field (lĩnh vực), compared accent- and case-insensitively: `ho tich` matches `Hộ tịch`. */
  field?: InputMaybe<Scalars['String']['input']>;
  /** Implementing level. */
  level?: InputMaybe<UnitLevel>;
  /** Online service kind. */
  onlineService?: InputMaybe<OnlineService>;
  /** Province codes; absent means every province. */
  provinces?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Accent- and case-insensitive text in name, national code or field: `ho tich` finds `hộ tịch`. */
  search?: InputMaybe<Scalars['String']['input']>;
  /** Status; absent means both. */
  status?: InputMaybe<ProcedureStatus>;
  /** Implemented by this unit (global id). */
  unit?: InputMaybe<Scalars['ID']['input']>;
};

/** Ordering of a procedure list; ties broken by province and id. */
export type ProcedureOrder = {
  /** Direction. */
  direction?: InputMaybe<OrderDirection>;
  /** Sort key. */
  field: ProcedureOrderField;
};

/** Sort keys for procedures. */
export type ProcedureOrderField =
  /** By name. */
  | 'NAME'
  /** By national code. */
  | 'NATIONAL_CODE'
  /** By last update. */
  | 'UPDATED_AT';

/** A dossier component (thành phần hồ sơ) the applicant submits. */
export type ProcedureRequirement = {
  __typename?: 'ProcedureRequirement';
  /** Case (trường hợp) it belongs to; empty for all cases. */
  case: Scalars['String']['output'];
  /** Number of copies (bản sao). */
  copies: Scalars['Int']['output'];
  /** Form template (mẫu đơn, tờ khai), when there is one. */
  form?: Maybe<Scalars['String']['output']>;
  /** What to submit, e.g. `Tờ khai đăng ký khai sinh`. */
  name: Scalars['String']['output'];
  /** Number of originals (bản chính). */
  originals: Scalars['Int']['output'];
  /** Position in the list. */
  position: Scalars['Int']['output'];
};

/** Whether a procedure is in force. */
export type ProcedureStatus =
  /** Abolished (đã bãi bỏ); withdrawn from the national portal. */
  | 'ABOLISHED'
  /** In force (đang áp dụng). */
  | 'ACTIVE';

/** A province (tỉnh) whose database is a source of the hub. */
export type Province = Node & {
  __typename?: 'Province';
  /** National administrative-unit code (mã đơn vị hành chính), e.g. `40` for Nghệ An. */
  code: Scalars['String']['output'];
  /** Global id. */
  id: Scalars['ID']['output'];
  /** Provinces merged into this one, with the day they ended (e.g. Bạc Liêu into Cà Mau on 2025-07-01); empty when none. */
  mergedFrom: Array<MergedProvince>;
  /** Name with diacritics, e.g. `Nghệ An`. */
  name: Scalars['String']['output'];
  /** URL-friendly name, e.g. `nghe-an`. */
  slug: Scalars['String']['output'];
  /** Whether the province's database answers now. */
  status: SourceStatus;
  /** The province that took it over; null while it exists. Usually not a source of the hub, hence a code and a name. */
  successor?: Maybe<ProvinceRef>;
  /** Last day the province existed, when it merged into another on 2025-07-01 (Resolution 202/2025/QH15: 63 provinces became 34); null while it exists. Its units stay, with their own end dates and successors. */
  validTo?: Maybe<Scalars['Date']['output']>;
};

/** A province known by its code and name, whether or not its database is a source of the hub. */
export type ProvinceRef = {
  __typename?: 'ProvinceRef';
  /** National administrative-unit code (mã đơn vị hành chính), e.g. `25` for Phú Thọ. */
  code: Scalars['String']['output'];
  /** Name with diacritics, e.g. `Phú Thọ`. */
  name: Scalars['String']['output'];
};

/** The root of every read. */
export type Query = {
  __typename?: 'Query';
  /** The audit trail of personal data (nhật ký truy cập dữ liệu cá nhân), newest first. */
  auditLog: AuditRecordConnection;
  /** One document by global id, or by number/symbol within a province (`province` is required then); null when not found or when its province's database could not answer. */
  document?: Maybe<Document>;
  /** Documents across provinces, merged into one ordered list (newest first unless `orderBy` says otherwise). */
  documents: DocumentConnection;
  /** One dossier by global id or by code (current code or an alias); null when not found or when its province's database could not answer. */
  dossier?: Maybe<Dossier>;
  /**
   * Public status lookup for citizens and chatbots (tra cứu tình trạng hồ sơ): a dossier by its code and the last
   * four digits of the applicant's identity number. Null both when there is no such dossier and when the digits do
   * not match (the two answers are the same). Open to callers without credentials when the hub enables it
   * (PUBLIC_STATUS_LOOKUP, else `FORBIDDEN`); limited per client address to PUBLIC_STATUS_PER_MINUTE lookups a
   * minute (`RATE_LIMITED` with `extensions.retryAfterSeconds`).
   */
  dossierStatus?: Maybe<DossierStatusLookup>;
  /** Dossiers across provinces, merged into one ordered list (newest received first unless `orderBy` says otherwise). */
  dossiers: DossierConnection;
  /**
   * Service-quality indicators (chỉ số Decision 766/QĐ-TTg) for a period, read from aggregates each provincial
   * database keeps up to date (never a scan of dossiers). A province whose database does not answer is left out
   * with a `SOURCE_UNAVAILABLE` error. The period spans at most 3,660 days.
   */
  indicators: IndicatorTable;
  /** Fetches any object by its global id; null when it does not exist or when its province's database could not answer. */
  node?: Maybe<Node>;
  /** Fetches several objects by global id, in the order given; null for those that do not exist or whose province's database could not answer. */
  nodes: Array<Maybe<Node>>;
  /** One procedure by global id, or by national code within a province (`province` is required then); null when not found or when its province's database could not answer. */
  procedure?: Maybe<Procedure>;
  /** Procedures across provinces, merged into one ordered list (by name unless `orderBy` says otherwise). */
  procedures: ProcedureConnection;
  /** The provinces whose databases the hub links, with their current health. */
  provinces: Array<Province>;
  /** Runs of the portal sync job, newest first. */
  syncRuns: SyncRunConnection;
  /** One unit by global id or by agency identifier (`000.00.12.H41`); null when not found or when its province's database could not answer. */
  unit?: Maybe<Unit>;
  /** Units across provinces, merged into one ordered list. */
  units: UnitConnection;
};


/** The root of every read. */
export type QueryAuditLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuditFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** The root of every read. */
export type QueryDocumentArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  numberSymbol?: InputMaybe<Scalars['String']['input']>;
  province?: InputMaybe<Scalars['String']['input']>;
};


/** The root of every read. */
export type QueryDocumentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<DocumentFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<DocumentOrder>;
};


/** The root of every read. */
export type QueryDossierArgs = {
  code?: InputMaybe<Scalars['String']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
};


/** The root of every read. */
export type QueryDossierStatusArgs = {
  code: Scalars['String']['input'];
  idNumberLast4: Scalars['String']['input'];
};


/** The root of every read. */
export type QueryDossiersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<DossierFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<DossierOrder>;
};


/** The root of every read. */
export type QueryIndicatorsArgs = {
  filter?: InputMaybe<IndicatorFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  groupBy?: InputMaybe<Array<IndicatorDimension>>;
  orderBy?: InputMaybe<IndicatorOrder>;
  period: IndicatorPeriod;
  rollUpToSuccessors?: InputMaybe<Scalars['Boolean']['input']>;
};


/** The root of every read. */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/** The root of every read. */
export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


/** The root of every read. */
export type QueryProcedureArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  nationalCode?: InputMaybe<Scalars['String']['input']>;
  province?: InputMaybe<Scalars['String']['input']>;
};


/** The root of every read. */
export type QueryProceduresArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ProcedureFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<ProcedureOrder>;
};


/** The root of every read. */
export type QuerySyncRunsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SyncRunFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** The root of every read. */
export type QueryUnitArgs = {
  code?: InputMaybe<Scalars['String']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
};


/** The root of every read. */
export type QueryUnitsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<UnitFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<UnitOrder>;
};

/**
 * Points of the Decision 766/QĐ-TTg groups (Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân,
 * doanh nghiệp) that the hub's data allows. The formulas are fitted from the national portal's published scores
 * (DOMAIN.md: approximate); a group needing data the hub does not hold (publicity, complaints) is absent.
 */
export type ServiceQualityPoints = {
  __typename?: 'ServiceQualityPoints';
  /**
   * Digitisation (số hóa) parts the data allows, max 12 of the group's 22: ORIGINAL_RESULT_AVAILABLE 6 × electronic-result
   * rate + SO_HOA_GIAY_TO_GIAI_QUYET 4 × digitised rate + REUSED_DIGITIZED_DATA 2 × data-reused rate. Null with no
   * dossier received or resolved.
   */
  digitisation?: Maybe<Scalars['Float']['output']>;
  /** Online payment (thanh toán trực tuyến), max 10: 10 × online payment rate. Null with no fee-bearing dossier resolved. */
  onlinePayment?: Maybe<Scalars['Float']['output']>;
  /**
   * Online services (dịch vụ công trực tuyến), max 12: min(2, 2A ÷ 0.8) + 4B + min(6, 6C ÷ 0.5), with A the share of the
   * row's procedures offered online (FULL or PARTIAL), B the share at FULL level, C the online dossier share.
   * Null with no dossier received.
   */
  onlineServices?: Maybe<Scalars['Float']['output']>;
  /** Satisfaction with receiving (DOSSIER_RECEIVING_SATISFACTION), max 6 of the group's 18: min(6, 6r ÷ 0.9), r the good-rating share. Null with no rating. */
  satisfaction?: Maybe<Scalars['Float']['output']>;
  /** Progress (tiến độ giải quyết), max 20: 20 × (early + on time) ÷ resolved. Null with nothing resolved. */
  timeliness?: Maybe<Scalars['Float']['output']>;
};

/** Who signed a document. */
export type Signer = {
  __typename?: 'Signer';
  /** Signing authority, e.g. `KT. CHỦ TỊCH`. */
  authority?: Maybe<Scalars['String']['output']>;
  /** Name. */
  name?: Maybe<Scalars['String']['output']>;
  /** Position, e.g. `Phó Chủ tịch`. */
  position?: Maybe<Scalars['String']['output']>;
};

/** Health of a provincial source as last seen by the hub. */
export type SourceStatus =
  /** The source is down or too slow; its data is left out of responses with a `SOURCE_UNAVAILABLE` error. */
  | 'DOWN'
  /** The source answers. */
  | 'UP';

/** A request for supplementary documents (yêu cầu bổ sung hồ sơ) and its answer. */
export type SupplementRequest = {
  __typename?: 'SupplementRequest';
  /** When the applicant answered; null while waiting. */
  answeredAt?: Maybe<Scalars['DateTime']['output']>;
  /** What was asked for. */
  reason?: Maybe<Scalars['String']['output']>;
  /** When the unit asked. */
  requestedAt: Scalars['DateTime']['output'];
};

/** Item counts of a sync run. */
export type SyncCounts = {
  __typename?: 'SyncCounts';
  /** Items the portal stored. */
  accepted: Scalars['Int']['output'];
  /** Items not delivered (request failed, or left pending when the run stopped). */
  failed: Scalars['Int']['output'];
  /** Items the run set out to push (resumed ones included). */
  planned: Scalars['Int']['output'];
  /** Items the portal refused. */
  rejected: Scalars['Int']['output'];
  /** Items the portal already held. */
  unchanged: Scalars['Int']['output'];
};

/** One procedure pushed (or to be pushed) by a sync run. */
export type SyncItem = {
  __typename?: 'SyncItem';
  /** Requests made for the batch carrying this item. */
  attempts: Scalars['Int']['output'];
  /** Content hash sent (sha256 of the canonical payload). */
  contentHash: Scalars['String']['output'];
  /** Last transport error, when the batch got no answer. */
  lastError?: Maybe<Scalars['String']['output']>;
  /** National code of the procedure (mã TTHC). */
  nationalCode: Scalars['String']['output'];
  /** Outcome. */
  outcome: SyncItemOutcome;
  /** The portal's reason for a rejection: `CODE` or `CODE: detail` (e.g. `INVALID: …`, `STALE`). */
  reason?: Maybe<Scalars['String']['output']>;
  /** Revision sent. */
  revision: Scalars['Int']['output'];
};

/** What happened to one procedure pushed by a sync run. */
export type SyncItemOutcome =
  /** The portal stored this content. */
  | 'ACCEPTED'
  /** The request carrying it failed permanently; the next run sends it again. */
  | 'FAILED'
  /** Not answered yet; resent under the same idempotency key by the next run. */
  | 'PENDING'
  /** The portal refused the item; `reason` says why. */
  | 'REJECTED'
  /** The portal already held exactly this content and revision. */
  | 'UNCHANGED';

/** Which procedures a sync run pushes. */
export type SyncMode =
  /** Every procedure (`--full`). */
  | 'FULL'
  /** Only procedures whose content differs from what the portal last acknowledged. */
  | 'INCREMENTAL';

/** One run of the job that pushes a province's procedure list to the national public service portal. */
export type SyncRun = Node & {
  __typename?: 'SyncRun';
  /** Item counts. */
  counts: SyncCounts;
  /** Why the run failed, when it did. */
  error?: Maybe<Scalars['String']['output']>;
  /** When it ended; null while running. */
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Global id. */
  id: Scalars['ID']['output'];
  /** Incremental or full. */
  mode: SyncMode;
  /** The province whose procedures were pushed. */
  province: Province;
  /** Items the portal rejected, with reasons. */
  rejectedItems: Array<SyncItem>;
  /** When the run started. */
  startedAt: Scalars['DateTime']['output'];
  /** Current state. */
  status: SyncRunStatus;
  /** What started the run. */
  trigger: SyncTrigger;
};

/** A page of sync runs, newest first (Relay connection). */
export type SyncRunConnection = {
  __typename?: 'SyncRunConnection';
  /** Edges with cursors. */
  edges: Array<SyncRunEdge>;
  /** The runs of the page. */
  nodes: Array<SyncRun>;
  /** Paging information. */
  pageInfo: PageInfo;
  /** Number of runs matching the filter. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a sync run connection. */
export type SyncRunEdge = {
  __typename?: 'SyncRunEdge';
  /** Opaque cursor of this position. */
  cursor: Scalars['String']['output'];
  /** The sync run. */
  node: SyncRun;
};

/** Filters for sync runs; all conditions must hold. */
export type SyncRunFilter = {
  /** Province codes; absent means every province. */
  provinces?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Only runs in this state. */
  status?: InputMaybe<SyncRunStatus>;
};

/** State of a sync run. */
export type SyncRunStatus =
  /** The run stopped: the portal was unreachable or kept failing, or an error occurred. Unsent batches are resent by the next run. */
  | 'FAILED'
  /** The portal answered every batch but rejected some items (see `rejectedItems`). */
  | 'PARTIAL'
  /** In progress (or its process died; the next run marks it FAILED as interrupted). */
  | 'RUNNING'
  /** Every item was accepted or already up to date on the portal. */
  | 'SUCCEEDED';

/** What started a sync run. */
export type SyncTrigger =
  /** `lienthong sync procedures` on the command line. */
  | 'CLI'
  /** The schedule of `serve` (`SYNC_CRON`). */
  | 'SCHEDULE';

/**
 * Timeliness (tiến độ giải quyết) by the national rules for Decision 766/QĐ-TTg (2022, service-quality
 * indicators: timeliness scores 20 × dossiers resolved early or on time ÷ dossiers resolved) as the national
 * public-service portal's evaluation guidance applies them:
 *
 * - End of processing = the time the dossier was processed (status 9), else the time its result was returned
 *   (status 10) (Decision 766, portal guidance).
 * - The clock stops while the dossier waits for the applicant: time between a supplement request and the
 *   applicant's answer, and between a request to pay fees or a financial obligation and the payment, does not
 *   count; closed waits extend the due time by their length (Decision 766, portal guidance).
 * - An open wait (a supplement request not yet answered, a payment not yet made) stops the clock now: the
 *   dossier is judged at the moment the wait began. It stays PENDING while it waits, unless its due time
 *   (extended by closed waits) had already passed when the wait began: time spent by the agency before the
 *   wait still counts, so it is OVERDUE (the hub's reading of the stopped clock, not a quoted rule).
 * - Two or more supplement requests count as late (reported from the portal's evaluation guidance;
 *   unverified: a default, pending confirmation).
 * - Refused (3, không được tiếp nhận), withdrawn (7) and stopped (8) dossiers are outside the on-time rate,
 *   whose denominator is resolved dossiers (Decision 766): NOT_COUNTED.
 * - Early = finished on a calendar date (UTC+7) before the due date.
 *
 * Open dossiers are judged at one instant per request, the time the request started, in every province.
 */
export type Timeliness =
  /** Resolved, finished (less the stopped-clock time) on a date before the due date (trước hạn). */
  | 'EARLY'
  /** Resolved after the due time extended by the stopped-clock time, or after two or more supplement requests (trễ hạn). */
  | 'LATE'
  /** Refused (3), withdrawn (7) or stopped (8): outside the on-time rate, whose denominator is resolved dossiers (không tính). */
  | 'NOT_COUNTED'
  /** Resolved by the due time extended by the stopped-clock time, or with no time limit (đúng hạn). */
  | 'ON_TIME'
  /** Open and past the due time extended by the stopped-clock time, counted up to now or to the start of an open wait (quá hạn). */
  | 'OVERDUE'
  /** Open and not yet due, or waiting for the applicant (supplement, payment) since before its due time (trong hạn). */
  | 'PENDING';

/** An agency or administrative unit (cơ quan, đơn vị): province committee, department, district, commune. */
export type Unit = Node & {
  __typename?: 'Unit';
  /** Whether the unit is valid today. */
  active: Scalars['Boolean']['output'];
  /** Codes in national code systems; null only when the province's database could not answer (an error names the province). */
  administrativeCodes?: Maybe<Array<AdministrativeCode>>;
  /** Units directly below; null only when the province's database could not answer (an error names the province). */
  children?: Maybe<UnitConnection>;
  /** Agency electronic identifier (mã định danh điện tử, QCVN 102), e.g. `000.00.12.H41`. */
  code: Scalars['String']['output'];
  /**
   * The units valid today that this unit's history rolls up to, following successors transitively within its
   * province's database: itself while valid; empty when the chain leaves the hub (a merged province's units:
   * see `successors.externalSuccessor`). For statistics over today's units. Null only when the province's
   * database could not answer (an error names the province).
   */
  currentUnits?: Maybe<Array<Unit>>;
  /** Documents this unit issued (văn bản ban hành); null only when the province's database could not answer (an error names the province). */
  documents?: Maybe<DocumentConnection>;
  /** Dossiers received by this unit (hồ sơ tiếp nhận), newest first by default; null only when the province's database could not answer (an error names the province). */
  dossiers?: Maybe<DossierConnection>;
  /** Global id. */
  id: Scalars['ID']['output'];
  /** Kind of unit. */
  kind: UnitKind;
  /** Administrative level. */
  level: UnitLevel;
  /** Full name, e.g. `Sở Tư pháp`, `UBND xã Diễn Kim`. */
  name: Scalars['String']['output'];
  /** The unit above (đơn vị cấp trên); null for the provincial People's Committee, or when the province's database could not answer. */
  parent?: Maybe<Unit>;
  /** Units this one continues (links whose successor is this unit), e.g. the communes merged into a commune of 2025-07-01; null only when the province's database could not answer (an error names the province). */
  predecessors?: Maybe<Array<UnitLineage>>;
  /** Procedures this unit implements (cơ quan thực hiện); null only when the province's database could not answer (an error names the province). */
  procedures?: Maybe<ProcedureConnection>;
  /** The province whose database holds this unit. */
  province: Province;
  /** Successors after a reorganisation (2025: departments merged, district level abolished, communes and provinces merged); null only when the province's database could not answer (an error names the province). */
  successors?: Maybe<Array<UnitLineage>>;
  /** First day of validity. */
  validFrom: Scalars['Date']['output'];
  /** Last day of validity; null while the unit exists. Abolished units are kept for history. */
  validTo?: Maybe<Scalars['Date']['output']>;
};


/** An agency or administrative unit (cơ quan, đơn vị): province committee, department, district, commune. */
export type UnitChildrenArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<UnitOrder>;
};


/** An agency or administrative unit (cơ quan, đơn vị): province committee, department, district, commune. */
export type UnitDocumentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<DocumentOrder>;
};


/** An agency or administrative unit (cơ quan, đơn vị): province committee, department, district, commune. */
export type UnitDossiersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<DossierFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<DossierOrder>;
};


/** An agency or administrative unit (cơ quan, đơn vị): province committee, department, district, commune. */
export type UnitProceduresArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<ProcedureOrder>;
};

/** A page of units (Relay connection). */
export type UnitConnection = {
  __typename?: 'UnitConnection';
  /** Edges with cursors. */
  edges: Array<UnitEdge>;
  /** The units of the page. */
  nodes: Array<Unit>;
  /** Paging information. */
  pageInfo: PageInfo;
  /**
   * Number of units matching, summed over the provinces that answered. Null only in a nested list
   * (`Unit.children`) whose province's database could not answer the count (an error names the province).
   */
  totalCount?: Maybe<Scalars['Int']['output']>;
};

/** An edge in a unit connection. */
export type UnitEdge = {
  __typename?: 'UnitEdge';
  /** Opaque cursor of this position. */
  cursor: Scalars['String']['output'];
  /** The unit. */
  node: Unit;
};

/** Filters for units; all conditions must hold. */
export type UnitFilter = {
  /** Only units valid today (true) or only abolished ones (false). */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** Kind of unit. */
  kind?: InputMaybe<UnitKind>;
  /** Administrative level. */
  level?: InputMaybe<UnitLevel>;
  /** Direct children of this unit (global id). */
  parent?: InputMaybe<Scalars['ID']['input']>;
  /** Province codes; absent means every province. */
  provinces?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Accent- and case-insensitive text in name or code: `dien chau` finds `Diễn Châu`. */
  search?: InputMaybe<Scalars['String']['input']>;
};

/** Kind of agency or administrative unit. */
export type UnitKind =
  /** Service centre (trung tâm), e.g. the one-stop public administration centre. */
  | 'CENTRE'
  /** Commune-level People's Committee (UBND xã, phường, thị trấn). */
  | 'COMMUNE'
  /** Department (sở). */
  | 'DEPARTMENT'
  /** District-level People's Committee (UBND huyện, thị xã, thành phố) — abolished on 2025-07-01. */
  | 'DISTRICT'
  /** Division inside an agency (phòng, chi cục). */
  | 'DIVISION'
  /** Provincial People's Committee (UBND tỉnh). */
  | 'PEOPLES_COMMITTEE'
  /** Sector agency at provincial level (ban, ngành, e.g. Công an tỉnh). */
  | 'SECTOR_AGENCY';

/** Administrative level (cấp). */
export type UnitLevel =
  /** Commune (cấp xã). */
  | 'COMMUNE'
  /** District (cấp huyện); abolished by Resolution 202/2025/QH15 from 2025-07-01. */
  | 'DISTRICT'
  /** Province (cấp tỉnh). */
  | 'PROVINCE';

/**
 * A link from a unit to the unit that continues it after a reorganisation (sáp nhập, chia tách, đổi tên):
 * Decree 45/2025/NĐ-CP departments from 2025-03-01, communes and the end of the district level from 2025-07-01,
 * merged provinces from 2025-07-01.
 */
export type UnitLineage = {
  __typename?: 'UnitLineage';
  /** The deciding document (nghị quyết, quyết định), when recorded; null also when the province's database could not answer. */
  decidedBy?: Maybe<Document>;
  /** Date from which the successor takes over. */
  effectiveOn: Scalars['Date']['output'];
  /** The continuing unit when it lies in another province's database (UBND tỉnh Hòa Bình → UBND tỉnh Phú Thọ); null otherwise. */
  externalSuccessor?: Maybe<ExternalUnit>;
  /** What happened: `MERGED_INTO`, `SPLIT_INTO` or `RENAMED_TO`. */
  kind: Scalars['String']['output'];
  /** The unit that ended (or was renamed); null only when the province's database could not answer (an error names the province). */
  predecessor?: Maybe<Unit>;
  /** The unit that continues this one; null when it lies outside the hub (see `externalSuccessor`), or when the province's database could not answer (an error names the province). */
  successor?: Maybe<Unit>;
};

/** Ordering of a unit list; ties broken by province and id. */
export type UnitOrder = {
  /** Direction. */
  direction?: InputMaybe<OrderDirection>;
  /** Sort key. */
  field: UnitOrderField;
};

/** Sort keys for units. */
export type UnitOrderField =
  /** By agency electronic identifier. */
  | 'CODE'
  /** By name (Vietnamese collation is byte order of NFC text). */
  | 'NAME';
