// A text document as a Word file: paragraphs, and paragraphs side by side in a borderless table
// (the header of a printed form), in one font and size, with the page's margins.
import type * as Docx from "docx";
import type { Align, Columns, Paragraph, TextDocument } from "../../core/ports/render.ts";

/** Word measures in twentieths of a point ("twips"): 1 pt = 20, 1 mm = 1440 / 25.4. */
const ptTwips = (pt: number) => Math.round(pt * 20);
const mmTwips = (mm: number) => Math.round((mm * 1440) / 25.4);

export async function toDocx(doc: TextDocument): Promise<Buffer> {
  // Loaded on the first document only: a large library most processes never need.
  const docx: typeof Docx = await import("docx");
  const { AlignmentType, BorderStyle, Document, Packer, Table, TableCell, TableRow, TextRun, WidthType } = docx;
  const alignment: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
    left: AlignmentType.LEFT,
    center: AlignmentType.CENTER,
    right: AlignmentType.RIGHT,
    justify: AlignmentType.JUSTIFIED,
  };
  const paragraph = (p: Paragraph) =>
    new docx.Paragraph({
      alignment: alignment[p.align],
      spacing: { after: ptTwips(p.spaceAfterPt) },
      children: [new TextRun({ text: p.text, bold: p.bold ?? false, italics: p.italics ?? false })],
    });
  const none = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
  const borders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };
  const columns = (c: Columns) =>
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders,
      rows: [
        new TableRow({
          children: c.columns.map(
            (column) =>
              new TableCell({
                borders: { top: none, bottom: none, left: none, right: none },
                width: { size: 100 / c.columns.length, type: WidthType.PERCENTAGE },
                children: column.map(paragraph),
              }),
          ),
        }),
      ],
    });
  const { marginsMm: m } = doc;
  const out = new Document({
    creator: doc.creator,
    title: doc.title,
    styles: { default: { document: { run: { font: doc.font.family, size: doc.font.sizePt * 2 } } } },
    sections: [
      {
        properties: { page: { margin: { top: mmTwips(m.top), bottom: mmTwips(m.bottom), left: mmTwips(m.left), right: mmTwips(m.right) } } },
        children: doc.blocks.map((block) => ("columns" in block ? columns(block) : paragraph(block))),
      },
    ],
  });
  return Packer.toBuffer(out);
}
