// What the benchmarks share: the bot run as it is deployed (the compiled build, its own process, the
// production node flags), its CPU time and peak memory read from /proc, and percentiles.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { projectRoot } from "../src/infra/paths.ts";

/**
 * The node flags and environment of a deployed bot, as in the Dockerfile and `npm start` (keep them
 * in step): a bounded heap with a small young generation, and one malloc arena, which together keep
 * the resident size near what is live. BENCH_PROD_ARGS / BENCH_PROD_ENV override them.
 */
export const PRODUCTION_NODE_ARGS = (process.env.BENCH_PROD_ARGS ?? "--max-old-space-size=192 --max-semi-space-size=8").split(" ").filter(Boolean);
export const PRODUCTION_ENV: Record<string, string> = Object.fromEntries(
  (process.env.BENCH_PROD_ENV ?? "MALLOC_ARENA_MAX=1").split(" ").filter(Boolean).map((kv) => kv.split("=") as [string, string]),
);

/** Bot processes still running: killed if the bench ends early, so nothing is left listening. */
const children = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

export function spawnBot(kind: "bare" | "sqlite" | "postgres", env: Record<string, string>): { child: ChildProcess; port: Promise<number>; log: () => string } {
  // The bot runs as it is deployed: the compiled build (`npm run build`, done at the start of the
  // run) with the production node flags. The bare bot is one small file run through tsx.
  const args = kind === "bare" ? ["--import", "tsx", "bench/bare-bot.ts"] : [...PRODUCTION_NODE_ARGS, "dist/src/main.js"];
  const { PATH, HOME } = process.env;
  // BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=tmp/prof" profiles the bot processes.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const prodEnv = kind === "bare" ? {} : PRODUCTION_ENV;
  const child = spawn(process.execPath, [...nodeArgs, ...args], { cwd: projectRoot, env: { PATH, HOME, ...prodEnv, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  children.add(child);
  child.once("exit", () => children.delete(child));
  let out = "";
  const port = new Promise<number>((resolve, reject) => {
    const scan = (chunk: Buffer) => {
      if (process.env.BENCH_VERBOSE) process.stderr.write(chunk);
      out += chunk.toString("utf8");
      for (const line of out.split("\n")) {
        if (!line.startsWith("{")) continue;
        try {
          const parsed = JSON.parse(line) as { ready?: boolean; msg?: string; port?: number };
          if ((parsed.ready || parsed.msg === "bot started") && parsed.port) resolve(parsed.port);
        } catch {
          // a partial line
        }
      }
    };
    child.stdout!.on("data", scan);
    child.stderr!.on("data", scan);
    child.once("exit", (code) => reject(new Error(`${args.at(-1)} exited with ${code}:\n${out.slice(-2000)}`)));
  });
  return { child, port, log: () => out };
}

/** CPU time (user + system) the process has used so far, in ms. */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

export function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/** SIGTERM, then SIGKILL if it has not exited after `graceMs`. */
export async function stopBot(child: ChildProcess, graceMs = 20_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}


/** `npm run build`: the benchmarks run the compiled bot, as it is deployed. */
export function buildBot(): void {
  process.stderr.write("building …\n");
  const build = spawnSync("npm", ["run", "--silent", "build"], { cwd: projectRoot, stdio: ["ignore", "ignore", "inherit"] });
  if (build.status !== 0) throw new Error("npm run build failed");
}
