// Trusted documents: the operations a supplier registered with the municipality, by their sha256.
// A supplier in `safelist` mode may run only these, sent by id; in `permissive` mode it may run them by
// id and ad-hoc queries as well (a step towards a safelist: the audit lines show which is which).
//
//   trustedDocuments:
//     mode: safelist
//     documents: trusted-documents/demo-lms.json   # {"<sha256>": "<query>"} or an Apollo persisted query manifest
//   trustedDocuments:
//     mode: safelist
//     documents:                                    # inline: each text's sha256 is its id
//       - query UnitGroups { groups(first: 50) { edges { node { id displayName } } } }
//
// A manifest path is relative to the suppliers file and read with it: saving the suppliers file reloads it.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse } from 'graphql';

export type TrustedDocumentsMode = 'safelist' | 'permissive';

/** As the YAML file gives it (after schema validation). */
export interface TrustedDocumentsFile {
  mode: TrustedDocumentsMode;
  /** A JSON manifest's path, or the document texts themselves. */
  documents: string | string[];
}

/** Resolved: every id checked against its text. */
export interface TrustedDocuments {
  readonly mode: TrustedDocumentsMode;
  /** sha256 (64 lowercase hex digits) → document text. */
  readonly documents: ReadonlyMap<string, string>;
}

export const TRUSTED_DOCUMENTS_SCHEMA = {
  type: 'object',
  required: ['mode', 'documents'],
  additionalProperties: false,
  properties: {
    mode: { enum: ['safelist', 'permissive'] },
    documents: {
      if: { type: 'string' },
      then: { type: 'string', minLength: 1 },
      else: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
    },
  },
} as const;

export const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

const SHA256 = /^[0-9a-f]{64}$/;

/** The id → text pairs a manifest holds: `{id: text}` or Apollo's `{format: "apollo-persisted-query-manifest", operations: [{id, body}]}`. */
const manifestEntries = (data: unknown): [string, unknown][] | string => {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'must be a JSON object {"<sha256>": "<document>"}';
  const record = data as Record<string, unknown>;
  if (record['format'] === 'apollo-persisted-query-manifest') {
    if (!Array.isArray(record['operations'])) return 'an Apollo manifest needs an "operations" list';
    return (record['operations'] as unknown[]).map((operation, index) => {
      const { id, body } = (operation ?? {}) as { id?: unknown; body?: unknown };
      return [typeof id === 'string' ? id : `operations[${index}]`, body];
    });
  }
  return Object.entries(record);
};

const checkDocuments = (entries: [string, unknown][], at: string): { documents: Map<string, string>; problems: string[] } => {
  const documents = new Map<string, string>();
  const problems: string[] = [];
  if (entries.length === 0) problems.push(`${at}: has no documents`);
  for (const [id, text] of entries) {
    if (!SHA256.test(id)) problems.push(`${at}[${id}]: the id must be a sha256: 64 lowercase hex digits`);
    else if (typeof text !== 'string') problems.push(`${at}[${id}]: the document must be a string`);
    else if (sha256Hex(text) !== id) problems.push(`${at}[${id}]: the id is not the sha256 of its document`);
    else {
      try {
        parse(text);
        documents.set(id, text);
      } catch (error) {
        problems.push(`${at}[${id}]: not a GraphQL document (${(error as Error).message})`);
      }
    }
  }
  return { documents, problems };
};

/**
 * Reads and checks one supplier's trusted documents; `at` is the key's path for messages
 * (`suppliers[demo-lms].trustedDocuments.documents`). Problems come back as lines, never thrown.
 */
export const loadTrustedDocuments = async (
  file: TrustedDocumentsFile,
  at: string,
  baseDir: string,
): Promise<TrustedDocuments | string[]> => {
  let entries: [string, unknown][];
  if (Array.isArray(file.documents)) {
    entries = file.documents.map((text) => [sha256Hex(text), text]);
  } else {
    const path = resolve(baseDir, file.documents);
    let data: unknown;
    try {
      data = JSON.parse(await readFile(path, 'utf8'));
    } catch (error) {
      return [`${at}: cannot read the manifest ${path} (${(error as Error).message})`];
    }
    const read = manifestEntries(data);
    if (typeof read === 'string') return [`${at}: ${path} ${read}`];
    entries = read;
  }
  const { documents, problems } = checkDocuments(entries, at);
  return problems.length > 0 ? problems : { mode: file.mode, documents };
};
