/**
 * Share links: the text and the view (target, build args, node positions) in the URL fragment,
 * which browsers never send to a server. The payload is JSON, deflated (`CompressionStream`,
 * `deflate-raw`) and written in base64url: `#share=1.<data>`. Reading one trusts nothing: a
 * damaged or tampered link gives a reason, never a half-read document.
 */
import { boundSession } from "../state/persist.ts";
import type { Point } from "../state/store.ts";

export const SHARE_PREFIX = "#share=";
const VERSION = "1";

/**
 * Past this many characters a URL stops being safe to pass around: browsers take far more, but
 * chat tools, mail clients and servers' logs cut long links. The link is then not offered.
 */
export const MAX_SHARE_URL = 32 * 1024;
/** A shared text inflates to at most this: a link cannot make the page hold gigabytes. */
const MAX_INFLATED = 8 * 1024 * 1024;

/** What a link carries. Positions are keyed by the core's node ids (`stage:build`), stable across versions. */
export interface SharedView {
  readonly text: string;
  readonly sourceName: string;
  readonly target: string | null;
  readonly buildArgs: Readonly<Record<string, string>>;
  readonly positions: Readonly<Record<string, Point>>;
}

export type ReadShare = { readonly ok: true; readonly view: SharedView } | { readonly ok: false; readonly reason: string };

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit = Infinity): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new RangeError("too large");
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/** The fragment (`#share=1.…`) for `view`. */
export async function encodeShare(view: SharedView): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(view));
  const packed = await pipe(json, new CompressionStream("deflate-raw"));
  return `${SHARE_PREFIX}${VERSION}.${toBase64Url(packed)}`;
}

/** Whether `hash` (a location's fragment) is a share link at all. */
export function isShareHash(hash: string): boolean {
  return hash.startsWith(SHARE_PREFIX);
}

/** The view in a share fragment, or why it cannot be read. */
export async function decodeShare(hash: string): Promise<ReadShare> {
  const body = hash.slice(SHARE_PREFIX.length);
  const dot = body.indexOf(".");
  if (dot < 0 || body.slice(0, dot) !== VERSION) {
    return { ok: false, reason: dot < 0 ? "it is cut short or altered" : "it was made by another version of Stagecraft" };
  }
  const bytes = fromBase64Url(body.slice(dot + 1));
  if (bytes === null || bytes.length === 0) return { ok: false, reason: "it is cut short or altered (not valid link data)" };
  let json: string;
  try {
    json = new TextDecoder("utf-8", { fatal: true }).decode(await pipe(bytes, new DecompressionStream("deflate-raw"), MAX_INFLATED));
  } catch (error) {
    return { ok: false, reason: error instanceof RangeError ? "it unpacks to more than 8 MB" : "it is cut short or altered (the data does not unpack)" };
  }
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return { ok: false, reason: "it is altered (the data is not a Stagecraft document)" };
  }
  const session = typeof data === "object" && data !== null && !Array.isArray(data) ? boundSession(data as Record<string, unknown>) : null;
  if (session === null) return { ok: false, reason: "it is altered (it holds no Dockerfile text)" };
  const { text, sourceName, target, buildArgs, positions } = session;
  return { ok: true, view: { text, sourceName, target, buildArgs, positions } };
}
