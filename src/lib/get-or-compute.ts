// The one memo idiom: a Map or WeakMap filled on first use. Values are never undefined.

interface KeyedStore<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/** `store`'s value for `key`, computed and kept on first use. */
export function getOrCompute<K, V>(store: KeyedStore<K, V>, key: K, compute: () => V): V {
  let value = store.get(key);
  if (value === undefined) {
    value = compute();
    store.set(key, value);
  }
  return value;
}
