import { readFileSync } from 'node:fs';
import { extractSpec, renderSpecExtract, SPEC_EXTRACT_PATH, SPEC_YAML_PATH } from '../../src/ss12000/spec-extract';
import { specOperation, validatorFor, validatorForSchema } from '../../src/ss12000/spec-validator';

describe('SS 12000 spec validator', () => {
  it('reads a committed extract that is up to date with spec/ss12000-v2.1.yaml (regenerate with node dist/src/ss12000/spec-extract.js)', () => {
    const fresh = renderSpecExtract(extractSpec(readFileSync(SPEC_YAML_PATH, 'utf8')));
    expect(readFileSync(SPEC_EXTRACT_PATH, 'utf8') === fresh).toBe(true);
  });

  it('accepts a payload that follows the named schema', () => {
    expect(validatorFor('Error')({ code: 'NotFound', message: 'no such person' })).toEqual({ ok: true });
  });

  it('names the path and the rule a payload breaks', () => {
    const result = validatorFor('Room')({
      id: 'not-a-uuid',
      meta: { created: '2026-01-01T00:00:00Z', modified: 'yesterday' },
      displayName: 'A1',
    });
    expect(result.ok).toBe(false);
    const errors = result.ok ? '' : result.errors;
    expect(errors).toContain('/id must match format "uuid"');
    expect(errors).toContain('/meta/modified must match format "date-time"');
    expect(errors).toContain("must have required property 'owner'");
  });

  it('follows $refs and allOf through the component schemas (PersonReference inside Attendance)', () => {
    const attendance = {
      id: 'd544563a-747a-42d3-8d37-415a101537fa',
      meta: { created: '2026-01-01T00:00:00Z', modified: '2026-01-01T00:00:00Z' },
      calendarEvent: { id: 'd544563a-747a-42d3-8d37-415a101537fb' },
      student: { id: 'd544563a-747a-42d3-8d37-415a101537fc', securityMarking: 'Hemlig' },
      isReported: true,
    };
    const result = validatorFor('Attendance')(attendance);
    expect(result.ok ? '' : result.errors).toContain('/student/securityMarking must be equal to one of the allowed values');
  });

  it('accepts null where the spec says nullable (pageToken of a page)', () => {
    expect(validatorFor('Rooms')({ data: [], pageToken: null })).toEqual({ ok: true });
  });

  it('rejects an unknown schema name instead of validating nothing', () => {
    expect(() => validatorFor('NoSuchSchema')).toThrow('NoSuchSchema');
  });

  it('exposes each operation, its parameters and inline schemas', () => {
    const op = specOperation('GET', '/calendarEvents');
    expect(op?.parameters.filter((p) => p.required).map((p) => p.name)).toEqual(['startTime.onOrAfter', 'startTime.onOrBefore']);
    const lookupBody = specOperation('POST', '/attendances/lookup')!.requestBody!;
    expect(validatorForSchema(lookupBody)({ calendareEvents: ['x'] }).ok).toBe(false);
    expect(validatorForSchema(lookupBody)({ calendareEvents: ['d544563a-747a-42d3-8d37-415a101537fa'] }).ok).toBe(true);
  });
});
