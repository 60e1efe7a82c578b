// Retained heap of a Node process, through its inspector: a full garbage collection, then
// process.memoryUsage(). Run as a child with `node --experimental-websocket` (Node 20 has no
// global WebSocket otherwise):  node --experimental-websocket heap-after-gc.mjs ws://127.0.0.1:PORT/ID
// Prints {"title": "...", "heapUsed": N, "rss": N} on stdout.
const ws = new WebSocket(process.argv[2]);
let id = 0;
const pending = new Map();
const call = (method, params = {}) =>
  new Promise((resolve, reject) => {
    pending.set(++id, { resolve, reject });
    ws.send(JSON.stringify({ id, method, params }));
  });
ws.onmessage = (e) => {
  const m = JSON.parse(e.data);
  const p = pending.get(m.id);
  if (!p) return;
  pending.delete(m.id);
  if (m.error) p.reject(new Error(m.error.message));
  else p.resolve(m.result);
};
ws.onerror = () => {
  console.error("inspector connection failed");
  process.exit(1);
};
ws.onopen = async () => {
  await call("HeapProfiler.collectGarbage");
  await call("HeapProfiler.collectGarbage"); // a second pass frees what the first finalised
  const r = await call("Runtime.evaluate", {
    expression: "JSON.stringify({ title: process.title, heapUsed: process.memoryUsage().heapUsed, rss: process.memoryUsage().rss })",
    returnByValue: true,
  });
  console.log(r.result.value);
  ws.close();
  process.exit(0);
};
