import type { ErrorObject } from 'ajv';
import { ConfigFileError } from '../lib/config-file-error';
import { SUPPLIER_NAME_PATTERN } from './suppliers-schema';

/** The suppliers file is unusable; each problem names the supplier and the key. */
export class SuppliersConfigError extends ConfigFileError {
  override readonly name = 'SuppliersConfigError';

  constructor(source: string, problems: readonly string[]) {
    super(source, problems, `${source}: ${problems.join('; ')}`);
  }
}

// Patterns are unreadable in an error message: say what the value must be instead.
const PATTERN_MESSAGES: Readonly<Record<string, string>> = {
  name: 'must be 1–64 lowercase letters, digits, ".", "_" or "-"',
  sha256: 'must be a sha256 digest: 64 lowercase hex digits (node dist/src/auth/hash-key.js <key>)',
  schoolUnitCode: 'must be a schoolUnitCode: 8 digits',
  publicKeyPem: 'must be a PEM public key (-----BEGIN PUBLIC KEY-----)',
  jwksUrl: 'must be an http(s) URL',
};

// The schema's name pattern: a name that breaks it would garble the path it is meant to clarify.
const USABLE_NAME = new RegExp(SUPPLIER_NAME_PATTERN);

/** `suppliers[demo-lms].units[0]`: a supplier by its name when it has a usable one, else by index. */
export const supplierPath = (data: unknown, segments: readonly string[]): string => {
  let path = '';
  segments.forEach((segment, index) => {
    if (/^\d+$/.test(segment)) {
      const name = index === 1 && segments[0] === 'suppliers' ? nameAt(data, Number(segment)) : undefined;
      path += `[${name ?? segment}]`;
    } else {
      path += path === '' ? segment : `.${segment}`;
    }
  });
  return path;
};

const nameAt = (data: unknown, index: number): string | undefined => {
  const suppliers = (data as { suppliers?: unknown } | null)?.suppliers;
  const name = Array.isArray(suppliers) ? (suppliers[index] as { name?: unknown } | null)?.name : undefined;
  return typeof name === 'string' && USABLE_NAME.test(name) ? name : undefined;
};

const describe = (error: ErrorObject): { extra?: string; message: string } => {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return { extra: String(params.additionalProperty), message: 'unknown key' };
    case 'required':
      return { extra: String(params.missingProperty), message: 'is required' };
    case 'format':
      return { message: params.format === 'uuid' ? 'must be a uuid' : `must be a ${String(params.format)}` };
    case 'enum':
      return { message: `must be one of: ${(params.allowedValues as unknown[]).join(', ')}` };
    case 'type':
      if (error.instancePath === '') return { message: 'must be a mapping with a "suppliers" list' };
      return { message: error.message ?? 'has the wrong type' };
    case 'const':
      return { message: 'must be "all" or a list of school units' };
    default: {
      const last = error.instancePath.split('/').pop() ?? '';
      return { message: (error.keyword === 'pattern' && PATTERN_MESSAGES[last]) || (error.message ?? 'is invalid') };
    }
  }
};

/** ajv's errors as `path: message` lines (the `if` wrapper errors say nothing of their own). */
export const describeSchemaErrors = (errors: readonly ErrorObject[], data: unknown): string[] => {
  const lines = errors
    .filter((error) => error.keyword !== 'if')
    .map((error) => {
      const { extra, message } = describe(error);
      const segments = error.instancePath
        .split('/')
        .slice(1)
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
      if (extra !== undefined) segments.push(extra);
      return `${supplierPath(data, segments) || '(file)'}: ${message}`;
    });
  return [...new Set(lines)];
};
