// In-memory stand-ins for what is outside the machine or outside the core: time and delivery.
import type { Clock, Logger, Messenger } from "../../src/core/ports/runtime.ts";
import type { OutMessage, Platform } from "../../src/core/types.ts";

export class TestClock implements Clock {
  constructor(private current: Date = new Date("2026-11-25T03:00:00Z")) {}
  now(): Date {
    return new Date(this.current);
  }
  set(at: Date | string): void {
    this.current = new Date(at);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface Delivered {
  platform: Platform;
  chatId: string;
  message: OutMessage;
}

/** Records what would have been sent; `fail` lets a test make a delivery throw. */
export class RecordingMessenger implements Messenger {
  readonly sent: Delivered[] = [];
  fail: ((chatId: string, message: OutMessage) => Error | null) | null = null;

  constructor(readonly platform: Platform = "CONSOLE") {}

  async send(chatId: string, message: OutMessage): Promise<void> {
    const err = this.fail?.(chatId, message);
    if (err) throw err;
    this.sent.push({ platform: this.platform, chatId, message });
  }

  to(chatId: string): OutMessage[] {
    return this.sent.filter((d) => d.chatId === chatId).map((d) => d.message);
  }

  clear(): void {
    this.sent.length = 0;
  }
}

/** A logger that keeps what it was told, for assertions on warnings and errors. */
export function memoryLogger(lines: Array<{ level: string; obj: unknown; msg?: string }> = []): Logger {
  const make = (bindings: Record<string, unknown>): Logger => {
    const at = (level: string) => (obj: object | string, msg?: string) => {
      lines.push({ level, obj: typeof obj === "string" ? { msg: obj, ...bindings } : { ...bindings, ...obj }, ...(msg ? { msg } : {}) });
    };
    return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error"), child: (b) => make({ ...bindings, ...b }) };
  };
  return make({});
}
