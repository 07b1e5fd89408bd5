/// <reference lib="webworker" />
/** The engine worker's message loop: one request in, progress events, one result or error out. */
import { createHandlers, errorInfo, type Context } from './handlers.js';
import type { Args, Kind, RequestMessage, ResponseMessage, Result, ResultMessage } from './protocol.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;

const handlers = createHandlers({
  async fetchBytes(url) {
    const r = await fetch(url);
    if (!r.ok) throw new Error(`cannot load ${url} (${r.status})`);
    return new Uint8Array(await r.arrayBuffer());
  },
});

/** The table as one signature per name, so a request's argument and result keep their handler's types. */
type Table = { [K in Kind]: (args: Args<K>, ctx: Context) => Result<K> | Promise<Result<K>> };
const table: Table = handlers;

const post = <K extends Kind>(r: ResponseMessage<K>) => scope.postMessage(r);

async function run<K extends Kind>(msg: RequestMessage<K>): Promise<void> {
  const { id, kind } = msg;
  try {
    const handler: Table[K] = table[kind];
    const value: Result<K> = await handler(msg.args, {
      progress: (progress) => post({ id, kind, type: 'progress', progress }),
    });
    const reply: ResultMessage<K> = { id, kind, type: 'result', value };
    post(reply);
  } catch (e) {
    post({ id, kind, type: 'error', error: errorInfo(e) });
  }
}

scope.onmessage = (ev: MessageEvent<RequestMessage>) => void run(ev.data);
