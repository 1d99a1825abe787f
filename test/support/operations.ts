import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config/paths';

/** The text of examples/<name>.graphql; its result and variable types are in operations.gen.ts (`npm run codegen`). */
export const operation = (name: string): string => readFileSync(path.join(PROJECT_ROOT, 'examples', `${name}.graphql`), 'utf8');
