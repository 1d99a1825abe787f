// The SS 12000 routes one producer serves: its collection paths, writes (attendance),
// /deletedEntities and /subscriptions.
import type { Dataset } from '../dataset';
import { RESOURCES, resourcesOf, type ProducerName, type ResourceName } from '../../ss12000/resources';
import { specOperation } from '../../ss12000/spec-validator';
import type { DeletionLog } from './deletions';
import type { PathEngine } from './path-engine';
import { Router } from './router';
import { pageOf, pageRequest } from './simple-page';
import type { Subscriptions } from './subscriptions';
import { requireUuid as uuid } from './uuid';
import { deleteEntity, WRITABLE, writeEntity, type WriteEffects } from './writes';

export interface RouteDeps {
  readonly producer: ProducerName;
  readonly ds: Dataset;
  readonly engines: readonly PathEngine[];
  readonly deletions: DeletionLog;
  readonly subscriptions: Subscriptions;
  readonly effects: WriteEffects;
  readonly maxLookupKeys: () => number;
}

export function producerRoutes(deps: RouteDeps): Router {
  const router = new Router();
  for (const engine of deps.engines) {
    const path = engine.path;
    router.add('GET', path, (r) => ({ status: 200, body: engine.list(r.search) }));
    if (specOperation('GET', `${path}/{id}`))
      router.add('GET', `${path}/{id}`, (r) => ({ status: 200, body: engine.byId(r.id, r.search) }));
    if (specOperation('POST', `${path}/lookup`)) {
      router.add('POST', `${path}/lookup`, async (r) => ({
        status: 200,
        body: engine.lookup(await r.body(), r.search, deps.maxLookupKeys()),
      }));
    }
  }
  for (const name of resourcesOf(deps.producer)) {
    if (!WRITABLE[name]) continue;
    const path = RESOURCES[name].path;
    router.add('POST', path, async (r) => ({
      status: 200,
      body: writeEntity(deps.ds, name as ResourceName, await r.body(), deps.effects),
    }));
    router.add('DELETE', `${path}/{id}`, (r) => {
      deleteEntity(deps.ds, name, r.id, deps.effects);
      return { status: 204 };
    });
  }
  router.add('GET', '/deletedEntities', (r) => ({ status: 200, body: deps.deletions.answer(r.search) }));
  router.add('GET', '/subscriptions', (r) => {
    return { status: 200, body: pageOf('/subscriptions', deps.subscriptions.list(), pageRequest('/subscriptions', r.search)) };
  });
  router.add('POST', '/subscriptions', async (r) => ({ status: 201, body: deps.subscriptions.create(await r.body()) }));
  router.add('GET', '/subscriptions/{id}', (r) => ({ status: 200, body: deps.subscriptions.get(uuid(r.id)) }));
  router.add('PATCH', '/subscriptions/{id}', (r) => ({ status: 200, body: deps.subscriptions.renew(uuid(r.id)) }));
  router.add('DELETE', '/subscriptions/{id}', (r) => {
    deps.subscriptions.delete(uuid(r.id));
    return { status: 204 };
  });
  return router;
}
