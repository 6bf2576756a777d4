import { useEffect, useState } from "react";
import { UploadIcon } from "./icons.tsx";
import { useNotice } from "./notices.ts";
import { openDockerfile } from "./open-file.ts";

const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes("Files") ?? false;

/**
 * Dropping a file anywhere on the page opens it. The listeners sit on the window in the capture
 * phase, so the drop never reaches Monaco (which would insert the file's text at the caret)
 * nor the browser (which would navigate away to the file).
 */
export function FileDrop() {
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    // Every element the pointer crosses fires its own dragenter and dragleave: count them.
    let depth = 0;
    const onEnter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth++;
      setDragging(true);
    };
    const onOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      event.stopPropagation();
      if (event.dataTransfer) event.dataTransfer.dropEffect = "copy";
    };
    const onLeave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      event.stopPropagation();
      depth = 0;
      setDragging(false);
      const file = event.dataTransfer?.files[0];
      if (file === undefined) useNotice.getState().showNotice("Nothing to open: drop a file, not a folder or a link.");
      else void openDockerfile(file);
    };
    const onEnd = () => {
      depth = 0;
      setDragging(false);
    };
    window.addEventListener("dragenter", onEnter, true);
    window.addEventListener("dragover", onOver, true);
    window.addEventListener("dragleave", onLeave, true);
    window.addEventListener("drop", onDrop, true);
    window.addEventListener("dragend", onEnd, true);
    return () => {
      window.removeEventListener("dragenter", onEnter, true);
      window.removeEventListener("dragover", onOver, true);
      window.removeEventListener("dragleave", onLeave, true);
      window.removeEventListener("drop", onDrop, true);
      window.removeEventListener("dragend", onEnd, true);
    };
  }, []);

  if (!dragging) return null;
  return (
    <div className="file-drop" data-testid="file-drop">
      <div className="file-drop-card">
        <UploadIcon size={40} />
        <p className="file-drop-title">Drop a Dockerfile to open it</p>
        <p className="file-drop-hint">It replaces the text in the editor. Text files up to 1 MB.</p>
      </div>
    </div>
  );
}
