// Summary rows are computed whole per request, so a cursor is simply the offset of the next row.
import { badUserInput } from '../../shared/errors';
import { DEFAULT_FIRST, MAX_FIRST } from '../../shared/cursor';

export const encodeOffset = (offset: number): string => Buffer.from(`summary:${offset}`, 'utf8').toString('base64url');

export function decodeOffset(after: string | undefined | null): number {
  if (after === undefined || after === null) return 0;
  const match = /^summary:(\d{1,9})$/.exec(Buffer.from(after, 'base64url').toString('utf8'));
  if (!match) throw badUserInput('`after` is not a cursor this summary issued.', 'after');
  return Number(match[1]);
}

export function checkFirst(first: number | undefined | null): number {
  if (first === undefined || first === null) return DEFAULT_FIRST;
  if (!Number.isInteger(first) || first < 1 || first > MAX_FIRST) {
    throw badUserInput(`\`first\` must be between 1 and ${MAX_FIRST}; page with \`after\` for more.`, 'first');
  }
  return first;
}
