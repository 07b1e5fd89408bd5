/**
 * What every step module shares: the store, the engine client and the task runner that shows a
 * step's busy line, progress, error or "cancelled" message.
 */
import { Cancelled, EngineError, type EngineClient } from './engine-client.js';
import { tr, type Key } from './i18n.js';
import type { Step, Store } from './store.js';
import type { Progress } from '../worker/protocol.js';

export interface App {
  store: Store;
  engine: EngineClient;
}

/** The UI text of `key` in the store's current language. */
export function text(app: App, key: Key, values?: Record<string, string | number>): string {
  return tr(key, app.store.get().lang, values);
}

/**
 * Run an engine call for `step`: its busy line (with progress), then its inline error or the
 * "cancelled" message. Resolves to undefined when the call failed or was cancelled.
 */
export async function task<T>(
  app: App,
  step: Step,
  label: Key,
  fn: (progress: (p: Progress) => void) => Promise<T>,
): Promise<T | undefined> {
  const busy = () => ({ label: text(app, label) });
  app.store.status(step, { busy: busy() });
  try {
    const v = await fn((p) =>
      app.store.status(step, { busy: { ...busy(), stage: p.stage, done: p.done, total: p.total } }),
    );
    app.store.status(step, {});
    return v;
  } catch (e) {
    if (e instanceof Cancelled) app.store.status(step, { message: 'cancelled' });
    else if (e instanceof EngineError) app.store.status(step, { error: e.info });
    else app.store.status(step, { error: { message: e instanceof Error ? e.message : String(e), input: false } });
    return undefined;
  }
}
