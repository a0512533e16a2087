// Typed errors with a stable code, so adapters and logs can tell them apart without parsing text.

export type ErrorCode =
  | "CONFIG_INVALID"
  | "USER_INPUT"
  | "FORBIDDEN"
  | "CONFLICT"
  | "NOT_FOUND"
  | "DELIVERY_RETRY"
  | "DELIVERY_PERMANENT"
  | "CHAT_UNREACHABLE"
  | "INTERNAL";

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Bad input from a person: answered with a localised message, nothing changes. */
export class UserInputError extends AppError {
  constructor(
    readonly messageKey: string,
    readonly args: Record<string, string | number> = {},
  ) {
    super("USER_INPUT", messageKey);
  }
}

/** Another instance changed the same row first; the work is retried from the start. */
export class ConflictError extends AppError {
  constructor(message: string) {
    super("CONFLICT", message);
  }
}

/**
 * A delivery failed. `retryAfterMs` when the platform said how long to wait (429);
 * `permanent` when retrying cannot help (blocked, chat not found, bad request);
 * `unreachable` when the chat itself is gone (the identity goes inactive).
 */
export class DeliveryError extends AppError {
  constructor(
    message: string,
    readonly opts: {
      permanent?: boolean;
      unreachable?: boolean;
      retryAfterMs?: number;
      status?: number;
      /** The platform refuses the bot's token (revoked, rotated): nothing can go through this bot. */
      accountRefused?: boolean;
      /**
       * What a 429 (retryAfterMs) concerns: one chat (only that chat waits, its later messages behind
       * it; the bot's other chats go on) or the whole bot account (default). The adapter decides, as
       * it knows the platform's limits.
       */
      scope?: "chat" | "account";
      /** The sender stopped the message itself (shutting down, its send lease lost): not a failure. */
      aborted?: boolean;
    } = {},
  ) {
    super(opts.permanent || opts.unreachable ? "DELIVERY_PERMANENT" : "DELIVERY_RETRY", message);
  }
}
