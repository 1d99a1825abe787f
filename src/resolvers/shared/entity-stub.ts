import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The shape of every entity stub: an entity another subgraph owns, known here only by its id. */
export interface EntityStub {
  id: string;
}

/**
 * `entityStub('Person')` → a `Person @key(fields: "id")` type with its `id` only: an entity another
 * producer owns, which this subgraph hands out as `{ id }` for the gateway to resolve the rest of.
 * A new class on every call, on purpose: each subgraph gets its own, with only its own field resolvers
 * (type-graphql keeps one global metadata store; subgraph.ts), and never reaches the owner's full type.
 */
export function entityStub(name: string): new () => EntityStub {
  @Directive('@key(fields: "id")')
  @ObjectType(name)
  class Stub implements EntityStub {
    @Field(() => ID)
    id!: string;
  }
  Object.defineProperty(Stub, 'name', { value: `${name}Stub` });
  return Stub;
}
