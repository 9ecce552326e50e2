import { BadUserInputError } from '../../errors.ts';
import { singleSourceConnection, type Connection } from '../../graphql/connection.ts';
import { decodeId, encodeId, requireId } from '../../graphql/ids.ts';
import { pageRequest, type PageArgs } from '../../graphql/pagination.ts';
import { type Viewer } from '../../graphql/viewer.ts';
import type { Runtime } from '../../runtime.ts';
import { AUDIT_ORDER, AUDIT_SOURCE, auditStore, type AuditListFilter } from './audit-store.ts';
import type { AuditRecordEntity } from '../../graphql/models.ts';
import type { QueryAuditLogArgs } from '../../graphql/generated/schema-types.ts';

export type AuditLogArgs = PageArgs & Pick<Partial<QueryAuditLogArgs>, 'filter'>;

/** Actors are `key:<id>` or `oidc:<subject>`; anything longer than this is no actor. */
export const MAX_ACTOR_LENGTH = 300;

/**
 * A dossier filter as the store matches it: the canonical global id (records hold ids as the API issued
 * them, and one id has several base64url spellings). A malformed id or another type's is the caller's error.
 */
export function canonicalDossierId(id: string, argument: string): string {
  const d = requireId(id, 'Dossier', argument);
  return encodeId('Dossier', d.province, d.localId);
}

/** Checks an actor filter: not blank, not absurdly long; matched exactly as recorded. */
export function actorFilter(actor: string, argument: string): string {
  if (actor.trim() === '')
    throw new BadUserInputError(`Argument "${argument}" must not be empty`, { argument });
  if (actor.length > MAX_ACTOR_LENGTH) {
    throw new BadUserInputError(
      `Argument "${argument}" is too long (${actor.length} characters, at most ${MAX_ACTOR_LENGTH})`,
      { argument },
    );
  }
  return actor;
}

/** The store filter of `Query.auditLog`'s `filter` argument, validated before any SQL. */
export function auditFilterOf(f: AuditLogArgs['filter']): AuditListFilter {
  if (!f) return {};
  if (f.from && f.to && f.from > f.to) {
    throw new BadUserInputError(
      `Argument "filter" period is empty: filter.from ${f.from} is after filter.to ${f.to}`,
      { argument: 'filter.from' },
    );
  }
  return {
    actor: f.actor == null ? undefined : actorFilter(f.actor, 'filter.actor'),
    dossier: f.dossier == null ? undefined : canonicalDossierId(f.dossier, 'filter.dossier'),
    fromDate: f.from ?? undefined,
    toDate: f.to ?? undefined,
  };
}

/**
 * A record as an auditor limited to some provinces sees it: a request that read several provinces shows
 * up for each of their auditors (so mixing in another province hides nothing), listing only the dossiers
 * of the auditor's own provinces (so it reveals nothing of the others).
 */
function redact(r: AuditRecordEntity, provinces: ReadonlySet<string>): AuditRecordEntity {
  const keep = r.dossiers.map((id) => {
    const d = decodeId(id);
    return d !== undefined && provinces.has(d.province);
  });
  return {
    ...r,
    dossiers: r.dossiers.filter((_, i) => keep[i]),
    dossierCodes: r.dossierCodes.filter((_, i) => keep[i]),
  };
}

/** The audit trail of personal data, read from the hub database (scope `audit:read`). */
export function createAuditService(rt: Pick<Runtime, 'hub'>, viewer: Viewer) {
  const store = auditStore(rt.hub);
  return {
    /** Records newest first; a Relay connection over the hub. */
    async list(args: AuditLogArgs): Promise<Connection<AuditRecordEntity>> {
      const page = pageRequest(args, AUDIT_ORDER);
      // an auditor limited to some provinces reads the records of their dossiers only
      const filter = {
        ...auditFilterOf(args.filter),
        withinProvinces: viewer.provinces ? [...viewer.provinces] : undefined,
      };
      const rows =
        page.limit === 0
          ? []
          : await store.list(filter, { spec: AUDIT_ORDER, from: page.from, limit: page.limit + 1 });
      const shown = viewer.provinces
        ? rows.map((r) => ({ ...r, entity: redact(r.entity, viewer.provinces!) }))
        : rows;
      return singleSourceConnection(AUDIT_SOURCE, AUDIT_ORDER, page, shown, () => store.count(filter));
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;

declare module '../../graphql/context.ts' {
  interface Services {
    audit: AuditService;
  }
}
