// With an app id configured, /api/messages takes only activities with a valid Bot Framework JWT:
// signed with a key the authority publishes (a local stand-in for Microsoft Entra), for the bot's
// app id, from an accepted issuer, with a serviceurl claim naming the activity's serviceUrl on an
// allowed host. Whatever is refused reaches nothing: neither the connector stand-in the activity
// names nor the "attacker's" one records a request.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UnreachableError } from '../../src/channels/delivery.ts';
import { ManualClock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import { type Bot, startBot } from '../../src/main.ts';
import { ConnectorStandIn } from '../support/connector.ts';
import { EntraStandIn, standInConnections } from '../support/entra.ts';
import { install, message, post, TENANT, type TeamsUser, teamsUser } from '../support/teams.ts';

const APP_ID = '5f0d8b7e-1c2a-4d3b-9e8f-6a7b8c9d0e1f';
const OTHER_TENANT = '7e2d4c1a-9b3f-4e6d-8a5c-2f1e0d9c8b7a';
const OUTBOUND_TOKEN = 'stand-in-token-for-the-connector';
const REFUSED_NL = 'Geen geldig Bot Framework-token voor deze activiteit.';
const REFUSED_EN = 'No valid Bot Framework token for this activity.';
const NOT_ACCEPTED_NL = 'Deze activiteit wordt niet aangenomen.';

const entra = new EntraStandIn([TENANT, 'botframework.com']);
let connector: ConnectorStandIn;
/** A connector on a host the bot must not talk to (TEAMS_SERVICE_HOSTS allows 127.0.0.1 only). */
let attacker: ConnectorStandIn;
/** Single-tenant registration (MICROSOFT_APP_TENANT_ID), service hosts limited to 127.0.0.1. */
let bot: Bot;
/** The same app id without a tenant id: only Bot Framework's issuer. */
let multiTenant: Bot;
let fenna: TeamsUser;
let bram: TeamsUser;
const lines: string[] = [];
const clock = new ManualClock(Date.parse('2026-11-16T15:00:00+01:00'));

// The SDK checks the token's lifetime against the real clock: times relative to it, never a date.
function claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: `${entra.authority}/${TENANT}/v2.0`,
    aud: APP_ID,
    tid: TENANT,
    serviceurl: connector.url,
    nbf: now - 60,
    iat: now - 60,
    exp: now + 3600,
    ...overrides,
  };
}
const bearer = (jwt: string) => ({ authorization: `Bearer ${jwt}` });
const signed = (overrides: Record<string, unknown> = {}) => bearer(entra.token(claims(overrides)));

function start(env: Record<string, string>): Promise<Bot> {
  return startBot({
    config: loadConfig({
      PORT: '0',
      LOCAL_CHANNEL: 'off',
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: 'not-used-the-token-provider-stands-in',
      MICROSOFT_APP_AUTHORITY: entra.authority,
      ...env,
    }),
    clock,
    inMemory: true,
    startWorker: false,
    log: (line) => lines.push(line),
    teams: { connections: standInConnections(APP_ID, OUTBOUND_TOKEN) },
  });
}

beforeAll(async () => {
  await entra.start();
  connector = await new ConnectorStandIn().start();
  attacker = await new ConnectorStandIn().start();
  attacker.url = attacker.url.replace('127.0.0.1', 'localhost');
  fenna = teamsUser(connector, 'Fenna de Vries', 'fenna@facilitatorsbv.nl');
  bram = teamsUser(connector, 'Bram Smit', 'bram@procesco.nl');
  [bot, multiTenant] = await Promise.all([
    start({ MICROSOFT_APP_TENANT_ID: TENANT, TEAMS_SERVICE_HOSTS: '127.0.0.1' }),
    start({}),
  ]);
});
afterAll(async () => {
  await bot?.close();
  await multiTenant?.close();
  await connector?.stop();
  await attacker?.stop();
  await entra.stop();
});
beforeEach(() => {
  connector.clear();
  attacker.clear();
  lines.length = 0;
});

/** Nothing reached any connector, and the person's address was not learnt. */
async function nothingSent(): Promise<void> {
  expect(connector.requests).toEqual([]);
  expect(attacker.requests).toEqual([]);
  expect(await bot.teams.addresses.get('fenna')).toBeUndefined();
}

