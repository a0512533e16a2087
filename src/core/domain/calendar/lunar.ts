// The Vietnamese lunisolar calendar (âm lịch), computed astronomically rather than read from a table,
// so that it works for any year. The algorithm is Hồ Ngọc Đức's ("Âm lịch Việt Nam", 2001–2004,
// https://www.informatik.uni-leipzig.de/~duc/amlich/calrules.html), the one Vietnamese calendars
// publish: new moons and solar terms from Jean Meeus, "Astronomical Algorithms" (ch. 47–49), with
// days counted in UTC+7. The time zone matters: China computes in UTC+8 and in some years (1985,
// 2007, 2030) its Tết falls on a different day from Vietnam's.

/** Vietnam's calendar has been computed for UTC+7 since 1968. */
export const VIETNAM_TZ_HOURS = 7;

export interface LunarDate {
  day: number;
  month: number;
  year: number;
  /** A leap month (tháng nhuận) repeats the number of the month before it. */
  leap: boolean;
}

export interface SolarDate {
  year: number;
  month: number;
  day: number;
}

const INT = Math.floor;
const SYNODIC = 29.530588853;
/** Julian day of the new moon of 1900-01-01 (k = 0). */
const EPOCH = 2415021.076998695;

/** Julian day number of a Gregorian (after 1582-10-15) or Julian calendar date. */
export function jdFromDate(dd: number, mm: number, yy: number): number {
  const a = INT((14 - mm) / 12);
  const y = yy + 4800 - a;
  const m = mm + 12 * a - 3;
  let jd = dd + INT((153 * m + 2) / 5) + 365 * y + INT(y / 4) - INT(y / 100) + INT(y / 400) - 32045;
  if (jd < 2299161) jd = dd + INT((153 * m + 2) / 5) + 365 * y + INT(y / 4) - 32083;
  return jd;
}

export function jdToDate(jd: number): SolarDate {
  let b: number;
  let c: number;
  if (jd > 2299160) {
    const a = jd + 32044;
    b = INT((4 * a + 3) / 146097);
    c = a - INT((b * 146097) / 4);
  } else {
    b = 0;
    c = jd + 32082;
  }
  const d = INT((4 * c + 3) / 1461);
  const e = c - INT((1461 * d) / 4);
  const m = INT((5 * e + 2) / 153);
  return {
    day: e - INT((153 * m + 2) / 5) + 1,
    month: m + 3 - 12 * INT(m / 10),
    year: b * 100 + d - 4800 + INT(m / 10),
  };
}

/** The local day (Julian day number) of the k-th new moon after 1900-01-01. */
export function newMoonDay(k: number, tz = VIETNAM_TZ_HOURS): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  const dr = Math.PI / 180;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * dr);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3; // Sun's mean anomaly
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3; // Moon's mean anomaly
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3; // Moon's argument of latitude
  let C1 = (0.1734 - 0.000393 * T) * Math.sin(M * dr) + 0.0021 * Math.sin(2 * dr * M);
  C1 = C1 - 0.4068 * Math.sin(Mpr * dr) + 0.0161 * Math.sin(dr * 2 * Mpr);
  C1 = C1 - 0.0004 * Math.sin(dr * 3 * Mpr);
  C1 = C1 + 0.0104 * Math.sin(dr * 2 * F) - 0.0051 * Math.sin(dr * (M + Mpr));
  C1 = C1 - 0.0074 * Math.sin(dr * (M - Mpr)) + 0.0004 * Math.sin(dr * (2 * F + M));
  C1 = C1 - 0.0004 * Math.sin(dr * (2 * F - M)) - 0.0006 * Math.sin(dr * (2 * F + Mpr));
  C1 = C1 + 0.001 * Math.sin(dr * (2 * F - Mpr)) + 0.0005 * Math.sin(dr * (2 * Mpr + M));
  const deltaT =
    T < -11 ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3 : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return INT(jd1 + C1 - deltaT + 0.5 + tz / 24);
}

