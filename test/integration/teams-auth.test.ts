// With an app id configured, /api/messages takes only activities with a valid Bot Framework JWT.
// The keys come from a local stand-in for Microsoft Entra (the configured authority's
// /discovery/v2.0/keys), and the bot's own outbound token from a stand-in token provider.
import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AuthProvider, Connections } from '@microsoft/agents-hosting';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import { type Bot, startBot } from '../../src/main.ts';
import { ConnectorStandIn } from '../support/connector.ts';
import { install, message, post, TENANT, type TeamsUser, teamsUser } from '../support/teams.ts';

const APP_ID = '5f0d8b7e-1c2a-4d3b-9e8f-6a7b8c9d0e1f';
const OUTBOUND_TOKEN = 'stand-in-token-for-the-connector';
const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const otherKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });

let entra: Server;
let authority = '';
let bot: Bot;
let connector: ConnectorStandIn;
let fenna: TeamsUser;
const clock = new ManualClock(Date.parse('2026-11-16T15:00:00+01:00'));

const b64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

function token(claims: Record<string, unknown>, key: KeyObject = keys.privateKey): string {
  const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'key-1' }));
  const body = b64url(JSON.stringify(claims));
  const signature = createSign('RSA-SHA256').update(`${header}.${body}`).sign(key);
  return `${header}.${body}.${b64url(signature)}`;
}

function claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: `${authority}/${TENANT}/v2.0`,
    aud: APP_ID,
    tid: TENANT,
    serviceurl: connector.url,
    nbf: now - 60,
    iat: now - 60,
    exp: now + 3600,
    ...overrides,
  };
}

/** The bot's token for the connector, as MSAL would get it from Entra. */
const provider = {
  getAccessToken: async () => OUTBOUND_TOKEN,
  getAgenticApplicationToken: async () => OUTBOUND_TOKEN,
  getAgenticInstanceToken: async () => OUTBOUND_TOKEN,
  getAgenticUserToken: async () => OUTBOUND_TOKEN,
  acquireTokenOnBehalfOf: async () => OUTBOUND_TOKEN,
} as unknown as AuthProvider;
const connections = {
  getConnection: () => provider,
  getDefaultConnection: () => provider,
  getTokenProvider: () => provider,
  getTokenProviderFromActivity: () => provider,
  getDefaultConnectionConfiguration: () => ({ clientId: APP_ID }),
} as unknown as Connections;

beforeAll(async () => {
  const jwk = keys.publicKey.export({ format: 'jwk' });
  entra = createServer((req, res) => {
    if (req.url === `/${TENANT}/discovery/v2.0/keys`) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [{ ...jwk, kid: 'key-1', use: 'sig', alg: 'RS256' }] }));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => entra.listen(0, '127.0.0.1', resolve));
  authority = `http://127.0.0.1:${(entra.address() as AddressInfo).port}`;
  connector = await new ConnectorStandIn().start();
  fenna = teamsUser(connector, 'Fenna de Vries', 'fenna@facilitatorsbv.nl');
  bot = await startBot({
    config: loadConfig({
      PORT: '0',
      LOCAL_CHANNEL: 'off',
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: 'not-used-the-token-provider-stands-in',
      MICROSOFT_APP_TENANT_ID: TENANT,
      MICROSOFT_APP_AUTHORITY: authority,
    }),
    clock,
    inMemory: true,
    startWorker: false,
    log: () => {},
    teams: { connections },
  });
});
afterAll(async () => {
  await bot?.close();
  await connector?.stop();
  await new Promise<void>((resolve) => entra?.close(() => resolve()));
});

describe('Teams authentication with an app id', () => {
  const bearer = (jwt: string) => ({ authorization: `Bearer ${jwt}` });

  it('answers 401 without a token, with a bad signature, for another audience, or expired; nothing is stored', async () => {
    const activity = install(connector, fenna);
    expect((await post(bot.url, activity)).status).toBe(401);
    expect((await post(bot.url, activity, bearer(token(claims(), otherKeys.privateKey)))).status).toBe(401);
    expect((await post(bot.url, activity, bearer(token(claims({ aud: 'another-bot' }))))).status).toBe(401);
    const past = Math.floor(Date.now() / 1000) - 7200;
    expect((await post(bot.url, activity, bearer(token(claims({ exp: past, nbf: past - 60 }))))).status).toBe(
      401,
    );
    expect((await post(bot.url, activity, { authorization: 'Basic Zm9vOmJhcg==' })).status).toBe(401);
    expect(await bot.teams.addresses.get('fenna')).toBeUndefined();
    expect(connector.requests).toEqual([]);
  });

  it('refuses a valid token issued for another service URL', async () => {
    const response = await post(
      bot.url,
      install(connector, fenna),
      bearer(token(claims({ serviceurl: 'https://smba.trafficmanager.net/emea/' }))),
    );
    expect(response.status).toBe(400);
    expect(await bot.teams.addresses.get('fenna')).toBeUndefined();
  });

  it('takes an activity with a valid token, and calls the connector with its own token', async () => {
    const response = await post(bot.url, install(connector, fenna), bearer(token(claims())));
    expect(response.status).toBe(200);
    expect((await bot.teams.addresses.get('fenna'))?.reachable).toBe(true);
    const greeting = connector.sentTo(fenna.personal).at(-1);
    expect(greeting?.authorization).toBe(`Bearer ${OUTBOUND_TOKEN}`);

    await post(bot.url, message(connector, fenna, 'help'), bearer(token(claims())));
    expect(JSON.stringify(connector.sentTo(fenna.personal).at(-1)?.card)).toContain(
      'Dit kan ik voor je doen',
    );
  });
});
