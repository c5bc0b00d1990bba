import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { schedule } from './engine';
import type { ScheduleInput, ScheduleResult } from './engine/types';

/**
 * The compiled worker script: next to this file in the build (dist), or, when this file runs from the
 * TypeScript sources (tests), in the server's build output, which the tests build first.
 */
function workerScript(): string | null {
  const candidates = [
    join(__dirname, 'schedule.worker.js'),
    resolve(__dirname, '../../../dist/modules/scheduling/schedule.worker.js'),
  ];
  return candidates.find((c) => existsSync(c)) ?? null;
}

/**
 * Runs the engine in a worker thread so a long computation does not block the event loop; inline
 * (still asynchronously started) when no compiled worker exists.
 */
export function runEngine(
  input: Omit<ScheduleInput, 'onProgress'>,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<ScheduleResult> {
  const script = workerScript();
  if (!script) {
    return new Promise((done, fail) =>
      setImmediate(() => {
        try {
          done(schedule({ ...input, onProgress }));
        } catch (e) {
          fail(e as Error);
        }
      }),
    );
  }
  return new Promise((done, fail) => {
    const worker = new Worker(script, { workerData: input });
    let settled = false;
    // shutting down: stop the computation (the draft is marked failed by the caller)
    signal?.addEventListener('abort', () => {
      if (!settled) fail(new Error('aborted'));
      settled = true;
      void worker.terminate();
    });
    worker.on(
      'message',
      (m: { type: string; fraction?: number; result?: ScheduleResult; message?: string }) => {
        if (m.type === 'progress') onProgress(m.fraction ?? 0);
        else if (m.type === 'result') {
          settled = true;
          done(m.result!);
        } else if (m.type === 'error') {
          settled = true;
          fail(new Error(m.message));
        }
      },
    );
    worker.on('error', (e) => {
      if (!settled) fail(e);
      settled = true;
    });
    worker.on('exit', (code) => {
      if (!settled) fail(new Error(`schedule worker exited with ${code}`));
      settled = true;
    });
  });
}
