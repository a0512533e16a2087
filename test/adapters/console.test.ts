// The README's run command with no token: a chat in the terminal, driven through a pipe as a
// newcomer would (printf '/trogiup\n' | npm start), on a fresh SQLite file.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/infra/paths.ts";
import { messengerTerminal } from "./console/terminal.ts";
import { eventually } from "../helpers/eventually.ts";
import { run, type Ran } from "../helpers/run.ts";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function freshDb(): { url: string; file: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "chibo-console-"));
  dirs.push(dir);
  const file = path.join(dir, "data", "chibo.db");
  return { url: `file:${file}`, file };
}

/** Runs the bot with `input` piped in; resolves with what it printed once it exits by itself. */
function runBot(input: string, url: string, command: "npm" | "node" = "node", extraEnv: Record<string, string> = {}): Promise<Ran> {
  const [program, args] = command === "npm" ? ["npm", ["start", "--silent"]] : [process.execPath, ["--import", "tsx", "src/main.ts"]];
  return run(program as string, args as string[], { DATABASE_URL: url, TELEGRAM_BOT_TOKEN: "", ZALO_BOT_TOKEN: "", ...extraEnv }, input);
}

describe("the terminal chat", () => {
  it("npm start with no token answers /trogiup in Vietnamese and exits on EOF", async () => {
    const { url } = freshDb();
    const { code, out } = await runBot("/trogiup\n", url, "npm");
    expect(code).toBe(0);
    expect(out).toContain("[operator] > /trogiup");
    expect(out).toContain("Trợ lý Chi bộ giúp chi bộ nhắc lịch sinh hoạt");
    expect(out).toContain("/taochibo (/newbranch) – Tạo chi bộ mới");
  });

  it("an operator creates a branch and another local user joins; bad input changes nothing", async () => {
    const { url, file } = freshDb();
    const first = await runBot(["/taochibo", "Chi bộ Trường THCS Nguyễn Trãi", "1"].join("\n") + "\n", url);
    expect(first.code).toBe(0);
    const code = /Mã mời: ([A-Z0-9]{5}-[A-Z0-9]{5})/.exec(first.out)?.[1];
    expect(code).toBeDefined();

    const long = "Đ".repeat(5000);
    const script = ["@an", "", long, "/khonglenh", "start SAIMA-22222", `start ${code}`, "trần thị bình", "dong y", "Xác nhận", "/trogiup"];
    const second = await runBot(script.join("\n") + "\n", url);
    expect(second.code).toBe(0);
    expect(second.out).toContain("Tin nhắn trống.");
    expect(second.out).toContain("Tin nhắn quá dài (5.000 ký tự)");
    expect(second.out).toContain("Không có lệnh /khonglenh");
    expect(second.out).toContain("Mã mời không đúng.");
    expect(second.out).toContain("Chào mừng đồng chí Trần Thị Bình đã tham gia Chi bộ Trường THCS Nguyễn Trãi!");
    expect(second.out).toContain("Trợ lý Chi bộ – Chi bộ Trường THCS Nguyễn Trãi.");

    const db = new Database(file, { readonly: true });
    const members = db.prepare('SELECT "fullName", "isAdmin", "isSecretary" FROM "Member"').all();
    db.close();
    expect(members).toEqual([{ fullName: "Trần Thị Bình", isAdmin: 1, isSecretary: 1 }]);
  });

  it("a wrong setting stops start-up naming the variable", async () => {
    const child = await new Promise<{ code: number | null; err: string }>((resolve) => {
      const p = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], { cwd: projectRoot, env: { PATH: process.env.PATH, PORT: "eighty" }, stdio: ["ignore", "ignore", "pipe"] });
      let err = "";
      p.stderr.on("data", (d: Buffer) => (err += d.toString()));
      p.on("close", (code) => resolve({ code, err }));
    });
    expect(child.code).toBe(1);
    expect(child.err).toContain("PORT must be a port number");
  });
});

