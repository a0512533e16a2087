// Running one of the project's commands as a person would (npm start, npm run bots, node scripts/…)
// from the project folder, with only the environment given: what it printed, and how it exited.
import { spawn } from "node:child_process";
import { projectRoot } from "../../src/infra/paths.ts";

export interface Ran {
  code: number | null;
  out: string;
  err: string;
}

/** Runs `command` with `args`, `input` piped in; resolves once it exits by itself. PATH and HOME are kept. */
export function run(command: string, args: string[], env: Record<string, string | undefined>, input = ""): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: projectRoot, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (err += d.toString("utf8")));
    child.on("close", (code) => resolve({ code, out, err }));
    child.stdin.end(input);
  });
}
