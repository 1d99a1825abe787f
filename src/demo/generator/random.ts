// Seeded randomness. Every draw derives from the options' seed, never from Math.random,
// crypto or the clock, so the same options give byte-identical data.

/**
 * 32-bit multiply, same result as Math.imul. Inside Jest's vm sandbox Math.imul is not
 * inlined and runs ~50× slower, which made lazy attendance walks crawl in tests.
 */
export const imul = (a: number, b: number): number => (a * (b & 0xffff) + ((a * (b >>> 16)) & 0xffff) * 65536) | 0;

/** Mixes one 32-bit value into a running hash (murmur3-style finaliser steps). */
export const mix = (h: number, v: number): number => {
  let x = imul(h ^ v, 0x85ebca6b);
  x ^= x >>> 13;
  x = imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
};

/** A pure hash of small integers: the basis of every lazily computed row. */
export const hash = (seed: number, a: number, b = 0, c = 0): number => mix(mix(mix(mix(seed, a), b), c), 0x9e3779b9);

/** A uniform number in [0, 1) from `hash`. */
export const unit = (seed: number, a: number, b = 0, c = 0): number => hash(seed, a, b, c) / 4294967296;

export const hashString = (text: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
};

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hex8 = (n: number): string =>
  `${HEX[n >>> 24] as string}${HEX[(n >>> 16) & 255] as string}${HEX[(n >>> 8) & 255] as string}${HEX[n & 255] as string}`;

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [0, n). */
  int(n: number): number;
  /** Integer in [min, max]. */
  between(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Fisher–Yates shuffle in place; returns the same array. */
  shuffle<T>(items: T[]): T[];
  /** A version-4-shaped uuid drawn from this stream. */
  uuid(): string;
}

/**
 * One independent stream per domain (`stream` names it), so adding draws to one domain
 * does not shift the ids and values of another. mulberry32 is plenty for synthetic data.
 */
export const createRandom = (seed: number, stream: string): Random => {
  let state = mix(seed >>> 0, hashString(stream));
  const u32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const next = (): number => u32() / 4294967296;
  const int = (n: number): number => Math.floor(next() * n);
  return {
    next,
    int,
    between: (min, max) => min + int(max - min + 1),
    chance: (p) => next() < p,
    pick: (items) => items[int(items.length)] as (typeof items)[number],
    shuffle: (items) => {
      for (let i = items.length - 1; i > 0; i--) {
        const j = int(i + 1);
        [items[i], items[j]] = [items[j] as (typeof items)[number], items[i] as (typeof items)[number]];
      }
      return items;
    },
    uuid: () => {
      const a = hex8(u32());
      const b = hex8(u32());
      const c = hex8(u32());
      const d = hex8(u32());
      const variant = ((parseInt(c[0] as string, 16) & 0x3) | 0x8).toString(16);
      return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
    },
  };
};
