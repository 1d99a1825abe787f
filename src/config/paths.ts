import { existsSync } from 'node:fs';
import path from 'node:path';

// Code runs from src/ (ts-jest) and from dist/src/ (npm start): find the project by its package.json.
function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json above ${from}`);
  }
}

export const PROJECT_ROOT = findProjectRoot(__dirname);
export const SCHEMA_DIR = path.join(PROJECT_ROOT, 'schema');
export const SUPERGRAPH_PATH = path.join(SCHEMA_DIR, 'supergraph.graphql');
/** The suppliers file the gateway uses unless SUPPLIERS_CONFIG names another. */
export const DEFAULT_SUPPLIERS_PATH = path.join(PROJECT_ROOT, 'config', 'suppliers.yaml');
/** The built console (`npm run build:web`), served at /console. */
export const CONSOLE_ROOT = path.join(PROJECT_ROOT, 'dist', 'web', 'console');
