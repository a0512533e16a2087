// pino, with every configured secret scrubbed from each line before it is written: bot tokens travel
// inside URLs and error messages, where field-based redaction cannot see them.
import pino, { type DestinationStream, type Logger as PinoLogger } from "pino";

export interface LoggerOptions {
  level: string;
  /**
   * Tokens, webhook secrets: replaced by [redacted] wherever they appear. A Set is read at every
   * line, so secrets learnt later (bot accounts read from the database) are scrubbed too.
   */
  secrets: string[] | Set<string>;
  destination?: DestinationStream;
}

export function scrub(line: string, secrets: Iterable<string>): string {
  let out = line;
  for (const s of secrets) if (s && s.length >= 6) out = out.split(s).join("[redacted]");
  // A Telegram token is <digits>:<35 chars>; scrub that shape even when it was not configured here.
  return out.replace(/(?<!\d)\d{6,12}:[A-Za-z0-9_-]{30,}/g, "[redacted]");
}

export function createLogger(opts: LoggerOptions): PinoLogger {
  const target = opts.destination ?? pino.destination({ fd: 2, sync: false });
  const secrets = opts.secrets;
  const stream: DestinationStream = { write: (line: string) => target.write(scrub(line, secrets)) };
  return pino(
    {
      level: opts.level,
      base: undefined,
      redact: { paths: ["token", "*.token", "secret", "*.secret", "headers.authorization", "*.headers['x-telegram-bot-api-secret-token']", "*.headers['x-bot-api-secret-token']"], censor: "[redacted]" },
    },
    stream,
  );
}
