// The [start, end] window the reverse links to calendar events take (Person, Room): both required,
// since a term holds hundreds of lessons per person and room.
import { ArgsType, Field } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type * as W from '../../ss12000/wire';
import { badUserInput } from '../shared/errors';

@ArgsType()
export class TimeWindowArgs {
  @Field(() => DateTimeResolver, { description: 'Only events starting at or after this time.' })
  start!: Date;

  @Field(() => DateTimeResolver, { description: 'Only events starting at or before this time.' })
  end!: Date;
}

export const checkWindow = (window: TimeWindowArgs): void => {
  if (window.end < window.start) throw badUserInput('end is before start.', 'end');
};

/** The events starting within the window, in start order. */
export const eventsWithin = (events: readonly W.CalendarEvent[], window: TimeWindowArgs): W.CalendarEvent[] =>
  events
    .filter((event) => {
      const time = Date.parse(event.startTime);
      return time >= window.start.getTime() && time <= window.end.getTime();
    })
    .sort((a, b) => Date.parse(a.startTime) - Date.parse(b.startTime));
