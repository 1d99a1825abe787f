import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type * as W from '../../ss12000/wire';
import { rethrow } from '../schedule/rethrow';
import type { SubgraphContext } from '../shared/context';
import { Grade } from './grade.type';
import { PersonStub } from './stubs.type';

@Resolver(() => PersonStub)
export class PersonResolver {
  @FieldResolver(() => [Grade], { description: "The student's registered grades." })
  grades(@Root() person: PersonStub, @Ctx() ctx: SubgraphContext): Promise<W.Grade[]> {
    return ctx.sources.grades.loadBy('grades', 'student', person.id).catch(rethrow);
  }
}
