// Who may post an activity to /api/messages, as Bot Framework specifies it. The Agents SDK checks
// the JWT: its signature with a key the authority publishes, audience = the app id, its lifetime,
// and (configured here; off by default in the SDK) its issuer. On top of that the token's
// serviceurl claim must be present and equal to the activity's serviceUrl, on an allowed host
// (service-hosts.ts): the bot sends its own connector token there, trusts its members API about who
// the caller is, and sends scorecards there. A refusal answers a short neutral message in nl/en; what
// was wrong (the SDK's reason, key ids, hosts) goes to one log line, never to the caller.
import type {
  AuthConfiguration,
  CloudAdapter,
  Request as SdkRequest,
  WebResponse,
} from '@microsoft/agents-hosting';
import type { NextFunction, Request, Response } from 'express';
import type { TeamsConfig } from '../../config.ts';
import { langOf } from '../../http/server.ts';
import type { Lang } from '../../i18n.ts';
import type { ServiceHosts } from './service-hosts.ts';

const PUBLIC_AUTHORITY = 'https://login.microsoftonline.com';

/**
 * The issuers an activity's token may carry: Bot Framework's (how Teams signs), and for a
 * single-tenant registration the tenant's Entra issuers (v1 and v2, the latter under the configured
 * authority). The SDK adds Microsoft's own first-party tenants (Bot Service, Teams) for the same
 * cloud, as its .NET sibling does; every other issuer is refused even when validly signed (Entra's
 * keys are shared by all tenants of a cloud).
 */
export function teamsIssuers(config: TeamsConfig): string[] {
  const authority = (config.authority ?? PUBLIC_AUTHORITY).replace(/\/+$/, '');
  const gov = /login\.microsoftonline\.us/i.test(authority);
  const issuers = [gov ? 'https://api.botframework.us' : 'https://api.botframework.com'];
  if (config.tenantId) {
    // An authority with a path names its tenant itself (as the SDK resolves it).
    const tenantAuthority =
      new URL(authority).pathname === '/' ? `${authority}/${config.tenantId}` : authority;
    issuers.push(`https://sts.windows.net/${config.tenantId}/`, `${tenantAuthority}/v2.0`);
  }
  return issuers;
}

export function authConfiguration(config: TeamsConfig): AuthConfiguration {
  if (!config.appId) return {};
  return {
    clientId: config.appId,
    clientSecret: config.password,
    certPemFile: config.certPemFile,
    certKeyFile: config.certKeyFile,
    tenantId: config.tenantId,
    ...(config.authority ? { authority: config.authority } : {}),
    validateIssuer: true,
    issuers: teamsIssuers(config),
  };
}

const REFUSALS = {
  401: {
    nl: 'Geen geldig Bot Framework-token voor deze activiteit.',
    en: 'No valid Bot Framework token for this activity.',
  },
  400: {
    nl: 'Deze activiteit wordt niet aangenomen.',
    en: 'This activity is not accepted.',
  },
} as const satisfies Record<number, Record<Lang, string>>;

interface Refusal {
  status: keyof typeof REFUSALS;
  /** For the log only. */
  detail: string;
}

export interface ActivityAuthOptions {
  adapter: CloudAdapter;
  /** With an app id every activity needs a token; without one the SDK lets anonymous ones through. */
  appId?: string;
  serviceHosts: ServiceHosts;
  log: (line: string) => void;
}

/** The express middleware in front of the adapter: refuses, or passes the activity on. */
export function authorizeActivities(options: ActivityAuthOptions) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const refusal = await refusalOf(options, req);
    if (!refusal) return next();
    options.log(`[teams] /api/messages refused (${refusal.status}): ${forLog(refusal.detail)}`);
    res.status(refusal.status).json({ error: REFUSALS[refusal.status][langOf(req)] });
  };
}

async function refusalOf(options: ActivityAuthOptions, req: Request): Promise<Refusal | undefined> {
  const token = await sdkVerdict(options.adapter, req);
  if (token) return token;
  const body = req.body as { serviceUrl?: unknown } | null | undefined;
  const serviceUrl = typeof body?.serviceUrl === 'string' ? body.serviceUrl : undefined;
  if (options.appId) {
    const claim = (req as { user?: { serviceurl?: unknown } }).user?.serviceurl;
    if (typeof claim !== 'string')
      return { status: 401, detail: `the token has no serviceurl claim${issuerOf(req)}` };
    // Exactly equal, as Bot Framework's own SDKs compare it: another path on the same host is
    // another service.
    if (claim !== serviceUrl)
      return {
        status: 401,
        detail: `the token's serviceurl claim ${claim} is not the activity's serviceUrl ${serviceUrl ?? '(none)'}`,
      };
  }
  if (!serviceUrl) return { status: 400, detail: 'the activity has no serviceUrl' };
  if (!options.serviceHosts.isAllowed(serviceUrl))
    return {
      status: 400,
      detail: `serviceUrl ${serviceUrl} is not on an allowed host (${options.serviceHosts.describe()}; TEAMS_SERVICE_HOSTS)`,
    };
  return undefined;
}

/**
 * The SDK's JWT check, with its answer caught instead of sent: its 401 bodies carry its internals
 * (key ids, the hosts it fetched keys from).
 */
async function sdkVerdict(adapter: CloudAdapter, req: Request): Promise<Refusal | undefined> {
  let passed = false;
  let detail = 'refused';
  const capture: WebResponse = {
    headersSent: false,
    writableEnded: false,
    status: () => capture,
    setHeader: () => capture,
    send: (body?: unknown) => {
      const error = (body as Record<string, unknown> | undefined)?.['jwt-auth-error'];
      detail = typeof error === 'string' ? error : JSON.stringify(body);
      return capture;
    },
    end: () => capture,
  };
  await adapter.authorizeRequest(req as unknown as SdkRequest, capture, () => {
    passed = true;
  });
  return passed ? undefined : { status: 401, detail: `${detail}${issuerOf(req)}` };
}

/** The (unverified) issuer of the request's token, for the log line. */
function issuerOf(req: Request): string {
  const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  const payload = token?.split('.')[1];
  if (!payload) return '';
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { iss?: unknown };
    return typeof claims.iss === 'string' ? `; token issuer ${claims.iss}` : '';
  } catch {
    return '';
  }
}

/** One line, bounded: the detail holds what the caller sent. */
function forLog(text: string): string {
  const line = text.replace(/[\p{Cc}\u2028\u2029]/gu, '?');
  return line.length > 400 ? `${line.slice(0, 400)}…` : line;
}
