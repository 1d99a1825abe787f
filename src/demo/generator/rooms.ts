import type * as W from '../../ss12000/wire';
import { metaBefore } from './meta';
import type { Ref, UnitInfo } from './model';
import type { GeneratorConfig } from './options';
import type { Random } from './random';

export const SPECIAL_ROOMS = ['Idrottshall', 'Slöjdsal', 'Musiksal', 'NO-sal'] as const;
export type SpecialRoom = (typeof SPECIAL_ROOMS)[number];

export interface RoomsBuilt {
  rooms: W.Room[];
  resources: W.Resource[];
  /** Global room index of each unit's classrooms (one per class) and special rooms. */
  classrooms: Map<number, number[]>;
  special: Map<number, Map<SpecialRoom, number>>;
  roomRefs: Ref[];
}

/** The classroom of a unit's k-th class: its lessons without a special room, and its mentor time. */
export const homeRoomOf = (rooms: RoomsBuilt, unit: number, k: number): number => {
  const list = rooms.classrooms.get(unit) as number[];
  return list[k % list.length] as number;
};

/** A classroom per class plus a gym, a crafts room, a music room and a science lab per unit. */
export const buildRooms = (
  config: GeneratorConfig,
  units: UnitInfo[],
  classesPerUnit: (unit: number) => number,
  random: Random,
): RoomsBuilt => {
  const rooms: W.Room[] = [];
  const resources: W.Resource[] = [];
  const classrooms = new Map<number, number[]>();
  const special = new Map<number, Map<SpecialRoom, number>>();
  const add = (unit: UnitInfo, displayName: string, seats: number): number => {
    const room: W.Room = { id: random.uuid(), meta: metaBefore(random, config.termStart), displayName, seats, owner: unit.ref };
    rooms.push(room);
    return rooms.length - 1;
  };
  for (const unit of units) {
    const list: number[] = [];
    for (let c = 0; c < Math.max(1, classesPerUnit(unit.index)); c++)
      list.push(add(unit, `Sal ${100 * (1 + Math.floor(c / 10)) + (c % 10) + 1}`, 30));
    classrooms.set(unit.index, list);
    special.set(unit.index, new Map(SPECIAL_ROOMS.map((name) => [name, add(unit, name, name === 'Idrottshall' ? 60 : 24)])));
    for (const name of ['Projektorvagn', 'Datorvagn 1', 'Datorvagn 2']) {
      const resource: W.Resource = {
        id: random.uuid(),
        meta: metaBefore(random, config.termStart),
        displayName: name,
        description: name.startsWith('Dator') ? '30 bärbara datorer' : 'Mobil projektor med högtalare',
        owner: unit.ref,
      };
      resources.push(resource);
      unit.resources.push({ id: resource.id });
    }
  }
  return { rooms, resources, classrooms, special, roomRefs: rooms.map((r) => ({ id: r.id })) };
};
