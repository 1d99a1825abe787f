// A counting semaphore: a dozen lines do not justify p-limit. A waiter can give up at a deadline
// (SlotWaitTimeout): the time spent queueing behind our own limit counts against the call's timeout.
export class SlotWaitTimeout extends Error {
  constructor() {
    super('no free slot before the deadline');
    this.name = 'SlotWaitTimeout';
  }
}

export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`concurrency limit must be a positive integer, got ${limit}`);
  }

  /** Runs `task` in a slot; rejects with SlotWaitTimeout when no slot is free before `deadline` (epoch ms). */
  async run<T>(task: () => Promise<T>, deadline = Infinity): Promise<T> {
    if (this.active >= this.limit) await this.wait(deadline);
    else this.active += 1;
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next waiter so `active` never dips and lets a newcomer jump the queue.
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    }
  }

  private wait(deadline: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const wait = Math.max(0, deadline - Date.now());
      const timer = Number.isFinite(deadline)
        ? setTimeout(() => {
            // Still queued (a slot handed over removes the waiter first): leave the queue.
            const index = this.waiting.indexOf(granted);
            if (index >= 0) this.waiting.splice(index, 1);
            reject(new SlotWaitTimeout());
          }, wait)
        : undefined;
      const granted = (): void => {
        clearTimeout(timer);
        resolve();
      };
      this.waiting.push(granted);
    });
  }
}
