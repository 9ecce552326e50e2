import client from 'prom-client';

/** One registry per runtime (not prom-client's global), so several hubs can live in one test process. */
export interface Metrics {
  registry: client.Registry;
  sqlQueries: client.Counter<'source'>;
  graphqlRequests: client.Counter<'operation' | 'status'>;
  graphqlDuration: client.Histogram<'operation'>;
  sourceUp: client.Gauge<'source'>;
  syncItems: client.Counter<'province' | 'outcome'>;
}

export function createMetrics(): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'lienthong_' });
  return {
    registry,
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
