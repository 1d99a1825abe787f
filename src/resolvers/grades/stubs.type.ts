// Entities the register producer owns. Grades only hands out their `{ id }` and lets the gateway
// resolve the rest; classes are named *Stub so they never collide with register's full types
// in type-graphql's global metadata storage. The reverse links they carry are nullable: when this
// producer fails, the link is null with an error, and the parent another subgraph resolved survives.
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType('Organisation')
export class OrganisationStub {
  @Field(() => ID)
  id!: string;
}

@Directive('@key(fields: "id")')
@ObjectType('Group')
export class GroupStub {
  @Field(() => ID)
  id!: string;
}

@Directive('@key(fields: "id")')
@ObjectType('Syllabus')
export class SyllabusStub {
  @Field(() => ID)
  id!: string;
}

/** Contributes Person.grades (person.resolver.ts). */
@Directive('@key(fields: "id")')
@ObjectType('Person')
export class PersonStub {
  @Field(() => ID)
  id!: string;
}
