// Environment → settings, read once and validated; a wrong setting fails at start with a hint.
import { resolve } from 'node:path';
import { z } from 'zod';
import { MICROSOFT_SERVICE_HOSTS, ServiceHostList } from './channels/teams/service-hosts.ts';
import { formatPath } from './domain/validate.ts';

const Settings = z.object({
  STORAGE_CONNECTION_STRING: z.string().min(1).optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().min(1).default('127.0.0.1'),
  BOT_HOST: z
    .string()
    .regex(
      /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i,
      'expected a host name such as prestatiemonitor.example.nl (no https://, no port, no path)',
    )
    .optional(),
  CONTRACT_ID: z.string().min(1).optional(),
  FRAMEWORKS_DIR: z.string().min(1).optional(),
  API_KEY: z.string().min(16, 'use at least 16 characters').optional(),
  NODE_ENV: z.string().optional(),
  LOCAL_CHANNEL: z.enum(['on', 'off']).optional(),
  MICROSOFT_APP_ID: z.string().min(1).optional(),
  MICROSOFT_APP_PASSWORD: z.string().min(1).optional(),
  MICROSOFT_APP_CERT_PEM_FILE: z.string().min(1).optional(),
  MICROSOFT_APP_CERT_KEY_FILE: z.string().min(1).optional(),
  MICROSOFT_APP_TENANT_ID: z.string().min(1).optional(),
  TEAMS_SERVICE_HOSTS: ServiceHostList.optional(),
  SLACK_SIGNING_SECRET: z.string().min(8).optional(),
  SLACK_BOT_TOKEN: z
    .string()
    .regex(/^xoxb-/, 'a bot token starts with xoxb-')
    .optional(),
  SLACK_APP_TOKEN: z
    .string()
    .regex(/^xapp-/, 'an app-level token starts with xapp-')
    .optional(),
  SLACK_API_URL: z.url({ protocol: /^https?$/ }).default('https://slack.com/api/'),
  // https; plain http only to this machine (a stand-in for Entra in tests).
  MICROSOFT_APP_AUTHORITY: z
    .url({ protocol: /^https?$/ })
    .refine((url) => url.startsWith('https://') || /^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url), {
      message: 'use https',
    })
    .optional(),
});

export interface Config {
  storageConnectionString?: string;
  dataDir: string;
  port: number;
  host: string;
  /** BOT_HOST: the public host name; with the loopback names, the only Host the server answers to. */
  botHost?: string;
  contractId?: string;
  /** FRAMEWORKS_DIR: a folder of the deployment's own KPI frameworks. */
  frameworksDir?: string;
  apiKey?: string;
  /** NODE_ENV=production: no anonymous Teams activities, no local channel unless asked for. */
  production: boolean;
  /** The local web channel (trusts whoever picks a person: loopback demos only). */
  localChannel: boolean;
  teams: TeamsConfig;
  /** Slack, when a bot token is set: over HTTP (/slack/events), or Socket Mode with an app token. */
  slack?: SlackConfig;
}

export interface SlackConfig {
  botToken: string;
  signingSecret?: string;
  appToken?: string;
  /** Slack's Web API, or an enterprise proxy (or a test's stand-in) in its place. */
  apiUrl: string;
}

/** The bot's Microsoft Entra app registration; without an app id, Teams runs anonymous (not in production). */
export interface TeamsConfig {
  appId?: string;
  password?: string;
  certPemFile?: string;
  certKeyFile?: string;
  tenantId?: string;
  /** Entra authority (sovereign clouds); default https://login.microsoftonline.com. */
  authority?: string;
  /**
   * Hosts an activity's serviceUrl may name (host names, `*.suffix`): TEAMS_SERVICE_HOSTS, else in
   * production Microsoft's documented Teams service hosts; unset outside production: any host.
   */
  serviceHosts?: string[];
}

const HINTS: Record<string, string> = {
  STORAGE_CONNECTION_STRING:
    'an Azure Storage or Cosmos DB for Table connection string; leave unset for the embedded Azurite',
  PORT: 'a TCP port number, e.g. 3978',
  API_KEY: 'a random secret of at least 16 characters for POST /api/sessions',
  LOCAL_CHANNEL: '"on" or "off"',
  MICROSOFT_APP_AUTHORITY: 'an https URL such as https://login.microsoftonline.com',
  TEAMS_SERVICE_HOSTS: 'comma-separated host names or *.suffix patterns, e.g. smba.trafficmanager.net',
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Settings.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = formatPath(issue.path);
      return `${name}: ${issue.message}${HINTS[name] ? ` (expected ${HINTS[name]})` : ''}`;
    });
    throw new ConfigError(`Invalid settings (see .env.example):\n${lines.join('\n')}`);
  }
  const s = parsed.data;
  const production = s.NODE_ENV === 'production';
  const teams: TeamsConfig = {
    appId: s.MICROSOFT_APP_ID,
    password: s.MICROSOFT_APP_PASSWORD,
    certPemFile: s.MICROSOFT_APP_CERT_PEM_FILE,
    certKeyFile: s.MICROSOFT_APP_CERT_KEY_FILE,
    tenantId: s.MICROSOFT_APP_TENANT_ID,
    authority: s.MICROSOFT_APP_AUTHORITY,
    serviceHosts: s.TEAMS_SERVICE_HOSTS ?? (production ? [...MICROSOFT_SERVICE_HOSTS] : undefined),
  };
  const problems: string[] = [];
  if (teams.appId && !teams.password && !(teams.certPemFile && teams.certKeyFile))
    problems.push(
      'MICROSOFT_APP_ID: set MICROSOFT_APP_PASSWORD, or MICROSOFT_APP_CERT_PEM_FILE and MICROSOFT_APP_CERT_KEY_FILE',
    );
  if (!teams.appId && (teams.password || teams.certPemFile || teams.tenantId))
    problems.push('MICROSOFT_APP_ID: missing, while other MICROSOFT_APP_* settings are set');
  if (s.SLACK_BOT_TOKEN && !s.SLACK_SIGNING_SECRET && !s.SLACK_APP_TOKEN)
    problems.push('SLACK_BOT_TOKEN: set SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode)');
  if (!s.SLACK_BOT_TOKEN && (s.SLACK_SIGNING_SECRET || s.SLACK_APP_TOKEN))
    problems.push('SLACK_BOT_TOKEN: missing, while other SLACK_* settings are set');
  if (problems.length > 0)
    throw new ConfigError(`Invalid settings (see .env.example):\n${problems.join('\n')}`);
  return {
    production,
    localChannel: s.LOCAL_CHANNEL ? s.LOCAL_CHANNEL === 'on' : !production,
    teams,
    ...(s.SLACK_BOT_TOKEN
      ? {
          slack: {
            botToken: s.SLACK_BOT_TOKEN,
            signingSecret: s.SLACK_SIGNING_SECRET,
            appToken: s.SLACK_APP_TOKEN,
            apiUrl: s.SLACK_API_URL.endsWith('/') ? s.SLACK_API_URL : `${s.SLACK_API_URL}/`,
          },
        }
      : {}),
    storageConnectionString: s.STORAGE_CONNECTION_STRING,
    dataDir: resolve(s.DATA_DIR),
    port: s.PORT,
    host: s.HOST,
    botHost: s.BOT_HOST?.toLowerCase(),
    contractId: s.CONTRACT_ID,
    frameworksDir: s.FRAMEWORKS_DIR,
    apiKey: s.API_KEY,
  };
}
