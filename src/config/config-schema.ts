// JSON Schema of the YAML config file (what a user may write; optional options have defaults).
import { ADMIN_SCHEMA } from '../auth/admin-auth';

const positiveInteger = { type: 'integer', minimum: 1 } as const;

const listen = {
  type: 'object',
  additionalProperties: false,
  properties: { host: { type: 'string', minLength: 1 }, port: { type: 'integer', minimum: 0, maximum: 65535 } },
} as const;

const producerTuning = {
  timeoutMs: positiveInteger,
  maxBatchSize: positiveInteger,
  pageSize: positiveInteger,
  maxConcurrency: positiveInteger,
  maxAttempts: positiveInteger,
  breakerFailures: positiveInteger,
  breakerHalfOpenAfterMs: positiveInteger,
} as const;

const auth = {
  oneOf: [
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'token'],
      properties: { kind: { const: 'bearer' }, token: { type: 'string', minLength: 1 } },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'tokenUrl', 'clientId', 'clientSecret'],
      properties: {
        kind: { const: 'oauth2' },
        tokenUrl: { type: 'string', format: 'uri' },
        clientId: { type: 'string', minLength: 1 },
        clientSecret: { type: 'string', minLength: 1 },
        scope: { type: 'string' },
      },
    },
  ],
} as const;

const producer = {
  type: 'object',
  additionalProperties: false,
  required: ['baseUrl', 'auth'],
  properties: {
    baseUrl: { type: 'string', format: 'uri' },
    auth,
    ...producerTuning,
    summarySource: { enum: ['aggregatedAttendance', 'attendances'] },
    // Tolerant reader (sources/shared/tolerant-reader.ts) and capabilities (sources/shared/capabilities.ts).
    strict: { type: 'boolean' },
    timeZone: { type: 'string', minLength: 1 },
    capabilities: {
      type: 'object',
      additionalProperties: false,
      properties: {
        lookup: { type: 'boolean' },
        paths: { type: 'array', uniqueItems: true, items: { type: 'string', pattern: '^/[A-Za-z]+$' } },
        probe: { type: 'boolean' },
        subscriptions: { type: 'boolean' },
      },
    },
  },
} as const;

const subgraph = {
  type: 'object',
  additionalProperties: false,
  required: ['url'],
  properties: { url: { type: 'string', format: 'uri' }, listen },
} as const;

// How the changes process verifies one producer's notifications (src/changes/notifications.ts): a token
// it puts in the subscription's target URL, or the secret of an HMAC the producer sends. Long enough not
// to be guessed; from the environment only (`${NAME}`).
const secretValue = { type: 'string', minLength: 32 } as const;
const notificationAuth = {
  oneOf: [
    { type: 'object', additionalProperties: false, required: ['token'], properties: { token: secretValue } },
    { type: 'object', additionalProperties: false, required: ['hmacSecret'], properties: { hmacSecret: secretValue } },
  ],
} as const;

const perProducer = <T>(item: T) =>
  ({
    type: 'object',
    additionalProperties: false,
    required: ['register', 'schedule', 'attendance', 'grades'],
    properties: { register: item, schedule: item, attendance: item, grades: item },
  }) as const;

export const CONFIG_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['subgraphs', 'producers'],
  properties: {
    gateway: {
      ...listen,
      properties: {
        ...listen.properties,
        supergraphPath: { type: 'string', minLength: 1 },
        requestTimeoutMs: positiveInteger,
        shutdownGraceMs: { type: 'integer', minimum: 0 },
        idempotencyTtlSeconds: positiveInteger,
        // Browser origins allowed to call /graphql and /sdl (src/gateway/cors.ts); none by default.
        cors: {
          type: 'object',
          additionalProperties: false,
          properties: { allowedOrigins: { type: 'array', uniqueItems: true, items: { type: 'string', minLength: 1 } } },
        },
      },
    },
    // `changes`, the change feed's process (subgraph-main.js changes), is optional: without it the gateway's
    // `changes` field answers an error. `publicUrl`: its base URL as the producers reach it (their webhooks'
    // target); `notifications`: per producer, how their webhooks are verified (a producer without is polled).
    subgraphs: {
      ...perProducer(subgraph),
      properties: {
        ...perProducer(subgraph).properties,
        changes: {
          ...subgraph,
          properties: {
            ...subgraph.properties,
            publicUrl: { type: 'string', format: 'uri', pattern: '^https?://' },
            notifications: { ...perProducer(notificationAuth), required: [] },
          },
        },
      },
    },
    producerDefaults: { type: 'object', additionalProperties: false, properties: producerTuning },
    // Any subset: a producer left out is one the municipality does not have (its fields answer UPSTREAM_UNSUPPORTED).
    producers: { ...perProducer(producer), required: [], minProperties: 1 },
    validatePayloads: { type: 'boolean' },
    // The console's administrators (src/auth/admin-auth.ts): key digests and/or an admin JWT.
    admin: ADMIN_SCHEMA,
  },
} as const;
