// What an open question is about, its topic: one open question per topic and chat (see
// QuestionMeta). The engine matches typed answers by topic; the sender records them at delivery.

/** The topic of the question that asks "which one?" (see engine/answers.ts, resolveTyped). */
export const WHICH_TOPIC = "which";
/** A flow step's question: "flow:<token>", the token that makes earlier steps' choices stale. */
export const flowTopic = (token: string): string => `flow:${token}`;
export const isFlowTopic = (topic: string): boolean => topic.startsWith("flow:");

/** The topic a choice's action answers: "r:<meetingId>", "flow:<token>", "cm:o". */
export function topicOfAction(action: string): string {
  const parts = action.split(":");
  if (parts[0] === "f") return flowTopic(parts[1] ?? "");
  return parts.slice(0, 2).join(":");
}
