// Edits of the suppliers file the gateway was started with: read, change one supplier's entry, validate
// the whole file exactly as the gateway loads it, write it atomically (a temporary file renamed over
// it, so the watcher never reads half a file). The watcher (src/auth/suppliers-watcher.ts) then
// reloads it like any other save. Keys other than the changed ones keep their comments and layout.
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isMap, parseDocument, type Document } from 'yaml';
import { parseSuppliersConfig, SuppliersConfigError, type SuppliersConfig } from '../../auth';
import type { SupplierFile } from '../../auth/suppliers-schema';
import { AdminApiError } from './json';

export interface SupplierChange {
  before: SupplierFile;
  after: SupplierFile;
  /** The validated config of the whole file after the change. */
  config: SuppliersConfig;
}

export interface SuppliersFileEditor {
  /** The named supplier's entry as the file holds it now, or undefined. */
  entry(name: string): Promise<SupplierFile | undefined>;
  /** Validates the change without writing it (the console's contract preview). */
  preview(name: string, change: (entry: SupplierFile) => SupplierFile): Promise<SupplierChange>;
  /** Validates and writes the change; a refused change leaves the file as it was. */
  apply(name: string, change: (entry: SupplierFile) => SupplierFile): Promise<SupplierChange>;
}

const indexOf = (document: Document, name: string): number => {
  const suppliers = (document.toJS() as { suppliers?: SupplierFile[] } | null)?.suppliers ?? [];
  return suppliers.findIndex((supplier) => supplier?.name === name);
};

const notFound = (name: string): AdminApiError => new AdminApiError(404, 'NOT_FOUND', `There is no supplier "${name}".`);

export const createSuppliersFileEditor = (file: string): SuppliersFileEditor => {
  const absolute = path.resolve(file);
  // One change at a time: two edits read-modify-writing at once would lose one of them.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const change = async (name: string, edit: (entry: SupplierFile) => SupplierFile): Promise<SupplierChange & { text: string }> => {
    const document = parseDocument(await readFile(absolute, 'utf8'));
    const index = indexOf(document, name);
    if (index === -1) throw notFound(name);
    const node = document.getIn(['suppliers', index]);
    if (!isMap(node)) throw notFound(name);
    const before = node.toJS(document) as SupplierFile;
    const after = edit(structuredClone(before));
    if (after.name !== before.name) throw new AdminApiError(400, 'BAD_USER_INPUT', 'A supplier cannot be renamed.');
    // Key by key, so what did not change keeps its comments and flow style.
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const was = (before as unknown as Record<string, unknown>)[key];
      const is = (after as unknown as Record<string, unknown>)[key];
      if (JSON.stringify(was) === JSON.stringify(is)) continue;
      if (is === undefined) node.delete(key);
      else node.set(key, document.createNode(is));
    }
    const text = document.toString();
    try {
      const config = await parseSuppliersConfig(text, absolute, path.dirname(absolute));
      return { before, after, config, text };
    } catch (error) {
      if (error instanceof SuppliersConfigError) throw new AdminApiError(400, 'BAD_USER_INPUT', `Not saved: ${error.problems.join('; ')}`);
      throw error;
    }
  };

  return {
    entry: async (name) => {
      const document = parseDocument(await readFile(absolute, 'utf8'));
      const index = indexOf(document, name);
      return index === -1 ? undefined : ((document.toJS() as { suppliers: SupplierFile[] }).suppliers[index] as SupplierFile);
    },
    preview: (name, edit) =>
      serial(async () => {
        const { text: _text, ...result } = await change(name, edit);
        return result;
      }),
    apply: (name, edit) =>
      serial(async () => {
        const { text, ...result } = await change(name, edit);
        const temporary = path.join(path.dirname(absolute), `.${path.basename(absolute)}.${randomBytes(6).toString('hex')}.tmp`);
        try {
          // The new file keeps the old one's permissions (rename replaces the inode).
          await writeFile(temporary, text, { encoding: 'utf8', mode: (await stat(absolute)).mode & 0o777 });
          await rename(temporary, absolute);
        } catch (error) {
          await rm(temporary, { force: true });
          const code = (error as NodeJS.ErrnoException).code;
          // A deployment may mount the file read-only: say so rather than answer "Unexpected error".
          if (code === 'EACCES' || code === 'EROFS' || code === 'EPERM') {
            throw new AdminApiError(
              403,
              'FORBIDDEN',
              `The gateway may not write ${path.basename(absolute)} (${code}): edit it where it is kept, or make it writable for the gateway.`,
            );
          }
          throw error;
        }
        return result;
      }),
  };
};
