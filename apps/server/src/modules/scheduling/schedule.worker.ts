import { parentPort, workerData } from 'node:worker_threads';
import { schedule } from './engine';
import type { ScheduleInput } from './engine/types';

/** Runs the engine off the main thread: progress and the result go back as messages. */
if (parentPort) {
  const port = parentPort;
  try {
    const result = schedule({
      ...(workerData as ScheduleInput),
      onProgress: (fraction) => port.postMessage({ type: 'progress', fraction }),
    });
    port.postMessage({ type: 'result', result });
  } catch (e) {
    port.postMessage({ type: 'error', message: (e as Error).stack ?? String(e) });
  }
}
