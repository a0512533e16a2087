// Addressing and wording of everything the bot sends: each person in their own language, to their
// preferred chat, through the outbox of the current unit of work.
import type { Branch, Identity, Member } from "../domain/model.ts";
import type { TranslateArgs, Translator } from "../ports/runtime.ts";
import type { NewOutboxItem, Tx } from "../ports/store.ts";
import { LOCALES, type Choice, type Locale, type OutMessage } from "../types.ts";

export type T = (key: string, args?: TranslateArgs) => string;

export interface SendOptions {
  notBefore?: Date;
  /** After this the message is no longer useful (a reminder for a meeting that has started). */
  giveUpAt?: Date | null;
}

export interface Messages {
  translator: Translator;
  localeOf(member: Pick<Member, "locale"> | null, branch: Pick<Branch, "locale"> | null, identity?: Pick<Identity, "locale"> | null): Locale;
  bind(locale: Locale): T;
  /** Queues a message to the member's preferred chat. False when no chat of theirs can receive it. */
  toMember(tx: Tx, member: Member, branch: Branch | null, key: string, build: (t: T, locale: Locale) => OutMessage, opts?: SendOptions): Promise<boolean>;
  /** Queues a message to one chat. */
  toIdentity(tx: Tx, identity: Identity, key: string, message: OutMessage, opts?: SendOptions & { memberId?: string | null }): Promise<void>;
  /** The chat a member's messages go to: the preferred platform if active, else the most recent. */
  preferredIdentity(member: Member, identities: Identity[]): Identity | null;
}

export function asLocale(value: string | null | undefined): Locale | null {
  return value && (LOCALES as readonly string[]).includes(value) ? (value as Locale) : null;
}

/** Choices as stored on the identity, so that "2" or a typed label can pick one later. */
export function flattenChoices(message: OutMessage): Choice[] | null {
  const flat = (message.choices ?? []).flat();
  return flat.length ? flat : null;
}

export function createMessages(translator: Translator, defaultLocale: Locale): Messages {
  const bind = (locale: Locale): T => (key, args) => translator.t(locale, key, args);

  const preferredIdentity = (member: Member, identities: Identity[]): Identity | null => {
    const active = identities.filter((i) => i.active && i.memberId === member.id);
    const preferred = active.find((i) => i.platform === member.preferredPlatform);
    if (preferred) return preferred;
    return active.sort((a, b) => (b.lastSeenAt?.getTime() ?? 0) - (a.lastSeenAt?.getTime() ?? 0))[0] ?? null;
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
      const target = preferredIdentity(member, identities);
      const locale = messages.localeOf(member, branch, target);
      const message = build(bind(locale), locale);
      if (!target) {
        // Kept as a failed item so the secretary's digest can say who could not be reached.
        const last = identities[0];
        await tx.outbox.enqueue([
          {
            key,
            memberId: member.id,
            identityId: last?.id ?? null,
            platform: last?.platform ?? "CONSOLE",
            chatId: last?.chatId ?? "",
            payload: message,
            notBefore: opts.notBefore ?? new Date(0),
            giveUpAt: opts.giveUpAt ?? null,
            undeliverable: identities.length ? "chat-inactive" : "no-chat",
          },
        ]);
        return false;
      }
      await messages.toIdentity(tx, target, key, message, { ...opts, memberId: member.id });
      return true;
    },

    async toIdentity(tx, identity, key, message, opts = {}) {
      const item: NewOutboxItem = {
        key,
        memberId: opts.memberId ?? identity.memberId,
        identityId: identity.id,
        platform: identity.platform,
        chatId: identity.chatId,
        payload: message,
        notBefore: opts.notBefore ?? new Date(0),
        giveUpAt: opts.giveUpAt ?? null,
      };
      const inserted = await tx.outbox.enqueue([item]);
      const choices = flattenChoices(message);
      if (inserted && choices) await tx.identities.update(identity.id, { lastChoices: choices });
    },
  };
  return messages;
}
