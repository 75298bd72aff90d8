import path from 'node:path';
import type { OrionConfig } from '../config/index.js';
import { diskFileStore, type FileStore } from './files.js';
import { s3FileStore } from './s3.js';

export type { FileStore };

/** Each plugin's file store (`ctx.files`): its own prefix in the S3 bucket when one is configured, else its folder. */
export function pluginFileStores(config: Pick<OrionConfig, 'files' | 'dataDir'>): (pluginId: string) => FileStore {
  const s3 = config.files.s3;
  if (s3) return (pluginId) => s3FileStore(s3, pluginId);
  return (pluginId) => diskFileStore(path.join(config.dataDir, 'files', pluginId));
}
