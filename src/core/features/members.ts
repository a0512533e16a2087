// /thanhvien (admins): the branch's members with role and status, a page at a time, searchable by
// name; pick one to change roles (bí thư, phó bí thư, quản trị), mark chính thức / dự bị or miễn
// sinh hoạt (with its reason and period), correct the name, add a note that tells namesakes apart,
// choose the year-end self-review form, remove or restore. Every change is confirmed, written to
// the audit log and told to the member in their own language. Every lookup is scoped to the admin's
// own branch, a branch is never left without an admin, and a new secretary is announced.
import { DateTime } from "luxon";
import { parseDate } from "../domain/calendar/parse.ts";
import type { Member, PartyStatus, ReviewForm } from "../domain/model.ts";
import { hasNamesake, NAME_NOTE_MAX, parseNameNote, SEARCH_MAX, sortMembers } from "../domain/names.ts";
import { formatDate } from "../domain/time.ts";
import { zoneOf, type Ctx } from "../engine/context.ts";
import { cancelChoice, confirmRow } from "../engine/controls.ts";
import type { JobContext } from "../engine/jobs.ts";
import { end, go, invalid, type FlowDef, type Next, type Prompt, type StepChoice } from "../engine/flow.ts";
import type { Feature } from "../engine/registry.ts";
import { fold } from "../text.ts";
import type { T } from "../services/messages.ts";
import type { Locale } from "../types.ts";
import { branchNames, namesFrom, type Names } from "./names.ts";
import { NAME_MAX, parseFullName } from "./onboarding.ts";
import { distinctLabels, pageNav, pageOf, pagePosition, parsePageValue, type Page } from "./paging.ts";
import { roleNames } from "./roles.ts";
import { announceSecretaryGrant } from "./secretary-grants.ts";
import { formLabel, REVIEW_FORMS } from "./yearend/forms.ts";

/** A reason for miễn sinh hoạt fits on a line of the minutes. */
export const EXEMPT_REASON_MAX = 100;

type Patch = Partial<Pick<Member, "isSecretary" | "isDeputy" | "isAdmin" | "partyStatus" | "exempted" | "exemptReason" | "exemptUntil">>;

/** Changes that are a fixed patch, confirmed with one tap. */
const PATCHES = {
  sec1: { isSecretary: true, isDeputy: false },
  dep1: { isSecretary: true, isDeputy: true },
  sec0: { isSecretary: false, isDeputy: false },
  dep0: { isSecretary: false, isDeputy: false },
  adm1: { isAdmin: true },
  adm0: { isAdmin: false },
  full: { partyStatus: "FULL" as PartyStatus },
  prob: { partyStatus: "PROBATIONARY" as PartyStatus },
  ex0: { exempted: false, exemptReason: null, exemptUntil: null },
} as const satisfies Record<string, Patch>;
type PatchChange = keyof typeof PATCHES;

/** Changes that ask for something first (a reason and period, a name, a note, a form). */
const ASKING = { ex1: "exreason", name: "rename", note: "note", form: "form" } as const;
type AskingChange = keyof typeof ASKING;

export type Change = PatchChange | AskingChange | "rm" | "restore";
/** Every change an admin can make; each has a label (members-do-…) and a confirmation (members-confirm-…). */
export const CHANGES: readonly Change[] = [...(Object.keys(PATCHES) as PatchChange[]), ...(Object.keys(ASKING) as AskingChange[]), "rm", "restore"];
const isChange = (v: string): v is Change => (CHANGES as readonly string[]).includes(v);
const isPatch = (c: Change): c is PatchChange => Object.hasOwn(PATCHES, c);

interface MembersDraft {
  page: number;
  /** A name search as typed; the list shows only matching members while it is set. */
  query?: string;
  memberId?: string;
  change?: Change;
  /** What was typed or picked for the change being confirmed. */
  name?: string;
  note?: string | null;
  form?: ReviewForm;
  reason?: string;
  /** ISO end of the exemption; null: until an admin lifts it. */
  until?: string | null;
}

