// Starts stack-child.js with one tracing mode and hands back its gateway URL.
import { execFileSync, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TracingStackSettings } from './stack-child';

export interface TracingStackProcess {
  gatewayUrl: string;
  /** CPU time (user + system, ms) the gateway and subgraphs have used so far: on a busy machine a steadier measure than latency. */
  cpuMs(): number;
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
    cpuMs: () => processCpuMs(child.pid),
    stop: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', () => resolve());
        child.send('stop');
      }),
  };
}

// Linux: fields 14 and 15 of /proc/<pid>/stat are user and system time in clock ticks.
const processCpuMs = (pid: number | undefined): number => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks();
};

let ticks: number | undefined;
const clockTicks = (): number => (ticks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()));
