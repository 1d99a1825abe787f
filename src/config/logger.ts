import { pino } from 'pino';
import { readEnv } from './env';

/** The process-wide logger. Errors masked for callers are logged here in full. */
export const logger = pino({ name: 'ss12000-gateway', level: readEnv().logLevel });
