// Subgraphs and gateway in the bench process over the producers' child process: the embedded
// wiring itself (src/gateway/stack.ts), with the demo tuning, supplier auth and field permissions.
import { pino } from 'pino';
import { DEMO_TUNING } from '../../src/gateway/embedded';
import { startGatewayStack as startStack, type GatewayStack } from '../../src/gateway/stack';
import type { ProducerName } from '../../src/ss12000/resources';
import type { ProducerEndpoint } from '../shared/producers-process';

// Audit lines are written as in production, only not into the table.
const AUDIT_SINK = pino(pino.destination('/dev/null'));

export const startGatewayStack = (producers: Record<ProducerName, ProducerEndpoint>): Promise<GatewayStack> =>
  startStack({ producers, tuning: DEMO_TUNING, audit: AUDIT_SINK });
