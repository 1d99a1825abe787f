// Starts stack-child.js with one tracing mode and hands back its gateway URL.
import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { TracingStackSettings } from './stack-child';

export interface TracingStackProcess {
  gatewayUrl: string;
  stop(): Promise<void>;
}

export async function startTracingStack(settings: TracingStackSettings): Promise<TracingStackProcess> {
  const child = fork(join(__dirname, 'stack-child.js'), [JSON.stringify(settings)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const { gatewayUrl } = await new Promise<{ gatewayUrl: string }>((resolve, reject) => {
    child.once('message', (message) => resolve(message as { gatewayUrl: string }));
    child.once('exit', (code) => reject(new Error(`gateway process (${settings.mode}) exited with ${code}`)));
  });
  return {
    gatewayUrl,
    stop: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', () => resolve());
        child.send('stop');
      }),
  };
}
