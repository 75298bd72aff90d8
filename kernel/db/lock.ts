import fs from 'node:fs';
import { KernelErrors } from '../errors/codes.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite has no lock of its own: two processes writing one data folder lose rows. This takes `<dir>.lock` holding
 * our pid, takes over a lock whose process is gone, and refuses a live one.
 */
export function acquireDirLock(dir: string): () => void {
  const file = `${dir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => {
        try {
          if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file);
        } catch {
          // already gone
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(fs.readFileSync(file, 'utf8'));
      if (pid && pid !== process.pid && alive(pid)) {
        throw lockedError(dir, pid);
      }
      fs.rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw lockedError(dir, 0);
}

function lockedError(dir: string, pid: number) {
  return KernelErrors.DatabaseLocked({
    detail: `the embedded database at ${dir} is in use by another Orion process${pid ? ` (pid ${pid})` : ''}: stop it, or set PGLITE_DIR to another folder`,
  });
}
