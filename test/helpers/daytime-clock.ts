// Tests that run the whole app on the wall clock would otherwise depend on the hour they run at: a
// branch's quiet hours (21:00–07:00 in Việt Nam) move notices and nudges to the next morning. This
// clock runs at real speed, but when the real hour in Việt Nam is outside the working day it reads
// as midday there.
import type { Clock } from "../../src/core/ports/runtime.ts";

const VN_OFFSET_MS = 7 * 3_600_000;

export function daytimeClock(): Clock {
  const now = Date.now();
  const hourInVietnam = new Date(now + VN_OFFSET_MS).getUTCHours();
  let offset = 0;
  if (hourInVietnam < 8 || hourInVietnam >= 19) {
    const noon = new Date(now + VN_OFFSET_MS);
    noon.setUTCHours(12, 0, 0, 0);
    offset = noon.getTime() - VN_OFFSET_MS - now;
  }
  return { now: () => new Date(Date.now() + offset) };
}
