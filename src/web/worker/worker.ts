/// <reference lib="webworker" />
/** The engine worker's message loop: one request in, progress events, one result or error out. */
import { errorInfo, handle } from './engine.js';
import type { Request, Response } from './protocol.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (ev: MessageEvent<{ id: number; req: Request }>) => {
  const { id, req } = ev.data;
  const post = (r: Response) => scope.postMessage(r);
  try {
    const value = await handle(req, (done, total, label) => post({ id, type: 'progress', done, total, label }));
    post({ id, type: 'result', value });
  } catch (e) {
    post({ id, type: 'error', error: errorInfo(e) });
  }
};
