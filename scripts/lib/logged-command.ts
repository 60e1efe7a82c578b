// Child processes whose output goes to a log file, for the scripts (bench) and the test
// setups: one way to run them and to show the end of their log when something fails.
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, readFileSync } from "node:fs";

/** Runs a command with its output in `logFile`; resolves with the exit code once the log is on disk. */
export function runLogged(cmd: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(logFile);
    const p = spawn(cmd, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    p.stdout.pipe(out, { end: false });
    p.stderr.pipe(out, { end: false });
    p.on("error", reject);
    p.on("close", (code) => out.end(() => resolve(code ?? 1)));
  });
}

/** The last `n` lines of a log file, for an error message. */
export function tail(file: string, n = 80): string {
  return existsSync(file) ? readFileSync(file, "utf8").split("\n").slice(-n).join("\n") : "(no log)";
}

/** `next` run by this Node directly: no npx in between, so the child is the server itself. */
export const NEXT_BIN = ["node_modules/next/dist/bin/next"];
