import { parseArgs } from 'node:util';

export interface CommandLine {
  /** --config <file>: the deployed-shape YAML. */
  configPath: string | undefined;
  /** Positional arguments (subgraph-main takes the subgraph name). */
  positionals: string[];
}

/** The command line of main and subgraph-main; unknown options are an error with usage. */
export function readArgs(argv: string[], usage: string): CommandLine {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: { config: { type: 'string' } }, allowPositionals: true });
    return { configPath: values.config, positionals };
  } catch (error) {
    throw new Error(`${(error as Error).message}\nusage: ${usage}`, { cause: error });
  }
}
