/** `@orion/sdk/testing`: boot a kernel on a private test database with your plugin, for your plugin's tests. */
export * from '../testing/index.js';
