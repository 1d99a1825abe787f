// Starts stack-child.js and talks to it: the gateway URL, then its peak RSS.
import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { ProducerConfig } from '../../src/sources';
import type { ProducerName } from '../../src/ss12000/resources';
import type { ProducerEndpoint } from '../shared/producers-process';

export interface StackSettings {
  endpoints: Record<ProducerName, ProducerEndpoint>;
  tuning: Pick<ProducerConfig, 'timeoutMs' | 'maxBatchSize' | 'pageSize' | 'maxConcurrency'>;
  validatePayloads: boolean;
}

export interface StackProcess {
  gatewayUrl: string;
  /** Peak resident set size of the gateway + subgraphs process so far, in bytes. */
  peakRss(): Promise<number>;
  stop(): Promise<void>;
}

export async function startStackProcess(settings: StackSettings): Promise<StackProcess> {
  const child = fork(join(__dirname, 'stack-child.js'), [JSON.stringify(settings)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const next = <T>(): Promise<T> =>
    new Promise((resolve, reject) => {
      child.once('message', (message) => resolve(message as T));
      child.once('exit', (code) => reject(new Error(`gateway process exited with ${code}`)));
    });
  const { gatewayUrl } = await next<{ gatewayUrl: string }>();
  return {
    gatewayUrl,
    peakRss: async () => {
      const answer = next<{ maxRssKiB: number }>();
      child.send('rss');
      return (await answer).maxRssKiB * 1024;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', () => resolve());
        child.send('stop');
      }),
  };
}
