/**
 * The one place that reads the process environment. Everything else receives a parsed `Config`.
 * A bad value stops the start with a message naming the variable (see `ConfigError`).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const booleanFlag = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  MOSAIC_DATA_DIR: z.string().min(1).default('./data'),
  MOSAIC_FILES_DIR: z.string().min(1).optional(),
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().min(3).default('Mosaic <no-reply@mosaic.localhost>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MOSAIC_DEMO: z.enum(['auto', 'always', 'never']).default('auto'),
  TRUST_PROXY: booleanFlag.default(false),
  AUTH_SIGNIN_LIMIT: z.coerce.number().int().min(1).default(5),
  AUTH_SIGNIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
  JOBS_POLL_MS: z.coerce.number().int().min(50).default(1000),
  JOBS_ENABLED: booleanFlag.default(true),
  PAGE_CACHE_SECONDS: z.coerce.number().min(0).max(60).optional(),
  PAGE_CACHE_STALE_SECONDS: z.coerce.number().min(0).max(600).default(10),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  publicUrl: string;
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };
  dataDir: string;
  filesDir: string;
  authSecret: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: Env['LOG_LEVEL'];
  demo: Env['MOSAIC_DEMO'];
  trustProxy: boolean;
  signInLimit: { max: number; windowSeconds: number };
  jobs: { enabled: boolean; pollMs: number };
  /** How long anonymous public pages are reused (0: never); 2 s in production by default. */
  pageCacheSeconds: number;
  /** How long after that a page may still be served while one request renders its new version. */
  pageCacheStaleSeconds: number;
  version: string;
}

export class ConfigError extends Error {
  readonly issues: { variable: string; message: string }[];

  constructor(issues: { variable: string; message: string }[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  ${i.variable}: ${i.message}`).join('\n')}\nSee .env.example for every variable.`);
    this.name = 'ConfigError';
    this.issues = issues;
  }
}

function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(path.resolve('package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/**
 * Development convenience: without AUTH_SECRET, a random secret is kept in the data directory so
 * sessions survive restarts. Production requires the variable (several processes must share it).
 */
function localSecret(dataDir: string): string {
  const file = path.join(dataDir, 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function parseConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const raw = Object.fromEntries(Object.keys(envSchema.shape).map((k) => [k, source[k] === '' ? undefined : source[k]]));
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => ({ variable: String(i.path[0] ?? '?'), message: i.message })));
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && !e.AUTH_SECRET) {
    throw new ConfigError([{ variable: 'AUTH_SECRET', message: 'is required when NODE_ENV=production' }]);
  }
  const dataDir = path.resolve(e.MOSAIC_DATA_DIR);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    database: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'pglite', dataDir },
    dataDir,
    filesDir: path.resolve(e.MOSAIC_FILES_DIR ?? path.join(dataDir, 'files')),
    authSecret: e.AUTH_SECRET ?? localSecret(dataDir),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    demo: e.MOSAIC_DEMO,
    trustProxy: e.TRUST_PROXY,
    signInLimit: { max: e.AUTH_SIGNIN_LIMIT, windowSeconds: e.AUTH_SIGNIN_WINDOW_SECONDS },
    jobs: { enabled: e.JOBS_ENABLED, pollMs: e.JOBS_POLL_MS },
    pageCacheSeconds: e.PAGE_CACHE_SECONDS ?? (e.NODE_ENV === 'production' ? 2 : 0),
    pageCacheStaleSeconds: e.PAGE_CACHE_STALE_SECONDS,
    version: readVersion(),
  };
}

let current: Config | undefined;

/** The process-wide configuration, parsed on first use. */
export function getConfig(): Config {
  current ??= parseConfig();
  return current;
}

/** Tests and the CLI set an explicit configuration. */
export function setConfig(config: Config): void {
  current = config;
}
