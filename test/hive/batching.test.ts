// Batching through Hive Gateway, counted at the producers: the same per-level request counts as the
// Apollo gateway's (Hive plans the same fetches over the same subgraphs, which batch per request).
// gateway/reverse-links-batching.test.ts is left to the Apollo run: its 500-student query is slow enough
// on a loaded machine to time out producer calls on either engine; measured once on both, the counts
// were identical (README, "Scaling out").
import { useGatewayEngine } from '../support/engine';

useGatewayEngine('hive');
require('../gateway/batching.test');
require('../graph/schedule/reverse-links-batch.test');
