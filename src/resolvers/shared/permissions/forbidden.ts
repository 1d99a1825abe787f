import { GraphQLError } from 'graphql';
import type { ErrorCode } from '../errors';

/** The one error a denied read gets: names the coordinate (or entity type), never a value. */
export const forbidden = (what: string): GraphQLError =>
  new GraphQLError(`Not permitted to read ${what}.`, { extensions: { code: 'FORBIDDEN' satisfies ErrorCode, field: what } });

/**
 * A filter or sort argument that reads a field the caller may not read: names the argument and
 * the field, never its value (`Query.persons(civicNo:)` reads `Person.civicNo`).
 */
export const forbiddenArgument = (field: string, argument: string, reads: string): GraphQLError =>
  new GraphQLError(`Not permitted to filter or sort on ${reads} (argument ${argument} of ${field}).`, {
    extensions: { code: 'FORBIDDEN' satisfies ErrorCode, field: reads, argument: `${field}(${argument}:)` },
  });

/** A mutation outside the supplier's write grants (src/auth/write-grants.ts). */
export const forbiddenWrite = (what: string): GraphQLError =>
  new GraphQLError(`Not permitted to write ${what}.`, { extensions: { code: 'FORBIDDEN' satisfies ErrorCode, field: what } });
