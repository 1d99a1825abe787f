import { badUserInput } from './errors';

export const DEFAULT_FIRST = 50;
/** Also bounds a cursor's `skip`: an edge cursor never points deeper into a page than one `first`. */
export const MAX_FIRST = 1000;

/** A connection's `first`: the default when absent, BAD_USER_INPUT outside 1…MAX_FIRST. */
export function checkFirst(first: number | undefined | null): number {
  if (first === undefined || first === null) return DEFAULT_FIRST;
  if (!Number.isInteger(first) || first < 1 || first > MAX_FIRST) {
    throw badUserInput(`\`first\` must be between 1 and ${MAX_FIRST}; page with \`after\` for more.`, 'first');
  }
  return first;
}

/** Where a connection resumes: the producer page (`token`, null = the first page) and rows of it already given out. */
export interface CursorState {
  token: string | null;
  skip: number;
}

export const encodeCursor = (state: CursorState): string =>
  Buffer.from(JSON.stringify([state.token, state.skip]), 'utf8').toString('base64url');

/** Cursors are opaque to callers but come back from them: anything malformed is their mistake. */
export function decodeCursor(cursor: string): CursorState {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  if (
    !Array.isArray(decoded) ||
    decoded.length !== 2 ||
    !(decoded[0] === null || (typeof decoded[0] === 'string' && decoded[0].length > 0)) ||
    !Number.isSafeInteger(decoded[1]) ||
    decoded[1] < 0 ||
    decoded[1] > MAX_FIRST
  ) {
    throw badUserInput('`after` is not a cursor this graph issued.', 'after');
  }
  return { token: decoded[0] as string | null, skip: decoded[1] as number };
}
