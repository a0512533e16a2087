// Long lists in chat (60+ members, many invites): a page of items as choices, with previous/next.
// On Zalo and the console choices are numbered per message, so a page keeps its numbers short.
import type { StepChoice } from "../engine/flow.ts";
import type { T } from "../services/messages.ts";

export const PAGE_SIZE = 10;

export interface Page<I> {
  items: I[];
  /** 0-based, clamped to the pages that exist. */
  page: number;
  pages: number;
}

export function pageOf<I>(all: I[], page: number, size = PAGE_SIZE): Page<I> {
  const pages = Math.max(1, Math.ceil(all.length / size));
  const p = Number.isInteger(page) ? Math.min(Math.max(page, 0), pages - 1) : 0;
  return { items: all.slice(p * size, (p + 1) * size), page: p, pages };
}

/** The previous/next row (value `p:<n>`), empty on a single page. */
export function pageNav(t: T, page: Page<unknown>): StepChoice[] {
  const row: StepChoice[] = [];
  if (page.page > 0) row.push({ label: t("paging-prev"), value: `p:${page.page - 1}` });
  if (page.page < page.pages - 1) row.push({ label: t("paging-next"), value: `p:${page.page + 1}` });
  return row;
}

/** "Trang 2/7", or nothing when everything fits on one page. */
export function pagePosition(t: T, page: Page<unknown>): string {
  return page.pages > 1 ? t("paging-position", { page: page.page + 1, pages: page.pages }) : "";
}

/** The page number carried by a `p:<n>` value, or null. */
export function parsePageValue(value: string): number | null {
  const m = /^p:(\d{1,4})$/.exec(value);
  return m ? Number(m[1]) : null;
}

/**
 * Labels that can be told apart when typed back: a second "Nguyễn Văn An" on the page becomes
 * "Nguyễn Văn An (2)".
 */
export function distinctLabels(labels: string[]): string[] {
  const seen = new Map<string, number>();
  return labels.map((label) => {
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    return n === 1 ? label : `${label} (${n})`;
  });
}
