// Lists: absent and empty are the same `[]` (issue 11). A list field answers `null` only together
// with an error that says why: FORBIDDEN (a field grant the supplier lacks, field-guard.ts, which
// wraps this and throws first), UPSTREAM_INVALID (a value the tolerant reader could not read,
// payload-errors.ts) or the producer being unavailable. Everything else is a list:
// - the producer left the property out or sent `null` (both read as absent by the tolerant reader);
// - a reverse link with no rows;
// - values the row scope withholds: a protected person's own attributes under `alias`, a relative's
//   household addresses, relations naming a protected person, values of a type the supplier's
//   presets do not open (src/sources/scope). A `null` there would tell "withheld" from "none", and
//   that can itself leak: a relative's withheld addresses would mark a household with a protected
//   person (under `exclude`, where that person must be nowhere), and a supplier granted e-mails but
//   not names (so no alias) would see who is protected. The graph says "none" for both.
// One wrapper per list field of the schema, so no resolver has to remember it.
import { defaultFieldResolver, getNullableType, isListType, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';

const isPromiseLike = (value: unknown): value is PromiseLike<unknown> => typeof (value as { then?: unknown } | null)?.then === 'function';

const orEmpty = (value: unknown): unknown => value ?? [];

/** Wraps, in place, every list field of every object type but the root types and federation's own, so that null or absent resolves to `[]`. */
export function absentListsAsEmpty(schema: GraphQLSchema): GraphQLSchema {
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('_') || roots.has(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (!isListType(getNullableType(field.type))) continue;
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        const result = resolve(source, args, context, info);
        // A lazy thenable (scope/relations.ts) is awaited here as GraphQL would await it.
        return isPromiseLike(result) ? Promise.resolve(result).then(orEmpty) : orEmpty(result);
      };
    }
  }
  return schema;
}
