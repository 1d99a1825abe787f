import { badUserInput } from './errors';

// SS 12000 ids are uuids, but producers in the wild use other ids (an EduCloud example filters on
// `relationship.organisation=3564439`), so only plainly malformed ids are refused.
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

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
