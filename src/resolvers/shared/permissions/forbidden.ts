import { GraphQLError } from 'graphql';
import type { ErrorCode } from '../errors';

/** The one error a denied read gets: names the coordinate (or entity type), never a value. */
export const forbidden = (what: string): GraphQLError =>
  new GraphQLError(`Not permitted to read ${what}.`, { extensions: { code: 'FORBIDDEN' satisfies ErrorCode, field: what } });
