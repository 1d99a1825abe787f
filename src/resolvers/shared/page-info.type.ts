import { Directive, Field, Int, ObjectType } from 'type-graphql';

/** Relay PageInfo, forward paging only (SS 12000 pageTokens go one way). Every subgraph returns it. */
@Directive('@shareable')
@ObjectType('PageInfo', { description: 'Where a page ends. Paging goes forward only, as SS 12000 page tokens do.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'True when another page follows: ask again with `after: endCursor`.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: "The last node's cursor; null on an empty page." })
  endCursor!: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'How many nodes the whole list has, where that is known without reading it all: on a first page with nothing after it, and on lists the graph computes itself. Null otherwise: SS 12000 lists carry no count, and counting would mean reading every page.',
  })
  totalCount?: number | null;
}
