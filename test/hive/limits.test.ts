// The operation limits through Hive Gateway: depth, aliases and tokens, the cost budget per supplier,
// the rate limit (in memory and shared in Redis), trusted documents and APQ per supplier.
import { useGatewayEngine } from '../support/engine';

useGatewayEngine('hive');
require('../gateway/operation-limits.test');
require('../gateway/operation-cost.test');
require('../gateway/rate-limit.test');
require('../gateway/persisted-documents.test');
require('../gateway/apq-isolation.test');
