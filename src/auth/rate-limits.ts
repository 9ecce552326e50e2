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
  /** An OverLimit when the caller's request budget is already spent (nothing is counted). */
  remaining(caller: string): Promise<OverLimit | undefined>;
}

/**
 * Whom a limit counts against: a key or token subject by its id, an anonymous caller by its address (the
 * socket's; the hub trusts no forwarding header, so behind a proxy every anonymous caller is the proxy).
 */
export const callerOf = (viewer: Viewer, clientAddress: string) =>
  viewer.kind === 'anonymous' ? addressKey(clientAddress) : viewer.id;

/**
 * The budget an address draws on: an IPv4 address by itself, an IPv6 address by its /64 (one subscriber
 * usually holds a whole /64, and could otherwise rotate through it for fresh budgets).
 */
export function addressKey(address: string): string {
  const v4 = /^(?:::ffff:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (v4) return `addr:${v4[1]}`;
  if (!address.includes(':')) return `addr:${address}`;
  const [head, tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `addr6:${groups
    .slice(0, 4)
    .map((g) => parseInt(g || '0', 16).toString(16))
    .join(':')}::/64`;
}

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
    async remaining(caller) {
      const res = requests && (await requests.get(caller));
      if (!res || res.remainingPoints > 0) return undefined;
      return {
        retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
        limit: 'requests',
        perMinute: cfg.requestsPerMinute,
      };
    },
  };
}
