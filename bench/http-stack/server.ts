import 'reflect-metadata';
import { pino } from 'pino';
import { startTestKernel } from '../../kernel/testing/start-test-kernel.js';
import { announceReady } from '../lib/ready.js';
import { BODY } from './body.js';

/** The kernel `index.ts` measures, in a process of its own, with one kernel route at `/bench`. */
const kernel = await startTestKernel({
  listen: true,
  logDestination: pino.destination({ dest: '/dev/null', sync: false }),
});
kernel.app.get('/bench', (c) => c.json(BODY));
announceReady(kernel.server?.url as string, () => kernel.stop('bench done'));
