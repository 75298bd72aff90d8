import { z } from 'zod';
import { ROLE_NAME } from '../db/app-role.js';

/**
 * Every setting Orion reads, keyed by its environment variable name. The files in `config/` use the same keys,
 * so one name means one thing wherever it is set.
 */

const bool = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0', 'yes', 'no'])], { error: 'must be true or false' })
  .transform((v) => v === true || v === 'true' || v === '1' || v === 'yes');

const int = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(min, max === Number.MAX_SAFE_INTEGER ? `must be at least ${min}` : `must be from ${min} to ${max}`)
    .max(max, `must be from ${min} to ${max}`);

const postgresUrl = z
  .string()
  .url('must be a URL such as postgres://user@host:5432/db')
  .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must start with postgres:// or postgresql://');

const redisUrl = z
  .string()
  .url('must be a URL such as redis://127.0.0.1:6379')
  .refine((v) => /^rediss?:\/\//.test(v), 'must start with redis:// or rediss://');

const smtpUrl = z
  .string()
  .url('must be a URL such as smtps://user:password@smtp.example.com:465')
  .refine((v) => /^smtps?:\/\//.test(v), 'must start with smtp:// or smtps://');

/** `Name <address>` or a bare address: the forms a From header takes. */
const mailbox = z
  .string()
  .refine((v) => mailboxAddress(v) !== undefined, 'must be an address such as Orion <no-reply@example.com>');

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const settingsSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production'], { error: 'must be development, test or production' }),
    HOST: z.string().min(1, 'must not be empty'),
    PORT: int(0, 65535),
    PUBLIC_URL: z.string().url('must be a URL such as https://shop.example.com').optional(),
    DATABASE_URL: postgresUrl.optional(),
    DATABASE_POOL_MAX: int(1, 200),
    /** The role application queries run as, so that row-level security applies to them. */
    DATABASE_APP_ROLE: z
      .string()
      .regex(ROLE_NAME, 'must be a lower-case PostgreSQL role name: a letter or _, then letters, digits or _'),
    PGLITE_DIR: z.string().min(1, 'must not be empty'),
    REDIS_URL: redisUrl.optional(),
    SENTRY_DSN: z.string().url('must be the DSN URL shown in Sentry').optional(),
    LOG_LEVEL: z.enum(logLevels, { error: `must be one of ${logLevels.join(', ')}` }),
    LOG_FORMAT: z.enum(['json', 'pretty'], { error: 'must be json or pretty' }),
    ORION_DATA_DIR: z.string().min(1, 'must not be empty'),
    /** Extra plugin package folders, comma-separated, besides plugins/ and npm packages marked orion-plugin. */
    PLUGIN_DIRS: z.string().optional(),
    ORION_SECRET: z.string().min(32, 'must be at least 32 characters long').optional(),
    ORION_ADMIN_EMAIL: z.string().email('must be an email address').optional(),
    ORION_ADMIN_PASSWORD: z
      .string()
      .min(8, 'must be at least 8 characters long')
      // bcrypt silently ignores everything past 72 bytes.
      .refine((v) => Buffer.byteLength(v) <= 72, 'must be at most 72 bytes long')
      .optional(),
    BCRYPT_COST: int(4, 15),
    BODY_LIMIT_BYTES: int(1024),
    SHUTDOWN_TIMEOUT_MS: int(0),
    AUTO_MIGRATE: bool,
    PLUGIN_QUARANTINE_MIN_ERRORS: int(1),
    PLUGIN_QUARANTINE_RATE: z.coerce
      .number({ error: 'must be a number' })
      .gt(0, 'must be above 0 and at most 1')
      .max(1, 'must be above 0 and at most 1'),
    PLUGIN_QUARANTINE_WINDOW_S: int(1),
    SEED_DEMO: bool,
    /** Serve `/platforms/<code>/…` and `/vendors/<code>/shop/…` (development: no DNS needed). */
    TENANCY_PATH_MODE: bool,
    AUTH_ACCESS_TTL_S: int(60, 86_400),
    AUTH_REFRESH_TTL_S: int(300),
    /**
     * Signing keys as `kid:secret` pairs, comma-separated, the first one signing. Keep a retired key listed until
     * the tokens it signed have expired. Unset: one key derived from ORION_SECRET.
     */
    AUTH_SIGNING_KEYS: z
      .string()
      .refine(
        (v) => v.split(',').every((pair) => /^[A-Za-z0-9_-]{1,32}:.{32,}$/.test(pair.trim())),
        'must be kid:secret pairs separated by commas, each secret at least 32 characters long',
      )
      .optional(),
    AUTH_INVITATION_TTL_H: int(1, 24 * 30),
    AUTH_RESET_TTL_MIN: int(5, 24 * 60),
    SMTP_URL: smtpUrl.optional(),
    MAIL_FROM: mailbox,
    LOGIN_THROTTLE_ACCOUNT_MAX: int(1),
    LOGIN_THROTTLE_IP_MAX: int(1),
    LOGIN_THROTTLE_WINDOW_S: int(1),
    /** Plugins' files go to this S3-compatible bucket (its URL) instead of ORION_DATA_DIR/files. */
    FILES_S3_URL: z
      .string()
      .url('must be the bucket URL, such as https://s3.eu-west-1.amazonaws.com/my-bucket')
      .optional(),
    FILES_S3_REGION: z.string().min(1, 'must not be empty'),
    FILES_S3_ACCESS_KEY_ID: z.string().min(1, 'must not be empty').optional(),
    FILES_S3_SECRET_ACCESS_KEY: z.string().min(1, 'must not be empty').optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (Boolean(s.ORION_ADMIN_EMAIL) !== Boolean(s.ORION_ADMIN_PASSWORD)) {
      const missing = s.ORION_ADMIN_EMAIL ? 'ORION_ADMIN_PASSWORD' : 'ORION_ADMIN_EMAIL';
      ctx.addIssue({ code: 'custom', path: [missing], message: 'must be set together with the other admin variable' });
    }
    if (s.NODE_ENV === 'production' && !s.ORION_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['ORION_SECRET'], message: 'is required in production' });
    }
    if (s.FILES_S3_URL) {
      for (const key of ['FILES_S3_ACCESS_KEY_ID', 'FILES_S3_SECRET_ACCESS_KEY'] as const) {
        if (!s[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required with FILES_S3_URL' });
      }
    }
    // The default sender is at the reserved .test domain, which no real mail server accepts mail from.
    if (s.NODE_ENV === 'production' && s.SMTP_URL && isReservedDomain(mailboxAddress(s.MAIL_FROM) ?? '')) {
      ctx.addIssue({
        code: 'custom',
        path: ['MAIL_FROM'],
        message: 'must be an address at your own domain in production',
      });
    }
  });

