/**
 * Configuration from the environment, parsed once at start-up by one zod schema.
 * A bad or missing value stops start-up with a message naming the variable and what is expected.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const emptyToUndefined = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const optionalString = z.preprocess(emptyToUndefined, z.string().optional());

/** Accepts the Azurite shortcut or a connection string with the parts a table client needs. */
export function connectionStringProblem(value: string): string | undefined {
  if (value.trim() === 'UseDevelopmentStorage=true') return undefined;
  const parts = new Map<string, string>();
  for (const segment of value.split(';')) {
    if (segment.trim() === '') continue;
    const eq = segment.indexOf('=');
    if (eq <= 0) return `segment "${segment.slice(0, 20)}" is not KEY=VALUE`;
    parts.set(segment.slice(0, eq).trim().toLowerCase(), segment.slice(eq + 1).trim());
  }
  if (parts.has('sharedaccesssignature')) {
    return parts.has('tableendpoint') ? undefined : 'a SAS connection string needs TableEndpoint=';
  }
  for (const key of ['accountname', 'accountkey']) {
    if (!parts.get(key)) return `missing ${key === 'accountname' ? 'AccountName' : 'AccountKey'}=`;
  }
  const endpoint = parts.get('tableendpoint');
  if (endpoint !== undefined) {
    try {
      new URL(endpoint);
    } catch {
      return 'TableEndpoint is not a URL';
    }
  } else if (!parts.has('defaultendpointsprotocol')) {
    return 'needs TableEndpoint= or DefaultEndpointsProtocol=';
  }
  return undefined;
}

const booleanFlag = (defaultValue: boolean) =>
  z.preprocess((value) => {
    const v = emptyToUndefined(value);
    if (v === undefined) return defaultValue;
    if (typeof v === 'string') {
      if (/^(true|1|yes|ja)$/i.test(v)) return true;
      if (/^(false|0|no|nee)$/i.test(v)) return false;
    }
    return v;
  }, z.boolean({ invalid_type_error: 'expected true or false' }));

