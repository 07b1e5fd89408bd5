/**
 * The page's side of the worker protocol: typed calls returning promises, progress callbacks, and
 * cancellation by terminating the worker (a fresh one is started and the loading requests that made
 * its state are replayed on the next call).
 */
import type { ErrorInfo, Request, Response } from '../worker/protocol.js';

/** A failed engine call: the worker's error (an InputError has file, row, column and hint). */
export class EngineError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message);
  }
}

/** Raised for the calls that were running when the user cancelled. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void; onProgress?: (done: number, total: number, label: string) => void };

export class EngineClient {
  private worker?: Worker;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  /** The requests that built the worker's state (data, framework, measure), replayed after a cancel. */
  private replay: Request[] = [];
  private needsReplay = false;

  /** The worker starts on the first call, so the engine's code is not part of the page's initial load. */
  constructor(private readonly spawn: () => Worker) {}

  private start(): Worker {
    const worker = this.spawn();
    this.worker = worker;
    worker.onmessage = (ev: MessageEvent<Response>) => {
      const r = ev.data;
      const p = this.pending.get(r.id);
      if (!p) return;
      if (r.type === 'progress') p.onProgress?.(r.done, r.total, r.label);
      else {
        this.pending.delete(r.id);
        if (r.type === 'result') p.resolve(r.value);
        else p.reject(new EngineError(r.error));
      }
    };
    return worker;
  }

  /** Send one request. Loading and measuring requests are remembered for replay after a cancel. */
  async call<T>(req: Request, onProgress?: Pending['onProgress']): Promise<T> {
    if (this.needsReplay) {
      this.needsReplay = false;
      for (const r of this.replay) await this.send(r);
    }
    const value = (await this.send(req, onProgress)) as T;
    this.remember(req);
    return value;
  }

  private remember(req: Request): void {
    const order = ['load-builtin', 'load-file', 'load-framework', 'measure'];
    const k = order.indexOf(req.kind);
    if (k < 0) return;
    const isData = req.kind === 'load-builtin' || req.kind === 'load-file';
    // A new data set or framework invalidates a measurement made before it.
    this.replay = this.replay.filter((r) => {
      const j = order.indexOf(r.kind);
      if (isData && j <= 1) return false;
      if (req.kind === 'load-framework' && j >= 2) return false;
      if (req.kind === 'measure' && j === 3) return false;
      return true;
    });
    this.replay.push(req);
  }

  private send(req: Request, onProgress?: Pending['onProgress']): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      // The file's bytes are copied, not transferred: the page keeps them for a replay.
      (this.worker ?? this.start()).postMessage({ id, req });
    });
  }

  /** Stop everything running now; the calls in flight reject with {@link Cancelled}. */
  cancel(): void {
    this.worker?.terminate();
    this.worker = undefined;
    for (const p of this.pending.values()) p.reject(new Cancelled());
    this.pending.clear();
    this.needsReplay = this.replay.length > 0;
  }

  /** Calls in flight. */
  get busy(): boolean {
    return this.pending.size > 0;
  }
}
