import fs from 'node:fs';
import path from 'node:path';
import { KernelErrors } from '../errors/codes.js';
import { ROOT } from '../paths.js';
import {
  credentialUrlKeys,
  type OrionConfig,
  type SettingKey,
  type Settings,
  secretKeys,
  settingKeys,
  settingsSchema,
} from './schema.js';
import { readOrCreateSecret } from './secret.js';

export interface LoadConfigOptions {
  /** Environment variables; defaults to `process.env`. */
  env?: Record<string, string | undefined>;
  /** Folder holding `default.json` and `<NODE_ENV>.json`; defaults to `<root>/config`. */
  configDir?: string;
  /** Relative paths in settings are resolved against this folder; defaults to the repository root. */
  root?: string;
}

export type LoadConfigResult = { ok: true; config: OrionConfig } | { ok: false; errors: string[] };

/** How a value is quoted in an error: secrets are never echoed, and passwords in URLs are masked. */
function shown(key: string, value: unknown): string {
  if (secretKeys.has(key)) return 'a value that is not shown';
  if (credentialUrlKeys.has(key) && typeof value === 'string') {
    return JSON.stringify(value.replace(/(\/\/[^:/@]*:)[^@]*@/, '$1***@'));
  }
  return JSON.stringify(value);
}

type Source = { name: string; values: Record<string, unknown> };

function readFile(file: string): Source | string {
  if (!fs.existsSync(file)) return { name: file, values: {} };
  try {
    const values = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    if (typeof values !== 'object' || values === null || Array.isArray(values)) {
      return `${path.basename(file)} must hold a JSON object`;
    }
    return { name: path.relative(ROOT, file) || file, values: values as Record<string, unknown> };
  } catch (err) {
    return `${path.basename(file)} is not valid JSON (${(err as Error).message})`;
  }
}

/**
 * Reads settings from `config/default.json`, then `config/<NODE_ENV>.json`, then environment variables (each
 * overriding the one before), and validates them. Never throws for bad input: the caller prints the errors.
 */
export function loadConfig(options: LoadConfigOptions = {}): LoadConfigResult {
  const env = options.env ?? process.env;
  const configDir = options.configDir ?? path.join(ROOT, 'config');
  const root = options.root ?? ROOT;
  const nodeEnv = env.NODE_ENV || 'development';

  const errors: string[] = [];
  const merged: Record<string, unknown> = {};
  const origin = new Map<string, string>();
  for (const file of [path.join(configDir, 'default.json'), path.join(configDir, `${nodeEnv}.json`)]) {
    const source = readFile(file);
    if (typeof source === 'string') {
      errors.push(source);
      continue;
    }
    for (const [key, value] of Object.entries(source.values)) {
      merged[key] = value;
      origin.set(key, source.name);
    }
  }
  for (const key of settingKeys) {
    const value = env[key];
    // An empty variable counts as unset, as in most shells' `FOO= cmd`.
    if (value !== undefined && value !== '') {
      merged[key] = value;
      origin.set(key, 'environment');
    }
  }
  merged.NODE_ENV = nodeEnv;
  if (errors.length) return { ok: false, errors };

  const parsed = settingsSchema.safeParse(merged);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => {
        const key = issue.path.length ? String(issue.path[0]) : '';
        if (issue.code === 'unrecognized_keys') {
          return `unknown setting ${issue.keys.join(', ')} in ${issue.keys.map((k) => origin.get(k) ?? 'config').join(', ')}`;
        }
        const raw = merged[key];
        const got = raw === undefined ? 'it is missing' : `got ${shown(key, raw)}`;
        const from = origin.get(key);
        return `${key} ${issue.message} (${got}${from && raw !== undefined ? ` from ${from}` : ''})`;
      }),
    };
  }
  return { ok: true, config: toConfig(parsed.data, root) };
}

