// Microsoft Teams on the Microsoft 365 Agents SDK (@microsoft/agents-hosting, the successor of the
// archived botbuilder): POST /api/messages on the one HTTP server, every activity's JWT, issuer and
// serviceUrl checked (auth.ts), then the activity handed to the TeamsBot. Without an app id the SDK
// accepts anonymous activities outside production only, for local try-outs (Agents Playground).
import type { ChannelAccount } from '@microsoft/agents-activity';
import type { Connections } from '@microsoft/agents-hosting';
import { CloudAdapter } from '@microsoft/agents-hosting';
import type { Express } from 'express';
import type { Clock } from '../../clock.ts';
import type { TeamsConfig } from '../../config.ts';
import { apology, errorReference } from '../../errors.ts';
import type { ContractDesk } from '../../flows/contracts.ts';
import { languageOf } from '../../flows/language.ts';
import type { Lang } from '../../i18n.ts';
import type { TableStore } from '../../store/tables.ts';
import { type TextKey, t } from '../../texts/index.ts';
import { TtlCache } from '../../util/ttl-cache.ts';
import { activityRefusal } from './activity-body.ts';
import { TeamsAddressStore } from './addresses.ts';
import { authConfiguration, authorizeActivities } from './auth.ts';
import { TeamsBot } from './bot.ts';
import { localeLang, TeamsChannel, TeamsSender } from './channel.ts';
import { TeamsFrontDoor } from './front-door.ts';
import { ServiceHosts } from './service-hosts.ts';

export interface TeamsOptions {
  config: TeamsConfig;
  tables: TableStore;
  clock: Clock;
  log: (line: string) => void;
  /** How the bot gets its tokens for the connector; default the SDK's MSAL connections from config. */
  connections?: Connections;
  sleep?: (ms: number) => Promise<void>;
}

/** One contract's Teams side: where its people are reached and its alert channel, on the one adapter. */
export interface TeamsSide {
  channel: TeamsChannel;
  addresses: TeamsAddressStore;
}

export interface Teams {
  /** The contract's side (made once per contract): its channel is among the contract's core's channels. */
  side(contract: string): TeamsSide;
  /** Mounts POST /api/messages: one endpoint, each activity to the contract it is for (front-door.ts). */
  mount(desk: ContractDesk): (app: Express) => void;
}

export function createTeams(options: TeamsOptions): Teams {
  const { config, log } = options;
  const serviceHosts = new ServiceHosts(config.serviceHosts);
  // The host policy is also the adapter's outbound URL policy: no connector client (and so no
  // token of the bot's) for any other host, whatever path a service URL took to get here.
  const adapter = new CloudAdapter(
    authConfiguration(config),
    undefined,
    undefined,
    { validateServiceUrl: Boolean(config.appId) },
    serviceHosts,
  );
  if (options.connections) adapter.connectionManager = options.connections;
  const sides = new Map<string, TeamsSide>();
  // The person's language once the cores are mounted (an apology before that: the activity's locale).
  let apologyLanguage: ((from: ChannelAccount | undefined, fallback: Lang) => Promise<Lang>) | undefined;
  adapter.onTurnError = async (context, error) => {
    const reference = errorReference();
    log(`[teams ${reference}] ${(error as Error)?.stack ?? String(error)}`);
    const fallback = localeLang(context.activity.locale);
    const lang = apologyLanguage ? await apologyLanguage(context.activity.from, fallback) : fallback;
    await context.sendActivity(apology(lang, reference)).catch(() => {});
  };
  const sender = new TeamsSender({
    adapter,
    appId: config.appId,
    serviceHosts,
    clock: options.clock,
    sleep: options.sleep,
  });
  return {
    side: (contract) => {
      let side = sides.get(contract);
      if (!side) {
        const addresses = new TeamsAddressStore(options.tables, contract);
        side = { addresses, channel: new TeamsChannel(addresses, sender, options.clock) };
        sides.set(contract, side);
      }
      return side;
    },
    mount: (desk) => (app) => {
      // Who Teams says a member is (their e-mail, from the members API), asked once for all contracts.
      const mails = new TtlCache<string[]>(MEMBER_MAIL_TTL_MS);
      const bots = desk.cores.map((core) => {
        const side = sides.get(core.contract);
        if (!side) throw new Error(`no Teams side for contract ${core.contract}`);
        side.channel.useLanguages((person) => languageOf(core, person));
        return new TeamsBot(core, adapter, side.addresses, sender, log, mails);
      });
      const primary = bots[0] as TeamsBot;
      apologyLanguage = (from, fallback) => primary.senderLanguage(from, fallback);
      const door = new TeamsFrontDoor(desk, bots);
      app.post(
        '/api/messages',
        authorizeActivities({ adapter, appId: config.appId, serviceHosts, log }),
        (req, res, next) => {
          // A malformed activity is the caller's 400, not the SDK's 500 (activity-body.ts).
          const refused = activityRefusal(req.body);
          if (refused) return next(refused);
          adapter.process(req, res, (context) => door.onTurn(context)).catch(next);
        },
      );
    },
  };
}

/** How long the e-mail address the members API gave for a Teams member is used. */
const MEMBER_MAIL_TTL_MS = 10 * 60_000;

/** Addresses only this computer can reach. */
const LOOPBACK_HOSTS = new Set(['localhost', '::1', '[::1]']);
const isLoopback = (host: string) => LOOPBACK_HOSTS.has(host.toLowerCase()) || /^127\./.test(host);

/**
 * The start-up line about Teams, in both languages: one quiet line when activities are accepted
 * without a token on a loopback address (a local try-out); loud when the server is reachable from
 * elsewhere. In production without an app id every activity is refused.
 */
export function teamsStartupNotice(config: TeamsConfig, production: boolean, host: string): string {
  const bilingual = (key: TextKey, values: Record<string, string> = {}) =>
    `${t('nl', key, values)} / ${t('en', key, values)}`;
  if (config.appId) {
    const hosts = new ServiceHosts(config.serviceHosts).describe();
    return bilingual('teams.startup.checked', { appId: config.appId, hosts });
  }
  if (production) return bilingual('teams.startup.refusing');
  if (isLoopback(host)) return bilingual('teams.startup.loopback', { host });
  const bar = '!'.repeat(100);
  return [
    bar,
    `!!! ${t('nl', 'teams.startup.exposed', { host })}`,
    `!!! ${t('en', 'teams.startup.exposed', { host })}`,
    bar,
  ].join('\n');
}
