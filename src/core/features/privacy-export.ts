// /dulieu as a file a person can read: every kind of data under a heading in their language,
// times in the branch's time zone as dd/MM/yyyy HH:mm, codes spelled out ("Vắng mặt", not ABSENT),
// and a file name of its own ("du-lieu-tran-thi-binh-20261125.json"), so two exports never overwrite
// each other where files are saved by name (the terminal chat).
import { DateTime } from "luxon";
import type { MemberData } from "../ports/member-data.ts";
import type { T } from "../services/messages.ts";
import type { OutFile } from "../types.ts";
import { periodName } from "./commitments/periods.ts";
import { slug } from "./digests/export.ts";

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const PROGRESS = { DONE: "export-progress-done", IN_PROGRESS: "export-progress-in-progress", NOT_YET: "export-progress-not-yet" } as const;
const LEVELS = { EXCELLENT: "yearend-level-excellent", GOOD: "yearend-level-good", COMPLETED: "yearend-level-completed", NOT_COMPLETED: "yearend-level-not-completed" } as const;
const FORMS = { FORM_2A: "yearend-form-2a", FORM_2B: "yearend-form-2b", FORM_2C: "yearend-form-2c" } as const;
const PLATFORMS = { TELEGRAM: "link-platform-telegram", ZALO: "link-platform-zalo", CONSOLE: "link-platform-console" } as const;

/** The labelled object: keys are locale keys, turned into the reader's words. */
function labelled(t: T, fields: Array<[string, Json]>): { [key: string]: Json } {
  return Object.fromEntries(fields.map(([key, v]) => [t(key), v]));
}

