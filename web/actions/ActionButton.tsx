import type { ReactNode } from "react";
import { useStore } from "../state/store.ts";
import { formatKey } from "./keys.ts";
import { contextOf, getAction, runAction } from "./registry.ts";
import { actionLabel } from "./types.ts";

/** A toolbar button that runs an action: its label, its shortcut in the tooltip, disabled when the action is. */
export function ActionButton({ id, icon, iconOnly = false }: { readonly id: string; readonly icon?: ReactNode; readonly iconOnly?: boolean }) {
  const action = getAction(id);
  const enabled = useStore((s) => action.enabled(contextOf(s, "toolbar", null)));
  const label = useStore((s) => actionLabel(action, contextOf(s, "toolbar", null)));
  const key = action.keys?.[0];
  return (
    <button
      type="button"
      className={iconOnly ? "button icon-only" : "button"}
      aria-label={iconOnly ? label : undefined}
      title={key === undefined ? label : `${label} (${formatKey(key)})`}
      disabled={!enabled}
      data-action={id}
      onClick={() => runAction(action, contextOf(useStore.getState(), "toolbar", null))}
    >
      {icon}
      {!iconOnly && <span>{label}</span>}
    </button>
  );
}
