// The Zalo adapter through the inbound contract, both ways events come in: POSTed to the webhook
// and taken by long polling. Zalo has no buttons and no invite links: a choice is its number typed
// from the numbered list the person was shown, and an invite is the line it tells them to send.
import { loadLocales } from "../../../src/infra/i18n/fluent.ts";
import { localesDir } from "../../../src/infra/paths.ts";
import type { ZaloUserSpec } from "../../helpers/fake-zalo-api.ts";
import { createZaloRig } from "../../helpers/zalo-rig.ts";
import { inboundContract, type Person } from "../inbound-contract.ts";

const { translator } = loadLocales(localesDir, { strict: true });
/** Zalo user ids of the people in the contract: opaque hex strings (platforms notes §1.7). */
const IDS: Record<string, string> = { an: "6ede9afa66b88fe6d6a9" };

for (const mode of ["webhook", "polling"] as const) {
  inboundContract({
    name: `Zalo (${mode})`,
    platform: "ZALO",
    async create() {
      const rig = await createZaloRig({ db: "sqlite", mode });
      const userOf = (p: Person): ZaloUserSpec => ({ id: IDS[p.key]!, name: p.name });
      let last: { p: Person; update: Record<string, unknown> } | null = null;
      const deliver = (p: Person, update: Record<string, unknown>) => {
        last = { p, update };
        return rig.deliver(update, userOf(p).id);
      };
      const type = (p: Person, text: string) => deliver(p, rig.fake.textEvent(userOf(p), text));
      return {
        core: rig.core,
        store: rig.store,
        now: () => rig.clock.now(),
        idsOf: (p) => ({ userId: userOf(p).id, chatId: userOf(p).id }),
        carriesNames: true,
        type,
        pick(p, label) {
          // The number in front of the label, in the last message that listed it.
          const line = new RegExp(`^\\s*(\\d+)\\. ${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*$`, "m");
          const number = [...rig.zaloInbox(userOf(p).id)].reverse().map((text) => line.exec(text)?.[1]).find(Boolean);
          if (!number) throw new Error(`${p.key} was offered no "${label}"`);
          return type(p, number);
        },
        openInvite(p, code) {
          // What the invite tells a person to send where there is no link: "…: start <code>".
          const line = translator.t("vi", "invite-typed-line", { code });
          return type(p, line.slice(line.lastIndexOf(": ") + 2));
        },
        sendOther: (p, kind) => deliver(p, rig.fake.otherEvent(userOf(p), kind === "photo" ? "image" : "sticker")),
        redeliverLast: () => deliver(last!.p, last!.update),
        close: () => rig.close(),
      };
    },
  });
}
