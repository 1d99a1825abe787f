// The ONE module that reads process.env. Everything else receives values from here.
export interface Environment {
  /** Gateway port for the embedded default (PORT); 4000 when unset. */
  port: number;
  /** Path of the deployed-shape YAML config (GATEWAY_CONFIG), if any. */
  configPath: string | undefined;
  /** pino level (LOG_LEVEL); 'info' when unset. */
  logLevel: string;
  /** Every variable, for `${NAME}` substitution in the config file. */
  variables: Readonly<Record<string, string | undefined>>;
}

export function readEnv(env: NodeJS.ProcessEnv = process.env): Environment {
  const port = env['PORT'] === undefined || env['PORT'] === '' ? 4000 : Number(env['PORT']);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env['PORT']}".`);
  return {
    port,
    configPath: env['GATEWAY_CONFIG'] || undefined,
    logLevel: env['LOG_LEVEL'] || 'info',
    variables: { ...env },
  };
}
