// The undici client against the fake Zalo Bot API, and against servers that misbehave in ways the
// fake does not (HTML error pages, silence, echoing the URL back).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createZaloClient, ZaloApiError, type ZaloClient } from "../../../src/adapters/zalo/client.ts";
import { FakeZaloApi, ZALO_ERRORS } from "../../helpers/fake-zalo-api.ts";
import { listenLoopback } from "../../helpers/loopback.ts";

async function failure(p: Promise<unknown>): Promise<ZaloApiError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof ZaloApiError)) throw new Error(`expected a ZaloApiError, got ${String(err)}`);
  return err;
}

describe.each([{ errorStatus: "error-code" as const }, { errorStatus: 200 as const }])("Zalo client (errors sent with HTTP $errorStatus)", ({ errorStatus }) => {
  let fake: FakeZaloApi;
  let client: ZaloClient;
  beforeAll(async () => {
    fake = await new FakeZaloApi({ errorStatus, maxPollMs: 50 }).start();
    client = createZaloClient({ token: fake.token, apiRoot: `${fake.apiRoot}/`, timeoutMs: 5_000 });
  });
  afterAll(async () => {
    await client.close();
    await fake.stop();
  });

  it("calls methods with POST and JSON under /bot<token>/, returning the result", async () => {
    expect(await client.getMe()).toMatchObject({ id: fake.botId, account_type: "BASIC" });
    const sent = await client.sendMessage("6ede9afa66b88fe6d6a9", "Xin chào đồng chí");
    expect(sent.message_id).toMatch(/^[0-9a-f]{20}$/);
    expect(fake.callsTo("sendMessage").at(-1)?.payload).toEqual({ chat_id: "6ede9afa66b88fe6d6a9", text: "Xin chào đồng chí" });
    await client.sendPhoto("6ede9afa66b88fe6d6a9", "https://example.org/a.png", "Ảnh");
    expect(fake.callsTo("sendPhoto").at(-1)?.payload).toEqual({ chat_id: "6ede9afa66b88fe6d6a9", photo: "https://example.org/a.png", caption: "Ảnh" });
    await expect(client.sendChatAction("6ede9afa66b88fe6d6a9", "typing")).resolves.toBeUndefined();
  });

  it("registers, reads and deletes the webhook", async () => {
    expect(await client.setWebhook("https://bot.example.org/zalo/webhook", "secret-of-8+")).toMatchObject({ url: "https://bot.example.org/zalo/webhook" });
    expect(fake.callsTo("setWebhook").at(-1)?.payload).toEqual({ url: "https://bot.example.org/zalo/webhook", secret_token: "secret-of-8+" });
    expect((await client.getWebhookInfo()).url).toBe("https://bot.example.org/zalo/webhook");
    expect((await client.deleteWebhook()).url).toBe("");
  });

  it("long-polls with the timeout as a string; 408 means nothing new; one update per call", async () => {
    expect(await client.getUpdates({ timeoutSeconds: 1 })).toEqual([]);
    expect(fake.callsTo("getUpdates").at(-1)?.payload).toEqual({ timeout: "1" });
    const update = fake.textEvent({ id: "u1" }, "trogiup");
    void fake.push(update);
    expect(await client.getUpdates({ timeoutSeconds: 1 })).toEqual([update]);
  });

  it("maps Zalo's error envelope to a typed error with the error code", async () => {
    fake.failNext("sendMessage", ZALO_ERRORS.quota);
    const err = await failure(client.sendMessage("c", "x"));
    expect(err).toMatchObject({ code: "ZALO_API_ERROR", method: "sendMessage", errorCode: 429, description: "Quota exceeded" });
    expect(err.message).toBe("Zalo sendMessage failed: 429 Quota exceeded");
  });

  it("refuses text Zalo would reject without calling it", async () => {
    const calls = fake.calls.length;
    expect(await failure(client.sendMessage("c", ""))).toMatchObject({ code: "ZALO_INVALID_REQUEST" });
    expect(await failure(client.sendMessage("c", "a".repeat(2001)))).toMatchObject({ code: "ZALO_INVALID_REQUEST" });
    expect(await failure(client.sendPhoto("c", "https://x/y.png", "a".repeat(2001)))).toMatchObject({ code: "ZALO_INVALID_REQUEST" });
    expect(fake.calls.length).toBe(calls);
    await client.sendMessage("c", "a".repeat(2000));
  });

  it("a wrong token is a 401 whose message does not contain the token", async () => {
    const token = "1459232241454765289:wrong-token-value";
    const wrong = createZaloClient({ token, apiRoot: fake.apiRoot });
    const err = await failure(wrong.getMe());
    expect(err).toMatchObject({ code: "ZALO_API_ERROR", errorCode: 401 });
    expect(`${err.message} ${err.stack} ${JSON.stringify(err)}`).not.toContain("wrong-token-value");
    await wrong.close();
  });
});

