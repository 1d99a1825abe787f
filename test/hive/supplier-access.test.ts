// The supplier-access scenarios of test/auth-e2e, unchanged, against Hive Gateway with the
// useSs12000Gateway plugin (src/hive) in front of the same subgraphs: who may call, fields outside the
// contract, introspection and GET /sdl per supplier, bypass attempts, the audit line, and the signature
// Hive puts on each subgraph request (request-binding: captured on the wire, replayed, refused).
// The engine is chosen before the scenario files load (require, not import: imports are hoisted).
import { useGatewayEngine } from '../support/engine';

useGatewayEngine('hive');
require('../auth-e2e/authentication.test');
require('../auth-e2e/field-permissions.test');
require('../auth-e2e/contract.test');
require('../auth-e2e/bypass.test');
require('../auth-e2e/audit.test');
require('../auth-e2e/request-binding.test');
