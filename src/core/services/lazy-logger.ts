// A child logger made only when something is logged: most updates log nothing, and making a child
// of a logger with redaction costs more than handling a simple update.
import type { Logger } from "../ports/runtime.ts";

export function lazyChild(parent: Logger, bindings: Record<string, unknown>): Logger {
  let child: Logger | null = null;
  const get = () => (child ??= parent.child(bindings));
  return {
    debug: (obj, msg) => get().debug(obj, msg),
    info: (obj, msg) => get().info(obj, msg),
    warn: (obj, msg) => get().warn(obj, msg),
    error: (obj, msg) => get().error(obj, msg),
    child: (more) => lazyChild(parent, { ...bindings, ...more }),
  };
}
