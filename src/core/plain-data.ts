// What google.script.run can deliver: text, numbers, booleans, null, lists and plain objects of them.
// Anything else (a sparse list, a getter, a Proxy, a class instance) came from another caller: the server
// functions copy their arguments through here first and read only the copy.

/** Deeper than any argument of ours (a commit request's workbook targets sit at depth 3). */
const MAX_DEPTH = 16;

/** Thrown when a value is not plain data; a trap or getter that throws is caught the same way by the caller. */
export class NotPlainData extends Error {}

/**
 * A copy of `value` made only of plain data, or NotPlainData. Reads properties by descriptor, so a getter
 * is never run; a list must have no holes; an object's prototype must be a realm's Object.prototype or null.
 */
export function copyPlainData(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value !== 'object' || depth >= MAX_DEPTH) throw new NotPlainData();
  if (Array.isArray(value)) {
    const length = (Object.getOwnPropertyDescriptor(value, 'length') as PropertyDescriptor | undefined)?.value;
    if (typeof length !== 'number') throw new NotPlainData();
    const copy: unknown[] = new Array(length);
    for (let i = 0; i < length; i++) {
      const descriptor = Object.getOwnPropertyDescriptor(value, i);
      if (!descriptor || !('value' in descriptor)) throw new NotPlainData(); // a hole or a getter
      copy[i] = copyPlainData(descriptor.value, depth + 1);
    }
    return copy;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== null && Object.getPrototypeOf(prototype) !== null) throw new NotPlainData();
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (!descriptor || !('value' in descriptor)) throw new NotPlainData();
    // Defined, not assigned: a key "__proto__" stays a key.
    Object.defineProperty(copy, key, { value: copyPlainData(descriptor.value, depth + 1), enumerable: true, writable: true, configurable: true });
  }
  return copy;
}
