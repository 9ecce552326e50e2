import { BrokenCircuitError } from 'cockatiel';
import { describe, expect, it } from 'vitest';
import { ErrorCode, PortalError } from '../../src/errors.ts';
import { createPortalPolicy } from '../../src/sync/portal-policy.ts';
import type { RetryNotice } from '../../src/sync/portal-policy.ts';

/** The one retry and breaker policy of the sync job and verify, against scripted portal calls. */

const unavailable = (retryAfterMs?: number) =>
  new PortalError('portal answered 503', {
    code: ErrorCode.PORTAL_UNAVAILABLE,
    transient: true,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
const refused = () =>
  new PortalError('portal answered 400', { code: ErrorCode.PORTAL_REFUSED, transient: false });

/** A call that throws the scripted errors in turn, then answers 'ok'; counts its attempts. */
function scripted(...errors: PortalError[]) {
  const call = {
    attempts: 0,
    run: async () => {
      const error = errors[call.attempts++];
      if (error) throw error;
      return 'ok';
    },
  };
  return call;
}

describe('portal policy', () => {
  it('retries transient failures with growing, capped delays', async () => {
    const policy = createPortalPolicy({ initialDelayMs: 2, maxDelayMs: 8 });
    const call = scripted(unavailable(), unavailable(), unavailable(), unavailable());
    const notices: RetryNotice[] = [];
    expect(await policy.execute(call.run, (n) => notices.push(n))).toBe('ok');
    expect(call.attempts).toBe(5);
    expect(notices.map((n) => n.attempt)).toEqual([2, 3, 4, 5]);
    for (const n of notices) {
      expect(n.delayMs).toBeGreaterThanOrEqual(0);
      expect(n.delayMs).toBeLessThanOrEqual(8);
      expect(n.error).toBeInstanceOf(PortalError);
    }
  });

  it('waits at least the Retry-After the portal asked for, up to its cap', async () => {
    const policy = createPortalPolicy({ initialDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 40 });
    const call = scripted(unavailable(30), unavailable(5_000));
    const notices: RetryNotice[] = [];
    expect(await policy.execute(call.run, (n) => notices.push(n))).toBe('ok');
    expect(notices.map((n) => n.delayMs)).toEqual([30, 40]);
  });

  it('gives up after maxAttempts, and never retries a permanent failure', async () => {
    const policy = createPortalPolicy({ initialDelayMs: 1, maxDelayMs: 1, maxAttempts: 3 });
    const transient = scripted(unavailable(), unavailable(), unavailable(), unavailable());
    await expect(policy.execute(transient.run)).rejects.toThrow('portal answered 503');
    expect(transient.attempts).toBe(3);
    const permanent = scripted(refused());
    await expect(policy.execute(permanent.run)).rejects.toThrow('portal answered 400');
    expect(permanent.attempts).toBe(1);
  });

  it('opens its breaker after consecutive failures across calls, and then calls nothing', async () => {
    const policy = createPortalPolicy({ initialDelayMs: 1, maxDelayMs: 1, breakerThreshold: 4 });
    const first = scripted(unavailable(), unavailable(), unavailable(), unavailable());
    await expect(policy.execute(first.run)).rejects.toBeInstanceOf(BrokenCircuitError);
    expect(first.attempts).toBe(4);
    expect(policy.lastFailure()).toBeInstanceOf(PortalError);
    const second = scripted();
    await expect(policy.execute(second.run)).rejects.toBeInstanceOf(BrokenCircuitError);
    expect(second.attempts).toBe(0);
  });
});
