import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Meta } from '../shared/meta.type';
import { SchoolType } from '../shared/ss12000-enums';
import { ProgrammeContentType, ProgrammeType } from './enums';
import { Syllabus } from './syllabus.type';

@ObjectType('ProgrammeContent', { description: 'SS 12000 Programme.content[]: a block of courses/subjects.' })
export class ProgrammeContent {
  @Field(() => ProgrammeContentType)
  type!: string;

  @Field(() => Int, { nullable: true })
  points?: number;

  @Field(() => [Syllabus], { nullable: true, description: 'The syllabuses of the block (unknown references left out).' })
  content?: Syllabus[];
}

/** SS 12000 Programme (study path). `parentProgramme` and `content[].content` are resolved in programme.resolver.ts. */
@Directive('@key(fields: "id")')
@ObjectType('Programme')
export class Programme {
  @Field(() => ID)
  id!: string;

  @Field(() => Meta)
  meta!: Meta;

  @Field(() => String)
  name!: string;

  @Field(() => ProgrammeType)
  type!: string;

  @Field(() => Programme, { nullable: true })
  parentProgramme?: Programme;

  @Field(() => SchoolType)
  schoolType!: string;

  @Field(() => String, { nullable: true, description: 'Studievägskod.' })
  code?: string;

  @Field(() => [ProgrammeContent], { nullable: true })
  content?: ProgrammeContent[];
}
