// What the gateway asks of one producer beyond plain lists and id lookups: the reverse lookups
// (`POST /X/lookup` body fields other than `ids`) and how to tell which key a returned row belongs to.
import type { ProducerName, ResourceName, ResourceTypes } from '../../ss12000/resources';

export type ReverseLookup<T> =
  /** Rows name their key: one POST for many keys, rows split back by `keysOf`. */
  | { readonly batched: true; readonly keysOf: (row: T) => readonly (string | undefined)[] }
  /** Rows do not say which key matched (e.g. a member of one of the activity's groups): one POST per key. */
  | { readonly batched: false };

export type ReverseLookups = { readonly [R in ResourceName]?: Readonly<Record<string, ReverseLookup<ResourceTypes[R]>>> };

export interface DomainSpec {
  readonly producer: ProducerName;
  readonly reverseLookups: ReverseLookups;
}

export const batchedBy = <T>(keysOf: (row: T) => readonly (string | undefined)[]): ReverseLookup<T> => ({ batched: true, keysOf });
export const perKey: { readonly batched: false } = { batched: false };
