import { createRequire } from 'node:module';

const pkg = createRequire(import.meta.url)('../../package.json') as { version: string };

/** Orion's release version, from package.json. */
export const ORION_VERSION: string = pkg.version;
/** The kernel API version that plugin manifests' `kernel` ranges are checked against. */
export const KERNEL_API_VERSION = '1.0.0';
