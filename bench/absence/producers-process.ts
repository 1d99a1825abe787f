// The demo producers in their own process (`dist/src/demo/producers/cli.js`), so their dataset
// (1.7 GiB at 100,000 students) is not counted in the gateway's memory.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { PRODUCERS, type ProducerName } from '../../src/ss12000/resources';

export interface ProducerEndpoint {
  url: string;
  token: string;
}

export interface ProducersProcess {
  endpoints: Record<ProducerName, ProducerEndpoint>;
  /** Requests the attendance producer has served (its /_stats total). */
  attendanceRequests(): Promise<number>;
  stop(): Promise<void>;
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const LINE = /^\s+(\w+)\s+(http:\/\/\S+)\s+token: (\S+)$/;

export async function startProducersProcess(students: number): Promise<ProducersProcess> {
  const ports: string[] = [];
  for (const name of PRODUCERS) ports.push(`--port-${name}`, String(await freePort()));
  const cli = join(__dirname, '..', '..', 'src', 'demo', 'producers', 'cli.js');
  const child: ChildProcess = spawn(process.execPath, ['--max-old-space-size=8192', cli, '--students', String(students), ...ports], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const endpoints = await new Promise<Record<ProducerName, ProducerEndpoint>>((resolve, reject) => {
    const found: Partial<Record<ProducerName, ProducerEndpoint>> = {};
    let buffered = '';
    child.once('exit', (code) => reject(new Error(`demo producers exited with ${code} before listening`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      for (const line of buffered.split('\n')) {
        const match = LINE.exec(line);
        if (match) found[match[1] as ProducerName] = { url: match[2]!, token: match[3]! };
      }
      if (PRODUCERS.every((name) => found[name])) resolve(found as Record<ProducerName, ProducerEndpoint>);
    });
  });
  const attendance = endpoints.attendance;
  return {
    endpoints,
    attendanceRequests: async () => {
      const response = await fetch(new URL('_stats', `${attendance.url}/`), { headers: { authorization: `Bearer ${attendance.token}` } });
      return ((await response.json()) as { total: number }).total;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
