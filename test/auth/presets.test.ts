import { isGraphField } from '../support/graph-additions';
import { join } from 'node:path';
import { fieldGrant, GOVERNED_TYPES } from '../../src/auth/field-grant';
import { PRESET_NAMES, PRESETS } from '../../src/auth/presets';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { SPEC_YAML_PATH } from '../../src/ss12000/spec-extract';
import { loadSuppliersConfig, type SuppliersConfig } from '../../src/auth/suppliers-config';

const DEMO_FILE = join(__dirname, '../../config/suppliers.yaml');

/** Every `Type.field` a grant opens, sorted, for exact comparison. */
const opened = (scopes: Parameters<typeof fieldGrant>[0]): string[] =>
  [...fieldGrant(scopes).fields].flatMap(([type, fields]) => [...fields].map((field) => `${type}.${field}`)).sort();

describe('presets', () => {
  test('a person-attribute preset opens exactly its field and nothing else', () => {
    expect(opened(['civicNo'])).toEqual(['Person.civicNo']);
    expect(opened(['identifiers'])).toEqual(['Person.eduPersonPrincipalNames', 'Person.externalIdentifiers']);
    expect(opened(['birthDate'])).toEqual(['Person.birthDate']);
  });

  test('students opens persons by name and their enrolments, and nothing identifying', () => {
    // Organisation.persons is the persons list by unit: the same persons Query.persons serves.
    expect(opened(['students'])).toEqual(
      [
        'Query.persons',
        'Query.person',
        'Person.id',
        'Person.meta',
        'Person.givenName',
        'Person.middleName',
        'Person.familyName',
        'Person.securityMarking',
        'Person.personStatus',
        'Person.enrolments',
        'Organisation.id',
        'Organisation.persons',
      ].sort(),
    );
  });

  test('attendanceRows alone opens the raw aggregated rows; attendance no longer does', () => {
    expect(opened(['attendanceRows'])).toEqual(
      [
        'Query.aggregatedAttendances',
        'AggregatedAttendance.activity',
        'AggregatedAttendance.student',
        'AggregatedAttendance.startDate',
        'AggregatedAttendance.endDate',
        'AggregatedAttendance.attendanceSum',
        'AggregatedAttendance.validAbsenceSum',
        'AggregatedAttendance.invalidAbsenceSum',
        'AggregatedAttendance.otherAttendanceSum',
        'AggregatedAttendance.reportedSum',
        'AggregatedAttendance.offeredSum',
        'Person.id',
        'Activity.id',
      ].sort(),
    );
    const attendance = fieldGrant(['attendance']);
    expect(attendance.canRead('Query', 'aggregatedAttendances')).toBe(false);
    expect(attendance.canRead('AggregatedAttendance', 'attendanceSum')).toBe(false);
    expect(attendance.canRead('Query', 'absenceSummary')).toBe(true);
  });

  test('a grant is the union of its presets', () => {
    const union = new Set([...opened(['students']), ...opened(['civicNo']), ...opened(['groups'])]);
    expect(opened(['students', 'civicNo', 'groups'])).toEqual([...union].sort());
  });

  test('deny by default: a field in no preset is not readable, nor is an unknown type', () => {
    const everything = fieldGrant([...PRESET_NAMES]);
    expect(everything.canRead('Person', 'password')).toBe(false);
    expect(everything.canRead('Query', '_entities')).toBe(false);
    expect(everything.canRead('Invoice', 'id')).toBe(false);
  });

  test('no scope opens nothing', () => {
    expect(fieldGrant([]).fields.size).toBe(0);
    expect(fieldGrant([]).canRead('Organisation', 'id')).toBe(false);
  });

  test('without civicNo a civic number is closed, whatever else is granted', () => {
    const allButCivicNo = fieldGrant(PRESET_NAMES.filter((name) => name !== 'civicNo'));
    expect(allButCivicNo.canRead('Person', 'civicNo')).toBe(false);
    expect(allButCivicNo.canRead('Person', 'givenName')).toBe(true);
  });

  test('only email opens every address; schoolEmail alone opens the school ones', () => {
    expect(fieldGrant(['email']).emailTypes).toBe('all');
    expect([...(fieldGrant(['schoolEmail']).emailTypes as Set<string>)].sort()).toEqual(['Skola elev', 'Skola personal']);
    expect(fieldGrant(['students']).emailTypes).toEqual(new Set());
    expect(fieldGrant(['students']).canRead('Person', 'emails')).toBe(false);
  });

  test('typed attributes: a preset opening one unnarrowed opens every type, a narrowing preset its types, none opens nothing', () => {
    expect(fieldGrant(['schoolEmail', 'email']).valueTypes.emails).toBe('all');
    expect(fieldGrant(['schoolEmail', 'phoneNumbers']).valueTypes).toEqual({
      emails: new Set(['Skola elev', 'Skola personal']),
      phoneNumbers: 'all',
      addresses: new Set(),
    });
  });

  test('a grant is computed once per set of scopes, whatever their order', () => {
    expect(fieldGrant(['groups', 'students'])).toBe(fieldGrant(['students', 'groups', 'students']));
  });

  test("every preset field is a field of SS 12000 or one of the graph's links (a typo would silently deny)", () => {
    // The published YAML itself, so this check does not lean on the extract it would share a slip with.
    const document = parse(readFileSync(join(__dirname, '../..', SPEC_YAML_PATH), 'utf8')) as { components: { schemas: unknown } };
    const spec = document.components.schemas as Record<
      string,
      { properties?: Record<string, unknown>; allOf?: { $ref?: string; properties?: Record<string, unknown> }[] }
    >;
    const specFields = (type: string): string[] => {
      const schema = spec[type];
      const own = Object.keys(schema?.properties ?? {});
      const inherited = (schema?.allOf ?? []).flatMap((part) =>
        part.$ref ? specFields(part.$ref.split('/').pop() as string) : Object.keys(part.properties ?? {}),
      );
      return [...own, ...inherited];
    };
    const strays = opened([...PRESET_NAMES]).filter((entry) => {
      const [type, field] = entry.split('.') as [string, string];
      return type !== 'Query' && !isGraphField(type, field) && !specFields(type).includes(field);
    });
    expect(strays).toEqual([]);
  });

  test('every entity type a preset governs can be read by id under some preset', () => {
    for (const type of GOVERNED_TYPES) {
      if (type === 'Query' || type === 'AggregatedAttendance') continue;
      expect(fieldGrant([...PRESET_NAMES]).canRead(type, 'id')).toBe(true);
    }
    expect(Object.keys(PRESETS).sort()).toEqual([...PRESET_NAMES].sort());
  });
});

