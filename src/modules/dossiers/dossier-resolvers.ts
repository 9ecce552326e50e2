import type { Resolvers } from '../../graphql/generated/resolvers.ts';
import { encodeId } from '../../graphql/ids.ts';
import { fromSource } from '../../graphql/loaders.ts';
import { embedPlan, type Relations } from '../../graphql/embed.ts';
import type { GraphQLContext } from '../../graphql/context.ts';
import type { DossierEntity } from '../../graphql/models.ts';
import { DOSSIER_STATUSES, statusName } from './dossier-service.ts';
import {
  checkedName,
  column,
  dateTime,
  globalId,
  listOf,
  named,
  renderObject,
  toOne,
  type Renders,
} from '../../graphql/render.ts';
import { EVENTS_OF, timelinessSql } from './dossier-store.ts';
import { DOCUMENTS_OF_DOSSIER } from '../documents/document-store.ts';

export const dossierResolvers: Resolvers = {
  Query: {
    dossiers: (_, args, ctx, info) => ctx.dossiers.list(args, embedPlan(ctx, info, 'Dossier')),
    dossier: (_, args, ctx, info) => fromSource(ctx.fed, info, ctx.dossiers.get(args)),
  },
  Dossier: {
    id: (d) => encodeId('Dossier', d.province, d.id),
    province: (d, _, ctx) => ctx.provinces.of(d),
    aliases: (d, _, ctx, info) => fromSource(ctx.fed, info, ctx.dossiers.aliases(d)),
    procedure: (d, _, ctx, info) =>
      fromSource(ctx.fed, info, ctx.procedures.load({ province: d.province, id: d.procedureId })),
    receivingUnit: (d, _, ctx, info) =>
      fromSource(ctx.fed, info, ctx.units.load({ province: d.province, id: d.receivingUnitId })),
    handlingUnit: (d, _, ctx, info) =>
      d.handlingUnitId == null
        ? null
        : fromSource(ctx.fed, info, ctx.units.load({ province: d.province, id: d.handlingUnitId })),
    applicant: (d) => d,
    status: (d) => statusName(d.statusCode),
    supplements: (d, _, ctx, info) => fromSource(ctx.fed, info, ctx.dossiers.supplements(d)),
    events: (d, _, ctx, info) => fromSource(ctx.fed, info, ctx.dossiers.events(d)),
    documents: (d, _, ctx, info) => fromSource(ctx.fed, info, ctx.documents.ofDossier(d)),
  },
  Applicant: {
    type: (d) => d.applicant.type,
    name: (d, _, ctx) => ctx.dossiers.applicantName(d),
    idNumber: (d, _, ctx) => ctx.dossiers.applicantIdNumber(d),
    phone: (d, _, ctx) => ctx.dossiers.applicantPhone(d),
  },
  DossierEvent: {
    status: (e) => statusName(e.statusCode),
    unit: (e, _, ctx, info) =>
      e.unitId == null
        ? null
        : fromSource(ctx.fed, info, ctx.units.load({ province: e.province, id: e.unitId })),
  },
  DossierConnection: { totalCount: (c, _, ctx, info) => fromSource(ctx.fed, info, c.totalCount()) },
};

/** Dossier relations the dossier list's statement can read (src/graphql/embed.ts). */
export const dossierRelations: Relations<GraphQLContext> = {
  'Dossier.procedure': (ctx, source) =>
    ctx.procedures.embedById(source, 'procedure_id', (d: DossierEntity) => ({
      province: d.province,
      id: d.procedureId,
    })),
  'Dossier.receivingUnit': (ctx, source) =>
    ctx.units.embedById(source, 'receiving_unit_id', (d: DossierEntity) => ({
      province: d.province,
      id: d.receivingUnitId,
    })),
  'Dossier.handlingUnit': (ctx, source) =>
    ctx.units.embedById(source, 'handling_unit_id', (d: DossierEntity) =>
      d.handlingUnitId == null ? null : { province: d.province, id: d.handlingUnitId },
    ),
  'Dossier.events': (ctx, source) => ctx.dossiers.embedEvents(source),
  'Dossier.documents': (ctx, source) => ctx.documents.embedOfDossier(source),
};

/** What PostgreSQL writes as JSON for a rendered read of dossiers (src/graphql/render.ts). */
export const dossierRenders: Renders<GraphQLContext> = {
  roots: {
    dossiers: (ctx, field) =>
      ctx.dossiers.render(
        field.args,
        field,
        (source, fields) => renderObject({ ctx, source, renders: ctx.renders! }, 'Dossier', fields, 'd', 'd'),
        (fields) => fields.some((f) => dossierRelations[`Dossier.${f.name}`] !== undefined),
      ),
  },
  fields: {
    'Dossier.id': globalId('Dossier'),
    'Dossier.code': column('code'),
    'Dossier.status': named('status', DOSSIER_STATUSES, 'SUBMITTED'),
    'Dossier.statusCode': column('status'),
    'Dossier.channel': checkedName('channel'),
    'Dossier.submittedAt': dateTime('submitted_at'),
    'Dossier.receivedAt': dateTime('received_at'),
    'Dossier.dueAt': dateTime('due_at'),
    'Dossier.resolvedAt': dateTime('finished_at'),
    'Dossier.returnedAt': dateTime('returned_at'),
    // the expression reads the dossier as `d`: the list's own rows
    'Dossier.timeliness': (s, _f, row) =>
      row === 'd' ? { sql: `'"' || ${timelinessSql('?')} || '"'`, bindings: [s.ctx.requestTime] } : undefined,
    'Dossier.apologyIssued': column('apology_issued'),
    'Dossier.satisfaction': column('satisfaction'),
    'Dossier.procedure': toOne('procedures', 'procedure_id', 'Procedure'),
    'Dossier.receivingUnit': toOne('units', 'receiving_unit_id', 'Unit'),
    'Dossier.handlingUnit': toOne('units', 'handling_unit_id', 'Unit'),
    'Dossier.events': listOf('DossierEvent', EVENTS_OF.from, EVENTS_OF.order),
    'Dossier.documents': listOf('Document', DOCUMENTS_OF_DOSSIER.from, DOCUMENTS_OF_DOSSIER.order),
    'DossierEvent.occurredAt': dateTime('occurred_at'),
    'DossierEvent.status': named('status', DOSSIER_STATUSES, 'SUBMITTED'),
    'DossierEvent.actor': column('actor'),
    'DossierEvent.note': column('note'),
  },
};
