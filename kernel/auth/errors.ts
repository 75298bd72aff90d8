import { defineError } from '../errors/define-error.js';

export const AuthErrors = {
  Unauthenticated: defineError<void>({
    code: 'ORN_AUTH_UNAUTHENTICATED',
    category: 'authentication',
    title: 'Authentication required',
    detail: () => 'Send a valid access token: Authorization: Bearer <token> (POST /api/v1/admin/auth/token gives one).',
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
} as const;
