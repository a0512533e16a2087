// Waiting in tests for what happens on its own time (a poll, a timer, another process): checked every
// few milliseconds until it holds, never for a fixed time.

/** Resolves with what `check` returns once it is truthy (a condition, a row, a call received); fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T> | T, what: string, timeoutMs = 15_000): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
