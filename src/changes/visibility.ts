// Which log entries one supplier may be told of. The rule is the reads' rule, asked the same way:
// - a type is in the feed only when one of the supplier's presets opens the type's rows (`Type.meta`:
//   presets that only point at a type, e.g. attendance's Activity.id, do not);
// - MODIFIED: the object as it is now, loaded through the supplier's row scope (src/sources/scope):
//   outside its units, or a protected person (or a row about one) under `exclude`, it loads as null
//   and the entry is left out. The id shown is the id its reads serve;
// - DELETED: the object is gone, so its units cannot be asked. It is shown only to a supplier that
//   this feed has shown the object to as MODIFIED before (recorded in the store); never-seen objects'
//   deletions are left out (deny by default: an id alone can tell that a protected person existed).
import { fieldGrant, type Caller } from '../auth';
import { resourceOfEntity, type Sources } from '../sources';
import { RESOURCES } from '../ss12000/resources';
import { objectKey, type ChangeStore } from './store';
import type { ChangeRecord } from './types';

/** The entity names a supplier's presets open (`Type.meta` readable). */
export const typesFor = (caller: Pick<Caller, 'scopes'>): ReadonlySet<string> => {
  const grant = fieldGrant(caller.scopes);
  return new Set(
    Object.values(RESOURCES)
      .map((info) => info.deletedEntityName)
      .filter((type) => grant.canRead(type, 'meta')),
  );
};

export async function visibleChanges(
  records: readonly ChangeRecord[],
  caller: Pick<Caller, 'supplier' | 'scopes'>,
  sources: Sources,
  store: ChangeStore,
  wanted?: ReadonlySet<string>,
): Promise<ChangeRecord[]> {
  const open = typesFor(caller);
  const candidates = records.filter((record) => open.has(record.type) && (wanted === undefined || wanted.has(record.type)));
  const modified = candidates.filter((record) => record.change === 'MODIFIED');
  const shown = new Set<string>();
  await Promise.all(
    modified.map(async (record) => {
      const name = resourceOfEntity(record.type);
      if (name === undefined) return;
      const row = (await sources[RESOURCES[name].producer].load(name, record.id)) as { id?: string } | null;
      if (row !== null && row.id === record.id) shown.add(objectKey(record));
    }),
  );
  await store.markSeen(
    caller.supplier,
    modified.filter((record) => shown.has(objectKey(record))),
  );
  const deleted = candidates.filter((record) => record.change === 'DELETED');
  const seen = await store.seen(caller.supplier, deleted);
  return candidates.filter((record) => (record.change === 'MODIFIED' ? shown : seen).has(objectKey(record)));
}
