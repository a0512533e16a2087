// /thanhvien (admins): the branch's members with role and status, a page at a time, searchable by
// name; pick one to change roles, mark chính thức / dự bị or miễn sinh hoạt, remove or restore.
// Every change is confirmed, written to the audit log and told to the member in their own language.
// Every lookup is scoped to the admin's own branch, and a branch is never left without an admin.
import type { Member, PartyStatus } from "../domain/model.ts";
import { formatDate } from "../domain/time.ts";
import type { Ctx } from "../engine/context.ts";
import { end, go, invalid, type FlowDef, type Next, type Prompt, type StepChoice } from "../engine/flow.ts";
import type { Feature } from "../engine/registry.ts";
import { fold } from "../engine/text.ts";
import type { T } from "../services/messages.ts";
import { distinctLabels, pageNav, pageOf, pagePosition, parsePageValue, type Page } from "./paging.ts";
import { roleNames } from "./roles.ts";

/** Longest name search accepted (a full name is at most 80 characters). */
export const SEARCH_MAX = 80;

type FieldChange =
  | { field: "isSecretary" | "isAdmin" | "exempted"; to: boolean }
  | { field: "partyStatus"; to: PartyStatus };

const FIELD_CHANGES = {
  sec1: { field: "isSecretary", to: true },
  sec0: { field: "isSecretary", to: false },
  adm1: { field: "isAdmin", to: true },
  adm0: { field: "isAdmin", to: false },
  full: { field: "partyStatus", to: "FULL" },
  prob: { field: "partyStatus", to: "PROBATIONARY" },
  ex1: { field: "exempted", to: true },
  ex0: { field: "exempted", to: false },
} as const satisfies Record<string, FieldChange>;

export type Change = keyof typeof FIELD_CHANGES | "rm" | "restore";
/** Every change an admin can make; each has a label (members-do-…) and a confirmation (members-confirm-…). */
export const CHANGES: readonly Change[] = [...(Object.keys(FIELD_CHANGES) as Array<keyof typeof FIELD_CHANGES>), "rm", "restore"];
const isChange = (v: string): v is Change => (CHANGES as readonly string[]).includes(v);

interface MembersDraft {
  page: number;
  /** A name search as typed; the list shows only matching members while it is set. */
  query?: string;
  memberId?: string;
  change?: Change;
}

/** A member of the admin's own branch (active or removed); anything else reads as not found. */
async function findMember(ctx: Ctx, id: string | undefined): Promise<Member | null> {
  if (!id) return null;
  const member = await ctx.tx.members.byId(id);
  return member && member.branchId === ctx.actor.branch?.id && member.status !== "ERASED" ? member : null;
}

// Vietnamese lists go by given name (the last word), then by the whole name; removed members last.
const collator = new Intl.Collator("vi", { sensitivity: "base" });
const givenName = (m: Member) => m.fullName.trim().split(/\s+/).at(-1) ?? "";
export function sortMembers(members: Member[]): Member[] {
  return [...members].sort(
    (a, b) =>
      Number(a.status !== "ACTIVE") - Number(b.status !== "ACTIVE") ||
      collator.compare(givenName(a), givenName(b)) ||
      collator.compare(a.fullName, b.fullName) ||
      a.joinedAt.getTime() - b.joinedAt.getTime(),
  );
}

const matches = (m: Member, query: string) => fold(m.fullName).includes(fold(query));

/** "Trần Thị Bình · dự bị, miễn SH": what sets this member apart, short enough for a button. */
export function memberLabel(t: T, m: Member): string {
  const tags: string[] = [];
  if (m.isSecretary || m.isAdmin) tags.push(roleNames(t, m));
  if (m.partyStatus === "PROBATIONARY") tags.push(t("members-tag-probationary"));
  if (m.exempted) tags.push(t("members-tag-exempted"));
  if (m.status !== "ACTIVE") tags.push(t("members-tag-removed"));
  return tags.length ? t("members-label", { name: m.fullName, tags: tags.join(", ") }) : m.fullName;
}

