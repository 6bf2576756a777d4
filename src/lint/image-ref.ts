/** The parts of an image reference: `registry/name:tag@digest`. */
export function imageParts(ref: string): { name: string; tag: string | null; digest: string | null } {
  const at = ref.indexOf("@");
  const digest = at < 0 ? null : ref.slice(at + 1);
  const rest = at < 0 ? ref : ref.slice(0, at);
  const slash = rest.lastIndexOf("/");
  const colon = rest.lastIndexOf(":");
  if (colon > slash) return { name: rest.slice(0, colon), tag: rest.slice(colon + 1), digest };
  return { name: rest, tag: null, digest };
}
