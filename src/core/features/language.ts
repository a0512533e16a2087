// /ngonngu: Tiếng Việt or English, for this person everywhere (both linked chats).
import type { Ctx } from "../engine/context.ts";
import { end, invalid, type FlowDef } from "../engine/flow.ts";
import type { Feature } from "../engine/registry.ts";
import { fold } from "../text.ts";
import { LOCALES, type Locale } from "../types.ts";

async function setLocale(ctx: Ctx, locale: Locale): Promise<void> {
  await ctx.tx.identities.update(ctx.actor.identity.id, { locale });
  if (ctx.actor.member) {
    await ctx.tx.members.update(ctx.actor.member.id, { locale });
    ctx.actor.member = { ...ctx.actor.member, locale };
  }
  ctx.useLocale(locale);
}

function parseLocale(text: string): Locale | null {
  const f = fold(text);
  if (["vi", "tieng viet", "viet", "vietnamese"].includes(f)) return "vi";
  if (["en", "english", "tieng anh", "anh"].includes(f)) return "en";
  return null;
}

const languageFlow: FlowDef<Record<string, never>> = {
  name: "language",
  access: "public",
  steps: {
    pick: {
      prompt: (ctx) => ({
        text: ctx.t("language-prompt"),
        choices: [LOCALES.map((l) => ({ label: ctx.t(`language-name-${l}`), value: l }))],
      }),
      choice: async (ctx, _d, value) => {
        const locale = parseLocale(value);
        if (!locale) return invalid("input-pick-a-choice");
        await setLocale(ctx, locale);
        return end(ctx.t("language-changed"));
      },
      text: async (ctx, _d, text) => {
        const locale = parseLocale(text);
        if (!locale) return invalid("input-pick-a-choice");
        await setLocale(ctx, locale);
        return end(ctx.t("language-changed"));
      },
    },
  },
};

export const languageFeature: Feature = {
  name: "language",
  flows: [languageFlow],
  commands: [
    {
      name: "ngonngu",
      alias: "language",
      access: "public",
      description: "language-description",
      bareArgs: true,
      run: async (ctx, args) => {
        const locale = args ? parseLocale(args) : null;
        if (locale) {
          await setLocale(ctx, locale);
          return ctx.reply(ctx.t("language-changed"));
        }
        await ctx.startFlow(languageFlow, {});
      },
    },
  ],
};
