// A branch with a secretary-admin and members, joined through the real onboarding, for the
// commitment and self-evaluation tests. Sample texts come from test/fixtures/vi-sample.json.
import { readFileSync } from "node:fs";
import { generateCode } from "../../../src/core/domain/invites.ts";
import type { OutMessage } from "../../../src/core/types.ts";
import type { DbKind } from "../../helpers/db.ts";
import { createHarness, type Harness } from "../../helpers/harness.ts";

export const sample = JSON.parse(readFileSync(new URL("../../fixtures/vi-sample.json", import.meta.url), "utf8")) as {
  names: string[];
  commitments: string[];
  reflections: string[];
  branches: string[];
};

export interface Branch {
  id: string;
  name: string;
  /** A many-use invite for plain members. */
  code: string;
}

/** A branch whose first member (the invite of /taochibo) is its secretary and admin. */
export async function branchWithAdmin(h: Harness, name: string, admin: string, adminName: string): Promise<Branch> {
  const first = await h.createBranch(name);
  await h.join(admin, first, adminName);
  const branch = await h.store.db.branch.findFirstOrThrow({ where: { name } });
  const code = generateCode();
  await h.store.tx((tx) =>
    tx.invites.create({ branchId: branch.id, code, grantsSecretary: false, grantsAdmin: false, maxUses: 500, expiresAt: new Date(h.clock.now().getTime() + 30 * 86_400_000), createdById: null }),
  );
  return { id: branch.id, name, code };
}

export async function setup(db: DbKind): Promise<{ h: Harness; branch: Branch }> {
  const h = await createHarness({ db });
  const branch = await branchWithAdmin(h, sample.branches[1]!, "an", sample.names[0]!);
  await h.join("binh", branch.code, sample.names[1]!);
  await h.join("cuong", branch.code, sample.names[2]!);
  return { h, branch };
}

export async function memberId(h: Harness, fullName: string): Promise<string> {
  return (await h.store.db.member.findFirstOrThrow({ where: { fullName } })).id;
}

/** A regular meeting, as the meetings feature would have planned it. */
export async function meeting(h: Harness, branchId: string, startsAt: string, kind: "REGULAR" | "THEMATIC" = "REGULAR"): Promise<string> {
  const m = await h.store.db.meeting.create({ data: { branchId, startsAt: new Date(startsAt), kind, topic: "Sinh hoạt chi bộ định kỳ" } });
  return m.id;
}

export const texts = (messages: OutMessage[]): string => messages.map((m) => m.text).join("\n---\n");
export const labels = (m: OutMessage | undefined): string[] => m?.choices?.flat().map((c) => c.label) ?? [];
export const lastWithChoices = (h: Harness, user: string): OutMessage | undefined => [...h.inbox(user)].reverse().find((m) => m.choices?.length);

/** The flow token of the last choices `user` got ("f:<token>:<value>"). */
export function tokenOf(h: Harness, user: string): string {
  const action = lastWithChoices(h, user)?.choices?.flat()[0]?.action ?? "";
  const m = /^f:([^:]+):/.exec(action);
  if (!m) throw new Error(`${user} has no flow choices`);
  return m[1]!;
}

/** Registers and submits commitments through /dangky, as a member does. */
export async function register(h: Harness, user: string, items: string[]): Promise<void> {
  await h.send(user, "/dangky");
  for (const [i, text] of items.entries()) {
    if (i > 0) await h.press(user, "Thêm việc");
    await h.send(user, text);
  }
  await h.press(user, "Xác nhận");
}
