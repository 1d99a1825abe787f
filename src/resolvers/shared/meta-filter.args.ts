// The meta.created / meta.modified filters every SS 12000 list takes, plus Relay paging.
import { DateTimeResolver } from 'graphql-scalars';
import { ArgsType, Field } from 'type-graphql';
import type { QueryValue } from '../../sources';
import { PageArgs } from './connection';
import { wireDateTime } from './wire-params';

@ArgsType()
export class MetaFilterArgs extends PageArgs {
  @Field(() => DateTimeResolver, { nullable: true, description: 'meta.created.before (inclusive).' })
  metaCreatedBefore?: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: 'meta.created.after (exclusive).' })
  metaCreatedAfter?: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: 'meta.modified.before (inclusive).' })
  metaModifiedBefore?: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: 'meta.modified.after (exclusive).' })
  metaModifiedAfter?: Date;
}

/** The spec's dotted query names for MetaFilterArgs; undefined values are left out by the sources. */
export const metaQuery = (args: MetaFilterArgs): Record<string, QueryValue> => ({
  'meta.created.before': wireDateTime(args.metaCreatedBefore),
  'meta.created.after': wireDateTime(args.metaCreatedAfter),
  'meta.modified.before': wireDateTime(args.metaModifiedBefore),
  'meta.modified.after': wireDateTime(args.metaModifiedAfter),
});
