import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Meta } from '../shared/meta.type';
import { SchoolType } from '../shared/ss12000-enums';
import { Curriculum } from './enums';

@ObjectType('SpecialisationCourseContent')
export class SpecialisationCourseContent {
  @Field(() => String)
  title!: string;

  @Field(() => String)
  description!: string;

  @Field(() => String, { nullable: true })
  titleEnglish?: string;

  @Field(() => String, { nullable: true })
  descriptionEnglish?: string;
}

/** SS 12000 Syllabus: a subject or course. */
@Directive('@key(fields: "id")')
@ObjectType('Syllabus')
export class Syllabus {
  @Field(() => ID)
  id!: string;

  @Field(() => Meta)
  meta!: Meta;

  @Field(() => SchoolType)
  schoolType!: string;

  @Field(() => String, { nullable: true })
  subjectCode?: string;

  @Field(() => String)
  subjectName!: string;

  @Field(() => String, { nullable: true })
  subjectDesignation?: string;

  @Field(() => String, { nullable: true })
  courseCode?: string;

  @Field(() => String, { nullable: true })
  courseName?: string;

  @Field(() => Int, { nullable: true })
  startSchoolYear?: number;

  @Field(() => Int, { nullable: true })
  endSchoolYear?: number;

  @Field(() => Int, { nullable: true })
  points?: number;

  @Field(() => Curriculum, { nullable: true })
  curriculum?: string;

  @Field(() => String, { nullable: true, description: 'ISO 639-3.' })
  languageCode?: string;

  @Field(() => SpecialisationCourseContent, { nullable: true })
  specialisationCourseContent?: SpecialisationCourseContent;

  @Field(() => Boolean)
  official!: boolean;
}
