/**
 * The page's side of the worker protocol: `call('measure', args)` returns a promise of that
 * handler's result type, with progress callbacks, and cancellation by terminating the worker (a
 * fresh one is started and the loading requests that made its state are replayed on the next call).
 */
import type {
  Args,
  ErrorInfo,
  Kind,
  Progress,
  RequestMessage,
  ResponseMessage,
  Result,
  ResultMessage,
} from '../worker/protocol.js';

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

interface Deferred<T> {
  resolve(v: T): void;
  reject(e: Error): void;
  onProgress?: (p: Progress) => void;
}

/** One map of calls in flight per handler, so each result meets a promise of its own type. */
type PendingMap = { [K in Kind]?: Map<number, Deferred<Result<K>>> };

/** The requests that build the worker's state, replayed after a cancel (in this order). */
const STATE_KINDS = ['loadBuiltin', 'loadFile', 'loadFramework', 'measure'] as const;
type StateKind = (typeof STATE_KINDS)[number];

export class EngineClient {
  private worker?: Worker;
  private nextId = 1;
  private pending: PendingMap = {};
  private inFlight = 0;
  private replay: { kind: StateKind; send: () => Promise<unknown> }[] = [];
  private needsReplay = false;

  /** The worker starts on the first call, so the engine's code is not part of the page's initial load. */
  constructor(private readonly spawn: () => Worker) {}

  private start(): Worker {
    const worker = this.spawn();
    this.worker = worker;
    worker.onmessage = (ev: MessageEvent<ResponseMessage>) => this.receive(ev.data);
    return worker;
  }

  private receive(msg: ResponseMessage): void {
    if (msg.type === 'result') this.settle(msg);
    else {
      const p = this.pending[msg.kind]?.get(msg.id);
      if (!p) return;
      if (msg.type === 'progress') p.onProgress?.(msg.progress);
      else {
        this.pending[msg.kind]?.delete(msg.id);
        this.inFlight--;
        p.reject(new EngineError(msg.error));
      }
    }
  }

  private settle<K extends Kind>(msg: ResultMessage<K>): void {
    const map: PendingMap[K] = this.pending[msg.kind];
    const p = map?.get(msg.id);
    if (!p) return;
    map?.delete(msg.id);
    this.inFlight--;
    p.resolve(msg.value);
  }

  /** Call handler `kind`. Loading and measuring requests are remembered for replay after a cancel. */
  async call<K extends Kind>(kind: K, args: Args<K>, onProgress?: (p: Progress) => void): Promise<Result<K>> {
    if (this.needsReplay) {
      this.needsReplay = false;
      for (const r of this.replay) await r.send();
    }
    const value = await this.send(kind, args, onProgress);
    this.remember(kind, args);
    return value;
  }

  private remember<K extends Kind>(kind: K, args: Args<K>): void {
    if (!isStateKind(kind)) return;
    const rank = STATE_KINDS.indexOf(kind);
    // A new data set invalidates the framework's measurement; a new framework or measurement, the measurement.
    this.replay = this.replay.filter((r) => {
      const j = STATE_KINDS.indexOf(r.kind);
      if (rank <= 1) return j >= 2 && j !== 3;
      if (rank === 2) return j < 2;
      return j < 3;
    });
    this.replay.push({ kind, send: () => this.send(kind, args) });
    this.replay.sort((a, b) => STATE_KINDS.indexOf(a.kind) - STATE_KINDS.indexOf(b.kind));
  }

  private send<K extends Kind>(kind: K, args: Args<K>, onProgress?: (p: Progress) => void): Promise<Result<K>> {
    const id = this.nextId++;
    const msg: RequestMessage<K> = { id, kind, args };
    return new Promise<Result<K>>((resolve, reject) => {
      const map: PendingMap[K] = (this.pending[kind] ??= new Map());
      map?.set(id, { resolve, reject, onProgress });
      this.inFlight++;
      // The file's bytes are copied, not transferred: the page keeps them for a replay.
      (this.worker ?? this.start()).postMessage(msg);
    });
  }

  /** Stop everything running now; the calls in flight reject with {@link Cancelled}. */
  cancel(): void {
    this.worker?.terminate();
    this.worker = undefined;
    for (const map of Object.values(this.pending)) {
      for (const p of map?.values() ?? []) p.reject(new Cancelled());
      map?.clear();
    }
    this.inFlight = 0;
    this.needsReplay = this.replay.length > 0;
  }

  /** Calls in flight. */
  get busy(): boolean {
    return this.inFlight > 0;
  }
}

function isStateKind(kind: Kind): kind is StateKind {
  return kind === 'loadBuiltin' || kind === 'loadFile' || kind === 'loadFramework' || kind === 'measure';
}
