// Addressing and wording of everything the bot sends: each person in their own language, to their
// preferred chat, through the outbox of the current unit of work. Messages to members (everything
// but the replies to a person's own message, which the engine queues itself) keep to their branch's
// quiet hours, whenever they were planned for.
import { outsideQuietHours } from "../domain/calendar/quiet.ts";
import type { Branch, Identity, Member } from "../domain/model.ts";
import type { Clock, TranslateArgs, Translator } from "../ports/runtime.ts";
import type { NewOutboxItem, Tx } from "../ports/store.ts";
import { LOCALES, type Audience, type Locale, type OutMessage } from "../types.ts";
import { Priority, type PriorityLevel } from "./priority.ts";

export type T = (key: string, args?: TranslateArgs) => string;

export interface SendOptions {
  /** When it is planned for; a message to a member still waits for the end of their branch's quiet hours. */
  notBefore?: Date;
  /** After this the message is no longer useful (a reminder for a meeting that has started). */
  giveUpAt?: Date | null;
  /** How much it matters when the bot runs short of its monthly quota (default: a notice). */
  priority?: PriorityLevel;
  /** Sent to the member as a holder of this role: not sent if they no longer hold it by then. */
  audience?: Audience;
}

export interface Messages {
  translator: Translator;
  localeOf(member: Pick<Member, "locale"> | null, branch: Pick<Branch, "locale"> | null, identity?: Pick<Identity, "locale"> | null): Locale;
  bind(locale: Locale): T;
  /** Queues a message to the member's preferred chat. False when no chat of theirs can receive it. */
  toMember(tx: Tx, member: Member, branch: Branch | null, key: string, build: (t: T, locale: Locale) => OutMessage, opts?: SendOptions): Promise<boolean>;
  /**
   * Queues one message to each of many members of a branch in a few statements (a reminder to a
   * whole branch): the same addressing as toMember, keys that exist are skipped. Returns the keys
   * inserted, and how many of those could not be delivered (no active chat: written as failed).
   */
  toMembers(tx: Tx, branch: Branch | null, recipients: Recipient[], opts?: SendOptions): Promise<{ inserted: string[]; unreachable: number }>;
  /** Queues a message to one chat. (Its choices can be answered by typing once it is delivered.) */
  toIdentity(tx: Tx, identity: Identity, key: string, message: OutMessage, opts?: SendOptions & { memberId?: string | null }): Promise<void>;
  /** The chat a member's messages go to: the preferred platform if active, else the most recent. */
  preferredIdentity(member: Member, identities: Identity[]): Identity | null;
}

export interface Recipient extends SendOptions {
  member: Member;
  key: string;
  build: (t: T, locale: Locale) => OutMessage;
  /** Overrides the call's branch (one call for the members of many branches). */
  branch?: Branch | null;
}

export function asLocale(value: string | null | undefined): Locale | null {
  return value && (LOCALES as readonly string[]).includes(value) ? (value as Locale) : null;
}