const envSchema = z
  .object({
    NODE_ENV: z.preprocess(emptyToUndefined, z.enum(['development', 'test', 'production']).default('development')),
    PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(3978)),
    HOST: optionalString,
    MICROSOFT_APP_ID: z.preprocess(emptyToUndefined, z.string().regex(GUID, 'expected a GUID (the app registration\'s client id)').optional()),
    MICROSOFT_APP_PASSWORD: optionalString,
    MICROSOFT_APP_CERTIFICATE_THUMBPRINT: z.preprocess(emptyToUndefined, z.string().regex(/^[0-9a-f]{40}$/i, 'expected the certificate\'s SHA-1 thumbprint (40 hex characters)').optional()),
    MICROSOFT_APP_CERTIFICATE_KEY_FILE: optionalString,
    MICROSOFT_APP_TENANT_ID: z.preprocess(emptyToUndefined, z.string().regex(GUID, 'expected a GUID (your tenant id)').optional()),
    MICROSOFT_APP_TYPE: z.preprocess(emptyToUndefined, z.enum(['SingleTenant', 'UserAssignedMSI']).default('SingleTenant')),
    ALLOWED_TENANTS: z.preprocess(
      (v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v ?? []),
      z.array(z.string().regex(GUID, 'expected a comma-separated list of tenant GUIDs')),
    ),
    STORAGE_CONNECTION_STRING: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .superRefine((value, ctx) => {
          const problem = connectionStringProblem(value);
          if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `malformed connection string: ${problem}` });
        })
        .optional(),
    ),
    STORAGE_ACCOUNT_URL: z.preprocess(emptyToUndefined, z.string().url('expected https://<account>.table.core.windows.net').optional()),
    TABLE_PREFIX: z.preprocess(emptyToUndefined, z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,40}$/, 'letters and digits, starting with a letter').default('poolster')),
    LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
    LOG_FORMAT: z.preprocess(emptyToUndefined, z.enum(['json', 'pretty']).optional()),
    MAX_BODY_BYTES: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1024).max(4 * 1024 * 1024).default(262144)),
    DEMO_DATA: booleanFlag(false),
    SCHEDULER: booleanFlag(true),
    RETENTION_MONTHS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(120).default(24)),
    // Where people's browsers reach this bot (download links); no trailing slash, no path, query or fragment.
    PUBLIC_BASE_URL: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .url('expected the bot\'s public address, e.g. https://poolster.example.org')
        .refine((value) => /^https?:$/.test(new URL(value).protocol), 'expected an http(s) URL')
        .refine((value) => { const u = new URL(value); return !u.search && !u.hash && (u.pathname === '/' || u.pathname === ''); }, 'expected an origin only (no path, query or fragment)')
        .optional(),
    ),
  })
  .superRefine((env, ctx) => {
    if (!env.STORAGE_CONNECTION_STRING && !env.STORAGE_ACCOUNT_URL) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['STORAGE_CONNECTION_STRING'],
        message: 'set STORAGE_CONNECTION_STRING (or STORAGE_ACCOUNT_URL to use DefaultAzureCredential)',
      });
    }
    // With an app id (always in production) botbuilder needs a complete registration; check it here so
    // a gap is named at start-up instead of failing an assertion inside the adapter.
    if (env.NODE_ENV === 'production' || env.MICROSOFT_APP_ID) {
      if (!env.MICROSOFT_APP_ID) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['MICROSOFT_APP_ID'], message: 'required in production: the bot\'s app registration id (or the managed identity\'s client id)' });
      }
      if (!env.MICROSOFT_APP_TENANT_ID) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['MICROSOFT_APP_TENANT_ID'], message: 'required in production and whenever MICROSOFT_APP_ID is set: single-tenant bots and managed identities need the tenant id' });
      }
      const certificate = Boolean(env.MICROSOFT_APP_CERTIFICATE_THUMBPRINT || env.MICROSOFT_APP_CERTIFICATE_KEY_FILE);
      if (env.MICROSOFT_APP_TYPE === 'SingleTenant' && !env.MICROSOFT_APP_PASSWORD && !certificate) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['MICROSOFT_APP_PASSWORD'], message: 'required for a SingleTenant app in production and whenever MICROSOFT_APP_ID is set (or a certificate: MICROSOFT_APP_CERTIFICATE_THUMBPRINT and MICROSOFT_APP_CERTIFICATE_KEY_FILE, or MICROSOFT_APP_TYPE=UserAssignedMSI)' });
      }
      if (certificate && env.MICROSOFT_APP_PASSWORD) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['MICROSOFT_APP_PASSWORD'], message: 'use either a secret or a certificate, not both' });
      }
      if (certificate && !(env.MICROSOFT_APP_CERTIFICATE_THUMBPRINT && env.MICROSOFT_APP_CERTIFICATE_KEY_FILE)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [env.MICROSOFT_APP_CERTIFICATE_THUMBPRINT ? 'MICROSOFT_APP_CERTIFICATE_KEY_FILE' : 'MICROSOFT_APP_CERTIFICATE_THUMBPRINT'], message: 'a certificate needs both MICROSOFT_APP_CERTIFICATE_THUMBPRINT and MICROSOFT_APP_CERTIFICATE_KEY_FILE' });
      }
      if (certificate && env.MICROSOFT_APP_TYPE === 'UserAssignedMSI') {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['MICROSOFT_APP_CERTIFICATE_THUMBPRINT'], message: 'must be empty for a UserAssignedMSI app: the managed identity has no certificate' });
      }
      if (env.MICROSOFT_APP_TYPE === 'UserAssignedMSI' && env.MICROSOFT_APP_PASSWORD) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['MICROSOFT_APP_PASSWORD'], message: 'must be empty for a UserAssignedMSI app: the managed identity has no secret' });
      }
    }
    if (env.NODE_ENV === 'production') {
      if (env.PUBLIC_BASE_URL && new URL(env.PUBLIC_BASE_URL).protocol !== 'https:') {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['PUBLIC_BASE_URL'], message: 'must be https in production: download links carry a one-time token' });
      }
      if (env.ALLOWED_TENANTS.length === 0) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['ALLOWED_TENANTS'], message: 'required in production: the tenant ids allowed to use the bot' });
      }
    }
  });

