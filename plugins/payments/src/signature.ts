import crypto from 'node:crypto';

/** The header that carries a testgateway signature: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
export const SIGNATURE_HEADER = 'testgateway-signature';
/** How old a signed callback may be, in seconds; older ones are refused even with a good signature. */
export const TOLERANCE_S = 300;

export function signBody(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const mac = crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

/** Why the signature does not hold, or `undefined` when it does. Compares in constant time. */
export function signatureProblem(
  secret: string,
  body: string,
  header: string | undefined,
  now = Date.now(),
): string | undefined {
  if (!header) return `no ${SIGNATURE_HEADER} header`;
  const parts = Object.fromEntries(header.split(',').map((p) => p.trim().split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !parts.v1) return `the ${SIGNATURE_HEADER} header is malformed`;
  if (Math.abs(now / 1000 - t) > TOLERANCE_S) return 'the signature is too old';
  const expected = Buffer.from(crypto.createHmac('sha256', secret).update(`${t}.${body}`).digest('hex'));
  const given = Buffer.from(parts.v1);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
    return 'the signature does not match the body';
  }
  return undefined;
}
