import { defineError } from '@orion/sdk';

/** The customer profiles' expected failures. Another vendor's customer or address answers like a missing one: 404. */
export const ProfileErrors = {
  NotFound: defineError<{ what: 'customer' | 'address'; id: number }>({
    code: 'CUSTOMER_PROFILES_NOT_FOUND',
    category: 'not-found',
    title: 'Not found',
    detail: (p) => `No ${p.what} ${p.id} in this shop.`,
  }),
  InvalidAddress: defineError<{ summary: string }>({
    code: 'CUSTOMER_PROFILES_INVALID_ADDRESS',
    category: 'input',
    status: 422,
    title: 'Invalid address',
    detail: (p) => p.summary,
  }),
} as const;
