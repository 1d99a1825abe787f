import { DateTimeResolver } from 'graphql-scalars';
import { Directive, Field, ObjectType } from 'type-graphql';

/** SS 12000 Meta. Every subgraph returns it, so it is defined once and shareable. */
@Directive('@shareable')
@ObjectType('Meta', { description: 'When the producer created and last modified the object.' })
export class Meta {
  @Field(() => DateTimeResolver)
  created!: string;

  @Field(() => DateTimeResolver)
  modified!: string;
}
