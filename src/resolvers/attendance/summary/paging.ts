// A summary cursor is the offset of the next row and, when the rows were kept (snapshots.ts), the
// snapshot the offset points into.
import { badUserInput } from '../../shared/errors';

export interface SummaryPosition {
  /** The kept rows the previous page came from; absent when they were not kept. */
  readonly snapshot: string | undefined;
  readonly offset: number;
}

export const encodePosition = ({ snapshot, offset }: SummaryPosition): string =>
  Buffer.from(`summary:${snapshot ?? ''}:${offset}`, 'utf8').toString('base64url');

export function decodePosition(after: string | undefined | null): SummaryPosition {
  if (after === undefined || after === null) return { snapshot: undefined, offset: 0 };
  const match = /^summary:([0-9a-f-]{36})?:(\d{1,9})$/.exec(Buffer.from(after, 'base64url').toString('utf8'));
  if (!match) throw badUserInput('`after` is not a cursor this summary issued.', 'after');
  return { snapshot: match[1], offset: Number(match[2]) };
}
