import { Directive, Field, ObjectType } from 'type-graphql';

/** Relay PageInfo, forward paging only (SS 12000 pageTokens go one way). Every subgraph returns it. */
@Directive('@shareable')
@ObjectType('PageInfo')
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}
