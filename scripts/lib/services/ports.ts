// Servers that cannot be told "any free port" (Redis, nginx): a port the kernel hands out is
// tried, and when the server finds it taken after all (another process got it in between),
// another one is, a few times. The race is made harmless rather than narrowed, as in
// lib/server/embedded-postgres.ts. A server that can bind port 0 itself (next start, s3rver)
// should do that instead.
import { kernelPickedPort } from "../../../lib/server/embedded-postgres";

export const PORT_ATTEMPTS = 5;

/** Runs `start` on kernel-picked ports until it succeeds or fails for another reason than a taken port. */
export async function onSomePort<T>(start: (port: number) => Promise<T>, taken: (e: unknown) => boolean): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const port = await kernelPickedPort();
    try {
      return await start(port);
    } catch (e) {
      if (!taken(e) || attempt >= PORT_ATTEMPTS) throw e;
    }
  }
}
