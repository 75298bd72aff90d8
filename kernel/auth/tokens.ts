import { decodeProtectedHeader, jwtVerify, SignJWT } from 'jose';
import type { SigningKeys } from './keys.js';

/** The three sign-in areas. A token is valid only in the area it was issued for (its audience). */
export type AuthArea = 'admin' | 'vendor' | 'shop';

/** What an access token says about its holder. */
export interface AccessClaims {
  /** `user:<id>` for administrators and vendor users, `customer:<id>` for shop customers. */
  sub: string;
  area: AuthArea;
  /** The refresh session it belongs to: revoking the session revokes the token. */
  sid: string;
  /** The vendor a vendor or customer token is bound to. */
  vendorId?: number;
}

const ISSUER = 'orion';

/** A short-lived HS256 JWT, with the signing key's `kid` in its header. */
export async function issueAccessToken(keys: SigningKeys, claims: AccessClaims, ttlSeconds: number): Promise<string> {
  const { kid, key } = keys.current;
  const jwt = new SignJWT({ sid: claims.sid, ...(claims.vendorId === undefined ? {} : { vid: claims.vendorId }) })
    .setProtectedHeader({ alg: 'HS256', kid, typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuer(ISSUER)
    .setAudience(claims.area)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`);
  return jwt.sign(key);
}

/**
 * The claims of a token for `area` that is unexpired and signed by one of `keys`; `undefined` for anything else
 * (tampered, expired, another area's, unknown kid, not a JWT).
 */
export async function verifyAccessToken(
  keys: SigningKeys,
  token: string,
  area: AuthArea,
): Promise<AccessClaims | undefined> {
  try {
    const key = keys.find(decodeProtectedHeader(token).kid);
    if (!key) return undefined;
    const { payload } = await jwtVerify(token, key.key, { issuer: ISSUER, audience: area, algorithms: ['HS256'] });
    if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') return undefined;
    const vendorId = typeof payload.vid === 'number' ? payload.vid : undefined;
    return { sub: payload.sub, area, sid: payload.sid, vendorId };
  } catch {
    return undefined;
  }
}
