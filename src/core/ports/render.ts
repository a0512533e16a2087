// What the core writes as files, as plain data: tables, a bar chart, a text document, a QR code's
// text. Turning them into PNG, XLSX, CSV or DOCX is the renderer's job (src/infra/render), so the
// core depends on no file format and no drawing library.

/** A moment, kept as such so that a spreadsheet can store a real date and a CSV can print it. */
export interface When {
  at: Date;
}
export type Cell = string | number | When | null;

/** One table: a sheet of a workbook, or one CSV file. */
export interface Sheet {
  /** The sheet's name (the renderer shortens it where the format limits names). */
  title: string;
  headers: string[];
  rows: Cell[][];
}

export interface Workbook {
  /** Shown as the file's author. */
  creator: string;
  /** Moments are written as the wall-clock time of this zone: spreadsheets have no time zones. */
  zone: string;
  sheets: Sheet[];
}

/** How a layer of the bars reads; the renderer picks the colours. */
export type Tone = "good" | "warning" | "bad";

/** Stacked bars with a legend, one bar per period, each with a few short lines under it. */
export interface BarChart {
  title: string;
  /** One line under the legend: what the bars are counted from. */
  note: string;
  /** Over the value axis: what is counted. */
  axis: string;
  /** The layers of every bar, from the bottom, as the legend names them. */
  layers: Array<{ label: string; tone: Tone }>;
  bars: ChartBar[];
}

export interface ChartBar {
  /** One whole number per layer. */
  values: number[];
  /** Under the bar ("T12"). */
  label: string;
  /** In small type under the label. */
  detail?: string;
  /** Under the detail, where a group of bars starts (the year). */
  group?: string;
  /** At the foot of the plot where the bar is empty and that needs saying ("không họp"). */
  empty?: string;
}

export type Align = "left" | "center" | "right" | "justify";

export interface Paragraph {
  text: string;
  align: Align;
  /** Space after the paragraph, in points. */
  spaceAfterPt: number;
  bold?: boolean;
  italics?: boolean;
}

/** Paragraphs side by side in equal, borderless columns, as printed forms set their header. */
export interface Columns {
  columns: Paragraph[][];
}

export interface TextDocument {
  title: string;
  creator: string;
  font: { family: string; sizePt: number };
  /** Page margins in millimetres. */
  marginsMm: { top: number; bottom: number; left: number; right: number };
  blocks: Array<Paragraph | Columns>;
}

/** Turns the documents above into files. */
export interface Renderer {
  /** The chart as a PNG image. */
  chartPng(chart: BarChart): Promise<Buffer>;
  /** The sheets as one Excel workbook. */
  xlsx(book: Workbook): Promise<Buffer>;
  /** One sheet as CSV that Excel opens correctly; moments in `zone`. */
  csv(sheet: Sheet, zone: string): Promise<Buffer>;
  /** The document as a Word file. */
  docx(doc: TextDocument): Promise<Buffer>;
  /** A QR code of `text` as a PNG image. */
  qrPng(text: string): Promise<Buffer>;
}
