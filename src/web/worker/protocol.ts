/**
 * The message protocol between the workbench page and its engine worker, derived from the handler
 * table (handlers.ts): a request names a handler and carries its argument; the worker answers with
 * progress events and then one result or one error. Nothing here is written by hand per handler, so
 * the page cannot send a request the worker does not know or misread a result's type.
 */
import type { ErrorInfo, Handlers, Progress } from './handlers.js';

export type {
  AnalysisRequest,
  ColumnInfo,
  Coverage,
  DataSummary,
  DiagnosisView,
  ErrorInfo,
  FrameworkInfo,
  Inspection,
  MeasureJson,
  MeasureView as MeasureTransfer,
  ScoreColumns,
  Progress,
  ReadSettings,
  ViewBlock,
} from './handlers.js';

/** The name of a handler. */
export type Kind = keyof Handlers;
/** The argument of handler `K`. */
export type Args<K extends Kind> = Parameters<Handlers[K]>[0];
/** What handler `K` resolves to. */
export type Result<K extends Kind> = Awaited<ReturnType<Handlers[K]>>;

/** Every result type by handler name. */
export type Results = { [K in Kind]: Result<K> };

/** A request message for handler `K` (distributes over a union of names). */
export type RequestMessage<K extends Kind = Kind> = { [P in K]: { id: number; kind: P; args: Args<P> } }[K];

/** The result message of handler `K`. */
export type ResultMessage<K extends Kind = Kind> = {
  [P in K]: { id: number; kind: P; type: 'result'; value: Result<P> };
}[K];

/** A message from the worker about a call of handler `K`. */
export type ResponseMessage<K extends Kind = Kind> =
  | ResultMessage<K>
  | { id: number; kind: K; type: 'error'; error: ErrorInfo }
  | { id: number; kind: K; type: 'progress'; progress: Progress };
