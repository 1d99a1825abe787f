// The console tests' administrators and suppliers file: a temporary copy of config/suppliers.yaml
// (the console writes to it; config/suppliers.yaml itself is never touched by a test).
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hashApiKey } from '../../src/auth';
import { DEFAULT_SUPPLIERS_PATH } from '../../src/config/paths';
import type { Dataset } from '../../src/demo/dataset';
import type * as W from '../../src/ss12000/wire';
import { isProtectedPerson } from '../row-scope/support/protected';

export const ADMIN_KEY = 'test-console-admin-key';
export const ADMINS = { apiKeys: [{ name: 'test-admin', sha256: hashApiKey(ADMIN_KEY) }] };

export interface SuppliersCopy {
  path: string;
  remove(): Promise<void>;
}

export const suppliersCopy = async (): Promise<SuppliersCopy> => {
  const dir = await mkdtemp(path.join(tmpdir(), 'console-suppliers-'));
  const file = path.join(dir, 'suppliers.yaml');
  await copyFile(DEFAULT_SUPPLIERS_PATH, file);
  return { path: file, remove: () => rm(dir, { recursive: true, force: true }) };
};

/**
 * A protected student in a class of the unit with this schoolUnitCode (demo-lms's unit is 91000095),
 * and the huvudman above the unit: the walk the console tests take.
 */
export const protectedStudentAt = (dataset: Dataset, schoolUnitCode: string) => {
  const unit = [...dataset.organisations.values()].find((organisation) => organisation.schoolUnitCode === schoolUnitCode) as W.Organisation;
  const huvudman = dataset.organisations.get(unit.parentOrganisation?.id ?? '') as W.Organisation;
  for (const group of dataset.groups.values()) {
    if (group.organisation.id !== unit.id || group.groupType !== 'Klass') continue;
    for (const membership of group.groupMemberships ?? []) {
      const person = dataset.persons.get(membership.person.id);
      if (person && isProtectedPerson(person)) return { huvudman, unit, group, person };
    }
  }
  throw new Error(`no protected student in a class of ${schoolUnitCode}`);
};