/** A member of the admin's own branch (active or removed); anything else reads as not found. */
async function findMember(ctx: Ctx, id: string | undefined): Promise<Member | null> {
  if (!id) return null;
  const member = await ctx.tx.members.byId(id);
  return member && member.branchId === ctx.actor.branch?.id && member.status !== "ERASED" ? member : null;
}

/** A name search matches the name, or the note an admin set ("1958"). */
const matches = (m: Member, query: string) => fold(m.fullName).includes(fold(query)) || (m.nameNote !== null && fold(m.nameNote).includes(fold(query)));

/** "Trần Thị Bình · dự bị, miễn SH": what sets this member apart, short enough for a button. */
export function memberLabel(t: T, m: Member, names: Names): string {
  const tags: string[] = [];
  if (m.isSecretary || m.isAdmin) tags.push(roleNames(t, m));
  if (m.partyStatus === "PROBATIONARY") tags.push(t("members-tag-probationary"));
  if (m.exempted) tags.push(t("members-tag-exempted"));
  if (m.status !== "ACTIVE") tags.push(t("members-tag-removed"));
  const name = names.of(m);
  return tags.length ? t("members-label", { name, tags: tags.join(", ") }) : name;
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
  names: Names;
}

async function listing(ctx: Ctx, d: MembersDraft): Promise<Listing> {
  const names = await branchNames(ctx.tx, ctx.actor.branch!.id);
  const all = sortMembers(names.roster);
  const shown = d.query ? all.filter((m) => matches(m, d.query!)) : all;
  return { all, shown, page: pageOf(shown, d.page), names };
}

