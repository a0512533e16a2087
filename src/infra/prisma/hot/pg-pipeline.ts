// Several statements of one unit of work in one round trip. node-postgres sends a statement and
// waits for its answer before the next; a unit of work on the hot path is BEGIN, a handful of
// statements and COMMIT, and each round trip costs CPU on both sides (the protocol, the loopback
// socket, waking the other process) — most of an update's cost on PostgreSQL. The extended protocol
// lets a client send many Bind/Execute messages and one Sync: the server runs them in order and
// answers all of them at once, stopping at the first error (the rest are skipped until the Sync).
//
// `Trip` is a node-postgres "submittable" (the interface pg-cursor and pg-query-stream use): it
// writes its statements through the connection's own message writers and receives their answers
// through the client's handlers, so the client's queue keeps it in order with every other query on
// the connection.
/** One statement of a trip: a named prepared statement and its values as the protocol's text. */
export interface TripStatement {
  name: string;
  text: string;
  values: (string | null)[];
}

export interface TripResult {
  rows: Record<string, unknown>[];
  rowCount: number;
}

/** How a column of a given type is read from its text (the driver's own parsers, or the store's). */
export interface Types {
  getTypeParser(oid: number, format?: string): (text: string) => unknown;
}

/** What the connection offers a submittable (node-postgres' Connection, typed as far as used here). */
interface Connection {
  parsedStatements: Record<string, string>;
  stream: { cork?: () => void; uncork?: () => void };
  parse(q: { text: string; name: string }): void;
  bind(c: { statement: string; values: (string | null)[] }): void;
  describe(c: { type: "P"; name: string }): void;
  execute(c: Record<string, never>): void;
  sync(): void;
  on(event: "parseComplete", fn: () => void): void;
  removeListener(event: "parseComplete", fn: () => void): void;
}

interface Field {
  name: string;
  dataTypeID: number;
  format?: string;
}

/**
 * Statements sent together, answered together. `done` gets one result per statement, or the error
 * of the first that failed (every statement after it was skipped by the server).
 */
export class Trip {
  private index = 0;
  private readonly results: TripResult[] = [];
  /** The columns of the statement being answered, and how to read each. */
  private fields: { name: string; parse: (text: string) => unknown }[] = [];
  private rows: Record<string, unknown>[] = [];
  private settled = false;
  /** Named statements this trip parses, in order: each ParseComplete confirms the next one. */
  private readonly parsing: TripStatement[] = [];
  private connection: Connection | null = null;
  private readonly onParsed = () => {
    const s = this.parsing.shift();
    if (s && this.connection) this.connection.parsedStatements[s.name] = s.text;
  };

  constructor(
    readonly statements: readonly TripStatement[],
    private readonly types: Types,
    private readonly done: (err: Error | null, results: TripResult[]) => void,
  ) {}

  submit(connection: Connection): void {
    this.connection = connection;
    connection.on("parseComplete", this.onParsed);
    const parsedHere = new Set<string>();
    connection.stream.cork?.();
    try {
      for (const s of this.statements) {
        if (!connection.parsedStatements[s.name] && !parsedHere.has(s.name)) {
          parsedHere.add(s.name);
          this.parsing.push(s);
          connection.parse({ text: s.text, name: s.name });
        }
        connection.bind({ statement: s.name, values: s.values });
        connection.describe({ type: "P", name: "" });
        connection.execute({});
      }
      connection.sync();
    } finally {
      connection.stream.uncork?.();
    }
  }

  handleRowDescription(msg: { fields: Field[] }): void {
    this.fields = msg.fields.map((f) => ({ name: f.name, parse: this.types.getTypeParser(f.dataTypeID, f.format ?? "text") }));
  }

  handleDataRow(msg: { fields: (string | null)[] }): void {
    const row: Record<string, unknown> = {};
    msg.fields.forEach((text, i) => {
      const field = this.fields[i]!;
      row[field.name] = text === null ? null : field.parse(text);
    });
    this.rows.push(row);
  }

  handleCommandComplete(msg: { text: string }): void {
    // "INSERT 0 3", "UPDATE 2", "SELECT 5", "BEGIN": the count is the last number, if any.
    const count = /(\d+)$/.exec(msg.text)?.[1];
    this.results[this.index++] = { rows: this.rows, rowCount: count === undefined ? 0 : Number(count) };
    this.fields = [];
    this.rows = [];
  }

  handleEmptyQuery(): void {
    this.results[this.index++] = { rows: [], rowCount: 0 };
  }

  handleError(err: Error): void {
    this.finish(err);
  }

  handleReadyForQuery(): void {
    this.finish(null);
  }

  // Never asked for: these statements read no portals in pages and copy nothing.
  handlePortalSuspended(): void {}
  handleCopyInResponse(): void {}
  handleCopyData(): void {}

  /** Which statement an error belongs to: the first without a result. */
  get failedAt(): number {
    return this.index;
  }

  private finish(err: Error | null): void {
    if (this.settled) return;
    this.settled = true;
    this.connection?.removeListener("parseComplete", this.onParsed);
    this.done(err, this.results);
  }
}
