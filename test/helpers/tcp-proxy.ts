import net from 'node:net';

/**
 * A loopback TCP proxy that a test can cut and restore, to make a source unreachable and back. It counts
 * the connections clients open, so a test can tell "tried and failed" from "did not try at all".
 */
export async function startProxy(targetPort: number) {
  const sockets = new Set<net.Socket>();
  let cut = false;
  let connections = 0;
  const server = net.createServer((client) => {
    connections += 1;
    if (cut) return void client.destroy();
    const upstream = net.connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
  });
  const port = await new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)),
  );
  return {
    port,
    /** Connections opened through the proxy so far, including the ones it dropped while cut. */
    get connections() {
      return connections;
    },
    /** Kills the open connections and drops every new one as soon as it arrives. */
    async cut() {
      cut = true;
      for (const s of sockets) s.destroy();
      sockets.clear();
    },
    /** Forwards new connections again. */
    async restore() {
      cut = false;
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
    },
  };
}
