import type * as Types from './schema-types.ts';
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { ProvinceModel, UnitEntity, UnitLineageModel, AdministrativeCodeModel, UnitConnectionModel, UnitEdgeModel, ProcedureEntity, ProcedureChannelEntity, ProcedureRequirementEntity, ProcedureConnectionModel, ProcedureEdgeModel, DossierEntity, DossierEventEntity, SupplementEntity, DossierConnectionModel, DossierEdgeModel, DocumentEntity, AttachmentEntity, DocumentConnectionModel, DocumentEdgeModel, SyncRunEntity, SyncItemEntity, SyncRunConnectionModel, SyncRunEdgeModel, PortalStatusEntity, AuditRecordEntity, AuditRecordConnectionModel, AuditRecordEdgeModel, IndicatorRowModel, IndicatorTableModel } from '../models.ts';
import type { GraphQLContext } from '../context.ts';
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Types.Maybe<TTypes> | Promise<Types.Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;




/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  Node:
    | ( DocumentEntity )
    | ( DossierEntity )
    | ( ProcedureEntity )
    | ( ProvinceModel )
    | ( SyncRunEntity )
    | ( UnitEntity )
  ;
}>;

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AdministrativeCode: ResolverTypeWrapper<AdministrativeCodeModel>;
  Applicant: ResolverTypeWrapper<DossierEntity>;
  ApplicantType: Types.ApplicantType;
  Attachment: ResolverTypeWrapper<AttachmentEntity>;
  AuditFilter: Types.AuditFilter;
  AuditRecord: ResolverTypeWrapper<AuditRecordEntity>;
  AuditRecordConnection: ResolverTypeWrapper<AuditRecordConnectionModel>;
  AuditRecordEdge: ResolverTypeWrapper<AuditRecordEdgeModel>;
  Boolean: ResolverTypeWrapper<Types.Scalars['Boolean']['output']>;
  Channel: Types.Channel;
  Date: ResolverTypeWrapper<Types.Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Types.Scalars['DateTime']['output']>;
  Document: ResolverTypeWrapper<DocumentEntity>;
  DocumentConnection: ResolverTypeWrapper<DocumentConnectionModel>;
  DocumentEdge: ResolverTypeWrapper<DocumentEdgeModel>;
  DocumentFilter: Types.DocumentFilter;
  DocumentOrder: Types.DocumentOrder;
  DocumentOrderField: Types.DocumentOrderField;
  DocumentType: Types.DocumentType;
  Dossier: ResolverTypeWrapper<DossierEntity>;
  DossierConnection: ResolverTypeWrapper<DossierConnectionModel>;
  DossierEdge: ResolverTypeWrapper<DossierEdgeModel>;
  DossierEvent: ResolverTypeWrapper<DossierEventEntity>;
  DossierFilter: Types.DossierFilter;
  DossierIndicators: ResolverTypeWrapper<Types.DossierIndicators>;
  DossierOrder: Types.DossierOrder;
  DossierOrderField: Types.DossierOrderField;
  DossierStatus: Types.DossierStatus;
  DossierStatusLookup: ResolverTypeWrapper<Types.DossierStatusLookup>;
  ExternalUnit: ResolverTypeWrapper<Types.ExternalUnit>;
  Float: ResolverTypeWrapper<Types.Scalars['Float']['output']>;
  ID: ResolverTypeWrapper<Types.Scalars['ID']['output']>;
  IndicatorDimension: Types.IndicatorDimension;
  IndicatorFilter: Types.IndicatorFilter;
  IndicatorMeasure: Types.IndicatorMeasure;
  IndicatorOrder: Types.IndicatorOrder;
  IndicatorPeriod: Types.IndicatorPeriod;
  IndicatorRow: ResolverTypeWrapper<IndicatorRowModel>;
  IndicatorTable: ResolverTypeWrapper<IndicatorTableModel>;
  Int: ResolverTypeWrapper<Types.Scalars['Int']['output']>;
  MergedProvince: ResolverTypeWrapper<Types.MergedProvince>;
  Node: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Node']>;
  OnlineService: Types.OnlineService;
  OrderDirection: Types.OrderDirection;
  PageInfo: ResolverTypeWrapper<Types.PageInfo>;
  PortalStatus: ResolverTypeWrapper<PortalStatusEntity>;
  Procedure: ResolverTypeWrapper<ProcedureEntity>;
  ProcedureChannel: ResolverTypeWrapper<ProcedureChannelEntity>;
  ProcedureConnection: ResolverTypeWrapper<ProcedureConnectionModel>;
  ProcedureEdge: ResolverTypeWrapper<ProcedureEdgeModel>;
  ProcedureFilter: Types.ProcedureFilter;
  ProcedureOrder: Types.ProcedureOrder;
  ProcedureOrderField: Types.ProcedureOrderField;
  ProcedureRequirement: ResolverTypeWrapper<ProcedureRequirementEntity>;
  ProcedureStatus: Types.ProcedureStatus;
  Province: ResolverTypeWrapper<ProvinceModel>;
  ProvinceRef: ResolverTypeWrapper<Types.ProvinceRef>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ServiceQualityPoints: ResolverTypeWrapper<IndicatorRowModel>;
  Signer: ResolverTypeWrapper<Types.Signer>;
  SourceStatus: Types.SourceStatus;
  String: ResolverTypeWrapper<Types.Scalars['String']['output']>;
  SupplementRequest: ResolverTypeWrapper<SupplementEntity>;
  SyncCounts: ResolverTypeWrapper<Types.SyncCounts>;
  SyncItem: ResolverTypeWrapper<SyncItemEntity>;
  SyncItemOutcome: Types.SyncItemOutcome;
  SyncMode: Types.SyncMode;
  SyncRun: ResolverTypeWrapper<SyncRunEntity>;
  SyncRunConnection: ResolverTypeWrapper<SyncRunConnectionModel>;
  SyncRunEdge: ResolverTypeWrapper<SyncRunEdgeModel>;
  SyncRunFilter: Types.SyncRunFilter;
  SyncRunStatus: Types.SyncRunStatus;
  SyncTrigger: Types.SyncTrigger;
  Timeliness: Types.Timeliness;
  Unit: ResolverTypeWrapper<UnitEntity>;
  UnitConnection: ResolverTypeWrapper<UnitConnectionModel>;
  UnitEdge: ResolverTypeWrapper<UnitEdgeModel>;
  UnitFilter: Types.UnitFilter;
  UnitKind: Types.UnitKind;
  UnitLevel: Types.UnitLevel;
  UnitLineage: ResolverTypeWrapper<UnitLineageModel>;
  UnitOrder: Types.UnitOrder;
  UnitOrderField: Types.UnitOrderField;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AdministrativeCode: AdministrativeCodeModel;
  Applicant: DossierEntity;
  Attachment: AttachmentEntity;
  AuditFilter: Types.AuditFilter;
  AuditRecord: AuditRecordEntity;
  AuditRecordConnection: AuditRecordConnectionModel;
  AuditRecordEdge: AuditRecordEdgeModel;
  Boolean: Types.Scalars['Boolean']['output'];
  Date: Types.Scalars['Date']['output'];
  DateTime: Types.Scalars['DateTime']['output'];
  Document: DocumentEntity;
  DocumentConnection: DocumentConnectionModel;
  DocumentEdge: DocumentEdgeModel;
  DocumentFilter: Types.DocumentFilter;
  DocumentOrder: Types.DocumentOrder;
  Dossier: DossierEntity;
  DossierConnection: DossierConnectionModel;
  DossierEdge: DossierEdgeModel;
  DossierEvent: DossierEventEntity;
  DossierFilter: Types.DossierFilter;
  DossierIndicators: Types.DossierIndicators;
  DossierOrder: Types.DossierOrder;
  DossierStatusLookup: Types.DossierStatusLookup;
  ExternalUnit: Types.ExternalUnit;
  Float: Types.Scalars['Float']['output'];
  ID: Types.Scalars['ID']['output'];
  IndicatorFilter: Types.IndicatorFilter;
  IndicatorOrder: Types.IndicatorOrder;
  IndicatorPeriod: Types.IndicatorPeriod;
  IndicatorRow: IndicatorRowModel;
  IndicatorTable: IndicatorTableModel;
  Int: Types.Scalars['Int']['output'];
  MergedProvince: Types.MergedProvince;
  Node: ResolversInterfaceTypes<ResolversParentTypes>['Node'];
  PageInfo: Types.PageInfo;
  PortalStatus: PortalStatusEntity;
  Procedure: ProcedureEntity;
  ProcedureChannel: ProcedureChannelEntity;
  ProcedureConnection: ProcedureConnectionModel;
  ProcedureEdge: ProcedureEdgeModel;
  ProcedureFilter: Types.ProcedureFilter;
  ProcedureOrder: Types.ProcedureOrder;
  ProcedureRequirement: ProcedureRequirementEntity;
  Province: ProvinceModel;
  ProvinceRef: Types.ProvinceRef;
  Query: Record<PropertyKey, never>;
  ServiceQualityPoints: IndicatorRowModel;
  Signer: Types.Signer;
  String: Types.Scalars['String']['output'];
  SupplementRequest: SupplementEntity;
  SyncCounts: Types.SyncCounts;
  SyncItem: SyncItemEntity;
  SyncRun: SyncRunEntity;
  SyncRunConnection: SyncRunConnectionModel;
  SyncRunEdge: SyncRunEdgeModel;
  SyncRunFilter: Types.SyncRunFilter;
  Unit: UnitEntity;
  UnitConnection: UnitConnectionModel;
  UnitEdge: UnitEdgeModel;
  UnitFilter: Types.UnitFilter;
  UnitLineage: UnitLineageModel;
  UnitOrder: Types.UnitOrder;
}>;

