// The tolerant reader's verdicts as GraphQL errors (sources/shared/tolerant-reader.ts):
// - a list whose producer page had rows left out is served with the rest, and gets one
//   UPSTREAM_INVALID error per row left out (producer, route, the row's position), at the list's path;
// - a field whose value could not be read (an unknown enum value, a bad date) is null with an
//   UPSTREAM_INVALID error, its siblings served.
// graphql-js cannot return a value AND an error for one field, so the list errors are collected per
// request and added to the answer by the plugin below.
import type { ApolloServerPlugin } from '@apollo/server';
import {
  defaultFieldResolver,
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  responsePathAsArray,
  type GraphQLResolveInfo,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import { droppedRows, UNREADABLE, type UnreadableField } from '../../sources/shared/tolerant-reader';

const collected = new WeakMap<object, GraphQLFormattedError[]>();
const GUARDED = Symbol.for('ss12000.payloadGuarded');
/** Types the resolvers build themselves (never a producer row): their fields need no guard. */
const OWN_TYPES = /(Connection|Edge)$|^PageInfo$/;

const isPromiseLike = (value: unknown): value is PromiseLike<unknown> => typeof (value as { then?: unknown } | null)?.then === 'function';

function noteDropped(result: unknown, context: unknown, info: GraphQLResolveInfo): void {
  const dropped = droppedRows(result);
  if (dropped.length === 0 || context === null || typeof context !== 'object') return;
  let errors = collected.get(context);
  if (errors === undefined) {
    errors = [];
    collected.set(context, errors);
  }
  const path = responsePathAsArray(info.path);
  for (const row of dropped) {
    const { producer, path: route, violation } = row.error;
    errors.push({
      message: `The ${producer} producer answered ${route} with a row that cannot be served (${violation}).`,
      path,
      extensions: { code: 'UPSTREAM_INVALID', producer, path: route, position: row.position },
    });
  }
}

function guard(field: GraphQLField<unknown, object>, isList: boolean): void {
  const resolve: GraphQLFieldResolver<unknown, object> = field.resolve ?? defaultFieldResolver;
  const nonNull = isNonNullType(field.type);
  field.resolve = (source, args, context, info) => {
    // Only rows the tolerant reader mended carry marks: for every other row this is one property read.
    const marks = (source as { [UNREADABLE]?: Record<string, UnreadableField> } | null)?.[UNREADABLE];
    if (marks !== undefined) {
      const mark = marks[info.fieldName];
      if (mark !== undefined && (nonNull || !mark.onlyIfNonNull)) throw mark.error;
    }
    const result = resolve(source, args, context, info);
    if (!isList) return result;
    if (isPromiseLike(result)) {
      return Promise.resolve(result).then((value) => {
        noteDropped(value, context, info);
        return value;
      });
    }
    noteDropped(result, context, info);
    return result;
  };
}

/** Wraps, in place, every field of every object type but Query's own leaves: lists and connections note dropped rows, all raise unreadable values. */
export function guardPayloadFields(schema: GraphQLSchema): GraphQLSchema {
  const marked = schema as GraphQLSchema & { [GUARDED]?: true };
  if (marked[GUARDED]) return schema;
  marked[GUARDED] = true;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('_') || OWN_TYPES.test(type.name)) continue;
    for (const field of Object.values(type.getFields()) as GraphQLField<unknown, object>[]) {
      const named = getNamedType(field.type);
      const isList = !isLeafType(named) && (named.name.endsWith('Connection') || isListType(getNullableType(field.type)));
      guard(field, isList);
    }
  }
  return schema;
}

/** Adds the list errors collected for the request to its answer. */
export const payloadErrorsPlugin: ApolloServerPlugin<object> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        const errors = collected.get(contextValue);
        if (errors === undefined || errors.length === 0 || response.body.kind !== 'single') return;
        response.body.singleResult.errors = [...(response.body.singleResult.errors ?? []), ...errors];
      },
    };
  },
};
