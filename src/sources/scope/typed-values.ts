// Typed Person attributes narrowed to the types a supplier's presets open (schoolEmail: school
// e-mail addresses only). Applied to every full person anywhere in a row — the row itself, a
// placement's `_embedded` child and owners, a duty's `_embedded` person — so no path (by id, list,
// member, responsible, `_entities`) serves a value another path withholds.
import { isFullPerson } from './person-refs';

type Json = Record<string, unknown>;
export type ValueTypes = Readonly<Record<string, 'all' | ReadonlySet<string>>>;

/** The attributes `valueTypes` narrows (the others are served whole); empty when it narrows none. */
export const narrowed = (valueTypes: ValueTypes | undefined): [string, ReadonlySet<string>][] =>
  Object.entries(valueTypes ?? {}).filter((entry): entry is [string, ReadonlySet<string>] => entry[1] !== 'all');

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

const typeOf = (value: unknown): unknown => (isObject(value) ? value.type : undefined);

/** `row` with every full person's narrowed attributes holding only the open types (the row itself when nothing changes). */
export function narrowValues<T>(row: T, attributes: readonly [string, ReadonlySet<string>][]): T {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) {
      let changed = false;
      const items = node.map((item) => {
        const out = walk(item);
        changed ||= out !== item;
        return out;
      });
      return changed ? items : node;
    }
    if (!isObject(node)) return node;
    let result: Json | undefined;
    const person = isFullPerson(node);
    if (person) {
      for (const [attribute, types] of attributes) {
        const values = node[attribute];
        if (values === undefined) continue;
        result ??= { ...node };
        // A value without a type, or not an array at all, is not served: fail closed.
        const kept = Array.isArray(values) ? values.filter((value) => types.has(String(typeOf(value)))) : [];
        if (kept.length > 0) result[attribute] = kept;
        else delete result[attribute];
      }
    }
    for (const key in node) {
      const child = node[key];
      if (typeof child !== 'object' || child === null) continue;
      if (person && attributes.some(([attribute]) => attribute === key)) continue;
      const out = walk(child);
      if (out !== child) (result ??= { ...node })[key] = out;
    }
    return result ?? node;
  };
  return walk(row) as T;
}
