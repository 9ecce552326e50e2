import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { AccessConfig } from '../config.ts';
import type { Viewer } from '../graphql/viewer.ts';

/** A refusal: how long until the caller may try again. */
export interface OverLimit {
  retryAfterSeconds: number;
  /** What ran out, for the message: requests or cost per minute. */
  limit: 'requests' | 'cost';
  perMinute: number;
}

export interface CallerLimits {
  /** Counts one request of this caller; an OverLimit when it is one too many this minute. */
  takeRequest(caller: string): Promise<OverLimit | undefined>;
  /** Counts an operation's estimated cost (README "Limits"); an OverLimit when the minute's budget is spent. */
  takeCost(caller: string, cost: number): Promise<OverLimit | undefined>;
}

/**
 * Whom a limit counts against: a key or token subject by its id, an anonymous caller by its address (the
 * socket's; the hub trusts no forwarding header, so behind a proxy every anonymous caller is the proxy).
 */
export const callerOf = (viewer: Viewer, clientAddress: string) =>
  viewer.kind === 'anonymous' ? `addr:${clientAddress}` : viewer.id;

/**
 * Per-caller limits per rolling minute, kept in this process's memory (rate-limiter-flexible): with N hub
 * instances behind a balancer a caller may get up to N times the limit (README "Access").
 */
export function createCallerLimits(cfg: AccessConfig['rateLimit']): CallerLimits {
  const limiter = (points: number) =>
    points > 0 ? new RateLimiterMemory({ points, duration: 60 }) : undefined;
  const requests = limiter(cfg.requestsPerMinute);
  const cost = limiter(cfg.costPerMinute);
  const take = async (
    l: RateLimiterMemory | undefined,
    caller: string,
    points: number,
    what: OverLimit['limit'],
    perMinute: number,
  ): Promise<OverLimit | undefined> => {
    if (!l || points <= 0) return undefined;
    try {
      await l.consume(caller, points);
      return undefined;
    } catch (res) {
      if (!(res instanceof RateLimiterRes)) throw res;
      return { retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)), limit: what, perMinute };
    }
  };
  return {
    takeRequest: (caller) => take(requests, caller, 1, 'requests', cfg.requestsPerMinute),
    takeCost: (caller, points) => take(cost, caller, points, 'cost', cfg.costPerMinute),
  };
}
