// Invites as QR codes, drawn by the renderer the core is given: one picture per platform, each the
// code of exactly what its caption says to scan (the Telegram deep link; on Zalo, the invite code
// where the bot has no link). Only where the deployment asks for them, as the deployed bot does.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRenderer } from "../../src/infra/render/renderer.ts";
import { createHarness, OPERATOR, type Harness } from "../helpers/harness.ts";
import { pngSize } from "./digests/seed.ts";

const codeIn = (text: string | undefined) => /Mã mời: ([A-Z0-9]{5}-[A-Z0-9]{5})/.exec(text ?? "")?.[1];

async function createBranch(h: Harness, name: string) {
  await h.send(OPERATOR, "/taochibo");
  await h.send(OPERATOR, name);
  return h.press(OPERATOR, "Xác nhận");
}

describe("invite QR codes", () => {
  let withQr: Harness;
  let without: Harness;
  beforeAll(async () => {
    withQr = await createHarness({ inviteQrCodes: true });
    without = await createHarness();
  });
  afterAll(async () => {
    await withQr.close();
    await without.close();
  });

  it("follow a new branch's invite, one per platform, each a PNG of what its caption says to scan", async () => {
    const [created, ...pictures] = await createBranch(withQr, "Chi bộ Khoa Ngữ văn");
    const code = codeIn(created?.text)!;
    expect(code).toBeDefined();
    const raw = code.replace("-", "");
    const files = pictures.map((p) => p.files?.[0]);
    expect(files.map((f) => f?.name)).toEqual([`ma-moi-${raw}-telegram.png`, `ma-moi-${raw}-zalo.png`]);
    expect(pictures[0]?.text).toContain("Telegram");
    expect(pictures[1]?.text).toContain(code);
    const render = createRenderer();
    const expected = [`https://t.me/chibo_test_bot?start=${raw}`, code];
    for (const [i, file] of files.entries()) {
      const png = Buffer.from(file!.data, "base64");
      expect(file?.mime).toBe("image/png");
      expect(pngSize(png).width).toBeGreaterThan(100);
      expect(png.equals(await render.qrPng(expected[i]!))).toBe(true);
    }
  });

  it("are not sent where the deployment does not ask for them", async () => {
    const replies = await createBranch(without, "Chi bộ Khoa Lịch sử");
    expect(codeIn(replies[0]?.text)).toBeDefined();
    expect(replies.flatMap((r) => r.files ?? [])).toEqual([]);
  });
});
