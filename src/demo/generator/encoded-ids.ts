import { hash, hashString } from './random';

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

/**
 * Uuid-shaped ids for lazily generated rows, which carry their own key so that get(id)
 * can decode it: `HHHHHHHH-TTTT-4TTT-8TTT-LLLLLLLLLLLL`, where T is a tag fixed by seed and
 * kind (different kinds and seeds never share ids), H is 32 bits and L 48 bits of payload.
 */
export class EncodedIds {
  private readonly tag: string;
  private readonly pattern: RegExp;

  constructor(seed: number, kind: string) {
    const a = hash(seed, hashString(kind), 1);
    const b = hash(seed, hashString(kind), 2);
    this.tag = `${hex(a >>> 16, 4)}-4${hex(a & 0xfff, 3)}-8${hex(b & 0xfff, 3)}`;
    this.pattern = new RegExp(`^([0-9a-f]{8})-${this.tag}-([0-9a-f]{12})$`);
  }

  /** hi: 0..2^32-1, lo: 0..2^48-1 */
  encode(hi: number, lo: number): string {
    return `${hex(hi >>> 0, 8)}-${this.tag}-${hex(lo, 12)}`;
  }

  decode(id: string): [hi: number, lo: number] | undefined {
    const match = this.pattern.exec(id);
    return match ? [parseInt(match[1] as string, 16), parseInt(match[2] as string, 16)] : undefined;
  }
}