export function createMessages(translator: Translator, defaultLocale: Locale, clock: Clock): Messages {
  const bind = (locale: Locale): T => (key, args) => translator.t(locale, key, args);

  const preferredIdentity = (member: Member, identities: Identity[]): Identity | null => {
    const active = identities.filter((i) => i.active && i.memberId === member.id);
    const preferred = active.find((i) => i.platform === member.preferredPlatform);
    if (preferred) return preferred;
    return active.sort((a, b) => (b.lastSeenAt?.getTime() ?? 0) - (a.lastSeenAt?.getTime() ?? 0))[0] ?? null;
  };

  /**
   * When a message to a member of `branch` planned for `planned` may go. The same for every member
   * of a branch: a whole branch's (or province's) reminders work it out once per branch and time.
   */
  type NotBefore = (branch: Branch, planned: Date | undefined, giveUpAt: Date | null) => Date;
  const notBeforeNow: NotBefore = (branch, planned, giveUpAt) => {
    const now = clock.now();
    return outsideQuietHours(planned ?? now, now, branch.timezone, { start: branch.quietStart, end: branch.quietEnd }, giveUpAt);
  };
  const notBeforeOnce = (): NotBefore => {
    const now = clock.now();
    const known = new Map<string, Date>();
    return (branch, planned, giveUpAt) => {
      const key = `${branch.timezone}|${branch.quietStart}|${branch.quietEnd}|${planned?.getTime()}|${giveUpAt?.getTime()}`;
      let at = known.get(key);
      if (!at) known.set(key, (at = outsideQuietHours(planned ?? now, now, branch.timezone, { start: branch.quietStart, end: branch.quietEnd }, giveUpAt)));
      return at;
    };
  };

  /** The outbox item of one message to a member: to their preferred chat, or failed when none can receive it. */
  const addressed = (identities: Identity[], callBranch: Branch | null, r: Recipient, opts: SendOptions, notBefore: NotBefore = notBeforeNow) => {
    const { member } = r;
    const branch = r.branch !== undefined ? r.branch : callBranch;
    const target = preferredIdentity(member, identities);
    const locale = messages.localeOf(member, branch, target);
    const message = { ...r.build(bind(locale), locale), locale };
    const planned = r.notBefore ?? opts.notBefore;
    const giveUpAt = r.giveUpAt !== undefined ? r.giveUpAt : (opts.giveUpAt ?? null);
    // Kept as a failed item so the secretary's digest can say who could not be reached.
    const via = target ?? identities[0];
    const item: NewOutboxItem = {
      key: r.key,
      memberId: member.id,
      identityId: via?.id ?? null,
      platform: via?.platform ?? "CONSOLE",
      botAccountId: via?.botAccountId ?? null,
      chatId: via?.chatId ?? "",
      payload: message,
      priority: r.priority ?? opts.priority ?? Priority.notice,
      audience: r.audience ?? opts.audience ?? null,
      notBefore: branch ? notBefore(branch, planned, giveUpAt) : (planned ?? new Date(0)),
      giveUpAt,
      ...(target ? {} : { undeliverable: identities.length ? "chat-inactive" : "no-chat" }),
    };
    return { item, target, message };
  };

  const messages: Messages = {
    translator,
    bind,
    preferredIdentity,
    localeOf(member, branch, identity) {
      return asLocale(member?.locale) ?? asLocale(identity?.locale) ?? asLocale(branch?.locale) ?? defaultLocale;
    },

    async toMember(tx, member, branch, key, build, opts = {}) {
      const identities = await tx.identities.listForMember(member.id);
      // Addressed once (chat, language, quiet hours, priority, audience); without a chat it is
      // written as failed, so the secretary's digest can say who could not be reached.
      const { item, target } = addressed(identities, branch, { member, key, build }, opts);
      await tx.outbox.enqueue([item]);
      return target !== null;
    },

    async toMembers(tx, branch, recipients, opts = {}) {
      if (!recipients.length) return { inserted: [], unreachable: 0 };
      const identities = await tx.identities.listForMembers(recipients.map((r) => r.member.id));
      const byMember = new Map<string, Identity[]>();
      for (const i of identities.sort((a, b) => (b.lastSeenAt?.getTime() ?? 0) - (a.lastSeenAt?.getTime() ?? 0))) {
        if (i.memberId) byMember.set(i.memberId, [...(byMember.get(i.memberId) ?? []), i]);
      }
      const notBefore = notBeforeOnce();
      const built = recipients.map((r) => addressed(byMember.get(r.member.id) ?? [], branch, r, opts, notBefore));
      const inserted = await tx.outbox.insertNew(built.map((b) => b.item));
      const fresh = new Set(inserted);
      const unreachable = built.filter((b) => !b.target && fresh.has(b.item.key)).length;
      return { inserted, unreachable };
    },

    async toIdentity(tx, identity, key, message, opts = {}) {
      const item: NewOutboxItem = {
        key,
        memberId: opts.memberId ?? identity.memberId,
        identityId: identity.id,
        platform: identity.platform,
        botAccountId: identity.botAccountId,
        chatId: identity.chatId,
        payload: { ...message, locale: message.locale ?? messages.localeOf(null, null, identity) },
        priority: opts.priority ?? Priority.notice,
        audience: opts.audience ?? null,
        notBefore: opts.notBefore ?? new Date(0),
        giveUpAt: opts.giveUpAt ?? null,
      };
      await tx.outbox.enqueue([item]);
    },
  };
  return messages;
}
