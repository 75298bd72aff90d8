import crypto from 'node:crypto';

/** An HMAC key for signing tokens, named by its `kid`. */
export interface SigningKey {
  kid: string;
  key: Uint8Array;
}

/**
 * The keys tokens are signed and verified with. The first signs; all verify, so a key can be rotated without
 * signing everyone out: put the new key first, keep the old one listed until its tokens have expired, then drop it.
 */
export class SigningKeys {
  private readonly byKid: Map<string, SigningKey>;

  constructor(readonly keys: readonly SigningKey[]) {
    if (!keys.length) throw new Error('at least one signing key is needed');
    this.byKid = new Map(keys.map((k) => [k.kid, k]));
  }

  get current(): SigningKey {
    return this.keys[0] as SigningKey;
  }

  find(kid: string | undefined): SigningKey | undefined {
    return kid === undefined ? undefined : this.byKid.get(kid);
  }

  /** From AUTH_SIGNING_KEYS, else one key derived from the kernel secret (so that it is never the secret itself). */
  static fromConfig(configured: { kid: string; secret: string }[] | undefined, secret: string): SigningKeys {
    const pairs = configured ?? [{ kid: 'k1', secret: derive(secret, 'orion-token-signing-k1') }];
    return new SigningKeys(pairs.map((p) => ({ kid: p.kid, key: new TextEncoder().encode(p.secret) })));
  }
}

function derive(secret: string, label: string): string {
  return crypto.createHmac('sha256', secret).update(label).digest('base64url');
}
