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

/** A budget of points per window, per key; what one refusal says is the wait. */
export interface Limiter {
  /** Takes `points` from the key's budget; the seconds to wait when there were not enough (nothing taken). */
  take(key: string, points?: number): Promise<number | undefined>;
  /** The seconds to wait when the key's budget is already spent (nothing taken). */
  spent(key: string): Promise<number | undefined>;
}

const waitOf = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

/**
 * `points` per rolling window of `seconds`, per key, in this process's memory (rate-limiter-flexible); 0
 * points: no limit. With N hub instances behind a balancer a caller may get up to N times the limit.
 */
export function createLimiter(points: number, seconds: number, name: string): Limiter {
  if (points <= 0) return { take: async () => undefined, spent: async () => undefined };
  const limiter = new RateLimiterMemory({ keyPrefix: name, points, duration: seconds });
  return {
    async take(key, n = 1) {
      if (n <= 0) return undefined;
      try {
        await limiter.consume(key, n);
        return undefined;
      } catch (res) {
        if (!(res instanceof RateLimiterRes)) throw res;
        return waitOf(res);
      }
    },
    async spent(key) {
      const res = await limiter.get(key);
      return res && res.remainingPoints <= 0 ? waitOf(res) : undefined;
    },
  };
}

/** Per-caller limits per rolling minute (README "Access"). */
export function createCallerLimits(cfg: AccessConfig['rateLimit']): CallerLimits {
  const requests = createLimiter(cfg.requestsPerMinute, 60, 'requests');
  const cost = createLimiter(cfg.costPerMinute, 60, 'cost');
  const over = (limit: OverLimit['limit'], perMinute: number) => (wait: number | undefined) =>
    wait === undefined ? undefined : { retryAfterSeconds: wait, limit, perMinute };
  return {
    takeRequest: (caller) => requests.take(caller).then(over('requests', cfg.requestsPerMinute)),
    takeCost: (caller, points) => cost.take(caller, points).then(over('cost', cfg.costPerMinute)),
    remaining: (caller) => requests.spent(caller).then(over('requests', cfg.requestsPerMinute)),
  };
}
