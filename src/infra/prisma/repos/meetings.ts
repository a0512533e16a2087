import type { MeetingRepo } from "../../../core/ports/meetings.ts";
import type { DbTx } from "../client.ts";

export function meetingRepo(_db: DbTx): MeetingRepo {
  return {};
}