describe('Teams authentication with an app id', () => {
  it('answers 401 with a neutral message without a token, with a bad signature, for another audience, or expired', async () => {
    const activity = install(connector, fenna);
    const past = Math.floor(Date.now() / 1000) - 7200;
    const refusals = [
      {},
      bearer(entra.token(claims(), { key: entra.otherKeys.privateKey })),
      signed({ aud: 'another-bot' }),
      signed({ exp: past, nbf: past - 60 }),
      { authorization: 'Basic Zm9vOmJhcg==' },
    ];
    for (const headers of refusals) {
      const response = await post(bot.url, activity, headers);
      expect(response).toEqual({ status: 401, body: { error: REFUSED_NL } });
    }
    const english = await post(bot.url, activity, { 'accept-language': 'en-GB' });
    expect(english).toEqual({ status: 401, body: { error: REFUSED_EN } });
    await nothingSent();
  });

  it('names no internals in a 401 (host names, key ids); the detail goes to one log line', async () => {
    const unknownKey = bearer(entra.token(claims(), { kid: 'key-that-nobody-published' }));
    const response = await post(bot.url, install(connector, fenna), unknownKey);
    expect(response).toEqual({ status: 401, body: { error: REFUSED_NL } });
    const logged = lines.filter((line) => line.includes('/api/messages'));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('key-that-nobody-published');
    expect(logged[0]).not.toMatch(/\n/);
    await nothingSent();
  });

  it('refuses a validly signed token from a foreign issuer; nothing is sent anywhere', async () => {
    const foreign = [
      { iss: `${entra.authority}/${OTHER_TENANT}/v2.0`, tid: OTHER_TENANT },
      { iss: `https://sts.windows.net/${OTHER_TENANT}/`, tid: OTHER_TENANT },
      { iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0`, tid: OTHER_TENANT },
      { iss: 'https://issuer.example.org/' },
      { iss: 'https://api.botframework.com.example.org' },
    ];
    for (const issuer of foreign) {
      const response = await post(bot.url, install(connector, fenna), signed(issuer));
      expect(response).toEqual({ status: 401, body: { error: REFUSED_NL } });
    }
    expect(lines.filter((line) => line.includes('Issuer mismatch'))).toHaveLength(foreign.length);
    await nothingSent();
  });

  it('refuses a token without a serviceurl claim; nothing is sent anywhere', async () => {
    const response = await post(bot.url, install(connector, fenna), signed({ serviceurl: undefined }));
    expect(response).toEqual({ status: 401, body: { error: REFUSED_NL } });
    expect(lines.some((line) => line.includes('no serviceurl claim'))).toBe(true);
    await nothingSent();
  });

  it("refuses a token whose serviceurl claim is not the activity's serviceUrl; nothing is sent anywhere", async () => {
    // The caller names another host in the activity than the token was issued for…
    const elsewhere = install(connector, fenna);
    elsewhere.serviceUrl = attacker.url;
    expect(await post(bot.url, elsewhere, signed())).toEqual({ status: 401, body: { error: REFUSED_NL } });
    // …or another service on the same host.
    const otherPath = signed({ serviceurl: `${connector.url}elsewhere/` });
    expect(await post(bot.url, install(connector, fenna), otherPath)).toEqual({
      status: 401,
      body: { error: REFUSED_NL },
    });
    await nothingSent();
  });

  it('refuses a serviceUrl outside TEAMS_SERVICE_HOSTS even with a matching claim', async () => {
    const activity = install(connector, fenna);
    activity.serviceUrl = attacker.url;
    const response = await post(bot.url, activity, signed({ serviceurl: attacker.url }));
    expect(response).toEqual({ status: 400, body: { error: NOT_ACCEPTED_NL } });
    expect(lines.some((line) => line.includes('not on an allowed host'))).toBe(true);
    await nothingSent();
  });

  it('does not use a stored conversation reference whose host is not allowed', async () => {
    await bot.teams.addresses.save(
      {
        person: 'joris',
        reference: {
          channelId: 'msteams',
          serviceUrl: attacker.url,
          conversation: { id: 'a:personal-joris', conversationType: 'personal', tenantId: TENANT },
          user: { id: '29:joris' },
          agent: { id: '28:prestatiemonitor-bot' },
        },
        userId: '29:joris',
        lang: 'nl',
        reachable: true,
        updatedAt: clock.now(),
      },
      ['29:joris'],
    );
    const notice = { kind: 'notice' as const, text: { nl: 'Hallo', en: 'Hello' } };
    const sent = bot.teams.channel.send({ person: 'joris' }, notice, { idempotencyKey: 'stored-ref' });
    await expect(sent).rejects.toBeInstanceOf(UnreachableError);
    expect(attacker.requests).toEqual([]);
    expect(connector.requests).toEqual([]);
  });

  it("accepts the tenant's Entra issuers for a single-tenant registration, and only then", async () => {
    const v1 = { iss: `https://sts.windows.net/${TENANT}/` };
    const v2 = { iss: `${entra.authority}/${TENANT}/v2.0` };
    expect((await post(multiTenant.url, install(connector, bram), signed(v1))).status).toBe(401);
    expect((await post(multiTenant.url, install(connector, bram), signed(v2))).status).toBe(401);
    expect(connector.requests).toEqual([]);

    expect((await post(bot.url, install(connector, bram), signed(v1))).status).toBe(200);
    expect((await bot.teams.addresses.get('bram'))?.reachable).toBe(true);
    expect((await post(bot.url, message(connector, bram, 'help'), signed(v2))).status).toBe(200);
    expect(JSON.stringify(connector.sentTo(bram.personal).at(-1)?.card)).toContain('Dit kan ik voor je doen');
  });

  it('takes an activity with a valid token, and calls the connector with its own token', async () => {
    const response = await post(bot.url, install(connector, fenna), signed());
    expect(response.status).toBe(200);
    expect((await bot.teams.addresses.get('fenna'))?.reachable).toBe(true);
    const greeting = connector.sentTo(fenna.personal).at(-1);
    expect(greeting?.authorization).toBe(`Bearer ${OUTBOUND_TOKEN}`);

    await post(bot.url, message(connector, fenna, 'help'), signed());
    expect(JSON.stringify(connector.sentTo(fenna.personal).at(-1)?.card)).toContain(
      'Dit kan ik voor je doen',
    );
  });
});