export type Settings = z.infer<typeof settingsSchema>;

/** The address part of `Name <address>` or of a bare address; undefined when it is neither. */
export function mailboxAddress(value: string): string | undefined {
  const match = /^\s*(?:[^<>]*<([^<>\s]+)>|([^<>\s]+))\s*$/.exec(value);
  const address = match?.[1] ?? match?.[2];
  return address && z.email().safeParse(address).success ? address : undefined;
}

/** RFC 2606 / 6761 names that never receive real mail. */
function isReservedDomain(address: string): boolean {
  const domain = address.slice(address.lastIndexOf('@') + 1).toLowerCase();
  return /(^|\.)(test|example|invalid|localhost)$/.test(domain) || /^example\.(com|net|org)$/.test(domain);
}

/** Settings whose values never appear in an error message or a log line. */
export const secretKeys: ReadonlySet<string> = new Set([
  'ORION_SECRET',
  'ORION_ADMIN_PASSWORD',
  'SENTRY_DSN',
  'AUTH_SIGNING_KEYS',
  'FILES_S3_SECRET_ACCESS_KEY',
]);
/** Settings that are URLs and may carry a password. */
export const credentialUrlKeys: ReadonlySet<string> = new Set(['DATABASE_URL', 'REDIS_URL', 'SMTP_URL']);
export type SettingKey = keyof z.input<typeof settingsSchema>;
export const settingKeys = Object.keys(settingsSchema.shape) as SettingKey[];

/** The typed configuration the kernel and plugins read. */
export interface OrionConfig {
  env: Settings['NODE_ENV'];
  server: { host: string; port: number; publicUrl?: string; bodyLimitBytes: number; shutdownTimeoutMs: number };
  database: { url?: string; pgliteDir: string; poolMax: number; appRole: string; autoMigrate: boolean };
  redis: { url?: string };
  sentry: { dsn?: string };
  log: { level: Settings['LOG_LEVEL']; format: Settings['LOG_FORMAT'] };
  dataDir: string;
  plugins: {
    extraDirs: string[];
    /** A plugin is quarantined on a platform after this many 5xx answers there at this rate within the window. */
    quarantine: { minErrors: number; rate: number; windowSeconds: number };
  };
  /** Signing secret for tokens and cookies; filled in by `loadConfig` (generated in development). */
  secret: string;
  admin?: { email: string; password: string };
  auth: {
    bcryptCost: number;
    accessTtlSeconds: number;
    refreshTtlSeconds: number;
    /** Undefined: one key derived from the secret. */
    signingKeys: { kid: string; secret: string }[] | undefined;
    invitationTtlHours: number;
    resetTtlMinutes: number;
  };
  tenancy: { pathMode: boolean };
  seed: { demo: boolean };
  /** SMTP when `smtpUrl` is set; otherwise mail is logged and kept in `mail_outbox`. */
  mail: { smtpUrl?: string; from: string };
  /** Where plugins' files go (`ctx.files`): `<dataDir>/files`, or an S3-compatible bucket when `s3` is set. */
  files: { s3?: { url: string; region: string; accessKeyId: string; secretAccessKey: string } };
  security: {
    /** Failed sign-ins allowed per account and per client IP within one window. */
    loginThrottle: { accountMax: number; ipMax: number; windowSeconds: number };
  };
}
