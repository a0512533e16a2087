// QR codes as PNG, for invites that are printed or shown in a meeting room: medium error correction
// (a crease or a glare still scans), big modules and a quiet zone for old phone cameras.
import type QRCodeModule from "qrcode";

export async function qrPng(text: string): Promise<Buffer> {
  // Loaded on the first invite only, like the other renderers' libraries.
  const QRCode: typeof QRCodeModule = (await import("qrcode")).default;
  return QRCode.toBuffer(text, { type: "png", errorCorrectionLevel: "M", scale: 8, margin: 4 });
}