function toConfig(s: Settings, root: string): OrionConfig {
  const resolve = (p: string) => (p === 'memory://' ? p : path.resolve(root, p));
  const dataDir = resolve(s.ORION_DATA_DIR);
  return {
    env: s.NODE_ENV,
    server: {
      host: s.HOST,
      port: s.PORT,
      publicUrl: s.PUBLIC_URL,
      bodyLimitBytes: s.BODY_LIMIT_BYTES,
      shutdownTimeoutMs: s.SHUTDOWN_TIMEOUT_MS,
    },
    database: {
      url: s.DATABASE_URL,
      pgliteDir: resolve(s.PGLITE_DIR),
      poolMax: s.DATABASE_POOL_MAX,
      appRole: s.DATABASE_APP_ROLE,
      autoMigrate: s.AUTO_MIGRATE,
    },
    redis: { url: s.REDIS_URL },
    sentry: { dsn: s.SENTRY_DSN },
    log: { level: s.LOG_LEVEL, format: s.LOG_FORMAT },
    dataDir,
    plugins: {
      extraDirs: (s.PLUGIN_DIRS ?? '')
        .split(',')
        .map((d) => d.trim())
        .filter(Boolean)
        .map((d) => path.resolve(root, d)),
      quarantine: {
        minErrors: s.PLUGIN_QUARANTINE_MIN_ERRORS,
        rate: s.PLUGIN_QUARANTINE_RATE,
        windowSeconds: s.PLUGIN_QUARANTINE_WINDOW_S,
      },
    },
    // Production requires ORION_SECRET (checked by the schema); elsewhere one is generated once and kept.
    secret: s.ORION_SECRET ?? readOrCreateSecret(dataDir),
    admin:
      s.ORION_ADMIN_EMAIL && s.ORION_ADMIN_PASSWORD
        ? { email: s.ORION_ADMIN_EMAIL.toLowerCase(), password: s.ORION_ADMIN_PASSWORD }
        : undefined,
    auth: {
      bcryptCost: s.BCRYPT_COST,
      accessTtlSeconds: s.AUTH_ACCESS_TTL_S,
      refreshTtlSeconds: s.AUTH_REFRESH_TTL_S,
      signingKeys: parseSigningKeys(s.AUTH_SIGNING_KEYS),
      invitationTtlHours: s.AUTH_INVITATION_TTL_H,
      resetTtlMinutes: s.AUTH_RESET_TTL_MIN,
    },
    tenancy: { pathMode: s.TENANCY_PATH_MODE },
    seed: { demo: s.SEED_DEMO },
    mail: { smtpUrl: s.SMTP_URL, from: s.MAIL_FROM },
    files: {
      s3:
        s.FILES_S3_URL && s.FILES_S3_ACCESS_KEY_ID && s.FILES_S3_SECRET_ACCESS_KEY
          ? {
              url: s.FILES_S3_URL,
              region: s.FILES_S3_REGION,
              accessKeyId: s.FILES_S3_ACCESS_KEY_ID,
              secretAccessKey: s.FILES_S3_SECRET_ACCESS_KEY,
            }
          : undefined,
    },
    security: {
      loginThrottle: {
        accountMax: s.LOGIN_THROTTLE_ACCOUNT_MAX,
        ipMax: s.LOGIN_THROTTLE_IP_MAX,
        windowSeconds: s.LOGIN_THROTTLE_WINDOW_S,
      },
    },
  };
}

function parseSigningKeys(value: string | undefined): { kid: string; secret: string }[] | undefined {
  if (!value) return undefined;
  return value.split(',').map((pair) => {
    const at = pair.indexOf(':');
    return { kid: pair.slice(0, at).trim(), secret: pair.slice(at + 1).trim() };
  });
}

/** For tests and tools: throws ORN_CONFIG_INVALID, whose message is one line naming every key at fault. */
export function loadConfigOrThrow(options?: LoadConfigOptions): OrionConfig {
  const result = loadConfig(options);
  if (!result.ok) throw KernelErrors.ConfigInvalid({ errors: result.errors.join('; ') });
  return result.config;
}

export type { SettingKey };
