import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { RESOURCES } from '../../ss12000/resources';
import { ss12000Enum } from '../shared/enums';

/** The SS 12000 entity names (the spec's EndPointsEnum) the feed can report, as the GraphQL ChangeType. */
export const ChangeTypeEnum = ss12000Enum(
  'ChangeType',
  Object.values(RESOURCES).map((info) => info.deletedEntityName),
  "An SS 12000 object type (the spec's EndPointsEnum; the graph's type of the same name).",
);

export enum ChangeKind {
  MODIFIED = 'MODIFIED',
  DELETED = 'DELETED',
}
registerEnumType(ChangeKind, { name: 'ChangeKind', description: 'Created or modified, or deleted.' });

@ObjectType('Change', { description: 'One object that changed: read it by id for its new state (a DELETED one is gone).' })
export class Change {
  @Field(() => ChangeTypeEnum)
  type!: string;

  @Field(() => ID, { description: 'The id the graph serves the object under.' })
  id!: string;

  @Field(() => ChangeKind)
  change!: ChangeKind;

  @Field(() => DateTimeResolver, { description: "MODIFIED: the object's meta.modified; DELETED: when the gateway learned of it." })
  at!: string;
}