export type PublicDirectiveArgs = { };

export type PublicDirectiveResolver<Result, Parent, ContextType = GraphQLContext, Args = PublicDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ScopeDirectiveArgs = {
  name: Types.Scalars['String']['input'];
};

export type ScopeDirectiveResolver<Result, Parent, ContextType = GraphQLContext, Args = ScopeDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AdministrativeCodeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AdministrativeCode'] = ResolversParentTypes['AdministrativeCode']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  system?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  validTo?: Resolver<Types.Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
}>;

export type ApplicantResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Applicant'] = ResolversParentTypes['Applicant']> = ResolversObject<{
  idNumber?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  phone?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['ApplicantType'], ParentType, ContextType>;
}>;

export type AttachmentResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Attachment'] = ResolversParentTypes['Attachment']> = ResolversObject<{
  mediaType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sha256?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sizeBytes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type AuditRecordResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AuditRecord'] = ResolversParentTypes['AuditRecord']> = ResolversObject<{
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  dossierCodes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  dossiers?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  fields?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  operation?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  requestId?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type AuditRecordConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AuditRecordConnection'] = ResolversParentTypes['AuditRecordConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['AuditRecordEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['AuditRecord']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type AuditRecordEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AuditRecordEdge'] = ResolversParentTypes['AuditRecordEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['AuditRecord'], ParentType, ContextType>;
}>;

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DocumentResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Document'] = ResolversParentTypes['Document']> = ResolversObject<{
  attachments?: Resolver<Types.Maybe<Array<ResolversTypes['Attachment']>>, ParentType, ContextType>;
  confidentiality?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  dossiers?: Resolver<Types.Maybe<ResolversTypes['DossierConnection']>, ParentType, ContextType, Partial<Types.DocumentDossiersArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  issuedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  issuer?: Resolver<Types.Maybe<ResolversTypes['Unit']>, ParentType, ContextType>;
  issuerName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  numberSymbol?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  place?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  procedures?: Resolver<Types.Maybe<Array<ResolversTypes['Procedure']>>, ParentType, ContextType>;
  province?: Resolver<ResolversTypes['Province'], ParentType, ContextType>;
  signer?: Resolver<ResolversTypes['Signer'], ParentType, ContextType>;
  summary?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['DocumentType'], ParentType, ContextType>;
  urgency?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  year?: Resolver<Types.Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type DocumentConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DocumentConnection'] = ResolversParentTypes['DocumentConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['DocumentEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Document']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<Types.Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type DocumentEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DocumentEdge'] = ResolversParentTypes['DocumentEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Document'], ParentType, ContextType>;
}>;