export function memberDataJson(data: MemberData, t: T, now: Date): { [key: string]: Json } {
  const zone = data.branch.timezone;
  const when = (at: Date | null): Json => (at ? DateTime.fromJSDate(at, { zone }).toFormat("dd/MM/yyyy HH:mm") : null);
  const yesNo = (v: boolean): Json => t(v ? "privacy-value-yes" : "privacy-value-no");
  const { member } = data;
  const roles = [
    ...(member.isSecretary ? [t(member.isDeputy ? "role-deputy" : "role-secretary")] : []),
    ...(member.isAdmin ? [t("role-admin")] : []),
  ];
  const status =
    member.status === "ACTIVE"
      ? t("members-status-active")
      : member.status === "REMOVED"
        ? t("members-status-removed", { date: member.removedAt ? DateTime.fromJSDate(member.removedAt, { zone }).toFormat("dd/MM/yyyy") : "" })
        : t("privacy-value-erased");
  const language = member.locale === "vi" || member.locale === "en" ? t(`language-name-${member.locale}`) : null;
  const platform = (p: keyof typeof PLATFORMS) => t(PLATFORMS[p]);

  return labelled(t, [
    ["privacy-field-about", t("privacy-file-about")],
    ["privacy-field-exported-at", when(now)],
    ["privacy-field-time-zone", zone],
    [
      "privacy-section-member",
      labelled(t, [
        ["privacy-field-full-name", member.fullName],
        ["privacy-field-name-note", member.nameNote],
        ["privacy-field-branch", data.branch.name],
        ["privacy-field-roles", roles.length ? roles : [t("role-member")]],
        ["privacy-field-party-status", member.partyStatus && t(member.partyStatus === "FULL" ? "members-party-full" : "members-party-probationary")],
        ["privacy-field-exempted", yesNo(member.exempted)],
        ["privacy-field-exempt-reason", member.exemptReason],
        ["privacy-field-exempt-until", when(member.exemptUntil)],
        ["privacy-field-review-form", member.reviewForm ? t(FORMS[member.reviewForm]) : null],
        ["privacy-field-status", status],
        ["privacy-field-language", language],
        ["privacy-field-preferred-platform", member.preferredPlatform ? platform(member.preferredPlatform) : null],
        ["privacy-field-consent-at", when(member.consentAt)],
        ["privacy-field-joined-at", when(member.joinedAt)],
        ["privacy-field-removed-at", when(member.removedAt)],
      ]),
    ],
    [
      "privacy-section-chats",
      data.chats.map((c) =>
        labelled(t, [
          ["privacy-field-platform", platform(c.platform)],
          ["privacy-field-bot", c.bot],
          ["privacy-field-user-id", c.userId],
          ["privacy-field-chat-id", c.chatId],
          ["privacy-field-display-name", c.displayName],
          ["privacy-field-receiving", yesNo(c.active)],
          ["privacy-field-not-receiving-why", c.inactiveReason],
          ["privacy-field-first-seen", when(c.createdAt)],
          ["privacy-field-last-seen", when(c.lastSeenAt)],
        ]),
      ),
    ],
    [
      "privacy-section-answers",
      data.answers.map((a) =>
        labelled(t, [
          ["privacy-field-meeting", when(a.meetingAt)],
          ["privacy-field-meeting-kind", t(a.kind === "REGULAR" ? "export-kind-regular" : "export-kind-thematic")],
          ["privacy-field-topic", a.topic],
          ["privacy-field-answer", t(a.answer === "ATTEND" ? "export-answer-attend" : "export-answer-absent")],
          ["privacy-field-reason", a.reason],
          ["privacy-field-answered-at", when(a.answeredAt)],
        ]),
      ),
    ],
    [
      "privacy-section-attendance",
      data.attendance.map((a) =>
        labelled(t, [
          ["privacy-field-meeting", when(a.meetingAt)],
          ["privacy-field-present", yesNo(a.present)],
          ["privacy-field-reason", a.reason],
          ["privacy-field-recorded-at", when(a.recordedAt)],
        ]),
      ),
    ],
    [
      "privacy-section-commitments",
      data.commitments.map((c) =>
        labelled(t, [
          ["privacy-field-period", periodName(t, c.period)],
          ["privacy-field-number", c.position],
          ["privacy-field-text", c.text],
          ["privacy-field-standard", c.standard],
          ["privacy-field-state", t(c.deletedAt ? "privacy-value-deleted" : c.status === "SUBMITTED" ? "privacy-value-submitted" : "privacy-value-draft")],
          ["privacy-field-created-at", when(c.createdAt)],
          ["privacy-field-submitted-at", when(c.submittedAt)],
          ["privacy-field-changed-at", when(c.changedAt)],
          ["privacy-field-deleted-at", when(c.deletedAt)],
          ["privacy-field-comments", c.comments.map((r) => comment(t, r, when))],
        ]),
      ),
    ],
    ["privacy-section-comments-written", data.commentsWritten.map((r) => comment(t, r, when))],
    [
      "privacy-section-evaluations",
      data.evaluations.map((e) =>
        labelled(t, [
          ["privacy-field-meeting", when(e.meetingAt)],
          ["privacy-field-state", t(e.status === "SUBMITTED" ? "privacy-value-submitted" : "privacy-value-draft")],
          ["privacy-field-reflection", e.reflection],
          ["privacy-field-submitted-at", when(e.submittedAt)],
          [
            "privacy-field-items",
            e.items.map((i) =>
              labelled(t, [
                ["privacy-field-commitment", i.commitment],
                ["privacy-field-progress", t(PROGRESS[i.progress])],
                ["privacy-field-note", i.note],
              ]),
            ),
          ],
        ]),
      ),
    ],
    [
      "privacy-section-ratings",
      data.ratings.map((r) =>
        labelled(t, [
          ["privacy-field-year", String(r.year)],
          ["privacy-field-level", t(LEVELS[r.level])],
          ["privacy-field-reason", r.reason],
          ["privacy-field-submitted-at", when(r.submittedAt)],
        ]),
      ),
    ],
    [
      "privacy-section-audit",
      data.audit.map((a) =>
        labelled(t, [
          ["privacy-field-time", when(a.at)],
          ["privacy-field-action", a.action],
          ["privacy-field-by", a.byThem ? t("privacy-value-by-you", { label: a.actorLabel }) : a.actorLabel],
          ["privacy-field-details", (a.details ?? null) as Json],
        ]),
      ),
    ],
    [
      "privacy-section-pending",
      data.pendingMessages.map((m) =>
        labelled(t, [
          ["privacy-field-created-at", when(m.createdAt)],
          ["privacy-field-send-from", when(m.notBefore)],
          ["privacy-field-state", t(m.status === "HELD" ? "privacy-value-held" : "privacy-value-waiting")],
          ["privacy-field-platform", platform(m.platform)],
          ["privacy-field-text", m.text],
          ["privacy-field-files", m.files],
        ]),
      ),
    ],
    ["privacy-section-notices", data.pendingNotices.map((n) => labelled(t, [["privacy-field-created-at", when(n.createdAt)], ["privacy-field-text", n.text]]))],
    [
      "privacy-section-drafts",
      data.drafts.map((d) =>
        labelled(t, [
          ["privacy-field-flow", d.flow],
          ["privacy-field-step", d.step],
          ["privacy-field-draft", (d.data ?? null) as Json],
          ["privacy-field-updated-at", when(d.updatedAt)],
          ["privacy-field-expires-at", when(d.expiresAt)],
        ]),
      ),
    ],
  ]);
}

function comment(t: T, r: { kind: "COMMENT" | "REVISION"; text: string; createdAt: Date }, when: (at: Date | null) => Json): { [key: string]: Json } {
  return labelled(t, [
    ["privacy-field-comment-kind", t(r.kind === "REVISION" ? "privacy-value-revision" : "privacy-value-comment")],
    ["privacy-field-text", r.text],
    ["privacy-field-time", when(r.createdAt)],
  ]);
}

/** The file: "du-lieu-tran-thi-binh-20261125.json" ("my-data-…" in English). */
export function memberDataFile(data: MemberData, t: T, now: Date): OutFile {
  const date = DateTime.fromJSDate(now, { zone: data.branch.timezone }).toFormat("yyyyMMdd");
  const json = JSON.stringify(memberDataJson(data, t, now), null, 2);
  return {
    name: `${t("privacy-export-file", { name: slug(data.member.fullName), date })}.json`,
    mime: "application/json",
    data: Buffer.from(json, "utf8").toString("base64"),
  };
}
