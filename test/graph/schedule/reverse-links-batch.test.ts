// Reverse links batch: the producer requests a query costs do not grow with the number of parents.
import { generateMunicipality } from '../../../src/demo/generator';
import { startE2E, type E2E } from '../../support/e2e';

const DUTIES_WEEK = `
  query DutiesWeek($first: Int!) {
    duties(first: $first, dutyRole: LARARE) {
      edges { node { id activities { id calendarEvents(start: "2026-08-24T00:00:00Z", end: "2026-08-28T23:59:59Z") { id rooms { id } } } } }
    }
  }`;

const scheduleRoutes = (counts: Record<string, number>) =>
  Object.fromEntries(Object.entries(counts).filter(([route]) => /activities|calendarEvents|rooms/.test(route)));

const dataset = generateMunicipality({ seed: 7, students: 300 });

let graph: E2E;

/** Requests that reached the demo producers since their stats were reset, per route. */
const requestsByRoute = (stack: E2E): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const producer of Object.values(stack.producers)) {
    for (const [route, n] of Object.entries(producer.stats().byRoute)) counts[route] = (counts[route] ?? 0) + n;
  }
  return counts;
};
beforeAll(async () => {
  graph = await startE2E({ dataset, tuning: { maxBatchSize: 1000 } });
});
afterAll(() => graph.close());

const cost = async (first: number) => {
  Object.values(graph.producers).forEach((producer) => producer.resetStats());
  const { data, errors } = await graph.query<any>(DUTIES_WEEK, { first });
  expect(errors).toBeUndefined();
  return { duties: data!.duties.edges.length as number, routes: scheduleRoutes(requestsByRoute(graph)) };
};

test('Duty.activities → calendarEvents → rooms: one lookup per level for 2 duties and for 12', async () => {
  const few = await cost(2);
  const many = await cost(12);

  expect(many.duties).toBe(12);
  expect(few.routes).toEqual({ 'POST /activities/lookup': 1, 'POST /calendarEvents/lookup': 1, 'POST /rooms/lookup': 1 });
  expect(many.routes).toEqual(few.routes);
});
