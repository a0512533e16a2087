// The draft self-review as a Word file, laid out like the printed form: the form's code top right,
// the party committee and branch on the left and the party's name with the place and date on the
// right (a borderless two-column table, as the forms are typeset), the centred title, the member's
// details, the numbered sections, the signature block on the right. Times New Roman 13 pt.
import type * as Docx from "docx";
import type { OutFile } from "../../types.ts";
import type { DraftText } from "./draft.ts";

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

type Align = (typeof Docx.AlignmentType)[keyof typeof Docx.AlignmentType];

export async function draftDocx(d: DraftText, fileName: string): Promise<OutFile> {
  // Loaded on the first year-end draft only: a large library most processes never need.
  const docx: typeof Docx = await import("docx");
  const { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } = docx;
  const line = (text: string, opts: { bold?: boolean; italics?: boolean; align?: Align; after?: number } = {}) =>
    new Paragraph({
      alignment: opts.align ?? AlignmentType.JUSTIFIED,
      spacing: { after: opts.after ?? 80 },
      children: [new TextRun({ text, bold: opts.bold ?? false, italics: opts.italics ?? false })],
    });
  const none = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
  const borders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };
  const cell = (children: Docx.Paragraph[]) => new TableCell({ borders: { top: none, bottom: none, left: none, right: none }, width: { size: 50, type: WidthType.PERCENTAGE }, children });
  const header = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders,
    rows: [
      new TableRow({
        children: [
          cell(d.headerLeft.map((x, i) => line(x, { bold: i > 0, align: AlignmentType.CENTER, after: 40 }))),
          cell(d.headerRight.map((x, i) => line(x, { bold: i === 0, italics: i > 0, align: AlignmentType.CENTER, after: 40 }))),
        ],
      }),
    ],
  });
  const children = [
    line(d.formCode, { italics: true, align: AlignmentType.RIGHT }),
    header,
    line("", { after: 120 }),
    ...d.title.map((x, i) => line(x, { bold: i < 2, italics: i >= 2, align: AlignmentType.CENTER, after: i === d.title.length - 1 ? 240 : 40 })),
    ...d.info.map((x) => line(x)),
    ...d.sections.flatMap((s) => [line(s.heading, { bold: true, after: 120 }), ...s.lines.map((x) => line(x))]),
    line(d.notice, { italics: true, after: 240 }),
    ...d.signature.map((x, i) => line(x, { align: AlignmentType.RIGHT, bold: i === 0, italics: i === 1 })),
  ];
  const doc = new Document({
    creator: "Trợ lý Chi bộ",
    title: d.title.join(" "),
    styles: { default: { document: { run: { font: "Times New Roman", size: 26 } } } },
    sections: [{ properties: { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } }, children }],
  });
  return { name: fileName, mime: DOCX_MIME, data: await Packer.toBase64String(doc) };
}