describe("Zalo client when the network or the server misbehaves", () => {
  const token = "1459232241454765289:secret-token-part";
  const clean = (err: ZaloApiError) => expect(`${err.message} ${err.stack} ${JSON.stringify(err)}`).not.toContain("secret-token-part");

  it("a refused connection is a network error without the token", async () => {
    const server = await listenLoopback(() => undefined);
    await server.close();
    const client = createZaloClient({ token, apiRoot: server.url });
    const err = await failure(client.getMe());
    expect(err.code).toBe("ZALO_NETWORK_ERROR");
    expect(err.message).toContain("getMe");
    clean(err);
    await client.close();
  });

  it("an answer that is not Zalo's envelope is an HTTP error with the status", async () => {
    const server = await listenLoopback((_req, res) => res.writeHead(502, { "content-type": "text/html" }).end("<html>Bad Gateway</html>"));
    const client = createZaloClient({ token, apiRoot: server.url });
    expect(await failure(client.sendMessage("c", "x"))).toMatchObject({ code: "ZALO_HTTP_ERROR", errorCode: 502 });
    await client.close();
    await server.close();
  });

  it("a server that never answers times out; a stopped poll is aborted", async () => {
    const server = await listenLoopback(() => undefined);
    const client = createZaloClient({ token, apiRoot: server.url, timeoutMs: 100 });
    const err = await failure(client.getMe());
    expect(err).toMatchObject({ code: "ZALO_TIMEOUT", description: "no answer within 100 ms" });
    clean(err);
    const abort = new AbortController();
    const poll = client.getUpdates({ timeoutSeconds: 30, signal: abort.signal });
    abort.abort();
    expect(await failure(poll)).toMatchObject({ code: "ZALO_ABORTED", method: "getUpdates" });
    await client.close();
    await server.close();
  });

  it("a long poll waits the poll time plus 5 seconds before timing out", async () => {
    const server = await listenLoopback(() => undefined);
    const client = createZaloClient({ token, apiRoot: server.url, timeoutMs: 100 });
    expect(await failure(client.getUpdates({ timeoutSeconds: 0 }))).toMatchObject({ code: "ZALO_TIMEOUT", description: "no answer within 5000 ms" });
    await client.close();
    await server.close();
  });

  it("scrubs the token from whatever the server says; accepts a list of updates", async () => {
    const server = await listenLoopback((req, res) => {
      if (req.url?.endsWith("/getUpdates")) return res.end(JSON.stringify({ ok: true, result: [{ event_name: "message.text.received" }, null] }));
      res.writeHead(400).end(JSON.stringify({ ok: false, error_code: 400, description: `No such method at ${req.url}` }));
    });
    const client = createZaloClient({ token, apiRoot: server.url });
    const err = await failure(client.getWebhookInfo());
    expect(err.description).toBe("No such method at /bot[redacted]/getWebhookInfo");
    clean(err);
    expect(await client.getUpdates()).toEqual([{ event_name: "message.text.received" }]);
    await client.close();
    await server.close();
  });
});
