import { generateMunicipality } from '../../../src/demo/generator';
import type { Dataset } from '../../../src/demo/dataset';
import { RESOURCES, type ResourceName } from '../../../src/ss12000/resources';

/** Every collection serialised, in values() order (lazy collections sampled: first 20,000 rows). */
const fingerprint = (dataset: Dataset): string =>
  (Object.keys(RESOURCES) as ResourceName[])
    .map((name) => {
      const rows: unknown[] = [];
      for (const row of dataset[name].values()) {
        rows.push(row);
        if (rows.length === 20_000) break;
      }
      return `${name}:${dataset[name].size}:${JSON.stringify(rows)}`;
    })
    .join('\n');

describe('generateMunicipality determinism', () => {
  it('gives byte-identical data, ids included, for the same options', () => {
    const a = fingerprint(generateMunicipality({ students: 300 }));
    const b = fingerprint(generateMunicipality({ students: 300 }));
    expect(a).toBe(b);
  });

  it('gives different data and ids for another seed', () => {
    const a = generateMunicipality({ students: 300 });
    const b = generateMunicipality({ students: 300, seed: 7 });
    const idsOf = (d: Dataset) => new Set([...d.persons.values()].map((p) => p.id));
    const shared = [...idsOf(a)].filter((id) => idsOf(b).has(id));
    expect(shared).toHaveLength(0);
    expect(fingerprint(a)).not.toBe(fingerprint(b));
  });

  it('rejects bad options with a clear error', () => {
    expect(() => generateMunicipality({ students: -1 })).toThrow(/students must be an integer/);
    expect(() => generateMunicipality({ termStart: '2026-13-01' })).toThrow(/termStart must be a date/);
    expect(() => generateMunicipality({ termStart: '2026-12-01', termEnd: '2026-08-01' })).toThrow(/termEnd must be on or after/);
  });
});
