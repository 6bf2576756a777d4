import { autosave } from "../state/persist.ts";
import { useSaveStatus } from "../state/save-status.ts";
import { useStore } from "../state/store.ts";
import { downloadText } from "./download-text.ts";
import { CloseIcon, DownloadIcon, InfoIcon, WarningIcon } from "./icons.tsx";

/**
 * Says when the work is not being kept, and stays until it is: a save the browser refused (with
 * the text to download), or another tab's different version (the user picks one). Neither can
 * be dismissed, because dismissing would not make the work safe.
 */
export function SaveWarning() {
  const problem = useSaveStatus((s) => s.problem);
  const conflict = useSaveStatus((s) => s.conflict);
  const adopted = useSaveStatus((s) => s.adopted);
  const dismissAdopted = useSaveStatus((s) => s.dismissAdopted);

  const downloadMine = () => {
    const { text, sourceName } = useStore.getState();
    downloadText(text, sourceName);
  };

  return (
    <>
      {problem !== null && (
        <div className="notice save-warning" role="alert" data-testid="save-warning">
          <WarningIcon />
          <p>
            <strong>Your work is not being saved.</strong> {capitalize(problem)}. Until a save succeeds, closing or reloading this
            page loses your changes: download the Dockerfile to keep them.
          </p>
          <button type="button" className="button primary" onClick={downloadMine}>
            <DownloadIcon />
            Download Dockerfile
          </button>
          <button type="button" className="button" onClick={() => autosave()?.flush()}>
            Try again
          </button>
        </div>
      )}
      {conflict !== null && (
        <div className="notice save-warning" role="alert" data-testid="tab-conflict">
          <WarningIcon />
          <p>
            <strong>Another tab saved a different version of this Dockerfile.</strong> This tab's changes are not saved until you
            choose which version to keep; the other one is then replaced.
          </p>
          <button type="button" className="button" onClick={() => autosave()?.loadTheirs()}>
            Load the other tab's version
          </button>
          <button type="button" className="button" onClick={() => autosave()?.keepMine()}>
            Keep this tab's version
          </button>
          <button
            type="button"
            className="button icon-only quiet"
            aria-label="Download the other tab's version"
            title="Download the other tab's version"
            onClick={() => downloadText(conflict.text, conflict.sourceName)}
          >
            <DownloadIcon />
          </button>
        </div>
      )}
      {adopted && conflict === null && (
        <div className="notice info" role="status" data-testid="tab-sync-notice">
          <InfoIcon />
          <p>This tab now shows the newer version of the Dockerfile saved in another tab.</p>
          <button type="button" className="button icon-only quiet" aria-label="Dismiss" onClick={dismissAdopted}>
            <CloseIcon />
          </button>
        </div>
      )}
    </>
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
