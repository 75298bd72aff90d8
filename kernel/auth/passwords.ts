import bcrypt from 'bcrypt';
import { KernelErrors } from '../errors/codes.js';

/** bcrypt reads only the first 72 bytes; longer passwords are refused rather than silently truncated. */
export const MAX_PASSWORD_BYTES = 72;
export const MIN_PASSWORD_LENGTH = 8;

export function passwordProblem(password: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters long`;
  if (Buffer.byteLength(password) > MAX_PASSWORD_BYTES) return `must be at most ${MAX_PASSWORD_BYTES} bytes long`;
  return undefined;
}

/** Refuses a new password that is not acceptable with 422 ORN_HTTP_VALIDATION_FAILED naming `field`. */
export function assertNewPassword(password: string, field = 'password'): void {
  const problem = passwordProblem(password);
  if (problem)
    throw KernelErrors.ValidationFailed({ summary: `${field}: ${problem}` }, { fields: { [field]: problem } });
}

/** The hash of a new password, after `assertNewPassword`. */
export async function hashNewPassword(password: string, cost: number, field = 'password'): Promise<string> {
  assertNewPassword(password, field);
  return bcrypt.hash(password, cost);
}

export async function hashPassword(password: string, cost: number): Promise<string> {
  const problem = passwordProblem(password);
  if (problem) throw new RangeError(`password ${problem}`);
  return bcrypt.hash(password, cost);
}

export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  if (!hash || Buffer.byteLength(password) > MAX_PASSWORD_BYTES) return false;
  return bcrypt.compare(password, hash);
}
