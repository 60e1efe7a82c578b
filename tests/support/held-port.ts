// The e2e server's address, held for the whole run. Picking a free port, closing it and
// then asking `next start` to bind it leaves a window in which another process (another
// test run, a browser, any outgoing connection) can take it. Instead the setup keeps
// listening on its port from before the build to teardown, `next start -p 0` lets the kernel
// choose its own port atomically, and every connection is piped through unchanged (same
// Host header, so SITE_URL, canonical links and server-action origin checks all see the
// address the tests use).
import net from "node:net";

export type HeldPort = {
  port: number;
  /** Where connections go from now on (next start's own port). */
  forwardTo: (port: number) => void;
  close: () => Promise<void>;
};

export async function holdPort(host = "127.0.0.1"): Promise<HeldPort> {
  let target: number | null = null;
  const open = new Set<net.Socket>();
  const track = (s: net.Socket) => {
    open.add(s);
    s.once("close", () => open.delete(s));
  };
  const server = net.createServer({ allowHalfOpen: true }, (client) => {
    track(client);
    // Before next start is up nobody is told the address, so this only refuses strays.
    if (target === null) return void client.destroy();
    const upstream = net.connect({ port: target, host, allowHalfOpen: true });
    track(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on("error", drop);
    upstream.on("error", drop);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, host, () => resolve());
  });
  return {
    port: (server.address() as net.AddressInfo).port,
    forwardTo: (port) => {
      target = port;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}