export type DossierResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Dossier'] = ResolversParentTypes['Dossier']> = ResolversObject<{
  aliases?: Resolver<Types.Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  apologyIssued?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  applicant?: Resolver<ResolversTypes['Applicant'], ParentType, ContextType>;
  channel?: Resolver<ResolversTypes['Channel'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  documents?: Resolver<Types.Maybe<Array<ResolversTypes['Document']>>, ParentType, ContextType>;
  dueAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  events?: Resolver<Types.Maybe<Array<ResolversTypes['DossierEvent']>>, ParentType, ContextType>;
  handlingUnit?: Resolver<Types.Maybe<ResolversTypes['Unit']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  indicators?: Resolver<ResolversTypes['DossierIndicators'], ParentType, ContextType>;
  procedure?: Resolver<Types.Maybe<ResolversTypes['Procedure']>, ParentType, ContextType>;
  province?: Resolver<ResolversTypes['Province'], ParentType, ContextType>;
  receivedAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  receivingUnit?: Resolver<Types.Maybe<ResolversTypes['Unit']>, ParentType, ContextType>;
  resolvedAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  returnedAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  satisfaction?: Resolver<Types.Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['DossierStatus'], ParentType, ContextType>;
  statusCode?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  submittedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  supplements?: Resolver<Types.Maybe<Array<ResolversTypes['SupplementRequest']>>, ParentType, ContextType>;
  timeliness?: Resolver<ResolversTypes['Timeliness'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type DossierConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DossierConnection'] = ResolversParentTypes['DossierConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['DossierEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Dossier']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<Types.Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type DossierEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DossierEdge'] = ResolversParentTypes['DossierEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Dossier'], ParentType, ContextType>;
}>;

export type DossierEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DossierEvent'] = ResolversParentTypes['DossierEvent']> = ResolversObject<{
  actor?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  note?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['DossierStatus'], ParentType, ContextType>;
  unit?: Resolver<Types.Maybe<ResolversTypes['Unit']>, ParentType, ContextType>;
}>;

