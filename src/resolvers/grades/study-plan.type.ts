import { DateResolver } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Meta } from '../shared/meta.type';
import { StudyPlanContentType, StudyPlanNoteType } from './enums';
import { PersonStub, SyllabusStub } from './stubs.type';

@ObjectType({ description: 'A syllabus in a study plan, with its points and start and end.' })
export class StudyPlanSyllabus {
  @Field(() => SyllabusStub)
  syllabus!: SyllabusStub;

  @Field(() => String, { nullable: true })
  note?: string;

  @Field(() => DateResolver, { nullable: true })
  startDate?: string;

  @Field(() => DateResolver, { nullable: true })
  endDate?: string;

  @Field(() => Int, { nullable: true })
  hours?: number;
}

@ObjectType({ description: 'A part of a study plan: a kind of content and the syllabuses in it.' })
export class StudyPlanContent {
  @Field(() => String, { nullable: true })
  title?: string;

  @Field(() => StudyPlanContentType, { nullable: true })
  type?: string;

  @Field(() => Int, { nullable: true })
  points?: number;

  @Field(() => [StudyPlanSyllabus])
  syllabuses!: StudyPlanSyllabus[];
}

@ObjectType({ description: 'A note on a study plan and what kind it is.' })
export class StudyPlanNotes {
  @Field(() => StudyPlanNoteType)
  type!: string;

  @Field(() => String, { description: 'The text of the note.' })
  note!: string;
}

/** SS 12000 StudyPlan: a student's planned courses. */
@Directive('@key(fields: "id")')
@ObjectType('StudyPlan')
export class StudyPlan {
  @Field(() => ID)
  id!: string;

  @Field(() => Meta)
  meta!: Meta;

  @Field(() => PersonStub)
  student!: PersonStub;

  @Field(() => [StudyPlanContent], { nullable: true })
  content?: StudyPlanContent[];

  @Field(() => [StudyPlanNotes], { nullable: true })
  notes?: StudyPlanNotes[];

  @Field(() => DateResolver)
  startDate!: string;

  @Field(() => DateResolver, { nullable: true })
  endDate?: string;
}
