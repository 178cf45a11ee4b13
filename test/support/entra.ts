// A local stand-in for Microsoft Entra as the Agents SDK uses it: the configured authority publishes
// each tenant's signing keys at /{tenant}/discovery/v2.0/keys. Tokens are signed here with the
// published key (or another one), with whatever claims a test needs; the bot's own outbound token
// comes from a stand-in token provider instead of MSAL.
import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { AuthProvider, Connections } from '@microsoft/agents-hosting';
import { jsonServer } from './json-server.ts';

const b64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

export class EntraStandIn {
  /** The key pair whose public half the authority publishes as kid `key-1`. */
  readonly keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  /** A key pair nobody publishes. */
  readonly otherKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  /** The authority's URL (MICROSOFT_APP_AUTHORITY), once started. */
  authority = '';
  private server: Awaited<ReturnType<typeof jsonServer>> | undefined;

  /** `tenants`: whose key sets are published (the SDK asks `botframework.com` without a tenant id). */
  constructor(private readonly tenants: readonly string[]) {}

  async start(): Promise<this> {
    const jwk = this.keys.publicKey.export({ format: 'jwk' });
    this.server = await jsonServer(async (req) => {
      const tenant = /^\/([^/]+)\/discovery\/v2\.0\/keys$/.exec(req.url ?? '')?.[1];
      if (tenant && this.tenants.includes(tenant))
        return { status: 200, body: { keys: [{ ...jwk, kid: 'key-1', use: 'sig', alg: 'RS256' }] } };
      return { status: 404, body: {} };
    });
    this.authority = this.server.origin;
    return this;
  }

  async stop(): Promise<void> {
    await this.server?.stop();
  }

  /** An RS256 JWT with these claims, signed with the published key unless told otherwise. */
  token(claims: Record<string, unknown>, options: { key?: KeyObject; kid?: string } = {}): string {
    const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: options.kid ?? 'key-1' }));
    const body = b64url(JSON.stringify(claims));
    const signature = createSign('RSA-SHA256')
      .update(`${header}.${body}`)
      .sign(options.key ?? this.keys.privateKey);
    return `${header}.${body}.${b64url(signature)}`;
  }
}

/** Connections whose every token provider hands out `token`, as MSAL would get it from Entra. */
export function standInConnections(appId: string, token: string): Connections {
  const provider = {
    getAccessToken: async () => token,
    getAgenticApplicationToken: async () => token,
    getAgenticInstanceToken: async () => token,
    getAgenticUserToken: async () => token,
    acquireTokenOnBehalfOf: async () => token,
  } as unknown as AuthProvider;
  return {
    getConnection: () => provider,
    getDefaultConnection: () => provider,
    getTokenProvider: () => provider,
    getTokenProviderFromActivity: () => provider,
    getDefaultConnectionConfiguration: () => ({ clientId: appId }),
  } as unknown as Connections;
}
