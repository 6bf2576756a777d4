/**
 * Taking the work out of the app: the Dockerfile (download or clipboard), the graph as a picture
 * or a diagram, the handout, and a share link. None of them changes the text or the view.
 */
import { PNG_SCALE } from "../../src/index.ts";
import { dockerfileName, exportName, pictureOf, textExport, type TextExport } from "../export/export-files.ts";
import { rasterizeSvg } from "../export/rasterize.ts";
import { makeShareLink } from "../share/open-share.ts";
import { MAX_SHARE_URL } from "../share/share-link.ts";
import { downloadBlob, downloadText } from "../shell/download-text.ts";
import { useNotice } from "../shell/notices.ts";
import type { AppState } from "../state/store.ts";
import type { Action } from "./types.ts";

const always = () => true;

function reportFailure(what: string) {
  return (error: unknown) => useNotice.getState().showNotice(`${what} failed: ${error instanceof Error ? error.message : String(error)}`);
}

function downloadDockerfile(state: AppState): void {
  downloadText(state.text, dockerfileName(state.sourceName));
}

function textAction(format: TextExport, label: string): Action {
  return {
    id: `export-${format}`,
    label,
    enabled: always,
    perform: (ctx) => {
      const file = textExport(ctx.state, format);
      downloadText(file.text, file.fileName, file.type);
    },
  };
}

async function copyShareLink(state: AppState): Promise<void> {
  const notice = useNotice.getState();
  const { url, tooLong } = await makeShareLink(state);
  if (tooLong) {
    const size = Math.ceil(url.length / 1024);
    notice.showNotice(
      `This Dockerfile makes a share link of ${size} KB, past the ${MAX_SHARE_URL / 1024} KB that links survive in chat and mail. Send the file instead.`,
      { actions: [{ label: "Download the Dockerfile", run: () => downloadDockerfile(state) }] },
    );
    return;
  }
  await navigator.clipboard.writeText(url);
  notice.showNotice("Share link copied. The Dockerfile and the view travel inside the link itself: nothing was uploaded.", { tone: "info" });
}

export const EXPORT_ACTIONS: readonly Action[] = [
  {
    id: "export-dockerfile",
    label: "Download the Dockerfile",
    keys: ["Mod+S"],
    enabled: always,
    perform: (ctx) => downloadDockerfile(ctx.state),
  },
  {
    id: "export-copy-dockerfile",
    label: "Copy the Dockerfile",
    enabled: always,
    perform: (ctx) => {
      navigator.clipboard.writeText(ctx.state.text).then(
        () => useNotice.getState().showNotice("Dockerfile copied to the clipboard.", { tone: "info" }),
        reportFailure("Copying the Dockerfile"),
      );
    },
  },
  {
    id: "export-svg",
    label: "Download the graph as SVG",
    enabled: always,
    perform: (ctx) => downloadText(pictureOf(ctx.state).svg, exportName(ctx.state.sourceName, "svg"), "image/svg+xml"),
  },
  {
    id: "export-png",
    label: "Download the graph as PNG",
    enabled: always,
    perform: (ctx) => {
      const picture = pictureOf(ctx.state);
      const name = exportName(ctx.state.sourceName, "png");
      rasterizeSvg(picture.svg, picture.width, picture.height, PNG_SCALE).then((png) => downloadBlob(png, name), reportFailure("Making the PNG"));
    },
  },
  textAction("mermaid", "Download the graph as Mermaid"),
  textAction("dot", "Download the graph as Graphviz DOT"),
  textAction("json", "Download the graph as JSON"),
  textAction("markdown", "Download the Markdown handout"),
  {
    id: "share-copy-link",
    label: "Copy a share link",
    enabled: always,
    perform: (ctx) => void copyShareLink(ctx.state).catch(reportFailure("Copying the share link")),
  },
];
