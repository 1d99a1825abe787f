// Close gracefully, but not forever: `close()` lets work in flight finish; after `graceMs` it is cut
// with `destroy()`. For connection pools whose requests may hang on a peer that never answers.
export async function closeWithin(close: () => Promise<void>, destroy: () => Promise<void>, graceMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const cut = new Promise<void>((resolve) => {
    timer = setTimeout(() => void destroy().then(resolve, resolve), graceMs);
    timer.unref();
  });
  try {
    await Promise.race([close(), cut]);
  } finally {
    clearTimeout(timer);
  }
}
