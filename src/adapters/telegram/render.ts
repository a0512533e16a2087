// The canonical message as Telegram messages: HTML with everything escaped (names and answers are
// typed by people and must show exactly as typed), at most 4,096 characters each, split at line
// breaks, with the choices as an inline keyboard under the last piece.
import type { InlineKeyboardMarkup } from "grammy/types";
import { splitText, MAX_ACTION_BYTES, type Choice, type OutMessage } from "../../core/index.ts";

/** Telegram counts the limit on the text after entities are parsed, i.e. before escaping. */
export const MAX_MESSAGE_CHARS = 4096;

export interface TextPart {
  html: string;
  keyboard?: InlineKeyboardMarkup;
}

export class CallbackDataError extends Error {
  readonly code = "CALLBACK_DATA_INVALID";
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Callback data is 1–64 bytes; a longer action would make Telegram refuse the whole message. */
export function assertCallbackData(action: string): void {
  const bytes = Buffer.byteLength(action, "utf8");
  if (bytes === 0 || bytes > MAX_ACTION_BYTES) {
    throw new CallbackDataError(`callback data must be 1–${MAX_ACTION_BYTES} bytes, "${action.slice(0, 80)}" has ${bytes}`);
  }
}

export function inlineKeyboard(choices: Choice[][]): InlineKeyboardMarkup {
  return {
    inline_keyboard: choices
      .filter((row) => row.length)
      .map((row) =>
        row.map((c) => {
          assertCallbackData(c.action);
          return { text: c.label, callback_data: c.action };
        }),
      ),
  };
}

/** The text pieces of a message, in order; the keyboard rides on the last one. */
export function renderText(message: OutMessage): TextPart[] {
  const keyboard = message.choices?.some((row) => row.length) ? inlineKeyboard(message.choices) : undefined;
  const text = message.text.trim() ? message.text : "";
  // Choices need a message to hang on; a bare keyboard gets a neutral mark.
  const pieces = text ? splitText(text, MAX_MESSAGE_CHARS) : keyboard ? ["…"] : [];
  return pieces.map((piece, i) => ({
    html: escapeHtml(piece),
    ...(keyboard && i === pieces.length - 1 ? { keyboard } : {}),
  }));
}