describe('the demo suppliers', () => {
  let config: SuppliersConfig;
  beforeAll(async () => {
    config = await loadSuppliersConfig(DEMO_FILE);
  });
  const grantOf = (name: string) => {
    const supplier = config.byName.get(name);
    if (!supplier) throw new Error(`no supplier ${name}`);
    return supplier.grant;
  };

  test('demo-full reads every field any preset names', () => {
    expect([...grantOf('demo-full').fields.keys()].sort()).toEqual([...GOVERNED_TYPES].sort());
    expect(grantOf('demo-full').canRead('Person', 'civicNo')).toBe(true);
    expect(grantOf('demo-full').emailTypes).toBe('all');
  });

  test('demo-lms reads students, groups and teachers by name with school email, and no civic number', () => {
    const grant = grantOf('demo-lms');
    for (const [type, field] of [
      ['Person', 'givenName'],
      ['Group', 'groupMemberships'],
      ['Duty', 'dutyRole'],
      ['Person', 'emails'],
      ['Query', 'groups'],
    ]) {
      expect([type, field, grant.canRead(type as string, field as string)]).toEqual([type, field, true]);
    }
    for (const [type, field] of [
      ['Person', 'civicNo'],
      ['Person', 'addresses'],
      ['Person', 'phoneNumbers'],
      ['Grade', 'gradeValue'],
      ['Query', 'attendances'],
    ]) {
      expect([type, field, grant.canRead(type as string, field as string)]).toEqual([type, field, false]);
    }
    expect(grant.emailTypes).not.toBe('all');
  });

  test('demo-analytics reads the absence summary alone: no per-lesson rows, no raw per-student aggregates, persons only by id', () => {
    const grant = grantOf('demo-analytics');
    expect(grant.canRead('Query', 'absenceSummary')).toBe(true);
    expect(grant.canRead('Query', 'aggregatedAttendances')).toBe(false);
    expect(grant.canRead('AggregatedAttendance', 'invalidAbsenceSum')).toBe(false);
    expect(grant.canRead('Query', 'attendances')).toBe(false);
    expect(grant.canRead('Attendance', 'attendanceMinutes')).toBe(false);
    expect(grant.canRead('Query', 'absences')).toBe(false);
    expect(grant.canRead('Person', 'id')).toBe(true);
    for (const field of ['givenName', 'familyName', 'civicNo', 'birthDate', 'emails']) expect(grant.canRead('Person', field)).toBe(false);
    expect(grant.canRead('Query', 'persons')).toBe(false);
  });
});
