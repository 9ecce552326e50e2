/**
 * The layers of lienthong, lowest first. A file may import its own layer and the ones below it,
 * never one above; no import cycles anywhere; the product never imports the portal sandbox.
 *
 *   base       config, logger, errors, metrics, http (JSON bodies in and out), random (seeded),
 *              request-scope (what a request carries to library callbacks),
 *              calendar (working days, pure: used by db to fill calendar_days, by seeds and by stores)
 *   db         embedded PostgreSQL, knex, migrations, keyset SQL, SQL helpers
 *   sources    the provincial databases: registry, health, federation, demo set
 *   runtime    databases + sources + health + metrics, opened once per process
 *   graphql    GraphQL plumbing: ids, pagination, connections, loaders, nested lists, scalars,
 *              viewer, entity models, context, generated types
 *   domain     src/modules/* (one per domain), src/sync (the portal job), src/auth (keys, tokens, limits), seeds/
 *   server     HTTP, the GraphQL route, schema assembly, per-request context, GraphiQL
 *   app        src/app.ts: the one assembly of the running hub
 *   entry      src/cli, src/bench
 */
const LAYERS = [
  ['base', '^src/((config|logger|errors|metrics|http|random|request-scope)[.]ts$|calendar/)'],
  ['db', '^src/db/'],
  ['sources', '^src/sources/'],
  ['runtime', '^src/runtime[.]ts$'],
  ['graphql', '^src/graphql/'],
  ['domain', '^(src/modules/|src/sync/|src/auth/|seeds/)'],
  ['server', '^src/server/'],
  ['app', '^src/app[.]ts$'],
  ['entry', '^src/(cli|bench)/'],
];

const upward = LAYERS.slice(0, -1).map(([name, path], i) => ({
  name: `no-upward-from-${name}`,
  comment: `the ${name} layer must not import a layer above it (${LAYERS.slice(i + 1)
    .map(([n]) => n)
    .join(', ')})`,
  severity: 'error',
  from: { path },
  to: { path: LAYERS.slice(i + 1).map(([, p]) => p) },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'import cycles make the layers meaningless',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...upward,
    {
      name: 'sync-job-below-the-api',
      comment: 'the portal job (src/sync) is used by the API module src/modules/sync, never the reverse',
      severity: 'error',
      from: { path: '^src/sync/' },
      to: { path: '^src/modules/' },
    },
    {
      name: 'product-never-imports-the-sandbox',
      comment:
        'the portal sandbox is a stand-in for the national portal; only its CLI command and the benchmarks start it',
      severity: 'error',
      from: {
        path: '^(src|seeds)/',
        pathNot: '^(src/portal-sandbox/|src/cli/commands/portal-sandbox[.]ts$|src/bench/)',
      },
      to: { path: '^src/portal-sandbox/' },
    },
    {
      name: 'sandbox-uses-only-the-wire-format',
      comment: 'the sandbox may share the payload schema and the base layer, nothing else of the product',
      severity: 'error',
      from: { path: '^src/portal-sandbox/' },
      to: {
        path: '^(src|seeds)/',
        pathNot:
          '^(src/portal-sandbox/|src/sync/payload-schema[.]ts$|src/(config|logger|errors|http|random)[.]ts$)',
      },
    },
    {
      name: 'no-tests-from-product',
      severity: 'error',
      from: { path: '^(src|seeds)/' },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.mjs', '.js'] },
  },
};
