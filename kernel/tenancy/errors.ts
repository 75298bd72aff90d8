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
  OwnerRoleReserved: defineError<void>({
    code: 'ORN_TENANCY_OWNER_ROLE_RESERVED',
    category: 'conflict',
    title: 'The owner stays the owner',
    detail: () =>
      "The vendor's owner cannot be given another role or removed, and no one else can be given the Owner role.",
  }),
  AlreadyMember: defineError<{ email: string }>({
    code: 'ORN_TENANCY_ALREADY_MEMBER',
    category: 'conflict',
    title: 'Already a member',
    detail: (p) => `${p.email} is already a member of this vendor's team.`,
  }),
  RoleNameTaken: defineError<{ name: string }>({
    code: 'ORN_TENANCY_ROLE_NAME_TAKEN',
    category: 'conflict',
    title: 'Role name taken',
    detail: (p) => `This vendor already has a role named "${p.name}".`,
  }),
  PresetRoleFixed: defineError<{ name: string }>({
    code: 'ORN_TENANCY_PRESET_ROLE_FIXED',
    category: 'conflict',
    title: 'Preset roles cannot be changed',
    detail: (p) => `"${p.name}" is a preset role. Create a custom role instead.`,
  }),
  DomainTaken: defineError<{ domain: string }>({
    code: 'ORN_TENANCY_DOMAIN_TAKEN',
    category: 'conflict',
    title: 'Domain not available',
    detail: (p) => `${p.domain} is already a vendor's domain, or belongs to a platform.`,
  }),
  DomainNotVerified: defineError<{ domain: string; record: string }>({
    code: 'ORN_TENANCY_DOMAIN_NOT_VERIFIED',
    category: 'input',
    status: 422,
    title: 'Domain not verified',
    detail: (p) =>
      `No TXT record ${p.record} with the verification token was found for ${p.domain}. DNS changes can take a while to show.`,
  }),
  CannotChangeSelf: defineError<{ action: string }>({
    code: 'ORN_TENANCY_CANNOT_CHANGE_SELF',
    category: 'conflict',
    title: 'Not on your own account',
    detail: (p) => `You cannot ${p.action} your own account. Ask another administrator.`,
  }),
  NotPlatformAdmin: defineError<{ email: string }>({
    code: 'ORN_TENANCY_NOT_PLATFORM_ADMIN',
    category: 'conflict',
    title: 'Not a platform administrator',
    detail: (p) => `${p.email} is not a platform administrator: only platform administrators have a list of platforms.`,
  }),
  AccountInactive: defineError<{ email: string }>({
    code: 'ORN_TENANCY_ACCOUNT_INACTIVE',
    category: 'conflict',
    title: 'Account cannot sign in',
    detail: (p) =>
      `${p.email} is disabled, deleted or has no active membership, so a password reset link would not work. Enable or restore it first.`,
  }),
  PlatformCodeTaken: defineError<{ code: string }>({
    code: 'ORN_TENANCY_PLATFORM_CODE_TAKEN',
    category: 'conflict',
    title: 'Platform code taken',
    detail: (p) => `Another platform already has the code "${p.code}".`,
  }),
  DefaultPlatform: defineError<{ code: string }>({
    code: 'ORN_TENANCY_DEFAULT_PLATFORM',
    category: 'conflict',
    title: 'The default platform stays active',
    detail: (p) =>
      `${p.code} is the default platform: it answers every host that matches no other platform, so it cannot be deactivated.`,
  }),
  LastPlatform: defineError<{ code: string }>({
    code: 'ORN_TENANCY_LAST_PLATFORM',
    category: 'conflict',
    title: 'A vendor stays on one platform at least',
    detail: (p) => `${p.code} is on no other platform. Add it to another platform first, or delete the vendor.`,
  }),
  PlatformHasDomains: defineError<{ code: string; platform: string }>({
    code: 'ORN_TENANCY_PLATFORM_HAS_DOMAINS',
    category: 'conflict',
    title: 'The vendor has domains on this platform',
    detail: (p) => `${p.code} has custom domains on ${p.platform}. Remove them first.`,
  }),
  AlreadyOnPlatform: defineError<{ code: string; platform: string }>({
    code: 'ORN_TENANCY_ALREADY_ON_PLATFORM',
    category: 'conflict',
    title: 'Already on this platform',
    detail: (p) => `${p.code} is already on ${p.platform}.`,
  }),
  SubdomainTaken: defineError<{ subdomain: string; platform: string }>({
    code: 'ORN_TENANCY_SUBDOMAIN_TAKEN',
    category: 'conflict',
    title: 'Subdomain taken',
    detail: (p) => `Another vendor on ${p.platform} already uses the subdomain ${p.subdomain}.`,
  }),
  NotAnAdmin: defineError<{ email: string }>({
    code: 'ORN_TENANCY_NOT_AN_ADMIN',
    category: 'conflict',
    title: 'Not an administrator',
    detail: (p) => `${p.email} is a vendor user: its roles are those of its vendors' teams.`,
  }),
} as const;
