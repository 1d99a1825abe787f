// Row scopes through Hive Gateway (the subgraphs enforce them on the caller Hive signs): demo-lms pages
// through exactly its unit's persons and no bypass case leaks another unit or a protected person; a
// one-unit `exclude` supplier finds its protected student nowhere; alias names are stable.
import { useGatewayEngine } from '../support/engine';

useGatewayEngine('hive');
require('../row-scope/gateway.test');
require('../row-scope/one-unit-exclude.test');
require('../auth-e2e/stable-alias.test');
