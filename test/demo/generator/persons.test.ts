import { generateMunicipality } from '../../../src/demo/generator';
import { isValidCivicNo, sexOfCivicNo } from '../../../src/demo/generator/civic-no';
import type * as W from '../../../src/ss12000/wire';

const dataset = generateMunicipality({ students: 3000 });
const persons = [...dataset.persons.values()];
const students = persons.filter((p) => p.enrolments?.length);
const guardianIds = new Set(students.flatMap((s) => (s.responsibles ?? []).map((r) => r.person?.id)));
const guardians = persons.filter((p) => guardianIds.has(p.id));
const protectedShare = (list: W.Person[]) => list.filter((p) => p.securityMarking !== 'Ingen').length / list.length;

describe('persons of the synthetic municipality', () => {
  it('have 12-digit civic numbers with a valid Luhn digit, matching birth date and sex, unique', () => {
    const wrong = persons.filter((p) => {
      const civicNo = p.civicNo?.value as string;
      return !isValidCivicNo(civicNo) || civicNo.slice(0, 8) !== p.birthDate?.replace(/-/g, '') || sexOfCivicNo(civicNo) !== p.sex;
    });
    expect(wrong).toEqual([]);
    expect(new Set(persons.map((p) => p.civicNo?.value)).size).toBe(persons.length);
  });

  it('are born in the year that fits their school year (förskoleklass turns 6, year 1 turns 7, gymnasium year 1 turns 16)', () => {
    const wrong = students.filter((s) => {
      const { schoolType, schoolYear = -1 } = s.enrolments?.[0] as NonNullable<W.Person['enrolments']>[number];
      const age = 2026 - Number(s.birthDate?.slice(0, 4));
      return age !== (schoolType === 'GY' ? 15 + schoolYear : 6 + schoolYear);
    });
    expect(wrong).toEqual([]);
  });

  it('mark about one student and one guardian in a hundred as protected, and give protected persons no address', () => {
    expect(protectedShare(students)).toBeGreaterThan(0.004);
    expect(protectedShare(students)).toBeLessThan(0.02);
    expect(protectedShare(guardians)).toBeGreaterThan(0.004);
    expect(protectedShare(guardians)).toBeLessThan(0.02);
    const marked = persons.filter((p) => p.securityMarking !== 'Ingen');
    expect(new Set(marked.map((p) => p.securityMarking))).toEqual(new Set(['Sekretessmarkering', 'Skyddad folkbokföring']));
    expect(marked.filter((p) => p.addresses !== undefined)).toEqual([]);
    expect(persons.filter((p) => p.securityMarking === 'Ingen' && p.addresses?.length !== 1)).toEqual([]);
  });

  it('give every student one or two guardians who exist, and let siblings share them', () => {
    const wrong = students.filter((s) => {
      const list = s.responsibles ?? [];
      return (
        list.length < 1 ||
        list.length > 2 ||
        list.some((r) => r.relationType !== 'Vårdnadshavare' || !dataset.persons.get(r.person?.id as string))
      );
    });
    expect(wrong).toEqual([]);
    const children = (id: string) => [...(dataset.persons.where?.('responsibles.person.id', id) ?? [])];
    const withSiblings = guardians.filter((g) => children(g.id).length > 1);
    expect(withSiblings.length).toBeGreaterThan(guardians.length * 0.1);
    for (const g of withSiblings) expect(new Set(children(g.id).map((c) => c.familyName)).size).toBe(1);
  });

  it('give school e-mail, user names and external identifiers to students and staff', () => {
    const wrong = students.filter(
      (s) =>
        s.emails?.[0]?.type !== 'Skola elev' ||
        s.eduPersonPrincipalNames?.[0] !== s.emails?.[0]?.value ||
        s.externalIdentifiers?.[0]?.value !== s.eduPersonPrincipalNames?.[0]?.split('@')[0],
    );
    expect(wrong).toEqual([]);
    expect(new Set(persons.flatMap((p) => p.eduPersonPrincipalNames ?? [])).size).toBe(students.length + dataset.description.staff);
  });

  it('scale school staff with students (about one in ten; the förskolor have staff of their own)', () => {
    const atSchool = [...dataset.duties.values()].filter((d) => !dataset.organisations.get(d.dutyAt.id)?.schoolTypes?.includes('FS'));
    expect(atSchool.length).toBeLessThan(dataset.description.staff);
    expect(atSchool.length / dataset.description.students).toBeGreaterThan(0.08);
    expect(atSchool.length / dataset.description.students).toBeLessThan(0.13);
  });
});
