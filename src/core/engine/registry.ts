// What features contribute to the engine: commands, flows, button actions and scheduled jobs.
import type { Access } from "./access.ts";
import type { CommandInfo, Ctx } from "./context.ts";
import type { FlowDef } from "./flow.ts";
import type { JobContext } from "./jobs.ts";

interface CommandOf<A extends Access> extends CommandInfo {
  /** Who may use it; the engine refuses everyone else before `run`, which is typed by it. */
  access: A;
  run: (ctx: Ctx<A>, args: string) => Promise<void>;
}

/**
 * A command. One for every access, so that the declared `access` types the context `run` gets:
 * `{ access: "secretary", run: (ctx) => … }` may use ctx.actor.branch, a "public" one may not.
 */
export type CommandDef<A extends Access = Access> = { [K in A]: CommandOf<K> }[A];

interface ActionOf<A extends Access> {
  prefix: string;
  access: A;
  run: (ctx: Ctx<A>, parts: string[]) => Promise<void>;
}

/** A button that is not part of a flow step, such as Tham dự on a reminder: "r:<meetingId>:a". */
export type ActionDef<A extends Access = Access> = { [K in A]: ActionOf<K> }[A];

/** Due work found at each scheduler tick (reminders, windows, digests, housekeeping). */
export interface JobDef {
  name: string;
  run(job: JobContext): Promise<void>;
}

export interface Feature {
  name: string;
  commands?: CommandDef[];
  flows?: FlowDef<any>[];
  actions?: ActionDef[];
  jobs?: JobDef[];
}

export class Registry {
  readonly commands: CommandDef[] = [];
  private readonly byWord = new Map<string, CommandDef>();
  private readonly flows = new Map<string, FlowDef<any>>();
  private readonly actions = new Map<string, ActionDef>();
  readonly jobs: JobDef[] = [];

  constructor(features: Feature[]) {
    for (const f of features) {
      for (const c of f.commands ?? []) this.addCommand(c);
      for (const fl of f.flows ?? []) {
        if (this.flows.has(fl.name)) throw new Error(`flow ${fl.name} registered twice`);
        this.flows.set(fl.name, fl);
      }
      for (const a of f.actions ?? []) {
        if (a.prefix === "f" || this.actions.has(a.prefix)) throw new Error(`action prefix ${a.prefix} is taken`);
        this.actions.set(a.prefix, a);
      }
      this.jobs.push(...(f.jobs ?? []));
    }
  }

  private addCommand(c: CommandDef): void {
    for (const word of [c.name, c.alias]) {
      if (!/^[a-z][a-z0-9_]{0,31}$/.test(word)) throw new Error(`command word "${word}" is not a Telegram command`);
      if (this.byWord.has(word)) throw new Error(`command word "${word}" registered twice`);
      this.byWord.set(word, c);
    }
    this.commands.push(c);
  }

  command(word: string): CommandDef | undefined {
    return this.byWord.get(word.toLowerCase());
  }

  flow(name: string): FlowDef<any> | undefined {
    return this.flows.get(name);
  }

  action(prefix: string): ActionDef | undefined {
    return this.actions.get(prefix);
  }
}
