// When each supplier credential was last accepted, for the console's supplier overview. In memory, per
// gateway process (replicas each know their own); keyed by the key's sha256 digest, never the key.
export interface KeyUsage {
  record(supplier: string, key: string): void;
  /** ISO time of the last accepted request with this digest (or 'jwt'), or null. */
  lastUse(supplier: string, key: string): string | null;
}

export const createKeyUsage = (now: () => number = Date.now): KeyUsage => {
  const seen = new Map<string, number>();
  return {
    record: (supplier, key) => void seen.set(`${supplier}\n${key}`, now()),
    lastUse: (supplier, key) => {
      const at = seen.get(`${supplier}\n${key}`);
      return at === undefined ? null : new Date(at).toISOString();
    },
  };
};
