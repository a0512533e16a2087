// /caidat (admin): the branch's settings, each chosen from a menu, answered, previewed, confirmed and
// written to the audit log. The settings themselves come from catalog.ts.
import type { Ctx } from "../../engine/context.ts";
import { confirmRow, exitChoice } from "../../engine/controls.ts";
import { end, go, invalid, type FlowDef, type Next, type StepChoice } from "../../engine/flow.ts";
import type { Feature } from "../../engine/registry.ts";
import type { BranchPatch, SettingDef } from "../../engine/settings.ts";
import { allSettings } from "./catalog.ts";
import { SettingsCatalog } from "./registry.ts";

export interface SettingsDraft {
  key?: string;
  patch?: BranchPatch;
}

export function createSettingsFlow(catalog: SettingsCatalog): FlowDef<SettingsDraft> {
  const current = (ctx: Ctx, def: SettingDef) => def.show(ctx.actor.branch!, ctx.t, ctx.actor.locale);

  function accept(ctx: Ctx, def: SettingDef, d: SettingsDraft, text: string): Next<SettingsDraft> {
    const parsed = def.parse(text, ctx.actor.branch!);
    if (!parsed.ok) return invalid(parsed.problem, parsed.args);
    // Only the columns the setting declares are ever written.
    const patch = Object.fromEntries(Object.entries(parsed.value).filter(([k]) => (def.columns as string[]).includes(k))) as BranchPatch;
    return go("confirm", { ...d, patch });
  }

  async function save(ctx: Ctx, def: SettingDef, patch: BranchPatch): Promise<Next<SettingsDraft>> {
    const before = (await ctx.tx.branches.byId(ctx.actor.branch!.id))!;
    const after = await ctx.tx.branches.update(before.id, patch);
    ctx.actor.branch = after;
    const from = def.show(before, ctx.t, ctx.actor.locale);
    const to = def.show(after, ctx.t, ctx.actor.locale);
    await ctx.audit("settings.changed", { setting: def.key, from, to, patch });
    const extra = def.afterChange ? await def.afterChange(ctx, before, after) : null;
    return end([ctx.t("settings-saved", { setting: ctx.t(def.label), value: to }), extra].filter(Boolean).join("\n\n"));
  }

  return {
    name: "settings",
    access: "admin",
    steps: {
      menu: {
        prompt: (ctx) => ({
          text: [ctx.t("settings-menu-title", { branch: ctx.actor.branch!.name }), ...catalog.list.map((s) => `• ${ctx.t(s.label)}: ${current(ctx, s)}`), "", ctx.t("settings-menu-ask")].join("\n"),
          // The way out of a menu is "Thoát": nothing is being cancelled.
          choices: [...catalog.list.map((s) => [{ label: ctx.t(s.label), value: s.key }]), [exitChoice(ctx.t)]],
        }),
        choice: (ctx, d, value) => {
          if (value === "cancel") return end(ctx.t("control-exit-done"));
          return catalog.get(value) ? go("value", { ...d, key: value }) : invalid("input-pick-a-choice");
        },
      },
      value: {
        prompt: (ctx, d) => {
          const def = catalog.get(d.key)!;
          const suggestions = def.suggestions?.(ctx.t, ctx.actor.branch!) ?? [];
          // A value reads in lower case after "Giờ yên tĩnh: …"; on its own button it starts with a capital.
          const choices: StepChoice[][] = suggestions.map((s, i) => [{ label: s.label.charAt(0).toUpperCase() + s.label.slice(1), value: `s${i}` }]);
          choices.push([exitChoice(ctx.t)]);
          return { text: ctx.t(def.prompt, { current: current(ctx, def) }), choices };
        },
        choice: (ctx, d, value) => {
          if (value === "cancel") return end(ctx.t("control-exit-done"));
          const def = catalog.get(d.key)!;
          const picked = def.suggestions?.(ctx.t, ctx.actor.branch!)[Number(value.slice(1))];
          if (!/^s\d$/.test(value) || !picked) return invalid("input-pick-a-choice");
          return accept(ctx, def, d, picked.text);
        },
        text: (ctx, d, text) => accept(ctx, catalog.get(d.key)!, d, text),
      },
      confirm: {
        prompt: async (ctx, d) => {
          const def = catalog.get(d.key)!;
          const branch = ctx.actor.branch!;
          const after = { ...branch, ...d.patch };
          const lines = [ctx.t("settings-confirm", { setting: ctx.t(def.label), from: current(ctx, def), to: def.show(after, ctx.t, ctx.actor.locale) })];
          const extra = def.preview ? await def.preview(ctx, after) : null;
          if (extra) lines.push(extra);
          return {
            text: lines.join("\n\n"),
            choices: [confirmRow(ctx.t)],
          };
        },
        choice: (ctx, d, value) => {
          if (value === "edit") return go("value", { key: d.key });
          if (value === "cancel") return end(ctx.t("cancel-done"));
          const def = catalog.get(d.key);
          if (value !== "ok" || !def || !d.patch) return invalid("input-pick-a-choice");
          return save(ctx, def, d.patch);
        },
      },
    },
  };
}

export const settingsCatalog = new SettingsCatalog(allSettings);
export const settingsFlow = createSettingsFlow(settingsCatalog);

/** Opens one setting directly (the button "st:<key>"). */
function editSetting(ctx: Ctx, key: string): Promise<void> {
  if (!settingsCatalog.get(key)) throw new Error(`no setting ${key}`);
  return ctx.startFlow(settingsFlow, { key }, "value");
}

export const settingsFeature: Feature = {
  name: "settings",
  flows: [settingsFlow],
  actions: [
    {
      // st:<setting key> opens one setting at its question: /nhacnho's buttons for nudges and quiet hours.
      prefix: "st",
      access: "admin",
      run: async (ctx, [key, ...rest]) => (key && !rest.length && settingsCatalog.get(key) ? editSetting(ctx, key) : ctx.reply(ctx.t("choice-stale"))),
    },
  ],
  commands: [
    {
      name: "caidat",
      alias: "settings",
      access: "admin",
      description: "settings-description",
      run: (ctx) => ctx.startFlow(settingsFlow, {}, "menu"),
    },
  ],
};
