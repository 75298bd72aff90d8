import { requestJson, type TestKernel } from '@orion/sdk/testing';

export const shopApi = (vendorCode: string) => `/vendors/${vendorCode}/shop/api/v1/shop/customer-profiles`;
export const VENDOR_API = '/api/v1/vendor/customer-profiles';

export async function call(
  kernel: TestKernel,
  method: string,
  url: string,
  headers: Record<string, string> = {},
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown>; text: string; headers: Headers }> {
  return requestJson(kernel, method, url, headers, body);
}

/** A valid Luxembourg address of `kind`, with overrides. */
export const address = (kind: 'shipping' | 'billing', extra: Record<string, unknown> = {}) => ({
  kind,
  fullName: 'Anna Muller',
  line1: '12 rue de la Gare',
  postalCode: 'L-1611',
  city: 'Luxembourg',
  country: 'LU',
  ...extra,
});

export interface AddressBody {
  id: number;
  kind: string;
  isDefault: boolean;
  line1: string;
  city: string;
  country: string;
}
