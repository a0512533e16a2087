// Loads the configuration and starts the bot. Everything else is wired in app.ts.
import { ConfigError, loadConfig } from "./config.ts";
import { createApp } from "./app.ts";

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const app = await createApp({ config });
  const shutdown = async (signal: string) => {
    process.stderr.write(signal === "eof" ? "" : `\n${signal}: stopping…\n`);
    await app.stop();
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
  await app.start();
  await app.done;
  await shutdown("eof");
}

main().catch((err: unknown) => {
  process.stderr.write(`The bot could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
