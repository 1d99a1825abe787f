import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import type * as W from '../../ss12000/wire';
import { ConnectionType, fetchConnection, type Connection } from '../shared/connection';
import type { SubgraphContext } from '../shared/context';
import { requireId } from '../shared/ids';
import { Absence } from './absence.type';
import { AbsencesArgs, absencesQuery } from './filters.args';

export const { Connection: AbsenceConnection } = ConnectionType(Absence, 'Absence');

@Resolver(() => Absence)
export class AbsenceResolver {
  @Query(() => AbsenceConnection, { nullable: true, description: 'GET /absences' })
  absences(@Args(() => AbsencesArgs) args: AbsencesArgs, @Ctx() ctx: SubgraphContext): Promise<Connection<W.Absence>> {
    return fetchConnection(ctx.sources.attendance, 'absences', absencesQuery(args), args);
  }

  @Query(() => Absence, { nullable: true, description: 'GET /absences/{id}; null for an unknown id.' })
  absence(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<W.Absence | null> {
    return ctx.sources.attendance.load('absences', requireId(id));
  }
}
