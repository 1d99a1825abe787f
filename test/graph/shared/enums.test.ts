import { toEnumKey } from '../../../src/resolvers/shared/enums';

describe('toEnumKey', () => {
  it.each([
    ['Skyddad folkbokföring', 'SKYDDAD_FOLKBOKFORING'],
    ['Anmäld frånvaro', 'ANMALD_FRANVARO'],
    ['Speciallärare/specialpedagog', 'SPECIALLARARE_SPECIALPEDAGOG'],
    ['Studie- och yrkesvägledare', 'STUDIE_OCH_YRKESVAGLEDARE'],
    ['ModifiedDesc', 'MODIFIED_DESC'],
    ['placement.child', 'PLACEMENT_CHILD'],
    ['GYSÄR2000', 'GYSAR2000'],
    ['Lpfö98', 'LPFO98'],
  ])('%s → %s', (value, key) => {
    expect(toEnumKey(value)).toBe(key);
  });
});
