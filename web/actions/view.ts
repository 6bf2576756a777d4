/** Actions on the view only: they never change the text. */
import { useUi } from "./ui-state.ts";
import type { Action } from "./types.ts";

export const VIEW_ACTIONS: readonly Action[] = [
  {
    id: "command-palette",
    label: "Show all commands",
    keys: ["Mod+Shift+P", "F1"],
    enabled: () => true,
    perform: () => useUi.getState().setPaletteOpen(true),
    hidden: true,
  },
  {
    id: "view-fit",
    label: "Fit view",
    enabled: () => true,
    perform: (ctx) => ctx.state.fitView(),
  },
  {
    id: "view-tidy",
    label: "Tidy up the layout",
    enabled: () => true,
    perform: (ctx) => ctx.state.tidyUp(),
  },
  {
    id: "view-side-panel",
    label: (ctx) => (ctx.state.sidePanelOpen ? "Hide the details panel" : "Show the details panel"),
    enabled: () => true,
    perform: (ctx) => ctx.state.setSidePanelOpen(!ctx.state.sidePanelOpen),
  },
  {
    id: "view-theme",
    label: (ctx) => (ctx.state.theme === "dark" ? "Switch to the light theme" : "Switch to the dark theme"),
    enabled: () => true,
    perform: (ctx) => ctx.state.setTheme(ctx.state.theme === "dark" ? "light" : "dark"),
  },
];
