/**
 * Making and opening share links in the page. Opening never silently replaces work: a text that
 * is only an example (or empty) is replaced at once, anything else is kept until the user says
 * so, and either way the old text stays a Ctrl+Z away (a load is one edit in the editor).
 */
import { EXAMPLES } from "../examples/index.ts";
import { useNotice } from "../shell/notices.ts";
import type { Picture } from "../state/new-picture.ts";
import { useStore, type AppState } from "../state/store.ts";
import { decodeShare, encodeShare, isShareHash, MAX_SHARE_URL, type SharedView } from "./share-link.ts";

/** The link for the document as it is now; `tooLong` past `MAX_SHARE_URL`. */
export async function makeShareLink(state: AppState, base = location.href): Promise<{ url: string; tooLong: boolean }> {
  const hash = await encodeShare({ text: state.text, sourceName: state.sourceName, target: state.target, buildArgs: state.buildArgs, positions: state.positions });
  const url = `${base.replace(/#.*$/, "")}${hash}`;
  return { url, tooLong: url.length > MAX_SHARE_URL };
}

/**
 * Replace the document with the shared one in one load (undoable). Its view goes in as the
 * picture kept for that text, so the load restores it as an undo of a paste would, in step
 * with the graph; the sharer's arrangement counts as placed by hand.
 */
export function openSharedView(view: SharedView): void {
  const positions = view.positions;
  const picture: Picture = { ...view, edited: false, positions, pinned: Object.keys(positions), viewport: null };
  if (useStore.getState().text === view.text) {
    useStore.setState({ target: picture.target, buildArgs: picture.buildArgs, positions, pinned: picture.pinned, sourceName: view.sourceName });
    return;
  }
  useStore.setState((state) => ({ pictures: [picture, ...state.pictures.filter((p) => p.text !== view.text)] }));
  useStore.getState().setText(view.text, "load", view.sourceName);
}

/** Text nobody would miss: empty, or a built-in example as it ships. */
function isDisposable(text: string): boolean {
  return text.trim() === "" || EXAMPLES.some((example) => example.text === text);
}

/** The fragment is handled once: a reload or a later edit does not bring the offer back. */
function clearShareHash(): void {
  history.replaceState(history.state, "", `${location.pathname}${location.search}`);
}

/** Open the share link in the page's address, if there is one (at start, and when the fragment changes). */
export async function openShareFromLocation(): Promise<void> {
  const hash = location.hash;
  if (!isShareHash(hash)) return;
  clearShareHash();
  const read = await decodeShare(hash);
  const notice = useNotice.getState();
  if (!read.ok) {
    notice.showNotice(`This share link cannot be opened: ${read.reason}. Nothing was changed; ask for the link again, or for the Dockerfile itself.`);
    return;
  }
  const current = useStore.getState().text;
  if (current === read.view.text || isDisposable(current)) {
    openSharedView(read.view);
    notice.showNotice(`Opened the shared ${read.view.sourceName}.`, { tone: "info" });
    return;
  }
  notice.showNotice(`A share link holds another Dockerfile (${read.view.sourceName}). Open it in place of yours? Yours stays a Ctrl+Z away.`, {
    tone: "info",
    actions: [
      { label: "Open the shared Dockerfile", run: () => openSharedView(read.view) },
      { label: "Keep mine", run: () => undefined },
    ],
  });
}

/** Opens share links at start and whenever the fragment changes to one (a link pasted into the address bar). */
export function watchShareLinks(): void {
  void openShareFromLocation();
  window.addEventListener("hashchange", () => void openShareFromLocation());
}
