// Which rows one request may see: the caller's school units and how persons with protected
// identity are handled. The sources enforce it in the data fetch (see STACK.md: row filtering
// in per-row shield rules is both slow and leaky), so every path — by id, lists, references,
// `_entities` — gets the same answer.

export interface RowScope {
  /** Organisation ids with their sub-units already expanded, or all. */
  readonly units: 'all' | ReadonlySet<string>;
  /** `exclude`: such persons do not exist for this caller; `alias`: present, alias name, nothing identifying. */
  readonly protectedIdentities: 'exclude' | 'alias';
  /**
   * Per typed Person attribute (emails, phoneNumbers, addresses): every value, or only values of
   * these types (an empty set: none). An attribute not named is served whole. Applied to every
   * person of every row, wherever it sits (see scope/typed-values.ts).
   */
  readonly valueTypes?: Readonly<Record<string, 'all' | ReadonlySet<string>>>;
}

/**
 * The producers' data as it is: no unit filter, protected identities shown. Recognised by identity,
 * so no supplier configuration can produce it. For internal reads (the organisation tree at
 * start, the sources' own tests) — never for a supplier's request.
 */
export const UNRESTRICTED: RowScope = Object.freeze({ units: 'all', protectedIdentities: 'alias' } as const);

export const isUnrestricted = (scope: RowScope): boolean => scope === UNRESTRICTED;
