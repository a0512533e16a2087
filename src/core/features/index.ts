// Every feature of the bot, in the order the help lists them. Commands are matched by name, so the
// order matters only for help and the Telegram menu.
import type { Feature } from "../engine/registry.ts";
import { branchesFeature } from "./branches.ts";
import { cancelFeature } from "./cancel.ts";
import { helpFeature } from "./help.ts";
import { housekeepingFeature } from "./housekeeping.ts";
import { languageFeature } from "./language.ts";
import { onboardingFeature } from "./onboarding.ts";

export const allFeatures: Feature[] = [
  onboardingFeature, // /start: joining and one's status
  helpFeature, // /trogiup
  cancelFeature, // /huy
  languageFeature, // /ngonngu
  branchesFeature, // /taochibo (operators)
  housekeepingFeature, // jobs only
];
