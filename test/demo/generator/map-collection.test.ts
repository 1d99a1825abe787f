import { MapCollection } from '../../../src/demo/generator/map-collection';

interface Duty {
  id: string;
  dutyAt: { id: string };
  assignmentRole?: { group: { id: string } }[];
}

const duty = (id: string, unit: string, groups: string[] = []): Duty => ({
  id,
  dutyAt: { id: unit },
  assignmentRole: groups.map((g) => ({ group: { id: g } })),
});
const ids = (rows: Iterable<Duty> | undefined) => [...(rows ?? [])].map((d) => d.id).sort();

describe('MapCollection (the materialised collections)', () => {
  const make = () => {
    const c = new MapCollection<Duty>(['dutyAt.id', ['organisation.id', 'dutyAt.id'], 'assignmentRole.group.id']);
    c.set('a', duty('a', 'u1', ['g1', 'g2']))
      .set('b', duty('b', 'u1'))
      .set('c', duty('c', 'u2', ['g1']));
    return c;
  };

  it('answers where() for indexed paths (through arrays) and aliases, and undefined for others', () => {
    const c = make();
    expect(ids(c.where('dutyAt.id', 'u1'))).toEqual(['a', 'b']);
    expect(ids(c.where('organisation.id', 'u2'))).toEqual(['c']);
    expect(ids(c.where('assignmentRole.group.id', 'g1'))).toEqual(['a', 'c']);
    expect(ids(c.where('dutyAt.id', 'nowhere'))).toEqual([]);
    expect(c.where('person.id', 'p')).toBeUndefined();
  });

  it('keeps indexes current when an entity is replaced or deleted, in insertion order', () => {
    const c = make();
    c.set('a', duty('a', 'u2'));
    expect(ids(c.where('dutyAt.id', 'u1'))).toEqual(['b']);
    expect(ids(c.where('assignmentRole.group.id', 'g2'))).toEqual([]);
    expect(c.delete('c')).toBe(true);
    expect(c.delete('c')).toBe(false);
    expect(ids(c.where('organisation.id', 'u2'))).toEqual(['a']);
    expect([...c.values()].map((d) => d.id)).toEqual(['a', 'b']);
    expect(c.size).toBe(2);
  });
});
