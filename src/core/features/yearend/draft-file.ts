// The draft self-review as a Word file, laid out like the printed form: the form's code top right,
// the party committee and branch on the left and the party's name with the place and date on the
// right (two borderless columns, as the forms are typeset), the centred title, the member's
// details, the numbered sections, the signature block on the right. Times New Roman 13 pt.
import type { Align, Paragraph, Renderer, TextDocument } from "../../ports/render.ts";
import type { OutFile } from "../../types.ts";
import type { DraftText } from "./draft.ts";

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const line = (text: string, opts: { bold?: boolean; italics?: boolean; align?: Align; after?: number } = {}): Paragraph => ({
  text,
  align: opts.align ?? "justify",
  spaceAfterPt: opts.after ?? 4,
  ...(opts.bold ? { bold: true } : {}),
  ...(opts.italics ? { italics: true } : {}),
});

export function draftLayout(d: DraftText): TextDocument {
  return {
    title: d.title.join(" "),
    creator: "Trợ lý Chi bộ",
    font: { family: "Times New Roman", sizePt: 13 },
    marginsMm: { top: 20, bottom: 20, left: 30, right: 20 },
    blocks: [
      line(d.formCode, { italics: true, align: "right" }),
      {
        columns: [
          d.headerLeft.map((x, i) => line(x, { bold: i > 0, align: "center", after: 2 })),
          d.headerRight.map((x, i) => line(x, { bold: i === 0, italics: i > 0, align: "center", after: 2 })),
        ],
      },
      line("", { after: 6 }),
      ...d.title.map((x, i) => line(x, { bold: i < 2, italics: i >= 2, align: "center", after: i === d.title.length - 1 ? 12 : 2 })),
      ...d.info.map((x) => line(x)),
      ...d.sections.flatMap((s) => [line(s.heading, { bold: true, after: 6 }), ...s.lines.map((x) => line(x))]),
      line(d.notice, { italics: true, after: 12 }),
      ...d.signature.map((x, i) => line(x, { align: "right", bold: i === 0, italics: i === 1 })),
    ],
  };
}

export async function draftDocx(d: DraftText, fileName: string, render: Renderer): Promise<OutFile> {
  const data = await render.docx(draftLayout(d));
  return { name: fileName, mime: DOCX_MIME, data: data.toString("base64") };
}
