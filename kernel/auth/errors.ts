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
  TokenInvalid: defineError<void>({
    code: 'ORN_AUTH_TOKEN_INVALID',
    category: 'input',
    title: 'Link not valid',
    // The same answer for an unknown, a used and an expired token: none of them tells anything about an account.
    detail: () => 'This link is unknown, was already used, or has expired. Ask for a new one.',
  }),
  CurrentPasswordWrong: defineError<void>({
    code: 'ORN_AUTH_CURRENT_PASSWORD_WRONG',
    category: 'input',
    // Not 401: the sign-in is fine, and a client must not take this for an expired token and refresh.
    status: 422,
    title: 'Current password is wrong',
    detail: () => 'currentPassword: is not your current password. Your password was not changed.',
  }),
  EmailTaken: defineError<void>({
    code: 'ORN_AUTH_EMAIL_TAKEN',
    category: 'conflict',
    title: 'Email already registered',
    detail: () => 'An account with this email already exists at this shop. Sign in, or reset your password.',
  }),
  InvitationNotPending: defineError<{ userId: number; vendorId: number }>({
    code: 'ORN_AUTH_INVITATION_NOT_PENDING',
    category: 'conflict',
    title: 'No pending invitation',
    detail: (p) =>
      `User ${p.userId} has no invited membership of vendor ${p.vendorId} (it is active or disabled, or there is none): nothing to invite to.`,
  }),
} as const;
