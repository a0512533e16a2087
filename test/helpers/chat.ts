// Small readers for chat tests: the labels of a message's choices, a chat's stored flow, and the
// action behind a label (to press it later, as a stale button would be).
import { defaultBotAccountId, type OutMessage, type Platform } from "../../src/core/types.ts";
import type { Harness } from "./harness.ts";

export const labels = (m: OutMessage | undefined): string[] => m?.choices?.flat().map((c) => c.label) ?? [];

export async function flowOf(h: Harness, user: string, platform: Platform = "TELEGRAM") {
  const identity = await h.store.db.identity.findUniqueOrThrow({ where: { botAccountId_userId: { botAccountId: defaultBotAccountId(platform), userId: user } } });
  return h.store.db.flowState.findUnique({ where: { identityId: identity.id } });
}

/** The action of `label` on the last message with choices that `user` received. */
export function actionOf(h: Harness, user: string, label: string): string {
  const msg = [...h.inbox(user)].reverse().find((m) => m.choices?.length);
  const choice = msg?.choices?.flat().find((c) => c.label === label);
  if (!choice) throw new Error(`${user} has no choice "${label}" (last choices: ${labels(msg).join(", ")})`);
  return choice.action;
}
