import client from 'prom-client';

/** Distinct operation names kept as label values; later ones share `other` (each costs ~15 series). */
export const MAX_OPERATION_LABELS = 100;
const OPERATION_LABEL_LENGTH = 100;

/** One registry per runtime (not prom-client's global), so several hubs can live in one test process. */
export interface Metrics {
  registry: client.Registry;
  /**
   * The label value for a GraphQL operation name: the name itself for the first MAX_OPERATION_LABELS
   * distinct names, `other` after that (clients choose names, so they must not choose the series count),
   * `anonymous` for none.
   */
  operationLabel(name: string | null | undefined): string;
  sqlQueries: client.Counter<'source'>;
  graphqlRequests: client.Counter<'operation' | 'status'>;
  graphqlDuration: client.Histogram<'operation'>;
  sourceUp: client.Gauge<'source'>;
  syncItems: client.Counter<'province' | 'outcome'>;
}

function boundedLabels(max: number): (name: string | null | undefined) => string {
  const seen = new Set<string>();
  return (name) => {
    if (!name) return 'anonymous';
    const label = name.slice(0, OPERATION_LABEL_LENGTH);
    if (seen.has(label)) return label;
    if (seen.size >= max) return 'other';
    seen.add(label);
    return label;
  };
}

export function createMetrics(opts: { maxOperationLabels?: number } = {}): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'lienthong_' });
  return {
    registry,
    operationLabel: boundedLabels(opts.maxOperationLabels ?? MAX_OPERATION_LABELS),
    sqlQueries: new client.Counter({
      name: 'lienthong_sql_queries_total',
      help: 'SQL statements sent, by source (province code, or "hub")',
      labelNames: ['source'],
      registers: [registry],
    }),
    graphqlRequests: new client.Counter({
      name: 'lienthong_graphql_requests_total',
      help: 'GraphQL requests by operation name and outcome',
      labelNames: ['operation', 'status'],
      registers: [registry],
    }),
    graphqlDuration: new client.Histogram({
      name: 'lienthong_graphql_request_duration_seconds',
      help: 'GraphQL request duration by operation name',
      labelNames: ['operation'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    sourceUp: new client.Gauge({
      name: 'lienthong_source_up',
      help: '1 when the provincial source answered its last health check',
      labelNames: ['source'],
      registers: [registry],
    }),
    syncItems: new client.Counter({
      name: 'lienthong_sync_items_total',
      help: 'Procedures pushed to the national portal by outcome',
      labelNames: ['province', 'outcome'],
      registers: [registry],
    }),
  };
}
