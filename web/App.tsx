import { CommandPalette } from "./actions/CommandPalette.tsx";
import { useShortcuts } from "./actions/use-shortcuts.ts";
import { EditorPane } from "./editor/EditorPane.tsx";
import { SidePanel } from "./panels/SidePanel.tsx";
import { CanvasSlot } from "./shell/CanvasSlot.tsx";
import { FileDrop } from "./shell/FileDrop.tsx";
import { NoticeBanner } from "./shell/NoticeBanner.tsx";
import { SaveWarning } from "./shell/SaveWarning.tsx";
import { Toolbar } from "./shell/Toolbar.tsx";
import { Workspace } from "./shell/Workspace.tsx";
import { useStore } from "./state/store.ts";

/** The page: the toolbar, then the editor and the stage graph side by side, and the details panel. */
export function App() {
  const sidePanelOpen = useStore((s) => s.sidePanelOpen);
  useShortcuts();
  return (
    <div className="app">
      <Toolbar />
      <NoticeBanner />
      <SaveWarning />
      <Workspace editor={<EditorPane />} canvas={<CanvasSlot />} side={sidePanelOpen ? <SidePanel /> : null} />
      <FileDrop />
      <CommandPalette />
    </div>
  );
}
