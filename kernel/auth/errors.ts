import { defineError } from '../errors/define-error.js';

export const AuthErrors = {
  Unauthenticated: defineError<void>({
    code: 'ORN_AUTH_UNAUTHENTICATED',
    category: 'authentication',
    title: 'Authentication required',
    detail: () =>
      'Sign in first: send Authorization: Bearer <access token> from POST /api/v1/{admin,vendor,shop}/auth/login.',
  }),
  BadCredentials: defineError<void>({
    code: 'ORN_AUTH_BAD_CREDENTIALS',
    category: 'authentication',
    title: 'Wrong email or password',
    // The same answer whether the email exists or not.
    detail: () => 'The email or the password is wrong.',
  }),
  Forbidden: defineError<{ needed: string }>({
    code: 'ORN_AUTH_FORBIDDEN',
    category: 'not-allowed',
    title: 'Not allowed',
    detail: (p) => `This needs ${p.needed}.`,
  }),
  VendorNeeded: defineError<void>({
    code: 'ORN_AUTH_VENDOR_NEEDED',
    category: 'input',
    status: 422,
    title: 'Which vendor?',
    detail: () => 'You belong to several vendors: send vendorCode with your email and password.',
  }),
  RefreshInvalid: defineError<void>({
    code: 'ORN_AUTH_REFRESH_INVALID',
    category: 'authentication',
    title: 'Refresh token not valid',
    detail: () => 'The refresh token is unknown, expired or signed out. Sign in again.',
  }),
  RefreshReused: defineError<void>({
    code: 'ORN_AUTH_REFRESH_REUSED',
    category: 'authentication',
    title: 'Refresh token already used',
    detail: () =>
      'This refresh token was already exchanged. As it may have been stolen, the whole sign-in has been ended. Sign in again.',
  }),
  WrongPlatform: defineError<{ platform: string }>({
    code: 'ORN_AUTH_WRONG_PLATFORM',
    category: 'not-allowed',
    title: 'Not an administrator of this platform',
    detail: (p) => `You do not administer the platform ${p.platform}.`,
  }),
} as const;
