/** A batch worker thread: analyses the files the main thread sends, one at a time, and posts each result. */
import { parentPort } from 'node:worker_threads';
import { analyzeFile } from './analyze-file.js';

const port = parentPort;
if (port === null) throw new Error('the batch worker runs in a worker thread');
port.on('message', (job: { id: number; path: string }) => {
  void analyzeFile(job.path).then((result) => port.postMessage({ id: job.id, result }));
});
