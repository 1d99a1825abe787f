// The attendance producer's writes, as SS 12000 defines them: POST /attendances, /attendanceEvents,
// /attendanceSchedule, /absences and DELETE /attendances/{id}, /attendanceEvents/{id},
// /attendanceSchedule/{id} (the spec has no DELETE /absences/{id}). Each mutation: the write grant
// (root-shield.ts, and here again), every reference within the supplier's scope (scope.ts), at most
// once per idempotency key (idempotency.ts), one audit line, the stored row through the Gate.
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { mayWrite } from '../../../auth';
import type { WritableName } from '../../../sources';
import { RESOURCES } from '../../../ss12000/resources';
import type { SubgraphContext } from '../../shared/context';
import { forbiddenWrite } from '../../shared/permissions';
import { absenceBody, attendanceBody, attendanceEventBody, attendanceScheduleBody } from './bodies';
import { idempotent, writeServices } from './idempotency';
import {
  CreateAbsenceInput,
  CreateAttendanceEventInput,
  CreateAttendanceInput,
  CreateAttendanceScheduleInput,
  DeleteInput,
} from './inputs';
import {
  CreateAbsencePayload,
  CreateAttendanceEventPayload,
  CreateAttendancePayload,
  CreateAttendanceSchedulePayload,
  DeletePayload,
} from './payloads';
import { notWritable, requireUuid, requireVisible, type Reference } from './scope';

const audit = (ctx: SubgraphContext, operation: 'create' | 'delete', name: WritableName, id: string): void => {
  // Ids only: never a name, civic number or any other value of the row.
  writeServices(ctx).audit.info({ supplier: ctx.caller.supplier, operation, entity: RESOURCES[name].deletedEntityName, id }, 'write');
};

async function create(
  ctx: SubgraphContext,
  operation: string,
  name: WritableName,
  input: { idempotencyKey?: string },
  body: () => Record<string, unknown>,
  references: readonly Reference[],
): Promise<unknown> {
  if (!mayWrite(ctx.caller.writes, operation)) throw forbiddenWrite(`Mutation.${operation}`);
  return idempotent(ctx, operation, input, async (attempt) => {
    const checked = body();
    await requireVisible(ctx, references);
    attempt.sending();
    const written = await ctx.sources.attendance.write(name, checked);
    audit(ctx, 'create', name, written.id);
    return written.row;
  });
}

async function remove(ctx: SubgraphContext, operation: string, name: WritableName, input: DeleteInput): Promise<DeletePayload> {
  if (!mayWrite(ctx.caller.writes, operation)) throw forbiddenWrite(`Mutation.${operation}`);
  const id = requireUuid(input.id, 'input.id');
  return idempotent(ctx, operation, input, async (attempt) => {
    // Unknown, outside the supplier's units, or about a person it may not see: one answer.
    if ((await ctx.sources.attendance.load(name, id)) === null) throw notWritable('input.id');
    attempt.sending();
    if (!(await ctx.sources.attendance.remove(name, id))) throw notWritable('input.id');
    audit(ctx, 'delete', name, id);
    return { id };
  });
}

const person = (id: string | undefined, field: string): Reference => ({ collection: 'persons', id, field });

@Resolver()
export class WritesResolver {
  @Mutation(() => CreateAttendancePayload, { nullable: true, description: 'POST /attendances' })
  async createAttendance(
    @Arg('input', () => CreateAttendanceInput) input: CreateAttendanceInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CreateAttendancePayload> {
    const row = await create(ctx, 'createAttendance', 'attendances', input, () => attendanceBody(input), [
      { collection: 'calendarEvents', id: input.calendarEvent, field: 'input.calendarEvent' },
      person(input.student, 'input.student'),
      person(input.reporter, 'input.reporter'),
    ]);
    return { attendance: row };
  }

  @Mutation(() => DeletePayload, { nullable: true, description: 'DELETE /attendances/{id}' })
  deleteAttendance(@Arg('input', () => DeleteInput) input: DeleteInput, @Ctx() ctx: SubgraphContext): Promise<DeletePayload> {
    return remove(ctx, 'deleteAttendance', 'attendances', input);
  }

  @Mutation(() => CreateAttendanceEventPayload, { nullable: true, description: 'POST /attendanceEvents: check in or out.' })
  async createAttendanceEvent(
    @Arg('input', () => CreateAttendanceEventInput) input: CreateAttendanceEventInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CreateAttendanceEventPayload> {
    const row = await create(ctx, 'createAttendanceEvent', 'attendanceEvents', input, () => attendanceEventBody(input), [
      person(input.person, 'input.person'),
      { collection: 'groups', id: input.group, field: 'input.group' },
      person(input.registeredBy, 'input.registeredBy'),
    ]);
    return { attendanceEvent: row };
  }

  @Mutation(() => DeletePayload, { nullable: true, description: 'DELETE /attendanceEvents/{id}' })
  deleteAttendanceEvent(@Arg('input', () => DeleteInput) input: DeleteInput, @Ctx() ctx: SubgraphContext): Promise<DeletePayload> {
    return remove(ctx, 'deleteAttendanceEvent', 'attendanceEvents', input);
  }

  @Mutation(() => CreateAttendanceSchedulePayload, { nullable: true, description: 'POST /attendanceSchedule: child-care schedule times.' })
  async createAttendanceSchedule(
    @Arg('input', () => CreateAttendanceScheduleInput) input: CreateAttendanceScheduleInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CreateAttendanceSchedulePayload> {
    const row = await create(ctx, 'createAttendanceSchedule', 'attendanceSchedule', input, () => attendanceScheduleBody(input), [
      { collection: 'placements', id: input.placement, field: 'input.placement' },
      ...input.state.map((state, index) => person(state.registeredBy, `input.state[${index}].registeredBy`)),
    ]);
    return { attendanceSchedule: row };
  }

  @Mutation(() => DeletePayload, { nullable: true, description: 'DELETE /attendanceSchedule/{id}' })
  deleteAttendanceSchedule(@Arg('input', () => DeleteInput) input: DeleteInput, @Ctx() ctx: SubgraphContext): Promise<DeletePayload> {
    return remove(ctx, 'deleteAttendanceSchedule', 'attendanceSchedule', input);
  }

  @Mutation(() => CreateAbsencePayload, { nullable: true, description: 'POST /absences: a reported absence or granted leave.' })
  async createAbsence(
    @Arg('input', () => CreateAbsenceInput) input: CreateAbsenceInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CreateAbsencePayload> {
    const row = await create(ctx, 'createAbsence', 'absences', input, () => absenceBody(input), [
      person(input.student, 'input.student'),
      { collection: 'organisations', id: input.organisation, field: 'input.organisation' },
      person(input.registeredBy, 'input.registeredBy'),
    ]);
    return { absence: row };
  }
}
