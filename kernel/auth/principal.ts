/** Who is making a request, once authenticated. Set on the context as `principal`. */
export type Principal = AdminPrincipal | VendorUserPrincipal | ApiKeyPrincipal | CustomerPrincipal;

export interface AdminPrincipal {
  kind: 'admin';
  userId: number;
  email: string;
  role: 'super_admin' | 'platform_admin';
  /** The platforms a platform administrator manages; `all` for a super administrator. */
  platformIds: readonly number[] | 'all';
  sessionId?: string;
}

export interface VendorUserPrincipal {
  kind: 'vendorUser';
  userId: number;
  email: string;
  vendorId: number;
  membershipId: number;
  isOwner: boolean;
  roleName: string;
  /** The role's grants: codes and patterns (see `grants`). */
  permissions: readonly string[];
  sessionId?: string;
}

export interface ApiKeyPrincipal {
  kind: 'apiKey';
  keyId: number;
  vendorId: number;
  permissions: readonly string[];
}

export interface CustomerPrincipal {
  kind: 'customer';
  customerId: number;
  email: string;
  vendorId: number;
  sessionId: string;
}

/** The vendor a principal acts for, if any. */
export function vendorOf(p: Principal | undefined): number | undefined {
  return p && p.kind !== 'admin' ? p.vendorId : undefined;
}

declare module 'hono' {
  interface ContextVariableMap {
    principal?: Principal;
  }
}
