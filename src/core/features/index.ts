// Every feature of the bot, in the order the help lists them. Commands are matched by name, so the
// order matters only for help and the Telegram menu.
import type { Feature } from "../engine/registry.ts";
import { botsFeature } from "./bots/index.ts";
import { branchesFeature } from "./branches.ts";
import { cancelFeature } from "./cancel.ts";
import { commitmentsFeature } from "./commitments/index.ts";
import { attendanceFeature } from "./digests/attendance.ts";
import { exportFeature } from "./digests/export.ts";
import { digestsFeature } from "./digests/index.ts";
import { helpFeature } from "./help.ts";
import { housekeepingFeature } from "./housekeeping.ts";
import { invitesFeature } from "./invites.ts";
import { languageFeature } from "./language.ts";
import { linkingFeature } from "./linking.ts";
import { meetingsFeature } from "./meetings/index.ts";
import { noticesFeature } from "./notices.ts";
import { membersFeature } from "./members.ts";
import { onboardingFeature } from "./onboarding.ts";
import { privacyFeature } from "./privacy.ts";
import { retentionFeature } from "./retention.ts";
import { selfEvalFeature } from "./selfeval/index.ts";
import { settingsFeature } from "./settings/index.ts";
import { yearEndFeature } from "./yearend/index.ts";

export const allFeatures: Feature[] = [
  onboardingFeature, // /start: joining and one's status
  helpFeature, // /trogiup
  cancelFeature, // /huy
  languageFeature, // /ngonngu
  privacyFeature, // /dulieu, /xoadulieu
  linkingFeature, // /lienket: one member on Telegram and Zalo
  meetingsFeature, // /hop, /lichhop, /nhacnho, and the jobs that plan meetings and send reminders
  commitmentsFeature, // /dangky, /gopy, /cuatoi, and the registration reminder
  selfEvalFeature, // /tudanhgia, and the jobs that open, nudge and close each month's window
  yearEndFeature, // the year-end proposal and draft self-review (opened by the admin)
  digestsFeature, // /baocao (secretaries) and the scheduled digests before and at each meeting
  attendanceFeature, // /diemdanh (secretaries): who actually attended
  exportFeature, // /xuat (secretaries): CSV and XLSX of the branch's answers
  noticesFeature, // the chi ủy's daily notice of members' changes (a job)
  membersFeature, // /thanhvien (admins)
  invitesFeature, // /moi (admins)
  settingsFeature, // /caidat (admins)
  branchesFeature, // /taochibo (operators)
  botsFeature, // /kenh (operators): the bot accounts, their quotas, which branch each serves
  housekeepingFeature, // jobs only
  retentionFeature, // a job only: deletes what each kind of personal row may no longer keep
];
