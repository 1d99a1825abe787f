// What the gateway asks of one producer beyond plain lists and id lookups: the reverse lookups
// ("every R whose <field> is <key>") and, per field, how the producer can answer them.
import type { ProducerName, ResourceName, ResourceTypes } from '../../ss12000/resources';

export type ReverseLookup<T> =
  /** `POST /X/lookup {<field>: keys}`, and rows name their key: one call for many keys, rows split back by `keysOf`. */
  | { readonly via: 'lookup'; readonly keysOf: (row: T) => readonly (string | undefined)[] }
  /** `POST /X/lookup {<field>: [key]}`: rows do not say which key matched (e.g. a member of one of the activity's groups). */
  | { readonly via: 'lookup'; readonly keysOf?: undefined }
  /** `GET /X?<field>=key`, every page: the lookup body has no such field, the list filter does. One walk per key. */
  | { readonly via: 'list' };

export type ReverseLookups = { readonly [R in ResourceName]?: Readonly<Record<string, ReverseLookup<ResourceTypes[R]>>> };

export interface DomainSpec {
  readonly producer: ProducerName;
  readonly reverseLookups: ReverseLookups;
}

export const batchedBy = <T>(keysOf: (row: T) => readonly (string | undefined)[]): ReverseLookup<T> => ({ via: 'lookup', keysOf });
export const perKey: { readonly via: 'lookup'; readonly keysOf?: undefined } = { via: 'lookup' };
export const listFilter: { readonly via: 'list' } = { via: 'list' };