async function listPrompt(ctx: Ctx, d: MembersDraft): Promise<Prompt> {
  const { all, shown, page, names } = await listing(ctx, d);
  const text = [summary(ctx, all)];
  if (d.query) text.push(ctx.t(shown.length ? "members-filter" : "members-search-none", { query: d.query, count: shown.length }));
  text.push(pagePosition(ctx.t, page), ctx.t("members-list-hint"));
  const labels = distinctLabels(page.items.map((m) => memberLabel(ctx.t, m, names)));
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


/** "có – tuổi cao; đến Thứ Tư 30/06/2027" or "không". */
function exemptionText(t: T, m: Pick<Member, "exempted" | "exemptReason" | "exemptUntil">, zone: string, locale: Locale): string {
  if (!m.exempted) return t("members-no");
  return t("members-exempted-detail", {
    reason: m.exemptReason ?? t("members-exempt-no-reason"),
    until: m.exemptUntil ? t("members-exempt-until", { date: formatDate(m.exemptUntil, zone, locale) }) : t("members-exempt-open"),
  });
}

/** The buttons of an active member's card, in the order an admin needs them. */
function cardActions(m: Member): Change[] {
  const roles: Change[] = m.isSecretary ? (m.isDeputy ? ["sec1", "dep0"] : ["dep1", "sec0"]) : ["sec1", "dep1"];
  return [...roles, m.isAdmin ? "adm0" : "adm1", m.partyStatus === "FULL" ? "prob" : "full", m.exempted ? "ex0" : "ex1", "name", "note", "form", "rm"];
}

async function cardPrompt(ctx: Ctx, d: MembersDraft): Promise<Prompt> {
  const member = await findMember(ctx, d.memberId);
  const back: StepChoice[] = [
    { label: ctx.t("members-back"), value: "list" },
    { label: ctx.t("members-close"), value: "close" },
  ];
  if (!member) return { text: ctx.t("members-not-found"), choices: [back] };
  const names = await branchNames(ctx.tx, member.branchId);
  const tz = zoneOf(ctx);
  const chats = (await ctx.tx.identities.listForMember(member.id)).filter((i) => i.active && i.memberId === member.id);
  const lines = [
    ctx.t("members-card", {
      name: names.of(member),
      role: roleNames(ctx.t, member),
      party: ctx.t(member.partyStatus === "FULL" ? "members-party-full" : "members-party-probationary"),
      exempted: exemptionText(ctx.t, member, tz, ctx.actor.locale),
      form: member.reviewForm ? formLabel(ctx.t, member.reviewForm) : ctx.t("members-form-unset"),
      status:
        member.status === "ACTIVE"
          ? ctx.t("members-status-active")
          : ctx.t("members-status-removed", { date: member.removedAt ? formatDate(member.removedAt, tz, ctx.actor.locale) : "" }),
      joined: formatDate(member.joinedAt, tz, ctx.actor.locale),
      chats: chats.length ? [...new Set(chats.map((i) => ctx.t(`link-platform-${i.platform.toLowerCase()}`)))].join(", ") : ctx.t("members-no-chat"),
    }),
  ];
  if (member.status === "ACTIVE" && !member.nameNote && hasNamesake(member, names.roster)) lines.push("", ctx.t("members-namesake-hint"));
  const actions: Change[] = member.status === "ACTIVE" ? cardActions(member) : ["restore"];
  return { text: lines.join("\n"), choices: [...actions.map((c) => [{ label: ctx.t(`members-do-${c}`), value: c }]), back] };
}


const changed = (member: Member, patch: Patch) => (Object.keys(patch) as Array<keyof Patch>).filter((k) => member[k] !== patch[k]);

/** Why `change` cannot be made to `member` now, or null. Checked when picked and again when confirmed. */
async function problem(ctx: Ctx, member: Member | null, change: Change): Promise<string | null> {
  if (!member) return "members-not-found";
  if (change === "restore") return member.status === "REMOVED" ? null : "members-no-change";
  if (member.status !== "ACTIVE") return "members-not-active";
  if (isPatch(change) && !changed(member, PATCHES[change]).length) return "members-no-change";
  if ((change === "sec0" && member.isDeputy) || (change === "dep0" && member.isSecretary && !member.isDeputy)) return "members-no-change";
  if (change === "ex1" && member.exempted) return "members-no-change";
  const dropsAdmin = member.isAdmin && (change === "rm" || change === "adm0");
  if (dropsAdmin && (await ctx.tx.members.countActiveAdmins(member.branchId)) <= 1) return "members-last-admin";
  return null;
}

const listOf = (d: MembersDraft): MembersDraft => ({ page: d.page, ...(d.query ? { query: d.query } : {}) });
const cardOf = (d: MembersDraft): MembersDraft => ({ ...listOf(d), ...(d.memberId ? { memberId: d.memberId } : {}) });

/** The patch a confirmed change writes (the asking changes carry what was typed in the draft). */
function patchOf(d: MembersDraft, change: Exclude<Change, "rm" | "restore">): Partial<Member> | null {
  if (isPatch(change)) return PATCHES[change];
  switch (change) {
    case "ex1":
      return d.reason ? { exempted: true, exemptReason: d.reason, exemptUntil: d.until ? new Date(d.until) : null } : null;
    case "name":
      return d.name ? { fullName: d.name } : null;
    case "note":
      return d.note !== undefined ? { nameNote: d.note } : null;
    case "form":
      return d.form ? { reviewForm: d.form } : null;
  }
}

async function applyChange(ctx: Ctx, d: MembersDraft): Promise<Next<MembersDraft>> {
  const change = d.change;
  if (!change) return go("member", cardOf(d));
  // Taken before anything is read, so the checks below see any admin change committed meanwhile.
  if (change === "rm" || change === "adm0") await ctx.tx.members.lockAdmins(ctx.actor.branch!.id);
  const member = await findMember(ctx, d.memberId);
  const why = await problem(ctx, member, change);
  if (why || !member) return go(member ? "member" : "list", member ? cardOf(d) : listOf(d), ctx.t(why ?? "members-not-found"));
  const self = member.id === ctx.actor.member?.id;
  const names = await branchNames(ctx.tx, member.branchId);
  const name = names.of(member);

  if (change === "rm") {
    await ctx.tx.members.remove(member.id, ctx.now);
    await ctx.audit("member.removed", { memberId: member.id, name: member.fullName });
    if (self) {
      // No longer a member: the flow cannot go on, and the engine will treat them as a stranger.
      ctx.actor.member = null;
      return end(ctx.t("members-removed-self", { branch: ctx.actor.branch?.name ?? "" }));
    }
    await notify(ctx, member, "members-notice-removed");
    return go("list", listOf(d), ctx.t("members-removed", { name }));
  }

  if (change === "restore") {
    const restored = await ctx.tx.members.restore(member.id);
    await ctx.audit("member.restored", { memberId: member.id, name: member.fullName });
    await notify(ctx, restored, "members-notice-restored");
    return go("member", cardOf(d), ctx.t("members-restored", { name }));
  }

  const patch = patchOf(d, change);
  if (!patch) return go("member", cardOf(d));
  const fields = (Object.keys(patch) as Array<keyof Member>).filter((k) => String(member[k]) !== String(patch[k]));
  if (!fields.length) return go("member", cardOf(d), ctx.t("members-no-change"));
  const actorBefore = ctx.actor.member;
  const updated = await ctx.tx.members.update(member.id, patch);
  const diff = (k: keyof Member) => ({ from: member[k], to: updated[k] });
  await ctx.audit(
    "member.updated",
    fields.length === 1
      ? { memberId: member.id, field: fields[0], ...diff(fields[0]!) }
      : { memberId: member.id, fields: Object.fromEntries(fields.map((k) => [k, diff(k)])) },
  );
  if (!member.isSecretary && updated.isSecretary && actorBefore) await announceSecretaryGrant(ctx, updated, { kind: "role", by: actorBefore });
  if (self) {
    ctx.actor.member = updated;
    // Without the admin role the rest of this flow is not theirs any more.
    if (!updated.isAdmin) return end(ctx.t("members-admin-dropped-self"));
  } else {
    await notify(ctx, updated, NOTICES[change], d);
  }
  const shown = namesFrom(names.roster.map((m) => (m.id === updated.id ? updated : m))).of(updated);
  return go("member", cardOf(d), ctx.t("members-updated", { name: shown }));
}

const NOTICES: Record<Exclude<Change, "rm" | "restore">, string> = {
  sec1: "members-notice-roles",
  dep1: "members-notice-roles",
  sec0: "members-notice-roles",
  dep0: "members-notice-roles",
  adm1: "members-notice-roles",
  adm0: "members-notice-roles",
  full: "members-notice-full",
  prob: "members-notice-probationary",
  ex1: "members-notice-exempted",
  ex0: "members-notice-not-exempted",
  name: "members-notice-renamed",
  note: "members-notice-note",
  form: "members-notice-form",
};

/** Tells the member, in their own language and chat; keyed by this update so a retry sends once. */
async function notify(ctx: Ctx, member: Member, key: string, d: MembersDraft = { page: 0 }): Promise<void> {
  const branch = ctx.actor.branch;
  const zone = zoneOf(ctx);
  await ctx.services.messages.toMember(ctx.tx, member, branch, `members:${ctx.event.platform}:${ctx.event.updateId}:${member.id}`, (t, locale) => ({
    text: t(key, {
      branch: branch?.name ?? "",
      role: roleNames(t, member),
      name: member.fullName,
      note: member.nameNote ?? t("members-note-none"),
      form: member.reviewForm ? formLabel(t, member.reviewForm) : "",
      exemption: exemptionText(t, member, zone, locale),
      reason: d.reason ?? "",
    }),
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

const cancelRow = (ctx: Ctx): StepChoice[] => [cancelChoice(ctx.t)];
const backToCard = (ctx: Ctx, d: MembersDraft) => go<MembersDraft>("member", cardOf(d), ctx.t("members-unchanged"));

/** A member step that asks something about the member on the card (the member must still be there). */
async function about(ctx: Ctx, d: MembersDraft): Promise<{ member: Member; name: string } | null> {
  const member = await findMember(ctx, d.memberId);
  if (!member) return null;
  return { member, name: (await branchNames(ctx.tx, member.branchId)).of(member) };
}

/** The confirmation text of the change in the draft. */
async function confirmText(ctx: Ctx, d: MembersDraft): Promise<string> {
  const found = await about(ctx, d);
  const name = found?.name ?? "";
  const zone = zoneOf(ctx);
  const locale = ctx.actor.locale;
  return ctx.t(`members-confirm-${d.change ?? "rm"}`, {
    name,
    branch: ctx.actor.branch?.name ?? "",
    newName: d.name ?? "",
    note: d.note ?? "",
    form: d.form ? formLabel(ctx.t, d.form) : "",
    reason: d.reason ?? "",
    until: d.until ? ctx.t("members-exempt-until", { date: formatDate(new Date(d.until), zone, locale) }) : ctx.t("members-exempt-open"),
  });
}

/** "6 tháng", "1 năm" from now, at the end of that local day. */
function untilAfter(ctx: Ctx, months: number): string {
  return DateTime.fromJSDate(ctx.now, { zone: zoneOf(ctx) }).plus({ months }).endOf("day").toJSDate().toISOString();
}

const UNTIL_CHOICES: Record<string, number | null> = { open: null, m6: 6, y1: 12 };

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
        if (Object.hasOwn(ASKING, value)) return go(ASKING[value as AskingChange], { ...cardOf(d), change: value });
        return go("confirm", { ...cardOf(d), change: value });
      },
    },
    // Miễn sinh hoạt: why (Điều lệ: age, health …), then until when.
    exreason: {
      prompt: async (ctx, d) => ({
        text: ctx.t("members-ask-exempt-reason", { name: (await about(ctx, d))?.name ?? "", max: EXEMPT_REASON_MAX }),
        choices: [
          [
            { label: ctx.t("members-exempt-age"), value: "age" },
            { label: ctx.t("members-exempt-health"), value: "health" },
          ],
          cancelRow(ctx),
        ],
      }),
      choice: (ctx, d, value) => {
        if (value === "cancel") return backToCard(ctx, d);
        if (value !== "age" && value !== "health") return invalid("input-pick-a-choice");
        // Kept in the branch's language: it is a record for the minutes, read by everyone.
        const locale = ctx.services.messages.localeOf(null, ctx.actor.branch, null);
        const reason = ctx.services.messages.bind(locale)(value === "age" ? "members-exempt-age" : "members-exempt-health");
        return go("exuntil", { ...d, reason: reason.toLocaleLowerCase(locale) });
      },
      text: (_ctx, d, text) => {
        const reason = text.replace(/\s+/g, " ").trim();
        if ([...reason].length > EXEMPT_REASON_MAX) return invalid("members-exempt-reason-too-long", { max: EXEMPT_REASON_MAX });
        if (!/\p{L}{2}/u.test(reason) || /^\d+$/.test(reason)) return invalid("members-exempt-reason-invalid");
        return go("exuntil", { ...d, reason });
      },
    },
    exuntil: {
      prompt: (ctx) => ({
        text: ctx.t("members-ask-exempt-until"),
        choices: [
          [
            { label: ctx.t("members-exempt-open-choice"), value: "open" },
            { label: ctx.t("members-exempt-6m"), value: "m6" },
            { label: ctx.t("members-exempt-1y"), value: "y1" },
          ],
          cancelRow(ctx),
        ],
      }),
      choice: (ctx, d, value) => {
        if (value === "cancel") return backToCard(ctx, d);
        if (!Object.hasOwn(UNTIL_CHOICES, value)) return invalid("input-pick-a-choice");
        const months = UNTIL_CHOICES[value]!;
        return go("confirm", { ...d, until: months === null ? null : untilAfter(ctx, months) });
      },
      text: (ctx, d, text) => {
        const local = DateTime.fromJSDate(ctx.now, { zone: zoneOf(ctx) });
        const parsed = parseDate(text.replace(/^(den|đến)\s+/i, ""), { year: local.year, month: local.month, day: local.day });
        if (!parsed.ok) return invalid("members-exempt-until-invalid");
        const until = DateTime.fromObject(parsed.value, { zone: zoneOf(ctx) }).endOf("day");
        if (until.toJSDate() <= ctx.now) return invalid("members-exempt-until-past");
        return go("confirm", { ...d, until: until.toJSDate().toISOString() });
      },
    },
    rename: {
      prompt: async (ctx, d) => ({ text: ctx.t("members-ask-name", { name: (await about(ctx, d))?.member.fullName ?? "" }), choices: [cancelRow(ctx)] }),
      choice: (ctx, d, value) => (value === "cancel" ? backToCard(ctx, d) : invalid("input-pick-a-choice")),
      text: async (ctx, d, text) => {
        const parsed = parseFullName(text);
        if ("problem" in parsed) return invalid(parsed.problem, { max: NAME_MAX });
        const found = await about(ctx, d);
        if (found && found.member.fullName === parsed.name) return invalid("members-name-same");
        return go("confirm", { ...d, name: parsed.name });
      },
    },
    note: {
      prompt: async (ctx, d) => {
        const found = await about(ctx, d);
        const current = found?.member.nameNote;
        return {
          text: ctx.t("members-ask-note", { name: found?.member.fullName ?? "", max: NAME_NOTE_MAX }) + (current ? `\n${ctx.t("members-note-current", { note: current })}` : ""),
          choices: [[...(current ? [{ label: ctx.t("members-note-clear"), value: "clear" }] : []), ...cancelRow(ctx)]],
        };
      },
      choice: (ctx, d, value) => {
        if (value === "cancel") return backToCard(ctx, d);
        if (value === "clear") return go("confirm", { ...d, note: null });
        return invalid("input-pick-a-choice");
      },
      text: (_ctx, d, text) => {
        const parsed = parseNameNote(text);
        if ("problem" in parsed) return invalid(parsed.problem === "too-long" ? "members-note-too-long" : "members-note-invalid", { max: NAME_NOTE_MAX });
        return go("confirm", { ...d, note: parsed.note });
      },
    },
    form: {
      prompt: async (ctx, d) => ({
        text: ctx.t("members-ask-form", { name: (await about(ctx, d))?.name ?? "" }),
        choices: [...REVIEW_FORMS.map((f) => [{ label: formLabel(ctx.t, f), value: f }]), cancelRow(ctx)],
      }),
      choice: (ctx, d, value) => {
        if (value === "cancel") return backToCard(ctx, d);
        const form = REVIEW_FORMS.find((f) => f === value);
        return form ? go("confirm", { ...d, form }) : invalid("input-pick-a-choice");
      },
    },
    confirm: {
      prompt: async (ctx, d) => {
        let text = await confirmText(ctx, d);
        // Giving "note" its preview: the name as every list will show it.
        if (d.change === "note" && d.note) {
          const found = await about(ctx, d);
          if (found) {
            const roster = (await branchNames(ctx.tx, found.member.branchId)).roster.map((m) => (m.id === found.member.id ? { ...m, nameNote: d.note! } : m));
            if (hasNamesake(found.member, roster)) text += `\n${ctx.t("members-note-preview", { name: namesFrom(roster).of(found.member) })}`;
          }
        }
        return {
          text,
          choices: [confirmRow(ctx.t, false)],
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

/** Members whose miễn sinh hoạt period has ended: back on the roll, and told (with their admins). */
async function endExemptions({ now, store, messages, log }: JobContext): Promise<void> {
  const ended = await store.tx(async (tx) => {
    const due = await tx.members.exemptionsEnded(now);
    for (const m of due) {
      const updated = await tx.members.update(m.id, { exempted: false, exemptReason: null, exemptUntil: null });
      const branch = await tx.branches.byId(m.branchId);
      await tx.audit.add({ branchId: m.branchId, actorId: null, actorLabel: "scheduler", action: "member.exemption-ended", details: { memberId: m.id, until: m.exemptUntil?.toISOString() ?? null } }, now);
      const key = `exempt-ended:${m.id}:${m.exemptUntil?.getTime() ?? 0}`;
      await messages.toMember(tx, updated, branch, `${key}:self`, (t) => ({ text: t("members-notice-exemption-ended", { branch: branch?.name ?? "" }) }));
      const name = (await branchNames(tx, m.branchId)).of(m);
      for (const admin of await tx.members.listWithRole(m.branchId, "admin")) {
        if (admin.id === m.id) continue;
        await messages.toMember(tx, admin, branch, `${key}:${admin.id}`, (t) => ({ text: t("members-admin-exemption-ended", { name }) }));
      }
    }
    return due.length;
  });
  if (ended) log.info({ ended }, "exemptions from meetings ended");
}

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
  jobs: [{ name: "exemptions-ended", run: endExemptions }],
};
