import { jwtVerify, SignJWT } from 'jose';

/** What an access token says about its holder. */
export interface TokenClaims {
  /** The user id. */
  sub: string;
  role: 'super_admin' | 'platform_admin' | 'vendor_user';
}

const ISSUER = 'orion';
const key = (secret: string) => new TextEncoder().encode(secret);

/** An HS256 JWT signed with ORION_SECRET. */
export async function issueToken(claims: TokenClaims, secret: string, ttlSeconds: number): Promise<string> {
  return new SignJWT({ role: claims.role })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(key(secret));
}

/** The claims of a valid, unexpired token signed with this secret; `undefined` for anything else. */
export async function verifyToken(token: string, secret: string): Promise<TokenClaims | undefined> {
  try {
    const { payload } = await jwtVerify(token, key(secret), { issuer: ISSUER, algorithms: ['HS256'] });
    if (typeof payload.sub !== 'string' || typeof payload.role !== 'string') return undefined;
    return { sub: payload.sub, role: payload.role as TokenClaims['role'] };
  } catch {
    return undefined;
  }
}
