// `npm run migrate`: applies pending migrations to DATABASE_URL (what `prisma migrate deploy`
// does, without Prisma's native engine).
import { envOrExit } from "../lib/env";
import { migrate } from "../lib/server/migrate";

const url = envOrExit().DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set: npm run migrate applies migrations to your own PostgreSQL (npm start migrates the embedded one itself).");
  process.exit(1);
}
migrate(url, { log: (m) => console.log(m) })
  .then((applied) => {
    console.log(applied.length ? `${applied.length} migration(s) applied` : "database schema is up to date");
    process.exit(0);
  })
  .catch((e) => {
    console.error((e as Error).message);
    process.exit(1);
  });
