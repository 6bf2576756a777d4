/**
 * Structural equality for the canvas payloads (plain objects, arrays, primitives), so a payload
 * that came out the same as last time can be swapped for last time's object.
 */
export function isSameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!isSameValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = Object.keys(ra);
  if (keys.length !== Object.keys(rb).length) return false;
  for (const key of keys) if (!Object.hasOwn(rb, key) || !isSameValue(ra[key], rb[key])) return false;
  return true;
}

/** `next` itself, or `previous` when they are equal: keeps identity for what did not change. */
export function reuseIfSame<T>(previous: T | undefined, next: T): T {
  return previous !== undefined && isSameValue(previous, next) ? previous : next;
}
