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
  isObjectType,
  responsePathAsArray,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import { droppedRows, UNREADABLE } from '../../sources/shared/tolerant-reader';

const collected = new WeakMap<object, GraphQLFormattedError[]>();
const GUARDED = Symbol.for('ss12000.payloadGuarded');

const isPromiseLike = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as { then?: unknown } | null)?.then === 'function';

function wrapList(field: GraphQLField<unknown, object>): void {
  const resolve: GraphQLFieldResolver<unknown, object> = field.resolve ?? defaultFieldResolver;
  field.resolve = (source, args, context, info) => {
    const note = (result: unknown): unknown => {
      const dropped = droppedRows(result);
      if (dropped.length > 0 && context !== null && typeof context === 'object') {
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
      return result;
    };
    const result = resolve(source, args, context, info);
    return isPromiseLike(result) ? Promise.resolve(result).then(note) : note(result);
  };
}

function wrapLeaf(field: GraphQLField<unknown, object>): void {
  const resolve: GraphQLFieldResolver<unknown, object> = field.resolve ?? defaultFieldResolver;
  field.resolve = (source, args, context, info) => {
    const unreadable = (source as { [UNREADABLE]?: Record<string, Error> } | null)?.[UNREADABLE];
    if (unreadable !== undefined) {
      const error = unreadable[info.fieldName];
      if (error !== undefined) throw error;
    }
    return resolve(source, args, context, info);
  };
}

/** Wraps, in place, every list/connection field (dropped rows) and every leaf field (unreadable values) of `schema`. */
export function guardPayloadFields(schema: GraphQLSchema): GraphQLSchema {
  const marked = schema as GraphQLSchema & { [GUARDED]?: true };
  if (marked[GUARDED]) return schema;
  marked[GUARDED] = true;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields()) as GraphQLField<unknown, object>[]) {
      const named = getNamedType(field.type);
      if (isLeafType(named)) {
        if (type !== schema.getQueryType()) wrapLeaf(field);
      } else if (named.name.endsWith('Connection') || isListType(getNullableType(field.type))) {
        wrapList(field);
      }
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