export type DossierIndicatorsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DossierIndicators'] = ResolversParentTypes['DossierIndicators']> = ResolversObject<{
  dataReused?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  digitised?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  electronicResult?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  paidOnline?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  vneidVerified?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type DossierStatusLookupResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DossierStatusLookup'] = ResolversParentTypes['DossierStatusLookup']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  dueAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  procedureName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  receivingUnitName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['DossierStatus'], ParentType, ContextType>;
  timeliness?: Resolver<ResolversTypes['Timeliness'], ParentType, ContextType>;
}>;

export type ExternalUnitResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ExternalUnit'] = ResolversParentTypes['ExternalUnit']> = ResolversObject<{
  code?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  province?: Resolver<ResolversTypes['ProvinceRef'], ParentType, ContextType>;
}>;

export type IndicatorRowResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['IndicatorRow'] = ResolversParentTypes['IndicatorRow']> = ResolversObject<{
  averageProcessingDays?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  channel?: Resolver<Types.Maybe<ResolversTypes['Channel']>, ParentType, ContextType>;
  dataReusedRate?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  digitisedRate?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  early?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  electronicResultRate?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  field?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  fullOnlineShare?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  goodRatingShare?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  late?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  medianProcessingDays?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  notCounted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  onTime?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  onTimeRate?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  onlinePaymentRate?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  onlineShare?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  partialOnlineShare?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  pending?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  period?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  points?: Resolver<ResolversTypes['ServiceQualityPoints'], ParentType, ContextType>;
  procedure?: Resolver<Types.Maybe<ResolversTypes['Procedure']>, ParentType, ContextType>;
  procedures?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  province?: Resolver<Types.Maybe<ResolversTypes['Province']>, ParentType, ContextType>;
  ratings?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  received?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  receivedOnline?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  resolved?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  satisfactionAverage?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  unit?: Resolver<Types.Maybe<ResolversTypes['Unit']>, ParentType, ContextType>;
}>;

export type IndicatorTableResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['IndicatorTable'] = ResolversParentTypes['IndicatorTable']> = ResolversObject<{
  asOf?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  groupBy?: Resolver<Array<ResolversTypes['IndicatorDimension']>, ParentType, ContextType>;
  rows?: Resolver<Array<ResolversTypes['IndicatorRow']>, ParentType, ContextType>;
  to?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['IndicatorRow'], ParentType, ContextType>;
  totalRows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type MergedProvinceResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MergedProvince'] = ResolversParentTypes['MergedProvince']> = ResolversObject<{
  province?: Resolver<ResolversTypes['ProvinceRef'], ParentType, ContextType>;
  validTo?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
}>;

