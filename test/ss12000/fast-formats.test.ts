import { fullFormats } from 'ajv-formats/dist/formats';
import { isDate, isDateTime, isTime, isUuid } from '../../src/ss12000/fast-formats';

// The reference: what ajv-formats' full mode answers for each format.
const reference = (name: 'date' | 'time' | 'date-time' | 'uuid'): ((text: string) => boolean) => {
  const format = fullFormats[name] as RegExp | { validate: RegExp | ((text: string) => boolean) };
  const check = format instanceof RegExp ? format : format.validate;
  return (text) => (check instanceof RegExp ? check.test(text) : check(text));
};

// A deterministic generator (no Math.random: a failure must be reproducible).
function* strings(seed: number, count: number, alphabet: string, lengths: readonly number[]): Generator<string> {
  let state = seed;
  const next = (n: number): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  for (let i = 0; i < count; i++) {
    const length = lengths[next(lengths.length)]!;
    let text = '';
    for (let j = 0; j < length; j++) text += alphabet[next(alphabet.length)];
    yield text;
  }
}

/** Valid values with one character replaced: the near misses a format check must catch. */
const mutations = (valid: readonly string[], alphabet: string): string[] =>
  valid.flatMap((text) => [...text].flatMap((_, at) => [...alphabet].map((c) => text.slice(0, at) + c + text.slice(at + 1))));

const DATES = [
  '2026-08-24',
  '2024-02-29',
  '2023-02-29',
  '2000-02-29',
  '1900-02-29',
  '2026-04-31',
  '2026-12-31',
  '2026-13-01',
  '2026-00-10',
  '2026-01-00',
  '0000-01-01',
  '2026-1-01',
  '2026-01-01 ',
  ' 2026-01-01',
  '2026-01-01\n',
  '２０２６-01-01',
];
const TIMES = [
  '10:00:00Z',
  '10:00:00z',
  '10:00:00',
  '23:59:60Z',
  '23:59:60+00:00',
  '00:59:60+01:00',
  '22:59:60-01:00',
  '23:59:60.5Z',
  '23:59:59.999+02:00',
  '24:00:00Z',
  '99:99:59Z',
  '10:00:00+02',
  '10:00:00+0200',
  '10:00:00+02:00',
  '10:00:00+02:',
  '10:00:00+2:00',
  '10:00:00+24:00',
  '10:00:00+23:60',
  '10:00:00.Z',
  '10:00:00.123456789Z',
  '10:00:60Z',
  '10:00:59.9999Z',
  '10:00:00+02:00 ',
  '10:0:00Z',
  '10:00:00ZZ',
  '10:00:00+02:00:00',
];
const DATE_TIMES = [
  '2026-08-24T00:00:00+02:00',
  '2026-08-28t23:59:59Z',
  '2026-08-28 23:59:59Z',
  '2026-08-28\t23:59:59Z',
  '2026-08-28\u00a023:59:59Z',
  '2026-08-28T23:59:59',
  '2026-02-30T10:00:00Z',
  '2026-08-28TT23:59:59Z',
  '2026-08-28T23:59:59Zt',
  '2026-08-28X23:59:59Z',
  '2026-08-2823:59:59Z',
  '2026-04-29T16:12:00.000Z',
  '2016-12-31T23:59:60Z',
  '2016-12-31T23:59:60+01:00',
];
const UUIDS = [
  'd3866f3f-59b7-4c0f-8d4c-902f67168d13',
  'D3866F3F-59B7-4C0F-8D4C-902F67168D13',
  'urn:uuid:d3866f3f-59b7-4c0f-8d4c-902f67168d13',
  'URN:UUID:d3866f3f-59b7-4c0f-8d4c-902f67168d13',
  'd3866f3f59b7-4c0f-8d4c-902f67168d13-',
  'd3866f3f-59b7-4c0f-8d4c-902f67168d1',
  'g3866f3f-59b7-4c0f-8d4c-902f67168d13',
  'urn:uuid:',
  '',
];

describe('fast formats answer as ajv-formats (full mode)', () => {
  const cases: [string, (text: string) => boolean, string[]][] = [
    ['date', isDate, [...DATES, ...mutations(['2024-02-29', '2026-12-31'], '0129-x '), ...strings(1, 3000, '0123456789-', [9, 10, 11])]],
    [
      'time',
      isTime,
      [
        ...TIMES,
        ...mutations(['23:59:60+00:00', '10:00:00.5Z'], '0259:+-.Zz '),
        ...strings(2, 5000, '0123459:+-.Zz', [8, 9, 10, 11, 12, 14, 15]),
      ],
    ],
    [
      'date-time',
      isDateTime,
      [
        ...DATE_TIMES,
        ...mutations(['2016-12-31T23:59:60Z', '2026-08-24T00:00:00+02:00'], '029T t:+-Z'),
        ...strings(3, 3000, '0123T t:-+Z', [19, 20, 25]),
      ],
    ],
    [
      'uuid',
      isUuid,
      [...UUIDS, ...mutations(['d3866f3f-59b7-4c0f-8d4c-902f67168d13'], '0aFg-:'), ...strings(4, 2000, '0123456789abcdefABCDEF-', [36])],
    ],
  ];
  it.each(cases)('%s', (name, fast, samples) => {
    const slow = reference(name as 'date');
    const disagreements = samples.filter((text) => fast(text) !== slow(text));
    expect(disagreements).toEqual([]);
    // The samples hold both answers, or the comparison proves little.
    expect(samples.some(slow)).toBe(true);
    expect(samples.some((text) => !slow(text))).toBe(true);
  });
});
