// The settings /caidat offers, by key (see engine/settings.ts for what a setting is).
import type { SettingDef } from "../../engine/settings.ts";

export class SettingsCatalog {
  private readonly byKey = new Map<string, SettingDef>();

  constructor(readonly list: readonly SettingDef[]) {
    for (const s of list) {
      if (!/^[a-z][a-z0-9-]{0,23}$/.test(s.key)) throw new Error(`setting key "${s.key}" must be short lowercase ASCII`);
      if (this.byKey.has(s.key)) throw new Error(`setting ${s.key} registered twice`);
      this.byKey.set(s.key, s);
    }
  }

  get(key: string | undefined): SettingDef | undefined {
    return key === undefined ? undefined : this.byKey.get(key);
  }
}
