import type { Mailer } from '../mail/message.js';
import type { Logger } from '../observability/logger.js';
import type { VendorRegistry } from '../tenancy/vendors.js';
import type { DbAccess } from './db-access.js';
import type { LinkSettings } from './links.js';
import type { AuthService } from './service.js';

/** What the account flows (invitations, password resets and changes, registration) work with. */
export interface AccountDeps {
  db: DbAccess;
  auth: AuthService;
  mailer: Mailer;
  vendors: VendorRegistry;
  logger: Logger;
  bcryptCost: number;
  links: LinkSettings;
  invitationTtlHours: number;
  resetTtlMinutes: number;
}

/** The roles that sign in to the admin area. */
export const ADMIN_ROLES = ['super_admin', 'platform_admin'] as const;

/** "72 hours", "30 minutes": how long a link works, in the mail. */
export function duration(seconds: number): string {
  if (seconds % 3600 === 0) return seconds === 3600 ? '1 hour' : `${seconds / 3600} hours`;
  const minutes = Math.round(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