describe("the terminal chat's output (issue 13, bug 14)", () => {
  it("log lines never appear in the conversation: they go to a file beside the database", async () => {
    const { url, file } = freshDb();
    const child = await new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
      const p = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
        cwd: projectRoot,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: url, LOG_LEVEL: "info" },
        stdio: ["pipe", "pipe", "pipe"],
      });
      let out = "";
      let err = "";
      p.stdout.on("data", (d: Buffer) => (out += d.toString("utf8")));
      p.stderr.on("data", (d: Buffer) => (err += d.toString("utf8")));
      p.on("close", (code) => resolve({ code, out, err }));
      p.stdin.end("/trogiup\n");
    });
    expect(child.code).toBe(0);
    expect(child.out).toContain("[operator] > /trogiup");
    expect(child.out).not.toContain('"level"');
    expect(child.err).not.toContain('"level"');
    const log = readFileSync(path.join(path.dirname(file), "chibo-console.log"), "utf8");
    expect(log).toContain('"msg":"bot started"');
  });

  it("files go beside the database (or to FILES_DIR), and the saved line stays under its own message", async () => {
    const { url, file } = freshDb();
    const first = await runBot(["/taochibo", "Chi bộ Khu phố 3", "1"].join("\n") + "\n", url);
    const code = /Mã mời: ([A-Z0-9]{5}-[A-Z0-9]{5})/.exec(first.out)?.[1];
    const second = await runBot(["@an", `start ${code}`, "Nguyễn Văn An", "1", "1", "/dulieu"].join("\n") + "\n", url);
    const filesDir = path.join(path.dirname(file), "files");
    const saved = /\[Tệp (\S+) đã lưu tại (\S+)\]/.exec(second.out);
    expect(saved?.[2]).toBe(path.join(filesDir, saved![1]!));
    expect(existsSync(saved![2]!)).toBe(true);
    const custom = path.join(path.dirname(file), "khac");
    const third = await runBot("@an\n/dulieu\n", url, "node", { FILES_DIR: custom });
    expect(third.out).toContain(`đã lưu tại ${custom}${path.sep}`);
  });
});

describe("the terminal chat's messenger", () => {
  const setupConsole = (extra: Parameters<typeof messengerTerminal>[0] = {}) => {
    const terminal = messengerTerminal(extra);
    dirs.push(terminal.dir);
    return terminal;
  };

  it("labels the assistant in the message's language", async () => {
    const { adapter, output } = setupConsole();
    await adapter.messenger.send("operator", { text: "Hello", locale: "en" });
    await adapter.messenger.send("an", { text: "Xin chào", locale: "vi" });
    expect(output()).toContain("Assistant:\n  Hello");
    expect(output()).toContain("Trợ lý → an:\n  Xin chào");
  });

  it("a file's saved line is printed under its own message even when another message goes out meanwhile", async () => {
    const { adapter, output } = setupConsole();
    const file = { name: "du-lieu.json", mime: "application/json", data: Buffer.from("{}").toString("base64") };
    await Promise.all([adapter.messenger.send("an", { text: "Dữ liệu của đồng chí", files: [file], locale: "vi" }), adapter.messenger.send("binh", { text: "Nhắc lịch", locale: "vi" })]);
    const text = output();
    const block = text.split("\n\n").find((b) => b.includes("Dữ liệu của đồng chí"));
    expect(block).toContain("[Tệp du-lieu.json đã lưu tại");
    const other = text.split("\n\n").find((b) => b.includes("Nhắc lịch"));
    expect(other).not.toContain("[Tệp");
  });

  it("deletes the files it saved once their time is up (they hold personal data), and nothing else in the folder", async () => {
    const input = new PassThrough();
    const { adapter, dir, output } = setupConsole({ input, fileTtlMs: 300, fileSweepMs: 10 });
    writeFileSync(path.join(dir, "ghi-chu.txt"), "not the bot's");
    const running = adapter.run(async () => {});
    const file = { name: "du-lieu-cua-toi.json", mime: "application/json", data: Buffer.from("{}").toString("base64") };
    await adapter.messenger.send("an", { text: "Dữ liệu của đồng chí", files: [file], locale: "vi" });
    expect(output()).toContain("[Tệp có dữ liệu cá nhân, sẽ tự động xóa sau 1 giờ.]");
    expect(existsSync(path.join(dir, "du-lieu-cua-toi.json"))).toBe(true);
    await eventually(() => !existsSync(path.join(dir, "du-lieu-cua-toi.json")), "the personal file to be removed");
    expect(readdirSync(dir).filter((f) => !f.startsWith("."))).toEqual(["ghi-chu.txt"]);
    input.end();
    await running;
  });
});
