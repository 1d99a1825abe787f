// On SIGTERM the process exits as soon as everything is closed, and at the latest 1 s after the
// grace period, whatever is still pending (before: in-flight requests held it for ~47 s).
import { EventEmitter } from 'node:events';
import { closeOnSignals } from '../../src/gateway/shutdown';

const fakeProcess = () => {
  const emitter = new EventEmitter();
  const exits: { code: number; at: number }[] = [];
  return { emitter, exits, target: { on: emitter.on.bind(emitter), exit: (code: number) => void exits.push({ code, at: Date.now() }) } };
};

test('exits at once when closing finishes', async () => {
  const { emitter, exits, target } = fakeProcess();
  closeOnSignals(async () => undefined, 10_000, target);
  emitter.emit('SIGTERM', 'SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(exits.map((e) => e.code)).toEqual([0]);
});

test('exits after the grace period when closing hangs', async () => {
  const { emitter, exits, target } = fakeProcess();
  closeOnSignals(() => new Promise<void>(() => undefined), 200, target);
  const started = Date.now();
  emitter.emit('SIGTERM', 'SIGTERM');
  while (exits.length === 0 && Date.now() - started < 10_000) await new Promise((resolve) => setTimeout(resolve, 50));
  expect(exits.map((e) => e.code)).toEqual([0]);
  // Grace 0.2 s + 1 s margin: well under the 10 s this loop would wait.
  expect(exits[0]!.at - started).toBeLessThan(5_000);
});

test('a second signal while closing exits at once with 1', () => {
  const { emitter, exits, target } = fakeProcess();
  closeOnSignals(() => new Promise<void>(() => undefined), 10_000, target);
  emitter.emit('SIGTERM', 'SIGTERM');
  emitter.emit('SIGINT', 'SIGINT');
  expect(exits.map((e) => e.code)).toEqual([1]);
});
