// Who is expected at a lesson: SS 12000 leaves it to the client to join the activity's groups'
// memberships (valid on the lesson's date) with the event's studentExceptions (participates: false
// takes a student out, true adds one); a cancelled lesson expects nobody. Groups and persons are read through the request's scoped
// register source, so members of units the caller may not see, and protected persons under
// `exclude`, are not counted; under `alias` they stay, and register serves them aliased.
import type { SubgraphContext } from '../shared/context';
import type * as W from '../../ss12000/wire';

type Membership = NonNullable<W.Group['groupMemberships']>[number];

const covers = (membership: Membership, date: string): boolean =>
  (membership.startDate === undefined || membership.startDate <= date) && (membership.endDate === undefined || membership.endDate >= date);

export async function expectedStudents(ctx: SubgraphContext, event: W.CalendarEvent): Promise<{ id: string }[]> {
  // A cancelled lesson takes place for nobody: no one is expected, as no attendance is.
  if (event.cancelled) return [];
  const activity = await ctx.sources.schedule.load('activities', event.activity.id);
  if (!activity) return [];
  const groups = await ctx.sources.register.loadMany(
    'groups',
    (activity.groups ?? []).map((group) => group.id),
  );
  // The lesson's local date: startTime carries its own offset.
  const date = event.startTime.slice(0, 10);
  const ids = new Set<string>();
  for (const group of groups)
    for (const membership of group?.groupMemberships ?? []) if (covers(membership, date)) ids.add(membership.person.id);
  for (const exception of event.studentExceptions ?? []) {
    if (exception.participates) ids.add(exception.student.id);
    else ids.delete(exception.student.id);
  }
  const persons = await ctx.sources.register.loadMany('persons', [...ids]);
  return persons.flatMap((person) => (person ? [{ id: person.id }] : []));
}
