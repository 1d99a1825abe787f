// /calendarEvents has no room filter. A room's events are its owner's events in the window whose
// `rooms` name it: one walk of GET /calendarEvents?organisation=<owner>&startTime… per distinct owner
// and window in a request, however many rooms ask (rooms of one school share their owner).
import { getOrCompute } from '../../lib/get-or-compute';
import type { ProducerSource } from '../../sources';
import { RequestLoaders } from '../../sources/shared/loader-factory';
import type * as W from '../../ss12000/wire';
import type { TimeWindowArgs } from './time-window';

const loadersBySource = new WeakMap<ProducerSource, RequestLoaders>();

export async function roomEvents(source: ProducerSource, room: W.Room, window: TimeWindowArgs): Promise<W.CalendarEvent[]> {
  const onOrAfter = window.start.toISOString();
  const onOrBefore = window.end.toISOString();
  const loaders = getOrCompute(loadersBySource, source, () => new RequestLoaders(1));
  const loader = loaders.get<W.CalendarEvent[]>(`room events ${onOrAfter} ${onOrBefore}`, () => async ([owner]) => {
    const events: W.CalendarEvent[] = [];
    const query = { organisation: owner as string, 'startTime.onOrAfter': onOrAfter, 'startTime.onOrBefore': onOrBefore };
    for await (const rows of source.pages('calendarEvents', query)) events.push(...rows);
    return [events];
  });
  const events = await loader.load(room.owner.id);
  return events.filter((event) => event.rooms?.some((ref) => ref.id === room.id));
}
