// One small generated municipality shared by the scenarios in a test file (generation is deterministic).
import type { Dataset } from '../../../src/demo/dataset';
import { generateMunicipality } from '../../../src/demo/generator';

let cached: Dataset | undefined;

export const municipality = (): Dataset => (cached ??= generateMunicipality({ seed: 7, students: 300 }));

export const idsOf = <T extends { id?: string }>(collection: { values(): IterableIterator<T> }, count: number): string[] => {
  const ids: string[] = [];
  for (const entity of collection.values()) {
    if (ids.length === count) break;
    if (entity.id) ids.push(entity.id);
  }
  return ids;
};
