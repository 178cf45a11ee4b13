// The hosts a Teams activity's serviceUrl may name (the bot sends its connector token there), how
// TEAMS_SERVICE_HOSTS and production choose them, and the issuers a token may carry.
import { TeamsServiceEndpoints } from '@microsoft/agents-hosting';
import { describe, expect, it } from 'vitest';
import { authConfiguration, teamsIssuers } from '../../src/channels/teams/auth.ts';
import { MICROSOFT_SERVICE_HOSTS, ServiceHosts } from '../../src/channels/teams/service-hosts.ts';
import { ConfigError, loadConfig } from '../../src/config.ts';

const TENANT = '0c3a2a6e-2f0b-4a5e-9d3c-7a1f4e2b9c10';

describe('the Teams service host allow-list', () => {
  it("holds the hosts of Microsoft's documented Teams service URLs, as the Agents SDK lists them", () => {
    const documented = Object.values(TeamsServiceEndpoints).map((url) => new URL(url).hostname);
    expect([...MICROSOFT_SERVICE_HOSTS].sort()).toEqual([...new Set(documented)].sort());
  });

  it("accepts Microsoft's hosts over https, with any region path, and nothing that only looks like them", () => {
    const hosts = new ServiceHosts(MICROSOFT_SERVICE_HOSTS);
    for (const url of [
      'https://smba.trafficmanager.net/emea/',
      'https://smba.trafficmanager.net/amer/',
      'https://SMBA.trafficmanager.net/teams/',
      'https://smba.infra.gcc.teams.microsoft.com/teams',
      'https://smba.infra.gov.teams.microsoft.us/teams',
      'https://smba.infra.dod.teams.microsoft.us/teams',
    ])
      expect(hosts.isAllowed(url), url).toBe(true);
    for (const url of [
      'http://smba.trafficmanager.net/emea/',
      'https://smba.trafficmanager.net.example.org/emea/',
      'https://evil.smba.trafficmanager.net/emea/',
      'https://example.org/smba.trafficmanager.net/',
      'https://smba.trafficmanager.net@example.org/',
      'https://user:secret@smba.trafficmanager.net/emea/',
      'https://127.0.0.1/',
      'wss://smba.trafficmanager.net/',
      'not a url',
      '',
      undefined,
    ])
      expect(hosts.isAllowed(url), String(url)).toBe(false);
  });

  it('reads *.suffix as any host under the suffix, not the suffix itself', () => {
    const hosts = new ServiceHosts(['*.bot.example.gov', 'connector.example.eu']);
    expect(hosts.isAllowed('https://a.bot.example.gov/')).toBe(true);
    expect(hosts.isAllowed('https://b.a.bot.example.gov/x/')).toBe(true);
    expect(hosts.isAllowed('https://connector.example.eu/')).toBe(true);
    expect(hosts.isAllowed('https://bot.example.gov/')).toBe(false);
    expect(hosts.isAllowed('https://evilbot.example.gov/')).toBe(false);
    expect(hosts.isAllowed('https://x.connector.example.eu/')).toBe(false);
  });

  it('without a list accepts any https host, and plain http only to this machine', () => {
    const hosts = new ServiceHosts();
    expect(hosts.isAllowed('https://anything.example.org/')).toBe(true);
    expect(hosts.isAllowed('http://127.0.0.1:56150/_connector')).toBe(true);
    expect(hosts.isAllowed('http://localhost:56150/')).toBe(true);
    expect(hosts.isAllowed('http://[::1]:56150/')).toBe(true);
    expect(hosts.isAllowed('http://connector.example.org/')).toBe(false);
    expect(hosts.isAllowed('file:///etc/passwd')).toBe(false);
  });
});

describe('TEAMS_SERVICE_HOSTS', () => {
  it("defaults to Microsoft's hosts in production, and to any host outside it", () => {
    expect(loadConfig({ NODE_ENV: 'production' }).teams.serviceHosts).toEqual([...MICROSOFT_SERVICE_HOSTS]);
    expect(loadConfig({}).teams.serviceHosts).toBeUndefined();
  });

  it('replaces the default with its comma-separated hosts, lower-cased', () => {
    const env = { NODE_ENV: 'production', TEAMS_SERVICE_HOSTS: ' Connector.Example.EU , *.bot.example.gov,' };
    expect(loadConfig(env).teams.serviceHosts).toEqual(['connector.example.eu', '*.bot.example.gov']);
    expect(loadConfig({ TEAMS_SERVICE_HOSTS: '127.0.0.1' }).teams.serviceHosts).toEqual(['127.0.0.1']);
  });

  it('refuses URLs, ports, bare wildcards and an empty list at start, with a hint', () => {
    for (const value of ['https://smba.trafficmanager.net/', 'smba.trafficmanager.net:443', '*', ' , ']) {
      expect(() => loadConfig({ TEAMS_SERVICE_HOSTS: value }), value).toThrow(ConfigError);
    }
    expect(() => loadConfig({ TEAMS_SERVICE_HOSTS: 'a.example, https://b.example/' })).toThrow(
      /TEAMS_SERVICE_HOSTS: not a host name or \*\.suffix: https:\/\/b\.example\/ \(expected comma-separated/,
    );
  });
});

describe('the issuers a Teams token may carry', () => {
  it("are Bot Framework's, and for a single-tenant registration the tenant's Entra issuers", () => {
    expect(teamsIssuers({ appId: 'app' })).toEqual(['https://api.botframework.com']);
    expect(teamsIssuers({ appId: 'app', tenantId: TENANT })).toEqual([
      'https://api.botframework.com',
      `https://sts.windows.net/${TENANT}/`,
      `https://login.microsoftonline.com/${TENANT}/v2.0`,
    ]);
  });

  it('follow the configured authority (sovereign clouds)', () => {
    expect(teamsIssuers({ tenantId: TENANT, authority: 'https://login.microsoftonline.us/' })).toEqual([
      'https://api.botframework.us',
      `https://sts.windows.net/${TENANT}/`,
      `https://login.microsoftonline.us/${TENANT}/v2.0`,
    ]);
    expect(
      teamsIssuers({ tenantId: TENANT, authority: `https://login.microsoftonline.com/${TENANT}` })[2],
    ).toBe(`https://login.microsoftonline.com/${TENANT}/v2.0`);
  });

  it("are checked: the SDK's issuer validation is on", () => {
    const auth = authConfiguration({ appId: 'app', password: 'secret', tenantId: TENANT });
    expect(auth.validateIssuer).toBe(true);
    expect(auth.issuers).toEqual(teamsIssuers({ tenantId: TENANT }));
  });
});
