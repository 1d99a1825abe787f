// A summary cursor is the offset of the next row and, when the rows were kept (snapshots.ts), the
// snapshot the offset points into; sealed (src/lib/seal.ts) for the supplier and the query's arguments.
// The seal's key comes from ALIAS_SECRET, so a replica opens the cursors another issued; a cursor
// presented by another supplier, or with other arguments, is BAD_USER_INPUT, as a list's cursor is.
import type { Seal } from '../../../lib/seal';
import { badUserInput } from '../../shared/errors';

export interface SummaryPosition {
  /** The kept rows the previous page came from; absent when they were not kept. */
  readonly snapshot: string | undefined;
  readonly offset: number;
}

/** What a cursor is sealed for: the supplier and the arguments (not the grant: a changed grant recomputes). */
export const cursorContext = (supplier: string, query: object): string => JSON.stringify(['absenceSummary', supplier, query]);

export const encodePosition = (seal: Seal, context: string, { snapshot, offset }: SummaryPosition): string =>
  Buffer.from(seal.seal(context, `summary:${snapshot ?? ''}:${offset}`), 'utf8').toString('base64url');

export function decodePosition(seal: Seal, context: string, after: string | undefined | null): SummaryPosition {
  if (after === undefined || after === null) return { snapshot: undefined, offset: 0 };
  const token = seal.open(context, Buffer.from(after, 'base64url').toString('utf8'));
  const match = token === undefined ? null : /^summary:([0-9a-f-]{36})?:(\d{1,9})$/.exec(token);
  if (!match) throw badUserInput('`after` is not a cursor this summary issued to this supplier for these arguments.', 'after');
  return { snapshot: match[1], offset: Number(match[2]) };
}
