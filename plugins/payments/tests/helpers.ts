import {
  enablePlugins,
  pluginPackageDir,
  requestJson,
  setPluginSettings,
  startTestKernel,
  type TestKernel,
} from '@orion/sdk/testing';

export const API = '/api/v1/vendor/payments';
export const webhookUrl = (vendorCode: string) =>
  `/vendors/${vendorCode}/shop/api/v1/shop/payments/webhooks/testgateway`;

/** A test kernel with only the payments plugin, enabled on `main`; the gateway's callbacks wait `delayMs`. */
export async function startPaymentsKernel(moduleUrl: string): Promise<TestKernel> {
  const kernel = await startTestKernel({ plugins: { roots: [], extraDirs: [pluginPackageDir(moduleUrl)] } });
  await enablePlugins(kernel, ['payments']);
  return kernel;
}

/** Sets the payments settings of platform `main`, as an administrator would. */
export async function setSettings(kernel: TestKernel, settings: Record<string, unknown>): Promise<void> {
  await setPluginSettings(kernel, 'payments', settings);
}

export interface Reply {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: test bodies are read field by field
  body: any;
}

export async function call(
  kernel: TestKernel,
  method: string,
  url: string,
  headers: Record<string, string> = {},
  body?: unknown,
): Promise<Reply> {
  return requestJson(kernel, method, url, headers, body);
}

export const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
