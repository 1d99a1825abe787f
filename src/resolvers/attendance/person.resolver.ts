import { DateResolver } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type * as W from '../../ss12000/wire';
import type { SubgraphContext } from '../shared/context';
import { badUserInput } from '../shared/errors';
import { wireDate } from '../shared/wire-params';
import { Absence } from './absence.type';
import { AttendanceEvent } from './attendance-event.type';
import { Attendance } from './attendance.type';
import { inLessonOrder, lessonDatesOf } from './lesson-dates';
import { PersonStub } from './stubs.type';

@Resolver(() => PersonStub)
export class PersonResolver {
  /** Batched: one POST /attendances/lookup {students: [...]} for all persons in the request. */
  @FieldResolver(() => [Attendance], {
    nullable: true,
    description: "The student's attendance, optionally only for lessons on startDate..endDate (inclusive, the lesson's own date).",
  })
  async attendances(
    @Root() person: PersonStub,
    @Ctx() ctx: SubgraphContext,
    @Arg('startDate', () => DateResolver, { nullable: true }) startDate?: Date,
    @Arg('endDate', () => DateResolver, { nullable: true }) endDate?: Date,
  ): Promise<W.Attendance[]> {
    if (startDate && endDate && endDate < startDate) throw badUserInput('endDate is before startDate.', 'endDate');
    const rows = await ctx.sources.attendance.loadBy('attendances', 'students', person.id);
    if (!startDate && !endDate) return inLessonOrder(ctx, rows);
    const dates = await lessonDatesOf(ctx, rows);
    const from = wireDate(startDate) ?? '0000-01-01';
    const to = wireDate(endDate) ?? '9999-12-31';
    return inLessonOrder(
      ctx,
      rows.filter((row) => {
        const date = dates.get(row.calendarEvent.id);
        return date !== undefined && date >= from && date <= to;
      }),
    );
  }

  // /absences/lookup takes only ids: this walks GET /absences?student= once per distinct student.
  @FieldResolver(() => [Absence], { nullable: true, description: 'Leave and absence reported in advance for this student.' })
  absences(@Root() person: PersonStub, @Ctx() ctx: SubgraphContext): Promise<W.Absence[]> {
    return ctx.sources.attendance.loadBy('absences', 'student', person.id);
  }

  /** Batched: one POST /attendanceEvents/lookup {person: [...]} for all persons in the request. */
  @FieldResolver(() => [AttendanceEvent], { nullable: true, description: "This person's check-ins and check-outs (förskola, fritidshem)." })
  attendanceEvents(@Root() person: PersonStub, @Ctx() ctx: SubgraphContext): Promise<W.AttendanceEvent[]> {
    return ctx.sources.attendance.loadBy('attendanceEvents', 'person', person.id);
  }
}
