// The draft self-review as a Word file, laid out like the paper form members hand in: party header,
// centred title, numbered sections, the signature block on the right. Times New Roman 13 pt.
import type * as Docx from "docx";
import type { OutFile } from "../../types.ts";
import type { DraftText } from "./draft.ts";

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

type Align = (typeof Docx.AlignmentType)[keyof typeof Docx.AlignmentType];

export async function draftDocx(d: DraftText, partyHeader: string, fileName: string): Promise<OutFile> {
  // Loaded on the first year-end draft only: a large library most processes never need.
  const { AlignmentType, Document, Packer, Paragraph, TextRun }: typeof Docx = await import("docx");
  const line = (text: string, opts: { bold?: boolean; italics?: boolean; align?: Align; after?: number } = {}) =>
    new Paragraph({
      alignment: opts.align ?? AlignmentType.JUSTIFIED,
      spacing: { after: opts.after ?? 80 },
      children: [new TextRun({ text, bold: opts.bold ?? false, italics: opts.italics ?? false })],
    });
  const children = [
    line(partyHeader, { bold: true, align: AlignmentType.RIGHT }),
    line(d.intro[1] ?? "", { align: AlignmentType.LEFT, after: 240 }),
    line(d.title, { bold: true, align: AlignmentType.CENTER, after: 240 }),
    ...d.intro.map((x) => line(x)),
    ...d.sections.flatMap((s) => [line(s.heading, { bold: true, after: 120 }), ...s.lines.map((x) => line(x))]),
    line(d.notice, { italics: true, after: 240 }),
    ...d.signature.map((x, i) => line(x, { align: AlignmentType.RIGHT, bold: i === d.signature.length - 2, italics: i === 0 })),
  ];
  const doc = new Document({
    creator: "Trợ lý Chi bộ",
    title: d.title,
    styles: { default: { document: { run: { font: "Times New Roman", size: 26 } } } },
    sections: [{ properties: { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } }, children }],
  });
  return { name: fileName, mime: DOCX_MIME, data: await Packer.toBase64String(doc) };
}