export type NodeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Node'] = ResolversParentTypes['Node']> = ResolversObject<{
  __resolveType: TypeResolveFn<'Document' | 'Dossier' | 'Procedure' | 'Province' | 'SyncRun' | 'Unit', ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PortalStatusResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PortalStatus'] = ResolversParentTypes['PortalStatus']> = ResolversObject<{
  acknowledgedAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  acknowledgedHash?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  acknowledgedRevision?: Resolver<Types.Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  lastError?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastErrorAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<Types.Maybe<ResolversTypes['ProcedureStatus']>, ParentType, ContextType>;
}>;

export type ProcedureResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Procedure'] = ResolversParentTypes['Procedure']> = ResolversObject<{
  applicants?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  cases?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  channels?: Resolver<Types.Maybe<Array<ResolversTypes['ProcedureChannel']>>, ParentType, ContextType>;
  dossiers?: Resolver<Types.Maybe<ResolversTypes['DossierConnection']>, ParentType, ContextType, Partial<Types.ProcedureDossiersArgs>>;
  fee?: Resolver<Types.Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  legalBasis?: Resolver<Types.Maybe<Array<ResolversTypes['Document']>>, ParentType, ContextType>;
  level?: Resolver<ResolversTypes['UnitLevel'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nationalCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  onlineService?: Resolver<ResolversTypes['OnlineService'], ParentType, ContextType>;
  portalStatus?: Resolver<Types.Maybe<ResolversTypes['PortalStatus']>, ParentType, ContextType>;
  processingDays?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  province?: Resolver<ResolversTypes['Province'], ParentType, ContextType>;
  publishingDecisions?: Resolver<Types.Maybe<Array<ResolversTypes['Document']>>, ParentType, ContextType>;
  requirements?: Resolver<Types.Maybe<Array<ResolversTypes['ProcedureRequirement']>>, ParentType, ContextType>;
  result?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  revision?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ProcedureStatus'], ParentType, ContextType>;
  units?: Resolver<Types.Maybe<Array<ResolversTypes['Unit']>>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ProcedureChannelResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ProcedureChannel'] = ResolversParentTypes['ProcedureChannel']> = ResolversObject<{
  case?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  channel?: Resolver<ResolversTypes['Channel'], ParentType, ContextType>;
  feeNote?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  feeVnd?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  processingTime?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  timeUnit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ProcedureConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ProcedureConnection'] = ResolversParentTypes['ProcedureConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ProcedureEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Procedure']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<Types.Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type ProcedureEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ProcedureEdge'] = ResolversParentTypes['ProcedureEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Procedure'], ParentType, ContextType>;
}>;

export type ProcedureRequirementResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ProcedureRequirement'] = ResolversParentTypes['ProcedureRequirement']> = ResolversObject<{
  case?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  copies?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  form?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  originals?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ProvinceResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Province'] = ResolversParentTypes['Province']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  mergedFrom?: Resolver<Array<ResolversTypes['MergedProvince']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  slug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['SourceStatus'], ParentType, ContextType>;
  successor?: Resolver<Types.Maybe<ResolversTypes['ProvinceRef']>, ParentType, ContextType>;
  validTo?: Resolver<Types.Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ProvinceRefResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ProvinceRef'] = ResolversParentTypes['ProvinceRef']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  auditLog?: Resolver<ResolversTypes['AuditRecordConnection'], ParentType, ContextType, Partial<Types.QueryAuditLogArgs>>;
  document?: Resolver<Types.Maybe<ResolversTypes['Document']>, ParentType, ContextType, Partial<Types.QueryDocumentArgs>>;
  documents?: Resolver<ResolversTypes['DocumentConnection'], ParentType, ContextType, Partial<Types.QueryDocumentsArgs>>;
  dossier?: Resolver<Types.Maybe<ResolversTypes['Dossier']>, ParentType, ContextType, Partial<Types.QueryDossierArgs>>;
  dossierStatus?: Resolver<Types.Maybe<ResolversTypes['DossierStatusLookup']>, ParentType, ContextType, RequireFields<Types.QueryDossierStatusArgs, 'code' | 'idNumberLast4'>>;
  dossiers?: Resolver<ResolversTypes['DossierConnection'], ParentType, ContextType, Partial<Types.QueryDossiersArgs>>;
  indicators?: Resolver<ResolversTypes['IndicatorTable'], ParentType, ContextType, RequireFields<Types.QueryIndicatorsArgs, 'first' | 'groupBy' | 'period' | 'rollUpToSuccessors'>>;
  node?: Resolver<Types.Maybe<ResolversTypes['Node']>, ParentType, ContextType, RequireFields<Types.QueryNodeArgs, 'id'>>;
  nodes?: Resolver<Array<Types.Maybe<ResolversTypes['Node']>>, ParentType, ContextType, RequireFields<Types.QueryNodesArgs, 'ids'>>;
  procedure?: Resolver<Types.Maybe<ResolversTypes['Procedure']>, ParentType, ContextType, Partial<Types.QueryProcedureArgs>>;
  procedures?: Resolver<ResolversTypes['ProcedureConnection'], ParentType, ContextType, Partial<Types.QueryProceduresArgs>>;
  provinces?: Resolver<Array<ResolversTypes['Province']>, ParentType, ContextType>;
  syncRuns?: Resolver<ResolversTypes['SyncRunConnection'], ParentType, ContextType, Partial<Types.QuerySyncRunsArgs>>;
  unit?: Resolver<Types.Maybe<ResolversTypes['Unit']>, ParentType, ContextType, Partial<Types.QueryUnitArgs>>;
  units?: Resolver<ResolversTypes['UnitConnection'], ParentType, ContextType, Partial<Types.QueryUnitsArgs>>;
}>;

