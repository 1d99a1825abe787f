import { watch, type FSWatcher } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadSuppliersConfig, type SuppliersConfig } from './suppliers-config';

/** The part of a pino logger the watcher uses. */
export interface WatchLogger {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface WatchOptions {
  logger: WatchLogger;
  /** Quiet time after the last change before reloading (editors write in several steps). Default 200 ms. */
  debounceMs?: number;
  /** Called after each reload attempt, good or bad; the config in force is then `current()`. */
  onReload?: (outcome: { config: SuppliersConfig } | { error: Error }) => void;
}

export interface SuppliersWatch {
  /** The last good config. */
  current(): SuppliersConfig;
  close(): void;
}

/**
 * Loads the suppliers file (rejecting if it is bad: a gateway must not start without
 * suppliers) and reloads it on change; a bad edit is logged and the last good config stays.
 */
export const watchSuppliersConfig = async (file: string, options: WatchOptions): Promise<SuppliersWatch> => {
  const path = resolve(file);
  let config = await loadSuppliersConfig(path);
  const debounceMs = options.debounceMs ?? 200;
  let timer: NodeJS.Timeout | undefined;
  // Reloads run one at a time, in order, so an older slow load never overwrites a newer one.
  let queue: Promise<void> = Promise.resolve();

  const reload = async (): Promise<void> => {
    try {
      config = await loadSuppliersConfig(path);
      options.logger.info({ file: path, suppliers: config.suppliers.length }, 'suppliers config reloaded');
      options.onReload?.({ config });
    } catch (error) {
      options.logger.error({ file: path, err: error }, 'suppliers config rejected; the last good config stays in force');
      options.onReload?.({ error: error as Error });
    }
  };

  // Directories, not files: editors save by writing a new file and renaming it over the old one, and a
  // watch on the old file's inode would go silent. The suppliers file's directory, and those of the files
  // the config in force was read from (trusted-document manifests): editing one of those reloads too.
  const watchers = new Map<string, FSWatcher>();
  let closed = false;
  const concerns = (dir: string, name: string): boolean => {
    const changed = resolve(dir, name);
    return changed === path || config.files.includes(changed);
  };
  const watchDirectories = (): void => {
    if (closed) return;
    const dirs = new Set([dirname(path), ...config.files.map((file) => dirname(file))]);
    for (const [dir, watcher] of watchers) {
      if (!dirs.has(dir)) {
        watcher.close();
        watchers.delete(dir);
      }
    }
    for (const dir of dirs) {
      if (watchers.has(dir)) continue;
      try {
        const watcher = watch(dir, (_event, name) => {
          if (name !== null && !concerns(dir, name.toString())) return;
          clearTimeout(timer);
          timer = setTimeout(() => {
            queue = queue.then(reload).then(watchDirectories);
          }, debounceMs);
        });
        watcher.on('error', (error) => options.logger.error({ file: path, dir, err: error }, 'suppliers config watch failed'));
        watchers.set(dir, watcher);
      } catch (error) {
        options.logger.error({ file: path, dir, err: error }, 'suppliers config watch failed');
      }
    }
  };
  watchDirectories();

  return {
    current: () => config,
    close: () => {
      closed = true;
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
};
