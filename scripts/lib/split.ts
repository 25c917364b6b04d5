// A fixed split of a graded set into a tuning half and a test half, by a hash of each item's id: the same item
// always falls in the same half, and neither half is chosen by looking at it.
export type Half = 'tune' | 'test';

/** FNV-1a, 32 bits. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export const halfOf = (id: string): Half => (fnv1a(id) % 2 === 0 ? 'tune' : 'test');