function summary(ctx: Ctx, all: Member[]): string {
  const active = all.filter((m) => m.status === "ACTIVE");
  const lines = [
    ctx.t("members-summary", {
      branch: ctx.actor.branch?.name ?? "",
      active: active.length,
      full: active.filter((m) => m.partyStatus === "FULL").length,
      probationary: active.filter((m) => m.partyStatus === "PROBATIONARY").length,
      exempted: active.filter((m) => m.exempted).length,
    }),
  ];
  const removed = all.length - active.length;
  if (removed) lines.push(ctx.t("members-summary-removed", { removed }));
  return lines.join("\n");
}

interface Listing {
  all: Member[];
  shown: Member[];
  page: Page<Member>;
}

async function listing(ctx: Ctx, d: MembersDraft): Promise<Listing> {
  const all = sortMembers(await ctx.tx.members.listForAdmin(ctx.actor.branch!.id));
  const shown = d.query ? all.filter((m) => matches(m, d.query!)) : all;
  return { all, shown, page: pageOf(shown, d.page) };
}

async function listPrompt(ctx: Ctx, d: MembersDraft): Promise<Prompt> {
  const { all, shown, page } = await listing(ctx, d);
  const text = [summary(ctx, all)];
  if (d.query) text.push(ctx.t(shown.length ? "members-filter" : "members-search-none", { query: d.query, count: shown.length }));
  text.push(pagePosition(ctx.t, page), ctx.t("members-list-hint"));
  const labels = distinctLabels(page.items.map((m) => memberLabel(ctx.t, m)));
  const nav = pageNav(ctx.t, page);
  const last: StepChoice[] = [
    ...(d.query ? [{ label: ctx.t("members-all"), value: "all" }] : []),
    { label: ctx.t("members-close"), value: "close" },
  ];
  return {
    text: text.filter(Boolean).join("\n"),
    choices: [...page.items.map((m, i) => [{ label: labels[i]!, value: `m:${m.id}` }]), ...(nav.length ? [nav] : []), last],
  };
}

async function cardPrompt(ctx: Ctx, d: MembersDraft): Promise<Prompt> {
  const member = await findMember(ctx, d.memberId);
  const back: StepChoice[] = [
    { label: ctx.t("members-back"), value: "list" },
    { label: ctx.t("members-close"), value: "close" },
  ];
  if (!member) return { text: ctx.t("members-not-found"), choices: [back] };
  const tz = ctx.actor.branch?.timezone ?? ctx.services.settings.defaultTimezone;
  const chats = (await ctx.tx.identities.listForMember(member.id)).filter((i) => i.active && i.memberId === member.id);
  const text = ctx.t("members-card", {
    name: member.fullName,
    role: roleNames(ctx.t, member),
    party: ctx.t(member.partyStatus === "FULL" ? "members-party-full" : "members-party-probationary"),
    exempted: ctx.t(member.exempted ? "members-yes" : "members-no"),
    status:
      member.status === "ACTIVE"
        ? ctx.t("members-status-active")
        : ctx.t("members-status-removed", { date: member.removedAt ? formatDate(member.removedAt, tz, ctx.actor.locale) : "" }),
    joined: formatDate(member.joinedAt, tz, ctx.actor.locale),
    chats: chats.length ? [...new Set(chats.map((i) => platformName(i.platform)))].join(", ") : ctx.t("members-no-chat"),
  });
  const actions: Change[] =
    member.status === "ACTIVE"
      ? [
          member.isSecretary ? "sec0" : "sec1",
          member.isAdmin ? "adm0" : "adm1",
          member.partyStatus === "FULL" ? "prob" : "full",
          member.exempted ? "ex0" : "ex1",
          "rm",
        ]
      : ["restore"];
  return { text, choices: [...actions.map((c) => [{ label: ctx.t(`members-do-${c}`), value: c }]), back] };
}

