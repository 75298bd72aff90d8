import { defineError } from '../errors/define-error.js';

export const TenancyErrors = {
  ShopClosed: defineError<{ vendor: string }>({
    code: 'ORN_TENANCY_SHOP_CLOSED',
    category: 'not-allowed',
    title: 'This shop is closed',
    detail: (p) => `The shop ${p.vendor} is not open at the moment. Please come back later.`,
  }),
  VendorCodeInvalid: defineError<{ code: string; reason: string }>({
    code: 'ORN_TENANCY_VENDOR_CODE_INVALID',
    category: 'input',
    status: 422,
    title: 'Vendor code not usable',
    detail: (p) => `The vendor code "${p.code}" ${p.reason}.`,
  }),
  VendorCodeTaken: defineError<{ code: string }>({
    code: 'ORN_TENANCY_VENDOR_CODE_TAKEN',
    category: 'conflict',
    title: 'Vendor code taken',
    detail: (p) => `Another vendor already has the code "${p.code}".`,
  }),
  OwnerIsAdmin: defineError<{ email: string }>({
    code: 'ORN_TENANCY_OWNER_IS_ADMIN',
    category: 'conflict',
    title: 'Owner email belongs to an administrator',
    detail: (p) => `${p.email} is an administrator's account; a vendor owner needs a vendor user account.`,
  }),
} as const;
