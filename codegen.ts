import type { CodegenConfig } from '@graphql-codegen/cli';

const models = '../server/graphql-models.ts';

const config: CodegenConfig = {
  schema: 'schema/*.graphql',
  generates: {
    'src/generated/graphql.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useTypeImports: true,
        useIndexSignature: true,
        enumsAsTypes: true,
        contextType: '../server/context.ts#GraphQLContext',
        scalars: { DateTime: 'Date | string', Date: 'string', ID: 'string' },
        mappers: {
          Province: `${models}#ProvinceModel`,
          Unit: '../modules/units/unit-store.ts#UnitEntity',
          UnitLineage: `${models}#UnitLineageModel`,
          AdministrativeCode: `${models}#AdministrativeCodeModel`,
          UnitConnection: `${models}#UnitConnectionModel`,
          UnitEdge: `${models}#UnitEdgeModel`,
          Procedure: '../modules/procedures/procedure-store.ts#ProcedureEntity',
          ProcedureChannel: '../modules/procedures/procedure-store.ts#ProcedureChannelEntity',
          ProcedureRequirement: '../modules/procedures/procedure-store.ts#ProcedureRequirementEntity',
          ProcedureConnection: `${models}#ProcedureConnectionModel`,
          ProcedureEdge: `${models}#ProcedureEdgeModel`,
          Dossier: '../modules/dossiers/dossier-store.ts#DossierEntity',
          DossierEvent: '../modules/dossiers/dossier-store.ts#DossierEventEntity',
          SupplementRequest: '../modules/dossiers/dossier-store.ts#SupplementEntity',
          DossierConnection: `${models}#DossierConnectionModel`,
          DossierEdge: `${models}#DossierEdgeModel`,
          Document: '../modules/documents/document-store.ts#DocumentEntity',
          Attachment: '../modules/documents/document-store.ts#AttachmentEntity',
          DocumentConnection: `${models}#DocumentConnectionModel`,
          DocumentEdge: `${models}#DocumentEdgeModel`,
          SyncRun: '../modules/sync/sync-run-store.ts#SyncRunEntity',
          SyncItem: '../modules/sync/sync-run-store.ts#SyncItemEntity',
          SyncRunConnection: '../modules/sync/sync-run-store.ts#SyncRunConnectionModel',
          SyncRunEdge: '../modules/sync/sync-run-store.ts#SyncRunEdgeModel',
          PortalStatus: '../modules/sync/sync-run-store.ts#PortalStatusEntity',
        },
      },
    },
  },
};

export default config;
