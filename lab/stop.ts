/** npm run lab:stop: stops the daemons whose pids npm run lab:start recorded (LAB_RUN_DIR, default .tmp/lab). */
import path from 'node:path';
import { stopLab } from './lab';

const root = path.resolve(import.meta.dirname, '..');
await stopLab(path.resolve(root, process.env.LAB_RUN_DIR ?? '.tmp/lab'));
console.log('Lab stopped');
