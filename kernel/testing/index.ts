/** What plugin tests use, published as `@orion/sdk/testing`. */

export { missingEnglishKeys, strayKeys } from '../i18n/coverage.js';
export { adminHeaders } from './admin-token.js';
export { type JsonReply, requestJson } from './json-request.js';
export { lastMailTo, linkIn, mailsTo } from './mail.js';
export { disablePlugins, enablePlugins, pluginPackageDir, setPluginSettings } from './plugins.js';
export { type StartTestKernelOptions, startTestKernel, type TestKernel } from './start-test-kernel.js';
export { asSystem } from './system-db.js';
export {
  createTestCustomer,
  createTestPlatform,
  createTestTeamMember,
  createTestVendor,
  type TestVendor,
} from './tenants.js';
export { createTestDatabase } from './test-database.js';
