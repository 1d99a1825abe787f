import { badUserInput } from './errors';

// SS 12000 ids are uuids, but producers in the wild use other ids (an EduCloud example filters on
// `relationship.organisation=3564439`, rooms are `SAL-B12`, `Å12/3`), and an id a producer gave must
// round-trip (the tolerant reader serves them as opaque ids): only plainly malformed ids are refused
// (empty, blanks, control or punctuation characters an id does not carry, longer than 256).
const ID_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}._:@+#=/-]{0,255}$/u;

/** The id as given, or BAD_USER_INPUT naming the argument. */
export function requireId(id: string, argument = 'id'): string {
  if (!ID_PATTERN.test(id)) throw badUserInput(`\`${argument}\` is not a valid SS 12000 id.`, argument);
  return id;
}

/** An optional id filter argument, checked like `requireId`. */
export const optionalId = (id: string | undefined, argument: string): string | undefined =>
  id === undefined ? undefined : requireId(id, argument);

/** An optional list-of-ids filter argument, each checked like `requireId`. */
export const optionalIds = (ids: readonly string[] | undefined, argument: string): string[] | undefined =>
  ids?.map((id) => requireId(id, argument));
