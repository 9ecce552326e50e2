import { ScopeSlot } from '../request-scope.ts';

/** Per-request SQL statement counts, carried through async calls so knex's query hook can find them. */
export interface StatementTally {
  total: number;
  bySource: Record<string, number>;
}

const storage = new ScopeSlot<StatementTally>('statement tally');

export function withStatementTally<T>(fn: () => T): { tally: StatementTally; result: T } {
  const tally: StatementTally = { total: 0, bySource: {} };
  return { tally, result: storage.run(tally, fn) };
}

export function recordStatement(source: string): void {
  const tally = storage.get();
  if (!tally) return;
  tally.total += 1;
  tally.bySource[source] = (tally.bySource[source] ?? 0) + 1;
}

/** The tally of the request the caller runs for, if any: lets tests tell a request's SQL from background work. */
export function currentStatementTally(): StatementTally | undefined {
  return storage.get();
}
