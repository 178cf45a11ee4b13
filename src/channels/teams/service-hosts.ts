// Which hosts a Teams activity's serviceUrl may name. The bot sends its own connector token to that
// URL and trusts its members API about who the caller is, so in production only Microsoft's
// documented Bot Framework service hosts for Teams are accepted; TEAMS_SERVICE_HOSTS replaces them
// for sovereign clouds. The same policy guards every connector client the Agents SDK creates (it is
// the adapter's outbound URL policy), so a stored conversation reference to another host is never
// used either.
import type { OutboundUrlPolicy } from '@microsoft/agents-hosting';
import { z } from 'zod';

/**
 * The hosts of Microsoft's documented Teams service URLs (the Agents SDK's TeamsServiceEndpoints):
 * the public cloud, whose regions are paths on one host (/emea/, /amer/, /apac/, /teams/ …), GCC,
 * GCC High and DoD.
 */
export const MICROSOFT_SERVICE_HOSTS = [
  'smba.trafficmanager.net',
  'smba.infra.gcc.teams.microsoft.com',
  'smba.infra.gov.teams.microsoft.us',
  'smba.infra.dod.teams.microsoft.us',
] as const;

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
/** A host name, or `*.suffix` for any host under a suffix (not the suffix itself). */
const HOST_PATTERN = new RegExp(`^(?:\\*\\.)?${LABEL}(?:\\.${LABEL})*$`);
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** TEAMS_SERVICE_HOSTS: comma-separated host names or `*.suffix` patterns, lower-cased. */
export const ServiceHostList = z.string().transform((value, ctx) => {
  const hosts = value
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter(Boolean);
  const wrong = hosts.filter((host) => !HOST_PATTERN.test(host));
  if (hosts.length === 0 || wrong.length > 0) {
    ctx.addIssue({
      code: 'custom',
      message: wrong.length > 0 ? `not a host name or *.suffix: ${wrong.join(', ')}` : 'no host given',
    });
    return z.NEVER;
  }
  return hosts;
});

export class ServiceHosts implements OutboundUrlPolicy {
  /** Always on: without a list it still refuses plain http beyond this machine. */
  readonly enabled = true;

  /** `patterns`: host names or `*.suffix`; undefined accepts any host (local try-outs only). */
  constructor(readonly patterns?: readonly string[]) {}

  /** https to an allowed host; plain http only to this machine (the Agents Playground, stand-ins). */
  isAllowed(input: string | URL | null | undefined): boolean {
    if (!input) return false;
    let url: URL;
    try {
      url = input instanceof URL ? input : new URL(input);
    } catch {
      return false;
    }
    const host = url.hostname.toLowerCase().replace(/\.$/, '');
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(host))) return false;
    if (url.username || url.password) return false;
    if (!this.patterns) return true;
    return this.patterns.some((pattern) =>
      pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern,
    );
  }

  /** For log lines: which hosts are accepted. */
  describe(): string {
    return this.patterns ? this.patterns.join(', ') : 'any host';
  }
}
