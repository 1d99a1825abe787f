import { parseSuppliersConfig } from '../../../src/auth/suppliers-config';
import { SuppliersConfigError } from '../../../src/auth/suppliers-errors';

/** The problem lines a suppliers YAML is refused with (fails the test if it loads). */
export const problemsOf = async (yaml: string): Promise<readonly string[]> => {
  const error: unknown = await parseSuppliersConfig(yaml).then(
    () => undefined,
    (rejected: unknown) => rejected,
  );
  if (!(error instanceof SuppliersConfigError)) throw new Error(`expected a SuppliersConfigError, got ${String(error)}`);
  return error.problems;
};
