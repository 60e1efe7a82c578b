// Another instance's process, for tests of what must cross processes (tests/int/instances.test.ts):
// the real listener (lib/events/instance.ts), the 410 set and the scheduler's timer, with the
// scheduler's trigger publishing directly (no Next server to POST to). Started with
// `node --conditions=react-server --import tsx` so that "server-only" imports as Next has it.
// Commands on stdin, one a line; answers on stdout as JSON lines:
//   gone <id>   → {"gone": <id>, "is": bool}
//   state       → {"dueAt": number|null, "connected": bool}
//   (the timer) → {"published": [ids]} whenever its publishDue flipped rows
import { createInterface } from "node:readline";
import { publishDue } from "../../lib/actions/core/publish-due";
import { isGone } from "../../lib/data/gone";
import { startEvents } from "../../lib/events/instance";
import { schedulerState, setSchedulerTrigger } from "../../lib/scheduler";

const say = (o: unknown) => process.stdout.write(`${JSON.stringify(o)}\n`);

setSchedulerTrigger(async () => {
  const r = await publishDue();
  if (r.ids.length) say({ published: r.ids });
});
const listener = startEvents()!;

createInterface({ input: process.stdin }).on("line", (line) => {
  const [cmd, arg] = line.trim().split(/\s+/);
  if (cmd === "gone") void isGone(Number(arg)).then((is) => say({ gone: Number(arg), is }));
  else if (cmd === "state") say({ ...schedulerState(), connected: listener.connected() });
});
process.stdin.on("end", () => process.exit(0));
