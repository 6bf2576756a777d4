import { useRef } from "react";
import { ActionButton } from "../actions/ActionButton.tsx";
import { ActionMenu } from "../actions/ActionMenu.tsx";
import { TEMPLATES } from "../actions/structure.ts";
import { useStore } from "../state/store.ts";
import { ExamplesMenu } from "./ExamplesMenu.tsx";
import { ExportMenu } from "./ExportMenu.tsx";
import { CommandIcon, FitIcon, FolderIcon, PanelRightIcon, PlusIcon, RedoIcon, TidyIcon, UndoIcon } from "./icons.tsx";
import { openDockerfile } from "./open-file.ts";
import { TargetSelect } from "./TargetSelect.tsx";
import { ThemeToggle } from "./ThemeToggle.tsx";

/** The bar over everything: the name, bringing a Dockerfile in, the target, and the view. */
export function Toolbar() {
  const fileInput = useRef<HTMLInputElement>(null);
  const tidyUp = useStore((s) => s.tidyUp);
  const fitView = useStore((s) => s.fitView);
  const sidePanelOpen = useStore((s) => s.sidePanelOpen);
  const setSidePanelOpen = useStore((s) => s.setSidePanelOpen);

  return (
    <header className="toolbar">
      <div className="brand">
        <img src={`${import.meta.env.BASE_URL}favicon.svg`} alt="" width="26" height="26" />
        <h1>Stagecraft</h1>
      </div>
      <div className="toolbar-group">
        <button type="button" className="button" onClick={() => fileInput.current?.click()}>
          <FolderIcon />
          <span>Open file</span>
        </button>
        <input
          ref={fileInput}
          type="file"
          className="visually-hidden"
          tabIndex={-1}
          aria-label="Dockerfile to open"
          onChange={(event) => {
            const input = event.currentTarget;
            const file = input.files?.[0];
            // Clearing lets the same file be chosen again after it was edited on disk.
            input.value = "";
            if (file !== undefined) void openDockerfile(file);
          }}
        />
        <ExamplesMenu />
        <ActionMenu
          label="Add stage"
          icon={<PlusIcon />}
          heading="Add a stage (after the selected one, else at the end)"
          items={TEMPLATES.map((t) => ({ action: `stage-add-${t.id}`, description: t.hint }))}
        />
      </div>
      <span className="toolbar-divider" aria-hidden="true" />
      <div className="toolbar-group">
        <ActionButton id="history-undo" icon={<UndoIcon />} iconOnly />
        <ActionButton id="history-redo" icon={<RedoIcon />} iconOnly />
      </div>
      <span className="toolbar-divider" aria-hidden="true" />
      <TargetSelect />
      <div className="toolbar-spacer" />
      <div className="toolbar-group">
        <button type="button" className="button" onClick={tidyUp} title="Lay out every node afresh, dragged ones too" aria-label="Tidy up">
          <TidyIcon />
          <span className="toolbar-wide">Tidy up</span>
        </button>
        <button type="button" className="button" onClick={fitView} title="Zoom the canvas to show the whole graph" aria-label="Fit view">
          <FitIcon />
          <span className="toolbar-wide">Fit view</span>
        </button>
      </div>
      <span className="toolbar-divider" aria-hidden="true" />
      <ExportMenu />
      <span className="toolbar-divider" aria-hidden="true" />
      <div className="toolbar-group">
        <button
          type="button"
          className="button icon-only"
          aria-label="Details panel"
          aria-pressed={sidePanelOpen}
          title={sidePanelOpen ? "Hide the details panel" : "Show the details panel"}
          onClick={() => setSidePanelOpen(!sidePanelOpen)}
        >
          <PanelRightIcon />
        </button>
        <ActionButton id="command-palette" icon={<CommandIcon />} iconOnly />
        <ThemeToggle />
      </div>
    </header>
  );
}
