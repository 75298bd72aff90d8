// Removes dist/ before a build, so that a deleted source file leaves no stale compiled test or migration behind.
import fs from 'node:fs';

fs.rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
