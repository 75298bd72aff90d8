import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: compiled files live in `dist/<same path>`, so the root is two levels above `dist/kernel`. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Where tsc puts the compiled code. */
export const DIST = path.join(ROOT, 'dist');
