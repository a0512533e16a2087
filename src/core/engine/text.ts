// The text helpers live in core/text.ts (the domain uses them too). This name stays while the
// adapters still import it; their imports move when they reach the core through one entry.
export * from "../text.ts";
