// The S3-compatible server for tests and `npm run cluster` (npm's s3rver, files in a folder),
// as a process of its own: `node s3rver-main.mjs DIR BUCKET[,BUCKET...]`. Binds port 0 on
// loopback and prints "s3rver listening on PORT" once it accepts requests.
import S3rver from "s3rver";

const [dir, buckets = "portal-media"] = process.argv.slice(2);
if (!dir) {
  console.error("usage: node s3rver-main.mjs DIR [BUCKET,...]");
  process.exit(2);
}
const server = new S3rver({
  address: "127.0.0.1",
  port: 0,
  directory: dir,
  silent: true,
  configureBuckets: buckets.split(",").map((name) => ({ name })),
});
const { port } = await server.run();
console.log(`s3rver listening on ${port}`);
const stop = () => server.close().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
