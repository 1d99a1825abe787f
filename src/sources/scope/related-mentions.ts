// Under `alias`, the relations between a protected person and another person are withheld from both
// ends (relations.ts). A row can relate two persons in one more way: its subject (the student of an
// absence, the child of a check-in or of a vistelseschema's placement) and the person it names as
// having registered it (registeredBy). A guardian who called in a protected child's absence, or
// registered its schedule, would name the child's family beside the alias. So a registeredBy is left
// out when it and a subject of the same row are relatives (a guardian, a child, a sibling sharing a
// guardian) and either of them is protected. Staff who registered stay, and so do an attendance's
// reporter and a grade's teacher (teachers by the spec's own words): they tie the alias to a lesson
// or a group, not to a family (README beside this file).
import { isPromise, type Maybe } from './maybe';
import type { PersonChecks } from './person-checks';
import type { PersonSighting } from './person-refs';
import { lazy } from './relations';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `row` with each `registeredBy` decided when it is read: GraphQL awaits the lazy value, so a query
 * that does not ask who registered a row costs no lookup (most do not: a unit's absences, a roll call).
 * `withheld` gives the ids to leave out (worked out once per row, on the first read).
 */
export function withRegistrationsChecked<T>(row: T, withheld: () => Promise<ReadonlySet<string>>): T {
  const walk = (node: unknown, key: string | undefined): unknown => {
    if (Array.isArray(node)) return node.map((item) => walk(item, undefined));
    if (!isObject(node)) return node;
    if (key === 'registeredBy' && typeof node.id === 'string') {
      const id = node.id;
      return lazy(() => withheld().then((ids) => (ids.has(id) ? null : node)));
    }
    // A spread keeps the tolerant reader's symbol marks; only object children are replaced.
    const out: Json = { ...node };
    for (const childKey in node) {
      const child = node[childKey];
      if (typeof child === 'object' && child !== null) out[childKey] = walk(child, childKey);
    }
    return out;
  };
  return walk(row, undefined) as T;
}

/**
 * The ids of the registrations (registeredBy) in a row to leave out. `subjects` are the row's subject persons, the
 * subject a row points at through another row included (a schedule's placement's child).
 */
export async function relatedMentions(
  persons: PersonChecks,
  subjects: readonly { id: string; marking: string | null }[],
  mentions: readonly PersonSighting[],
): Promise<Set<string>> {
  const left = new Set<string>();
  if (subjects.length === 0 || mentions.length === 0) return left;
  const isProtected = (id: string, marking: string | null): Promise<boolean> => {
    const answer: Maybe<boolean> = persons.isProtected(id, marking);
    return isPromise(answer) ? answer : Promise.resolve(answer);
  };
  const [subjectMarks, mentionMarks] = await Promise.all([
    Promise.all(subjects.map((s) => isProtected(s.id, s.marking))),
    Promise.all(mentions.map((m) => isProtected(m.id, m.marking))),
  ]);
  await Promise.all(
    subjects.flatMap((subject, i) =>
      mentions.map(async (mention, j) => {
        if (mention.id === subject.id || left.has(mention.id)) return;
        if (!subjectMarks[i] && !mentionMarks[j]) return;
        if ((await persons.relativesOf(subject.id)).has(mention.id)) left.add(mention.id);
      }),
    ),
  );
  return left;
}
