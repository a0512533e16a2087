// What every adapter must hand the core, whatever the platform: the same person doing the same
// things (following an invite, typing a name, picking a choice, a command with an argument, a
// sticker or a photo, an update the platform delivers twice) arrives as the same InboundEvent. The
// events are taken where the core receives them (its engine), from the real adapter on the real core.
// Where platforms differ by design, what the core reads is the same: a pressed button (Telegram) and
// the number typed from a numbered list (Zalo, the terminal) pick the same choice of the message the
// person was shown; "/start CODE" from an invite link and the typed "start CODE" name the same
// command. Run it with a fixture per way in (telegram/, zalo/ and console/inbound.contract.test.ts),
// on SQLite: what differs between the runs is the adapter, the core is the same on either database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Core } from "../../src/core/core.ts";
import { generateCode } from "../../src/core/domain/invites.ts";
import { matchChoice } from "../../src/core/engine/answers.ts";
import type { Choice, InboundEvent, OutMessage, Platform } from "../../src/core/types.ts";
import { defaultBotAccountId } from "../../src/core/types.ts";
import { loadLocales } from "../../src/infra/i18n/fluent.ts";
import { localesDir } from "../../src/infra/paths.ts";
import type { PrismaStore } from "../../src/infra/prisma/store.ts";

/** Someone writing to the bot: `key` names them in the fixture, `name` is their profile name. */
export interface Person {
  key: string;
  name: string;
}

export interface InboundFixture {
  /** The core the adapter feeds. The contract watches its engine to see the events arrive. */
  core: Core;
  store: PrismaStore;
  /** The core's clock. */
  now(): Date;
  /** The ids the platform gives this person: every event of theirs carries these. */
  idsOf(person: Person): { userId: string; chatId: string };
  /** Whether the platform tells the bot the person's profile name (the terminal does not). */
  carriesNames: boolean;
  /** The person types `text`. Each of these returns the texts the person was shown because of it. */
  type(person: Person, text: string): Promise<string[]>;
  /** The person picks the offered choice `label` the platform's way: presses its button, or types its number. */
  pick(person: Person, label: string): Promise<string[]>;
  /** The person follows an invite with `code` the platform's way: opens its link, or types what the invite says. */
  openInvite(person: Person, code: string): Promise<string[]>;
  /** The person sends a sticker or a photo; absent where they cannot (the terminal). */
  sendOther?(person: Person, kind: "sticker" | "photo"): Promise<string[]>;
  /** The platform delivers the last update once more (a webhook retry, a poll after a crash); absent where nothing is redelivered. */
  redeliverLast?(): Promise<string[]>;
  close(): Promise<void>;
}

export interface InboundContract {
  name: string;
  platform: Platform;
  create(): Promise<InboundFixture>;
}

/** What the core makes of an event: a command, a choice, text for the step it is at, or "text, please". */
type Reading = { command: string; args: string } | { choice: string } | { text: string } | { unsupported: string };

/**
 * An event read as the core's engine reads it (engine.ts, route): a pressed choice; a slash command;
 * a typed answer to the choices just offered ("2", the label); a command typed without its slash;
 * else text.
 */
function reading(core: Core, event: InboundEvent, offered: Choice[]): Reading {
  if (event.unsupported) return { unsupported: event.unsupported };
  if (event.choice !== undefined) return { choice: event.choice };
  const text = (event.text ?? "").trim();
  const slash = /^\/([A-Za-z0-9_]+)(?:@[A-Za-z0-9_]+)?(?:\s+([\s\S]*))?$/.exec(text);
  if (slash) return { command: slash[1]!.toLowerCase(), args: slash[2]?.trim() ?? "" };
  const picked = matchChoice(offered, text);
  if (picked) return { choice: picked.action };
  const [word = "", ...rest] = text.split(/\s+/);
  if (core.registry.command(word.toLowerCase())) return { command: word.toLowerCase(), args: rest.join(" ") };
  return { text };
}

const { translator } = loadLocales(localesDir, { strict: true });
/** The first line of a locale text: enough to recognise the message whatever the platform adds around it. */
const says = (locale: "vi" | "en", key: string, args: Record<string, string> = {}) => translator.t(locale, key, args).split("\n")[0]!;

