// A source for a producer the process has no client for: every call fails with `fail(route)`, so a
// resolver that reaches it gets that producer's error where it would have got rows.
import type { ListName, ProducerName } from '../../ss12000/resources';
import type { ProducerSource } from '../types';
import { listPath } from './list';
import { DEFAULT_TIME_ZONE } from './tolerant-reader';

export function failingSource(producer: ProducerName, fail: (route: string) => never): ProducerSource {
  const listing = (name: ListName): never => fail(`GET ${listPath(name).path}`);
  const lookup = (name: ListName): never => fail(`POST ${listPath(name).path}/lookup`);
  return {
    producer,
    tuning: { pageSize: 100, maxConcurrency: 1, timeZone: DEFAULT_TIME_ZONE },
    list: async (name: ListName) => listing(name),
    // Throws at the first pull, as the unreachable producer it stands for would.
    // eslint-disable-next-line require-yield
    pages: async function* (name: ListName) {
      listing(name);
    },
    load: async (name: ListName) => lookup(name),
    loadMany: async (name: ListName) => lookup(name),
    loadBy: async (name: ListName) => lookup(name),
    write: async (name: ListName) => fail(`POST ${listPath(name).path}`),
    remove: async (name: ListName) => fail(`DELETE ${listPath(name).path}/{id}`),
  } as unknown as ProducerSource;
}
