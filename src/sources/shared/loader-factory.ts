// THE DataLoader factory. Loaders live for one GraphQL request (DataLoader caches, and a cache
// shared between callers would leak one caller's answers to another); keys asked for in the
// same tick are de-duplicated and sent in batches of at most `maxBatchSize`.
import DataLoader from 'dataloader';

/** Answers for `keys`, one entry per key in key order (an Error fails only that key). */
export type BatchFn<V> = (keys: readonly string[]) => Promise<readonly (V | Error)[]>;

export class RequestLoaders {
  private readonly loaders = new Map<string, DataLoader<string, unknown>>();

  constructor(private readonly maxBatchSize: number) {}

  /** The loader registered under `name` for this request, created on first use with the batch function `make` gives. */
  get<V>(name: string, make: () => BatchFn<V>): DataLoader<string, V> {
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = new DataLoader<string, V>(checked(name, make()), { maxBatchSize: this.maxBatchSize }) as DataLoader<string, unknown>;
      this.loaders.set(name, loader);
    }
    return loader as DataLoader<string, V>;
  }
}

// DataLoader rejects the whole batch with a vague message when the lengths differ; say which loader broke its contract.
const checked =
  <V>(name: string, batch: BatchFn<V>): BatchFn<V> =>
  async (keys) => {
    const values = await batch(keys);
    if (values.length !== keys.length) throw new Error(`loader ${name} returned ${values.length} answers for ${keys.length} keys`);
    return values;
  };
