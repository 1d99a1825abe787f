// Whether a write may name a row: every reference in the input is loaded through the request's
// scoped sources, so the Gate (src/sources/scope) decides exactly as for a read of it: the supplier's
// units, protected persons (`exclude`: nobody; `alias`: the person, by the id the supplier sees).
// A row outside and a row that does not exist answer the same FORBIDDEN, naming only the field.
import { GraphQLError } from 'graphql';
import { RESOURCES, type ResourceName } from '../../../ss12000/resources';
import { isUuid } from '../../../ss12000/fast-formats';
import type { SubgraphContext } from '../../shared/context';
import { badUserInput, type ErrorCode } from '../../shared/errors';

/** The one answer for a reference the supplier may not write for, whether or not the row exists. */
export const notWritable = (field: string): GraphQLError =>
  new GraphQLError(`Not permitted to write for ${field}: no such row within this supplier's school units.`, {
    extensions: { code: 'FORBIDDEN' satisfies ErrorCode, field },
  });

/** SS 12000 references are uuids (the spec's ObjectReference); anything else is the caller's mistake. */
export const requireUuid = (id: string, field: string): string => {
  if (!isUuid(id)) throw badUserInput(`\`${field}\` must be a uuid (an SS 12000 id).`, field);
  return id;
};

/** One reference of an input: the collection it points into and the input field that names it. */
export interface Reference {
  readonly collection: ResourceName;
  readonly id: string | undefined;
  readonly field: string;
}

/** Loads every given reference through the scoped sources, batched; FORBIDDEN for the first the caller may not see. */
export async function requireVisible(ctx: SubgraphContext, references: readonly Reference[]): Promise<void> {
  const given = references.filter(
    (reference): reference is Reference & { id: string } => reference.id !== undefined && reference.id !== null,
  );
  for (const { id, field } of given) requireUuid(id, field);
  const rows = await Promise.all(given.map(({ collection, id }) => ctx.sources[RESOURCES[collection].producer].load(collection, id)));
  const hidden = given.find((_, index) => rows[index] === null);
  if (hidden) throw notWritable(hidden.field);
}