export type ServiceQualityPointsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ServiceQualityPoints'] = ResolversParentTypes['ServiceQualityPoints']> = ResolversObject<{
  digitisation?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  onlinePayment?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  onlineServices?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  satisfaction?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  timeliness?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type SignerResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Signer'] = ResolversParentTypes['Signer']> = ResolversObject<{
  authority?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  position?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type SupplementRequestResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SupplementRequest'] = ResolversParentTypes['SupplementRequest']> = ResolversObject<{
  answeredAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  reason?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  requestedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type SyncCountsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SyncCounts'] = ResolversParentTypes['SyncCounts']> = ResolversObject<{
  accepted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  failed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  planned?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rejected?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unchanged?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type SyncItemResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SyncItem'] = ResolversParentTypes['SyncItem']> = ResolversObject<{
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  contentHash?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lastError?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nationalCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['SyncItemOutcome'], ParentType, ContextType>;
  reason?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  revision?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type SyncRunResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SyncRun'] = ResolversParentTypes['SyncRun']> = ResolversObject<{
  counts?: Resolver<ResolversTypes['SyncCounts'], ParentType, ContextType>;
  error?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  finishedAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  mode?: Resolver<ResolversTypes['SyncMode'], ParentType, ContextType>;
  province?: Resolver<ResolversTypes['Province'], ParentType, ContextType>;
  rejectedItems?: Resolver<Array<ResolversTypes['SyncItem']>, ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['SyncRunStatus'], ParentType, ContextType>;
  trigger?: Resolver<ResolversTypes['SyncTrigger'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type SyncRunConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SyncRunConnection'] = ResolversParentTypes['SyncRunConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['SyncRunEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['SyncRun']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type SyncRunEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SyncRunEdge'] = ResolversParentTypes['SyncRunEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['SyncRun'], ParentType, ContextType>;
}>;

export type UnitResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Unit'] = ResolversParentTypes['Unit']> = ResolversObject<{
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  administrativeCodes?: Resolver<Types.Maybe<Array<ResolversTypes['AdministrativeCode']>>, ParentType, ContextType>;
  children?: Resolver<Types.Maybe<ResolversTypes['UnitConnection']>, ParentType, ContextType, Partial<Types.UnitChildrenArgs>>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currentUnits?: Resolver<Types.Maybe<Array<ResolversTypes['Unit']>>, ParentType, ContextType>;
  documents?: Resolver<Types.Maybe<ResolversTypes['DocumentConnection']>, ParentType, ContextType, Partial<Types.UnitDocumentsArgs>>;
  dossiers?: Resolver<Types.Maybe<ResolversTypes['DossierConnection']>, ParentType, ContextType, Partial<Types.UnitDossiersArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['UnitKind'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['UnitLevel'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  parent?: Resolver<Types.Maybe<ResolversTypes['Unit']>, ParentType, ContextType>;
  predecessors?: Resolver<Types.Maybe<Array<ResolversTypes['UnitLineage']>>, ParentType, ContextType>;
  procedures?: Resolver<Types.Maybe<ResolversTypes['ProcedureConnection']>, ParentType, ContextType, Partial<Types.UnitProceduresArgs>>;
  province?: Resolver<ResolversTypes['Province'], ParentType, ContextType>;
  successors?: Resolver<Types.Maybe<Array<ResolversTypes['UnitLineage']>>, ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  validTo?: Resolver<Types.Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type UnitConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['UnitConnection'] = ResolversParentTypes['UnitConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['UnitEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Unit']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<Types.Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type UnitEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['UnitEdge'] = ResolversParentTypes['UnitEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Unit'], ParentType, ContextType>;
}>;

export type UnitLineageResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['UnitLineage'] = ResolversParentTypes['UnitLineage']> = ResolversObject<{
  decidedBy?: Resolver<Types.Maybe<ResolversTypes['Document']>, ParentType, ContextType>;
  effectiveOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  externalSuccessor?: Resolver<Types.Maybe<ResolversTypes['ExternalUnit']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  predecessor?: Resolver<Types.Maybe<ResolversTypes['Unit']>, ParentType, ContextType>;
  successor?: Resolver<Types.Maybe<ResolversTypes['Unit']>, ParentType, ContextType>;
}>;

export type Resolvers<ContextType = GraphQLContext> = ResolversObject<{
  AdministrativeCode?: AdministrativeCodeResolvers<ContextType>;
  Applicant?: ApplicantResolvers<ContextType>;
  Attachment?: AttachmentResolvers<ContextType>;
  AuditRecord?: AuditRecordResolvers<ContextType>;
  AuditRecordConnection?: AuditRecordConnectionResolvers<ContextType>;
  AuditRecordEdge?: AuditRecordEdgeResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Document?: DocumentResolvers<ContextType>;
  DocumentConnection?: DocumentConnectionResolvers<ContextType>;
  DocumentEdge?: DocumentEdgeResolvers<ContextType>;
  Dossier?: DossierResolvers<ContextType>;
  DossierConnection?: DossierConnectionResolvers<ContextType>;
  DossierEdge?: DossierEdgeResolvers<ContextType>;
  DossierEvent?: DossierEventResolvers<ContextType>;
  DossierIndicators?: DossierIndicatorsResolvers<ContextType>;
  DossierStatusLookup?: DossierStatusLookupResolvers<ContextType>;
  ExternalUnit?: ExternalUnitResolvers<ContextType>;
  IndicatorRow?: IndicatorRowResolvers<ContextType>;
  IndicatorTable?: IndicatorTableResolvers<ContextType>;
  MergedProvince?: MergedProvinceResolvers<ContextType>;
  Node?: NodeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PortalStatus?: PortalStatusResolvers<ContextType>;
  Procedure?: ProcedureResolvers<ContextType>;
  ProcedureChannel?: ProcedureChannelResolvers<ContextType>;
  ProcedureConnection?: ProcedureConnectionResolvers<ContextType>;
  ProcedureEdge?: ProcedureEdgeResolvers<ContextType>;
  ProcedureRequirement?: ProcedureRequirementResolvers<ContextType>;
  Province?: ProvinceResolvers<ContextType>;
  ProvinceRef?: ProvinceRefResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ServiceQualityPoints?: ServiceQualityPointsResolvers<ContextType>;
  Signer?: SignerResolvers<ContextType>;
  SupplementRequest?: SupplementRequestResolvers<ContextType>;
  SyncCounts?: SyncCountsResolvers<ContextType>;
  SyncItem?: SyncItemResolvers<ContextType>;
  SyncRun?: SyncRunResolvers<ContextType>;
  SyncRunConnection?: SyncRunConnectionResolvers<ContextType>;
  SyncRunEdge?: SyncRunEdgeResolvers<ContextType>;
  Unit?: UnitResolvers<ContextType>;
  UnitConnection?: UnitConnectionResolvers<ContextType>;
  UnitEdge?: UnitEdgeResolvers<ContextType>;
  UnitLineage?: UnitLineageResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = GraphQLContext> = ResolversObject<{
  public?: PublicDirectiveResolver<any, any, ContextType>;
  scope?: ScopeDirectiveResolver<any, any, ContextType>;
}>;
