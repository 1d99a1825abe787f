// `npm run schema`: regenerate the committed schema files.
import 'reflect-metadata';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { schemaFiles } from './schema-files';

async function main(): Promise<void> {
  for (const [file, content] of Object.entries(await schemaFiles())) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
    process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
