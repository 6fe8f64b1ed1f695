/** A batch worker thread: analyses and formats the files the main thread sends, one at a time. */
import { parentPort, workerData } from 'node:worker_threads';
import { processFile, type FormatJob } from './analyze-file.js';

const port = parentPort;
if (port === null) throw new Error('the batch worker runs in a worker thread');
const job = workerData as FormatJob;
port.on('message', (m: { id: number; path: string }) => {
  void processFile(m.path, job).then((outcome) => port.postMessage({ id: m.id, outcome }));
});
