// Reverse links batch: the producer requests a query costs do not grow with the number of parents.
import { startFederatedGraph, type FederatedGraph } from './support/federated-graph';

const DUTIES_WEEK = `
  query DutiesWeek($first: Int!) {
    duties(first: $first, dutyRole: LARARE) {
      edges { node { id activities { id calendarEvents(start: "2026-08-24T00:00:00Z", end: "2026-08-28T23:59:59Z") { id rooms { id } } } } }
    }
  }`;

const scheduleRoutes = (counts: Record<string, number>) =>
  Object.fromEntries(Object.entries(counts).filter(([route]) => /activities|calendarEvents|rooms/.test(route)));

let graph: FederatedGraph;
beforeAll(async () => {
  graph = await startFederatedGraph();
});
afterAll(() => graph.close());

const cost = async (first: number) => {
  graph.resetStats();
  const { data, errors } = await graph.query(DUTIES_WEEK, { first });
  expect(errors).toBeUndefined();
  return { duties: data!.duties.edges.length as number, routes: scheduleRoutes(graph.requests()) };
};

test('Duty.activities → calendarEvents → rooms: one lookup per level for 2 duties and for 12', async () => {
  const few = await cost(2);
  const many = await cost(12);

  expect(many.duties).toBe(12);
  expect(few.routes).toEqual({ 'POST /activities/lookup': 1, 'POST /calendarEvents/lookup': 1, 'POST /rooms/lookup': 1 });
  expect(many.routes).toEqual(few.routes);
});