const platformName = (p: string) => p.charAt(0) + p.slice(1).toLowerCase();

/** Why `change` cannot be made to `member` now, or null. Checked when picked and again when confirmed. */
async function problem(ctx: Ctx, member: Member | null, change: Change): Promise<string | null> {
  if (!member) return "members-not-found";
  if (change === "restore") return member.status === "REMOVED" ? null : "members-no-change";
  if (member.status !== "ACTIVE") return "members-not-active";
  if (change !== "rm" && member[FIELD_CHANGES[change].field] === FIELD_CHANGES[change].to) return "members-no-change";
  const dropsAdmin = member.isAdmin && (change === "rm" || change === "adm0");
  if (dropsAdmin && (await ctx.tx.members.countActiveAdmins(member.branchId)) <= 1) return "members-last-admin";
  return null;
}

const listOf = (d: MembersDraft): MembersDraft => ({ page: d.page, ...(d.query ? { query: d.query } : {}) });
const cardOf = (d: MembersDraft): MembersDraft => ({ ...listOf(d), ...(d.memberId ? { memberId: d.memberId } : {}) });

async function applyChange(ctx: Ctx, d: MembersDraft): Promise<Next<MembersDraft>> {
  const change = d.change;
  if (!change) return go("member", cardOf(d));
  // Taken before anything is read, so the checks below see any admin change committed meanwhile.
  if (change === "rm" || change === "adm0") await ctx.tx.members.lockAdmins(ctx.actor.branch!.id);
  const member = await findMember(ctx, d.memberId);
  const why = await problem(ctx, member, change);
  if (why || !member) return go(member ? "member" : "list", member ? cardOf(d) : listOf(d), ctx.t(why ?? "members-not-found"));
  const self = member.id === ctx.actor.member?.id;

  if (change === "rm") {
    await ctx.tx.members.remove(member.id, ctx.now);
    await ctx.audit("member.removed", { memberId: member.id, name: member.fullName });
    if (self) {
      // No longer a member: the flow cannot go on, and the engine will treat them as a stranger.
      ctx.actor.member = null;
      return end(ctx.t("members-removed-self", { branch: ctx.actor.branch?.name ?? "" }));
    }
    await notify(ctx, member, "members-notice-removed");
    return go("list", listOf(d), ctx.t("members-removed", { name: member.fullName }));
  }

  if (change === "restore") {
    const restored = await ctx.tx.members.restore(member.id);
    await ctx.audit("member.restored", { memberId: member.id, name: member.fullName });
    await notify(ctx, restored, "members-notice-restored");
    return go("member", cardOf(d), ctx.t("members-restored", { name: member.fullName }));
  }

  const { field, to } = FIELD_CHANGES[change];
  const updated = await ctx.tx.members.update(member.id, { [field]: to });
  await ctx.audit("member.updated", { memberId: member.id, field, from: member[field], to });
  // What was queued for them in the role they just lost (a digest before its meeting) stays unsent.
  if (change === "sec0") await ctx.tx.outbox.withdrawAudience(member.id, "secretary");
  if (change === "adm0") await ctx.tx.outbox.withdrawAudience(member.id, "admin");
  if (self) {
    ctx.actor.member = updated;
    // Without the admin role the rest of this flow is not theirs any more.
    if (!updated.isAdmin) return end(ctx.t("members-admin-dropped-self"));
  } else {
    await notify(ctx, updated, NOTICES[change]);
  }
  return go("member", cardOf(d), ctx.t("members-updated", { name: member.fullName }));
}

const NOTICES: Record<keyof typeof FIELD_CHANGES, string> = {
  sec1: "members-notice-roles",
  sec0: "members-notice-roles",
  adm1: "members-notice-roles",
  adm0: "members-notice-roles",
  full: "members-notice-full",
  prob: "members-notice-probationary",
  ex1: "members-notice-exempted",
  ex0: "members-notice-not-exempted",
};

