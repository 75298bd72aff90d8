export type { LoadConfigOptions, LoadConfigResult } from './load.js';
export { loadConfig, loadConfigOrThrow } from './load.js';
export type { OrionConfig, SettingKey } from './schema.js';
