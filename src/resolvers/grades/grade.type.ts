import { DateResolver } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Meta } from '../shared/meta.type';
import { GradeCorrectionType, Semester } from './enums';
import { GroupStub, OrganisationStub, PersonStub, SyllabusStub } from './stubs.type';

@ObjectType({ description: 'The upper-secondary diploma project a grade is for (gymnasiearbete).' })
export class DiplomaProject {
  @Field(() => String)
  title!: string;

  @Field(() => String)
  description!: string;

  @Field(() => String, { nullable: true })
  titleEnglish?: string;

  @Field(() => String, { nullable: true })
  descriptionEnglish?: string;
}

/** SS 12000 Grade: one registered grade for a student in a subject or course. */
@Directive('@key(fields: "id")')
@ObjectType('Grade')
export class Grade {
  @Field(() => ID)
  id!: string;

  @Field(() => Meta)
  meta!: Meta;

  @Field(() => PersonStub)
  student!: PersonStub;

  // The spec requires `schoolUnit` yet names the property `organisation`: producers send either
  // (GradeResolver.organisation reads both).
  @Field(() => OrganisationStub, { nullable: true, description: 'The school unit.' })
  organisation?: OrganisationStub;

  // Nullable although the spec requires it: a registrar the caller may not see (another unit, an
  // excluded protected identity) is left out, and a non-null field would fail the whole grade.
  @Field(() => PersonStub, { nullable: true })
  registeredBy?: PersonStub;

  @Field(() => PersonStub, { nullable: true })
  gradingTeacher?: PersonStub;

  @Field(() => GroupStub, { nullable: true })
  group?: GroupStub;

  @Field(() => DateResolver)
  registeredDate!: string;

  @Field(() => String)
  gradeValue!: string;

  @Field(() => Boolean)
  finalGrade!: boolean;

  @Field(() => Boolean, { nullable: true })
  trial?: boolean;

  // Required by the spec, yet only meaningful for an adapted course: producers may send an empty string.
  @Field(() => String, { nullable: true })
  adaptedStudyPlan?: string;

  @Field(() => String, { nullable: true })
  remark?: string;

  @Field(() => Boolean, { nullable: true })
  converted?: boolean;

  @Field(() => GradeCorrectionType, { nullable: true })
  correctionType?: string;

  @Field(() => Semester, { nullable: true })
  semester?: string;

  @Field(() => Int, { nullable: true })
  year?: number;

  @Field(() => SyllabusStub)
  syllabus!: SyllabusStub;

  @Field(() => DiplomaProject, { nullable: true })
  diplomaProject?: DiplomaProject;
}
