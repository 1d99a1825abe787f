import { toGraphQLError } from '../shared/errors';

/** `.catch(rethrow)` on every source call: source errors reach the caller only through the one shared mapping. */
export const rethrow = (error: unknown): never => {
  throw toGraphQLError(error);
};
