import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What a request carries down to callbacks it cannot pass arguments to (knex's statement events, cursor
 * coding deep in connections): its statement tally, its deadline, its cursor key. All share one
 * AsyncLocalStorage: Node 20 keeps each storage's value on every promise made under it, so one storage
 * costs one property a promise where three cost three (a dossier page makes hundreds of promises).
 */
const storage = new AsyncLocalStorage<Readonly<Record<symbol, unknown>>>();

/** One value of the request scope; `run` sets it for everything `fn` starts, the others stay. */
export class ScopeSlot<T> {
  private readonly key: symbol;
  constructor(name: string) {
    this.key = Symbol(name);
  }
  run<R>(value: T, fn: () => R): R {
    return storage.run({ ...storage.getStore(), [this.key]: value }, fn);
  }
  get(): T | undefined {
    return storage.getStore()?.[this.key] as T | undefined;
  }
}

/**
 * The scope current now, to run work in that a library starts later from somewhere else: a bulkhead
 * starts a queued call when another call ends, inside that other call's scope, which would count the
 * queued call's statements and apply its deadline for the wrong request.
 */
export function captureScope(): <R>(fn: () => R) => R {
  const store = storage.getStore();
  return (fn) => (store ? storage.run(store, fn) : fn());
}
