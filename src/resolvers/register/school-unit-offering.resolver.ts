import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type * as W from '../../ss12000/wire';
import type { SubgraphContext } from '../shared/context';
import { fetchConnection, type Connection } from '../shared/connection';
import { requireId } from '../shared/ids';
import { SchoolUnitOfferingConnection } from './connections';
import { SchoolUnitOfferingsArgs, schoolUnitOfferingsQuery } from './filters.args';
import { Organisation } from './organisation.type';
import { Programme } from './programme.type';
import { SchoolUnitOffering } from './school-unit-offering.type';
import { Syllabus } from './syllabus.type';
import { loadRef, loadRefs } from './refs';

@Resolver(() => SchoolUnitOffering)
export class SchoolUnitOfferingResolver {
  @Query(() => SchoolUnitOfferingConnection, { nullable: true, description: 'GET /schoolUnitOfferings' })
  schoolUnitOfferings(
    @Args(() => SchoolUnitOfferingsArgs) args: SchoolUnitOfferingsArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<W.SchoolUnitOffering>> {
    return fetchConnection(ctx.sources.register, 'schoolUnitOfferings', schoolUnitOfferingsQuery(args), args);
  }

  @Query(() => SchoolUnitOffering, { nullable: true, description: 'GET /schoolUnitOfferings/{id}; null for an unknown id.' })
  schoolUnitOffering(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<W.SchoolUnitOffering | null> {
    return ctx.sources.register.load('schoolUnitOfferings', requireId(id));
  }

  @FieldResolver(() => Organisation, { nullable: true })
  offeredAt(@Root() offering: W.SchoolUnitOffering, @Ctx() ctx: SubgraphContext) {
    return loadRef(ctx, 'organisations', offering.offeredAt);
  }

  @FieldResolver(() => [Syllabus], { nullable: true })
  offeredSyllabuses(@Root() offering: W.SchoolUnitOffering, @Ctx() ctx: SubgraphContext) {
    return loadRefs(ctx, 'syllabuses', offering.offeredSyllabuses);
  }

  @FieldResolver(() => [Programme], { nullable: true })
  offeredProgrammes(@Root() offering: W.SchoolUnitOffering, @Ctx() ctx: SubgraphContext) {
    return loadRefs(ctx, 'programmes', offering.offeredProgrammes);
  }
}
