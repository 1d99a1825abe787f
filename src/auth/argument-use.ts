// The contract side of argument-reads.ts: which arguments (and which values of an enum-valued one) a
// caller may use at all, so that its contract schema offers only those. The same table and the same
// grant check as the subgraphs' guard (argument-guard.ts): what the contract hides is what the guard
// would refuse, and the other way round.
import { toEnumKey } from '../lib/enum-key';
import { ARGUMENT_READS, type ArgumentReads, type ArgumentReadsTable } from './argument-reads';
import type { FieldGrant } from './field-grant';

/** The first of `reads` the grant withholds, if any. */
export const withheldRead = (grant: FieldGrant, reads: readonly string[]): string | undefined =>
  reads.find((read) => {
    const [typeName, fieldName] = read.split('.') as [string, string];
    return !grant.canRead(typeName, fieldName);
  });

export type ArgumentUse =
  /** Not in the table: nobody may use it (the subgraphs refuse to start with one). */
  | { readonly kind: 'unclassified' }
  /** Reads the same whatever its value. */
  | { readonly kind: 'fixed'; readonly allowed: boolean }
  /**
   * Reads per value of the enum argument `of`: `usable` are the GraphQL names of the values whose reads
   * are allowed, `absentAllowed` whether the argument may be given without `of`.
   */
  | { readonly kind: 'perValue'; readonly of: string; readonly usable: ReadonlySet<string>; readonly absentAllowed: boolean };

/**
 * How a caller with `grant` may use `argument` (or `argument.inputField`) of `fieldCoordinate`.
 * `valueNames` are the GraphQL names of the values of the enum the entry's `of` argument takes; a name
 * the table does not know reads everything the table names for that argument, as argumentReads does.
 */
export function argumentUse(
  grant: FieldGrant,
  fieldCoordinate: string,
  argument: string,
  valueNames: readonly string[],
  table: ArgumentReadsTable = ARGUMENT_READS,
): ArgumentUse {
  const entry: ArgumentReads | undefined = table[fieldCoordinate]?.[argument];
  if (entry === undefined) return { kind: 'unclassified' };
  if (Array.isArray(entry)) return { kind: 'fixed', allowed: withheldRead(grant, entry as readonly string[]) === undefined };
  const { of, values, absent } = entry as Exclude<ArgumentReads, readonly string[]>;
  const byName = new Map(Object.entries(values).map(([wire, reads]) => [toEnumKey(wire), reads]));
  const everything = [...new Set(Object.values(values).flat())];
  const usable = new Set(valueNames.filter((name) => withheldRead(grant, byName.get(name) ?? everything) === undefined));
  return { kind: 'perValue', of, usable, absentAllowed: withheldRead(grant, absent ?? []) === undefined };
}
