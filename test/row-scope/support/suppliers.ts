// Test-only suppliers for gateway scenarios: a suppliers YAML written to a temp dir, one entry per
// supplier, each with its own key (the key is its name suffixed with -key).
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hashApiKey, type PresetName, type WriteGrant } from '../../../src/auth';

export interface TestSupplier {
  name: string;
  /** `all`, or school unit codes. */
  units: 'all' | string[];
  scopes: readonly PresetName[];
  protectedIdentities: 'alias' | 'exclude';
  /** Write grants (src/auth/write-grants.ts); none when absent. */
  writes?: readonly WriteGrant[];
}

export const keyOf = (supplier: TestSupplier | string): string => `${typeof supplier === 'string' ? supplier : supplier.name}-key`;

/** The LMS supplier exactly as config/suppliers.yaml has it (one unit, school e-mail, alias). */
export const DEMO_LMS: TestSupplier = {
  name: 'demo-lms',
  units: ['91000095'],
  scopes: ['standard', 'students', 'groups', 'duties', 'schoolEmail'],
  protectedIdentities: 'alias',
};

/** Writes the suppliers file; returns its path. */
export async function writeSuppliers(suppliers: readonly TestSupplier[]): Promise<string> {
  const lines = ['suppliers:'];
  for (const supplier of suppliers) {
    lines.push(`  - name: ${supplier.name}`, '    apiKeys:', `      - sha256: ${hashApiKey(keyOf(supplier))}`);
    if (supplier.units === 'all') lines.push('    units: all');
    else lines.push('    units:', ...supplier.units.map((code) => `      - schoolUnitCode: '${code}'`));
    lines.push(`    scopes: [${supplier.scopes.join(', ')}]`, `    protectedIdentities: ${supplier.protectedIdentities}`);
    if (supplier.writes !== undefined) lines.push(`    writes: [${supplier.writes.join(', ')}]`);
  }
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'suppliers-')), 'suppliers.yaml');
  await writeFile(file, `${lines.join('\n')}\n`);
  return file;
}
