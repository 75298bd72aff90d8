import dns from 'node:dns/promises';

/** Checks that a domain's owner published the verification token. Behind an interface: tests cannot reach DNS. */
export interface DomainVerifier {
  hasTxtRecord(name: string, value: string): Promise<boolean>;
}

/** The TXT record a vendor publishes to prove a custom domain is theirs. */
export const verificationRecordName = (domain: string) => `_orion-verification.${domain}`;

export const dnsVerifier: DomainVerifier = {
  async hasTxtRecord(name, value) {
    try {
      const records = await dns.resolveTxt(name);
      return records.some((chunks) => chunks.join('') === value);
    } catch {
      return false; // NXDOMAIN, no TXT record, or no DNS at all: not verified
    }
  },
};
