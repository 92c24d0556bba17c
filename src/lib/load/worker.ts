import { parentPort, workerData } from 'node:worker_threads';
import { validateFiles, type FileContext } from './validate-files.ts';

const { paths, ctx } = workerData as { paths: string[]; ctx: FileContext };
parentPort!.postMessage(validateFiles(paths, ctx));
