import { useStore } from "../state/store.ts";
import { useNotice } from "./notices.ts";
import { readDockerfile } from "./read-dockerfile.ts";

/** Loads a file the user chose or dropped, or says in the banner why it was not loaded. */
export async function openDockerfile(file: File): Promise<void> {
  const result = await readDockerfile(file);
  if (!result.ok) {
    useNotice.getState().showNotice(result.message);
    return;
  }
  useNotice.getState().dismissNotice();
  useStore.getState().setText(result.text, "load", result.name);
}
