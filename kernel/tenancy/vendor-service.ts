import type { Knex } from 'knex';
import { PRESET_LABELS, PRESET_PERMISSIONS, PRESET_ROLES, type PresetRole } from '../auth/permissions.js';
import { TenancyErrors } from './errors.js';
import { RESERVED_SUBDOMAINS } from './resolve.js';

export const VENDOR_CODE_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
/** Codes that would clash with a path or a host Orion uses. */
export const RESERVED_VENDOR_CODES: ReadonlySet<string> = new Set([
  ...RESERVED_SUBDOMAINS,
  'auth',
  'assets',
  'static',
  'health',
  'metrics',
  'platforms',
  'vendors',
  'vendor',
  'shop',
]);

export interface NewVendor {
  code: string;
  name: string;
  /** An existing company, or the name of a new one owned by the owner. */
  company: { id: number } | { name: string; contactEmail?: string; taxNumber?: string };
  /** Platform ids the vendor joins; its subdomain on each is its code. */
  platformIds: number[];
  owner: { email: string; displayName?: string; passwordHash?: string };
  defaultLanguage?: string;
  languages?: string[];
}

export interface CreatedVendor {
  vendorId: number;
  companyId: number;
  ownerUserId: number;
  /** False when the owner still has to set a password (an invitation is due). */
  ownerActive: boolean;
  roles: Record<PresetRole, number>;
}

/** Refused codes, with the reason, or undefined for a usable code. */
export function vendorCodeProblem(code: string): string | undefined {
  if (!VENDOR_CODE_PATTERN.test(code)) {
    return 'must be 1 to 40 lowercase letters, digits or dashes, not starting or ending with a dash';
  }
  if (RESERVED_VENDOR_CODES.has(code)) return `"${code}" is reserved`;
  return undefined;
}

/**
 * Creates a vendor with its company (unless given), its memberships of platforms, the preset roles, and its owner
 * (a vendor user, created unless one with that email exists) as an owner member, in one transaction.
 */
export async function createVendor(knex: Knex, input: NewVendor): Promise<CreatedVendor> {
  const problem = vendorCodeProblem(input.code);
  if (problem) throw TenancyErrors.VendorCodeInvalid({ code: input.code, reason: problem });
  return knex.transaction(async (trx) => {
    const taken = await trx('vendors').whereRaw('lower(code) = ?', [input.code]).first('id');
    if (taken) throw TenancyErrors.VendorCodeTaken({ code: input.code });
    const email = input.owner.email.trim().toLowerCase();
    const existing = await trx('users')
      .whereRaw('lower(email) = ?', [email])
      .first<{ id: number; role: string; password_hash: string | null } | undefined>('id', 'role', 'password_hash');
    if (existing && existing.role !== 'vendor_user') throw TenancyErrors.OwnerIsAdmin({ email });
    const ownerUserId =
      existing?.id ??
      (
        await trx('users')
          .insert({
            email,
            role: 'vendor_user',
            display_name: input.owner.displayName ?? '',
            password_hash: input.owner.passwordHash ?? null,
          })
          .returning<{ id: number }[]>('id')
      )[0]?.id;
    if (ownerUserId === undefined) throw new Error('owner not created');
    const ownerActive = Boolean(existing?.password_hash ?? input.owner.passwordHash);

    const companyId =
      'id' in input.company
        ? input.company.id
        : (
            await trx('companies')
              .insert({
                name: input.company.name,
                owner_user_id: ownerUserId,
                contact_email: input.company.contactEmail ?? email,
                tax_number: input.company.taxNumber ?? null,
              })
              .returning<{ id: number }[]>('id')
          )[0]?.id;
    const [vendor] = await trx('vendors')
      .insert({
        code: input.code,
        name: input.name,
        company_id: companyId,
        default_language: input.defaultLanguage ?? 'en',
        languages: input.languages ?? [input.defaultLanguage ?? 'en'],
      })
      .returning<{ id: number }[]>('id');
    const vendorId = (vendor as { id: number }).id;
    for (const platformId of input.platformIds) {
      await trx('vendor_platforms').insert({ vendor_id: vendorId, platform_id: platformId, subdomain: input.code });
    }
    const roles = {} as Record<PresetRole, number>;
    for (const preset of PRESET_ROLES) {
      const [role] = await trx('vendor_roles')
        .insert({
          vendor_id: vendorId,
          name: PRESET_LABELS[preset],
          preset,
          permissions: [...PRESET_PERMISSIONS[preset]],
        })
        .returning<{ id: number }[]>('id');
      roles[preset] = (role as { id: number }).id;
    }
    await trx('vendor_memberships').insert({
      vendor_id: vendorId,
      user_id: ownerUserId,
      role_id: roles.owner,
      is_owner: true,
      status: ownerActive ? 'active' : 'invited',
    });
    return { vendorId, companyId: companyId as number, ownerUserId, ownerActive, roles };
  });
}
