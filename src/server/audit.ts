import type { ApolloServerPlugin } from '@apollo/server';
import { timeout, TimeoutStrategy } from 'cockatiel';
import { ErrorCode } from '../errors.ts';
import type { GraphQLContext } from '../graphql/context.ts';
import type { Logger } from '../logger.ts';
import type { AuditEntry } from '../modules/audit/audit-store.ts';

/**
 * One audit record for every response that shows personal data unmasked (Decree 13/2023/NĐ-CP): who,
 * which request and operation, which dossiers and fields, never the values. The record is written before
 * the response leaves; when it cannot be written, the response leaves without its data (fail closed).
 */
export function auditPlugin<C extends GraphQLContext>(opts: {
  append: (entry: AuditEntry) => Promise<void>;
  /** A write that takes longer (a locked table, a hub database that hangs) counts as failed. */
  timeoutMs: number;
  log: Logger;
  /** Told when a response was withheld, so the route logs and counts it like any error. */
  onWithheld?: (ctx: C) => void;
}): ApolloServerPlugin<C> {
  const limit = timeout(opts.timeoutMs, TimeoutStrategy.Aggressive);
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue: ctx, operationName }) {
          if (ctx.disclosures.empty || response.body.kind !== 'single') return;
          const { dossiers, dossierCodes, fields, provinces } = ctx.disclosures.summary();
          try {
            await limit.execute(() =>
              opts.append({
                actor: ctx.viewer.id,
                action: 'pii:read',
                requestId: ctx.requestId,
                operation: operationName?.slice(0, 200) ?? null,
                dossiers,
                dossierCodes,
                fields,
                provinces,
              }),
            );
          } catch (err) {
            opts.log.error('audit record not written: personal data withheld', {
              requestId: ctx.requestId,
              actor: ctx.viewer.id,
              dossiers: dossiers.length,
              error: (err as Error).message,
            });
            const result = response.body.singleResult;
            result.data = null;
            result.errors = [
              {
                message:
                  'The answer holds personal data and its audit record could not be written, so it was not sent; try again later',
                extensions: { code: ErrorCode.AUDIT_UNAVAILABLE },
              },
            ];
            response.http.status = 503;
            opts.onWithheld?.(ctx);
          }
        },
      };
    },
  };
}