/** Tells the member, in their own language and chat; keyed by this update so a retry sends once. */
async function notify(ctx: Ctx, member: Member, key: string): Promise<void> {
  const branch = ctx.actor.branch;
  await ctx.services.messages.toMember(ctx.tx, member, branch, `members:${ctx.event.platform}:${ctx.event.updateId}:${member.id}`, (t) => ({
    text: t(key, { branch: branch?.name ?? "", role: roleNames(t, member) }),
  }));
}

async function search(ctx: Ctx, d: MembersDraft, text: string): Promise<Next<MembersDraft>> {
  const { page, all } = await listing(ctx, d);
  // A number the engine could not match to a choice on this page.
  if (/^\d+$/.test(text.trim())) return invalid("members-pick-number", { number: text.trim().slice(0, 6), max: page.items.length });
  const query = text.replace(/\s+/g, " ").trim();
  if (query.length > SEARCH_MAX) return invalid("members-search-too-long", { max: SEARCH_MAX });
  if (!/[\p{L}]/u.test(query)) return invalid("members-search-invalid");
  const found = all.filter((m) => matches(m, query));
  if (!found.length) return invalid("members-search-none", { query });
  if (found.length === 1) return go("member", { page: 0, query, memberId: found[0]!.id });
  return go("list", { page: 0, query });
}

const membersFlow: FlowDef<MembersDraft> = {
  name: "members",
  access: "admin",
  steps: {
    list: {
      prompt: listPrompt,
      choice: async (ctx, d, value) => {
        if (value === "close") return end(ctx.t("members-closed"));
        if (value === "all") return go("list", { page: 0 });
        const page = parsePageValue(value);
        if (page !== null) return go("list", { ...listOf(d), page });
        const member = value.startsWith("m:") ? await findMember(ctx, value.slice(2)) : null;
        if (!member) return invalid(value.startsWith("m:") ? "members-not-found" : "input-pick-a-choice");
        return go("member", { ...listOf(d), memberId: member.id });
      },
      text: search,
    },
    member: {
      prompt: cardPrompt,
      choice: async (ctx, d, value) => {
        if (value === "list") return go("list", listOf(d));
        if (value === "close") return end(ctx.t("members-closed"));
        if (!isChange(value)) return invalid("input-pick-a-choice");
        const why = await problem(ctx, await findMember(ctx, d.memberId), value);
        if (why) return invalid(why);
        return go("confirm", { ...cardOf(d), change: value });
      },
    },
    confirm: {
      prompt: async (ctx, d) => {
        const member = await findMember(ctx, d.memberId);
        return {
          text: ctx.t(`members-confirm-${d.change ?? "rm"}`, { name: member?.fullName ?? "", branch: ctx.actor.branch?.name ?? "" }),
          choices: [
            [
              { label: ctx.t("control-confirm"), value: "ok" },
              { label: ctx.t("control-cancel"), value: "cancel" },
            ],
          ],
        };
      },
      choice: (ctx, d, value) => {
        if (value === "cancel") return go("member", cardOf(d), ctx.t("members-unchanged"));
        if (value !== "ok") return invalid("input-pick-a-choice");
        return applyChange(ctx, d);
      },
    },
  },
};

export const membersFeature: Feature = {
  name: "members",
  flows: [membersFlow],
  commands: [
    {
      name: "thanhvien",
      alias: "members",
      access: "admin",
      description: "members-description",
      // "/thanhvien Bình" opens the list filtered to matching names.
      run: async (ctx, args) => {
        const query = args.replace(/\s+/g, " ").trim();
        const usable = query.length > 0 && query.length <= SEARCH_MAX && /\p{L}/u.test(query);
        await ctx.startFlow(membersFlow, usable ? { page: 0, query } : { page: 0 });
      },
    },
  ],
};
