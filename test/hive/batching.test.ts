// Batching through Hive Gateway, counted at the producers: the same per-level request counts as the
// Apollo gateway's (Hive plans the same fetches over the same subgraphs, which batch per request).
import { useGatewayEngine } from '../support/engine';

useGatewayEngine('hive');
require('../gateway/batching.test');
require('../gateway/reverse-links-batching.test');
require('../graph/schedule/reverse-links-batch.test');
