// expandReferenceNames: every `{id}` reference in an answer gets `displayName`; person
// references also get `securityMarking` (the spec's PersonReference).
import type { Dataset } from '../dataset';
import type * as W from '../../ss12000/wire';

type Named = { displayName: string; securityMarking?: W.SecurityMarking };

const personName = (p: W.Person): string => [p.givenName, p.middleName, p.familyName].filter(Boolean).join(' ');

/** Finds what an id refers to; ids are uuids shared by all collections, so the first hit is it. */
export function nameOf(ds: Dataset, id: string): Named | undefined {
  const person = ds.persons.get(id);
  if (person) return { displayName: personName(person), securityMarking: person.securityMarking ?? 'Ingen' };
  const plain = ds.organisations.get(id) ?? ds.groups.get(id) ?? ds.activities.get(id) ?? ds.rooms.get(id) ?? ds.resources.get(id);
  if (plain) return { displayName: plain.displayName };
  const syllabus = ds.syllabuses.get(id);
  if (syllabus) return { displayName: syllabus.courseName ?? syllabus.subjectName };
  const programme = ds.programmes.get(id);
  if (programme) return { displayName: programme.name };
  const duty = ds.duties.get(id);
  if (duty) {
    const holder = duty.person ? ds.persons.get(duty.person.id) : undefined;
    return { displayName: holder ? `${personName(holder)}, ${String(duty.dutyRole)}` : String(duty.dutyRole) };
  }
  const placement = ds.placements.get(id);
  if (placement) {
    const child = ds.persons.get(placement.child.id);
    return { displayName: child ? `Placering ${personName(child)}` : 'Placering' };
  }
  const event = ds.calendarEvents.get(id);
  if (event) return { displayName: `${ds.activities.get(event.activity.id)?.displayName ?? 'Lektion'} ${event.startTime}` };
  return undefined;
}

const REFERENCE_KEYS = new Set(['id', 'displayName', 'securityMarking']);

const isReference = (value: Record<string, unknown>): boolean =>
  typeof value.id === 'string' && Object.keys(value).every((k) => REFERENCE_KEYS.has(k));

/** Adds names in place: call it on a copy, dataset objects share their reference objects. */
export function addReferenceNames(value: unknown, ds: Dataset, root = true): void {
  if (Array.isArray(value)) {
    for (const item of value) addReferenceNames(item, ds, false);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  if (!root && isReference(record)) {
    const named = nameOf(ds, record.id as string);
    if (named) Object.assign(record, named);
    return;
  }
  for (const inner of Object.values(record)) addReferenceNames(inner, ds, false);
}