export function inboundContract(c: InboundContract): void {
  describe(`${c.name} inbound contract`, () => {
    const an: Person = { key: "an", name: "An Trần" };
    const branch = "Chi bộ Khu phố 7";
    let f: InboundFixture;
    let code: string;
    const events: InboundEvent[] = [];
    const seenIds = new Set<string>();

    /** The choices of the last message the core sent the person, from the outbox (platform-neutral). */
    async function offeredTo(person: Person): Promise<Choice[]> {
      const [last] = await f.store.db.outbox.findMany({ where: { platform: c.platform, chatId: f.idsOf(person).chatId }, orderBy: { id: "desc" }, take: 1 });
      return ((last?.payload as OutMessage | undefined)?.choices ?? []).flat();
    }

    /**
     * Does `act`, and returns the one event it brought the core, what the core read in it, and what
     * the person saw. A new update has an id the core has not had from this platform before.
     */
    async function one(person: Person, act: () => Promise<string[]>, redelivered = false): Promise<{ event: InboundEvent; read: Reading; saw: string[] }> {
      const offered = await offeredTo(person);
      const before = events.length;
      const saw = await act();
      expect(events.length - before, "events the core received").toBe(1);
      const event = events.at(-1)!;
      expectEnvelope(event, person);
      if (!redelivered) {
        expect(seenIds.has(event.updateId), `update id ${event.updateId} again`).toBe(false);
        seenIds.add(event.updateId);
      }
      return { event, read: reading(f.core, event, offered), saw };
    }

    /** What every event carries, whatever it says. */
    function expectEnvelope(event: InboundEvent, person: Person): void {
      expect(event.platform).toBe(c.platform);
      // The person's ids: the replies go to chatId, through the bot account the event came through.
      expect({ userId: event.userId, chatId: event.chatId }).toEqual(f.idsOf(person));
      expect(event.botAccountId ?? defaultBotAccountId(c.platform)).toBe(defaultBotAccountId(c.platform));
      expect(typeof event.updateId).toBe("string");
      expect(event.updateId.length).toBeGreaterThan(0);
      expect(event.receivedAt).toBeInstanceOf(Date);
      expect(Number.isNaN(event.receivedAt.getTime())).toBe(false);
      // One thing said at a time.
      expect([event.text !== undefined, event.choice !== undefined, event.unsupported !== undefined].filter(Boolean)).toHaveLength(1);
      if (f.carriesNames) expect(event.displayName).toBe(person.name);
      else expect(event.displayName).toBeUndefined();
    }

    beforeAll(async () => {
      f = await c.create();
      const handle = f.core.engine.handle.bind(f.core.engine);
      f.core.engine.handle = (event, onHandled) => {
        events.push(structuredClone(event));
        return handle(event, onHandled);
      };
      code = generateCode();
      await f.store.tx(async (tx) => {
        const made = await tx.branches.create({ name: branch, timezone: "Asia/Ho_Chi_Minh", locale: "vi" });
        await tx.invites.create({ branchId: made.id, code, grantsSecretary: false, grantsAdmin: false, maxUses: 5, expiresAt: new Date(f.now().getTime() + 7 * 86_400_000), createdById: null });
      });
    });
    afterAll(() => f?.close());

    it("an invite followed: the start command with the code", async () => {
      const { read, saw } = await one(an, () => f.openInvite(an, code));
      expect(read).toEqual({ command: "start", args: code });
      expect(saw.join("\n")).toContain(says("vi", "onboarding-ask-name", { branch }));
    });

    it("plain text: as typed", async () => {
      const { event, read, saw } = await one(an, () => f.type(an, "Trần Văn An"));
      expect(read).toEqual({ text: "Trần Văn An" });
      expect(event.text).toBe("Trần Văn An");
      expect(saw.join("\n")).toContain(says("vi", "onboarding-privacy"));
    });

    it("a choice, pressed or typed by its number: the choice of the message shown", async () => {
      const offered = await offeredTo(an);
      const agree = offered.find((ch) => ch.label === says("vi", "onboarding-agree"));
      expect(agree).toBeDefined();
      const { read, saw } = await one(an, () => f.pick(an, agree!.label));
      expect(read).toEqual({ choice: agree!.action });
      expect(saw.join("\n")).toContain(says("vi", "onboarding-confirm", { branch, name: "", role: "" }));
      // The next one ends the joining: the same member whichever way it was picked.
      const confirm = (await offeredTo(an)).find((ch) => ch.label === "Xác nhận")!;
      expect((await one(an, () => f.pick(an, confirm.label))).read).toEqual({ choice: confirm.action });
      const members = await f.store.db.member.findMany({ select: { fullName: true, status: true } });
      expect(members).toEqual([{ fullName: "Trần Văn An", status: "ACTIVE" }]);
    });

    it("a command with an argument: the command and its argument", async () => {
      const { read, saw } = await one(an, () => f.type(an, "/lienket 4829 1375"));
      expect(read).toEqual({ command: "lienket", args: "4829 1375" });
      expect(saw.join("\n")).toContain(says("vi", "link-code-unknown"));
    });

    it("a later choice than the first: the same choice, not its neighbour", async () => {
      expect((await one(an, () => f.type(an, "/ngonngu"))).read).toEqual({ command: "ngonngu", args: "" });
      const english = (await offeredTo(an)).find((ch) => ch.label === "English");
      expect(english).toBeDefined();
      const { read, saw } = await one(an, () => f.pick(an, "English"));
      expect(read).toEqual({ choice: english!.action });
      expect(saw.join("\n")).toContain(says("en", "language-changed"));
    });

    it("a sticker and a photo: something the core cannot read, named alike on every platform", async ({ skip }) => {
      if (!f.sendOther) return skip("no stickers or photos here");
      for (const [kind, named] of [
        ["sticker", "sticker"],
        ["photo", "image"],
      ] as const) {
        const { read, saw } = await one(an, () => f.sendOther!(an, kind));
        expect(read).toEqual({ unsupported: named });
        expect(saw.join("\n")).toContain(says("en", "input-unsupported"));
      }
    });

    it("an update delivered again: the same update id, answered once", async ({ skip }) => {
      if (!f.redeliverLast) return skip("nothing is delivered twice here");
      const last = events.at(-1)!;
      const { event, saw } = await one(an, () => f.redeliverLast!(), true);
      expect(event.updateId).toBe(last.updateId);
      expect({ ...event, receivedAt: null }).toEqual({ ...last, receivedAt: null });
      expect(saw).toEqual([]);
    });
  });
}
