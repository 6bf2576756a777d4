/**
 * What an image pill shows: the tag and the digest, the part a reader needs, stay; a long
 * registry path gives way first, in the middle (`ghcr.io/…/runtime:1.2`).
 */

/** Characters an image pill holds at its widest (see `measureImageWidth`). */
export const IMAGE_LABEL_CHARS = 30;
/** Hex digits of a digest that identify it for a reader, as `docker images` shows them. */
const DIGEST_SHOWN = 12;

function elideMiddle(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return "…";
  const head = Math.ceil((max - 1) / 2);
  return `${text.slice(0, head)}…${text.slice(text.length - (max - 1 - head))}`;
}

/**
 * `ref` in at most `max` characters: the digest cut to 12 hex digits, then the path before the
 * image's own name cut in the middle, then the name, and the tag only when nothing else is left.
 *
 * @example
 * shortenImageRef("registry.example.com/team/platform/base-images/node:22.12.0-bookworm-slim");
 * // "regi…/node:22.12.0-bookworm-slim"
 */
export function shortenImageRef(ref: string, max = IMAGE_LABEL_CHARS): string {
  if (ref.length <= max) return ref;
  const at = ref.indexOf("@");
  let digest = at >= 0 ? ref.slice(at) : "";
  const named = at >= 0 ? ref.slice(0, at) : ref;
  const colon = digest.indexOf(":");
  if (colon >= 0 && digest.length > colon + 1 + DIGEST_SHOWN) digest = `${digest.slice(0, colon + 1 + DIGEST_SHOWN)}…`;
  const slash = named.lastIndexOf("/");
  const tagAt = named.indexOf(":", slash + 1);
  const tag = tagAt >= 0 ? named.slice(tagAt) : "";
  const path = tagAt >= 0 ? named.slice(0, tagAt) : named;
  const suffix = tag + digest;
  if (path.length + suffix.length <= max) return path + suffix;
  const room = max - suffix.length;
  const name = path.slice(slash + 1);
  const dir = slash >= 0 ? path.slice(0, slash + 1) : "";
  // The path before the name shrinks first, down to "…/"; then the name; then the tag.
  if (dir !== "" && room >= name.length + 2) return elideMiddle(dir, room - name.length) + name + suffix;
  if (room >= 6) return `${dir === "" ? "" : "…/"}${elideMiddle(name, room - (dir === "" ? 0 : 2))}${suffix}`;
  return elideMiddle(`${name}${suffix}`, max);
}
