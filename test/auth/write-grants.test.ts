// Write grants in the suppliers file: what each opens, the demo supplier that holds some, and the
// errors a bad `writes` key is refused with (naming the supplier and the key, as every other key).
import { join } from 'node:path';
import { hashApiKey } from '../../src/auth/api-key';
import { loadSuppliersConfig, parseSuppliersConfig } from '../../src/auth/suppliers-config';
import { mayWrite, WRITE_GRANT_MUTATIONS } from '../../src/auth/write-grants';
import { problemsOf } from './support/config-problems';

const supplier = (scopes: string, lines: string): string =>
  `suppliers:\n  - name: school-app\n    apiKeys: [{ sha256: ${hashApiKey('k')} }]\n    units: all\n    scopes: [${scopes}]\n    protectedIdentities: exclude\n${lines}`;

describe('write grants', () => {
  test('each grant opens its own mutations only, and no grant opens nothing', () => {
    expect(mayWrite(['absences'], 'createAbsence')).toBe(true);
    expect(mayWrite(['absences'], 'createAttendanceEvent')).toBe(false);
    expect(mayWrite(['attendanceEvents'], 'deleteAttendanceEvent')).toBe(true);
    expect(mayWrite([], 'createAbsence')).toBe(false);
    expect(mayWrite(undefined, 'createAbsence')).toBe(false);
    // The spec has no DELETE /absences/{id}.
    expect(Object.values(WRITE_GRANT_MUTATIONS).flat()).not.toContain('deleteAbsence');
  });

  test('the demo attendance supplier may write check-ins and absences; the others nothing', async () => {
    const config = await loadSuppliersConfig(join(__dirname, '../../config/suppliers.yaml'));
    expect(Object.fromEntries(config.suppliers.map((s) => [s.name, s.writes]))).toEqual({
      'demo-full': [],
      'demo-lms': [],
      'demo-analytics': [],
      'demo-attendance': ['attendanceEvents', 'absences'],
    });
  });

  test('a grant that does not exist is refused, naming the supplier, the key and the grants there are', async () => {
    expect(await problemsOf(supplier('standard, attendance', '    writes: [grades]\n'))).toEqual([
      'suppliers[school-app].writes[0]: must be one of: attendances, attendanceEvents, attendanceSchedule, absences',
    ]);
    expect(await problemsOf(supplier('standard, attendance', '    writes: absences\n'))).toEqual([
      'suppliers[school-app].writes: must be array',
    ]);
  });

  test('writes without the attendance preset are refused: what is written could not be read back', async () => {
    expect(await problemsOf(supplier('standard, students', '    writes: [absences]\n'))).toEqual([
      'suppliers[school-app].writes: needs the attendance preset in scopes, which reads what is written',
    ]);
    const config = await parseSuppliersConfig(supplier('standard, attendance', '    writes: [absences, attendanceEvents]\n'));
    expect(config.byName.get('school-app')?.writes).toEqual(['absences', 'attendanceEvents']);
  });
});