/** Which twelfth of the ecliptic (0–11, a major solar term) the Sun is in at the start of a local day. */
export function sunLongitudeSector(jdn: number, tz = VIETNAM_TZ_HOURS): number {
  const T = (jdn - 2451545.5 - tz / 24) / 36525;
  const T2 = T * T;
  const dr = Math.PI / 180;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(dr * M);
  DL += (0.019993 - 0.000101 * T) * Math.sin(dr * 2 * M) + 0.00029 * Math.sin(dr * 3 * M);
  let L = (L0 + DL) * dr;
  L -= Math.PI * 2 * INT(L / (Math.PI * 2));
  return INT((L / Math.PI) * 6);
}

/** The first day of the lunar month 11 (the month holding the winter solstice) of a solar year. */
function lunarMonth11(yy: number, tz: number): number {
  const off = jdFromDate(31, 12, yy) - 2415021;
  const k = INT(off / SYNODIC);
  const nm = newMoonDay(k, tz);
  return sunLongitudeSector(nm, tz) >= 9 ? newMoonDay(k - 1, tz) : nm;
}

/** In a 13-month year: how many months after month 11 the leap month comes (the first without a major term). */
function leapMonthOffset(a11: number, tz: number): number {
  const k = INT((a11 - EPOCH) / SYNODIC + 0.5);
  let i = 1;
  let arc = sunLongitudeSector(newMoonDay(k + i, tz), tz);
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunLongitudeSector(newMoonDay(k + i, tz), tz);
  } while (arc !== last && i < 14);
  return i - 1;
}

export function solarToLunar(date: SolarDate, tz = VIETNAM_TZ_HOURS): LunarDate {
  const dayNumber = jdFromDate(date.day, date.month, date.year);
  const k = INT((dayNumber - EPOCH) / SYNODIC);
  let monthStart = newMoonDay(k + 1, tz);
  if (monthStart > dayNumber) monthStart = newMoonDay(k, tz);
  let a11 = lunarMonth11(date.year, tz);
  let b11 = a11;
  let year: number;
  if (a11 >= monthStart) {
    year = date.year;
    a11 = lunarMonth11(date.year - 1, tz);
  } else {
    year = date.year + 1;
    b11 = lunarMonth11(date.year + 1, tz);
  }
  const day = dayNumber - monthStart + 1;
  const diff = INT((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11, tz);
    if (diff >= leapDiff) {
      month = diff + 10;
      if (diff === leapDiff) leap = true;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) year -= 1;
  return { day, month, year, leap };
}

/** The solar date of a lunar date; null for a leap month the year does not have. */
export function lunarToSolar(lunar: LunarDate, tz = VIETNAM_TZ_HOURS): SolarDate | null {
  const jd = lunarToJd(lunar, tz);
  return jd === null ? null : jdToDate(jd);
}

function lunarToJd(lunar: LunarDate, tz: number): number | null {
  const { day, month, year, leap } = lunar;
  const [a11, b11] = month < 11 ? [lunarMonth11(year - 1, tz), lunarMonth11(year, tz)] : [lunarMonth11(year, tz), lunarMonth11(year + 1, tz)];
  const k = INT(0.5 + (a11 - EPOCH) / SYNODIC);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11, tz);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) return null;
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    return null;
  }
  return newMoonDay(k + off, tz) + day - 1;
}

/** Tết Nguyên Đán (lunar 1/1) of a solar year. */
export function tetDate(year: number, tz = VIETNAM_TZ_HOURS): SolarDate {
  return jdToDate(lunarToJd({ day: 1, month: 1, year, leap: false }, tz)!);
}

/** The Julian day number of Tết of a solar year (handy for counting days around it). */
export function tetJd(year: number, tz = VIETNAM_TZ_HOURS): number {
  return lunarToJd({ day: 1, month: 1, year, leap: false }, tz)!;
}
