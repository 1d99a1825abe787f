// Which producers each process of the deployed shape calls, and why: a process resolves the `${VAR}`
// secrets of these producers only (load-config.ts) and builds source clients for these only
// (sources/index.ts `calls`); any other producer fails closed there if ever asked.
//
// Derived from the code (test/config/producer-calls.test.ts keeps it honest):
// - every subgraph reads its own producer (src/resolvers/<name>);
// - every subgraph's row scope (src/sources/scope) reads the register producer: persons (unit
//   membership, protection), groups and placements (a row's unit: owners.ts, embedded-owners.ts),
//   organisations (the unit of a reference: gate.ts), also under an unrestricted caller's exclude mode;
// - the row scope follows entity references to the collection they name (gate.ts `visible`, person-refs.ts
//   ENTITY_KEYS): a calendar event's activity (schedule), an attendance's calendarEvent and an
//   aggregated attendance's activity (schedule), an attendance schedule's placement and an
//   attendance event's group (register); a grade's `group` (register);
// - the attendance subgraph also reads schedule's lessons and activities (lesson-dates.ts, the absence
//   summary's strategies) and register's school units (summary/streams.ts);
// - the gateway reads the register producer's organisation tree (deployed.ts, fetchOrganisationTree):
//   a supplier limited to some units is expanded to their sub-units over it. That is the one producer
//   secret the gateway holds (REGISTER_… in the example);
// - the changes process (src/gateway/deployed-changes.ts) reads every producer: each one's changes
//   (catch-up.ts: meta.modified.after, /deletedEntities, its subscriptions), each changed object again
//   through the supplier's row scope before a supplier is told of it (visibility.ts), and the register
//   producer's organisation tree for the suppliers' units (supplier webhooks: callerOf).
import { PRODUCERS, type ProducerName } from '../ss12000/resources';

/** The processes of the deployed shape: the gateway, each subgraph (named as its producer), and the change feed's. */
export type ProcessName = 'gateway' | ProducerName | 'changes';

const OWN = 'its own data';
const ROW_SCOPE = 'the row scope: persons, groups, placements and organisations decide unit membership and protection';

/** Per process: each producer it calls, with the reason (shown in a config error). */
export const PRODUCER_CALLS: Readonly<Record<ProcessName, Readonly<Partial<Record<ProducerName, string>>>>> = {
  gateway: { register: 'the organisation tree that unit-scoped suppliers expand over' },
  register: { register: OWN },
  schedule: { schedule: OWN, register: ROW_SCOPE },
  attendance: {
    attendance: OWN,
    schedule: 'lessons and activities: lesson dates, the absence summary, the row scope of attendances',
    register: `school units of the absence summary; ${ROW_SCOPE}`,
  },
  grades: { grades: OWN, register: ROW_SCOPE },
  changes: {
    register: `its changes, and each changed object read again before a supplier is told of it; the organisation tree suppliers' units expand over; ${ROW_SCOPE}`,
    schedule: 'its changes, and each changed object read again before a supplier is told of it',
    attendance: 'its changes, and each changed object read again before a supplier is told of it',
    grades: 'its changes, and each changed object read again before a supplier is told of it',
  },
};

/** The producers `process` calls, in PRODUCERS order. */
export const producersCalledBy = (process: ProcessName): readonly ProducerName[] =>
  PRODUCERS.filter((name) => PRODUCER_CALLS[process][name] !== undefined);

/** "the gateway", "the grades subgraph": how errors name a process. */
export const describeProcess = (process: ProcessName): string => (process === 'gateway' ? 'the gateway' : `the ${process} subgraph`);