export interface Config {
  mode: 'development' | 'test' | 'production';
  port: number;
  host: string;
  /** Empty in development: botbuilder then skips token validation (local playground only). */
  auth: {
    appId?: string;
    appPassword?: string;
    /** Instead of a secret: the certificate's thumbprint and its PEM private key (read at start-up). */
    certificate?: { thumbprint: string; privateKey: string };
    tenantId?: string;
    appType: 'SingleTenant' | 'UserAssignedMSI';
  };
  allowedTenants: string[];
  storage: { connectionString?: string; accountUrl?: string; tablePrefix: string };
  log: { level: string; format: 'json' | 'pretty' };
  maxBodyBytes: number;
  demoData: boolean;
  scheduler: boolean;
  retentionMonths: number;
  /**
   * Origin of the bot as people's browsers reach it (download links). Undefined: the address the
   * server listens on (development), settled once the port is known.
   */
  publicBaseUrl?: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; throws ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`));
  }
  const e = parsed.data;
  const credentialsPresent = Boolean(e.MICROSOFT_APP_ID);
  let certificate: Config['auth']['certificate'];
  if (e.MICROSOFT_APP_CERTIFICATE_THUMBPRINT && e.MICROSOFT_APP_CERTIFICATE_KEY_FILE) {
    let privateKey = '';
    try {
      privateKey = readFileSync(e.MICROSOFT_APP_CERTIFICATE_KEY_FILE, 'utf8');
    } catch {
      throw new ConfigError([`MICROSOFT_APP_CERTIFICATE_KEY_FILE: cannot read ${e.MICROSOFT_APP_CERTIFICATE_KEY_FILE}`]);
    }
    if (!/-----BEGIN (RSA |EC )?PRIVATE KEY-----/.test(privateKey)) {
      throw new ConfigError(['MICROSOFT_APP_CERTIFICATE_KEY_FILE: expected a PEM private key (-----BEGIN PRIVATE KEY-----)']);
    }
    certificate = { thumbprint: e.MICROSOFT_APP_CERTIFICATE_THUMBPRINT, privateKey };
  }
  return {
    mode: e.NODE_ENV,
    port: e.PORT,
    // Without credentials botbuilder accepts unauthenticated requests: only ever on loopback.
    host: credentialsPresent ? (e.HOST ?? '0.0.0.0') : '127.0.0.1',
    auth: {
      appId: e.MICROSOFT_APP_ID,
      appPassword: e.MICROSOFT_APP_PASSWORD,
      ...(certificate ? { certificate } : {}),
      tenantId: e.MICROSOFT_APP_TENANT_ID,
      appType: e.MICROSOFT_APP_TYPE,
    },
    allowedTenants: e.ALLOWED_TENANTS,
    storage: {
      connectionString: e.STORAGE_CONNECTION_STRING,
      accountUrl: e.STORAGE_ACCOUNT_URL,
      tablePrefix: e.TABLE_PREFIX,
    },
    log: { level: e.LOG_LEVEL, format: e.LOG_FORMAT ?? (e.NODE_ENV === 'production' ? 'json' : 'pretty') },
    maxBodyBytes: e.MAX_BODY_BYTES,
    demoData: e.DEMO_DATA,
    scheduler: e.SCHEDULER,
    retentionMonths: e.RETENTION_MONTHS,
    ...(e.PUBLIC_BASE_URL ? { publicBaseUrl: new URL(e.PUBLIC_BASE_URL).origin } : {}),
  };
}
