// Real Bot Framework activities as Teams sends them, for posting to the bot's /api/messages.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import { type Bot, startBot } from '../../src/main.ts';
import { ConnectorStandIn, type Member } from './connector.ts';

export const TENANT = '0c3a2a6e-2f0b-4a5e-9d3c-7a1f4e2b9c10';
export const BOT = { id: '28:prestatiemonitor-bot', name: 'Prestatiemonitor' };

export interface TeamsUser extends Member {
  /** The person's 1:1 conversation with the bot. */
  personal: string;
}

/** A Teams user, registered with the connector stand-in's members API. */
export function teamsUser(connector: ConnectorStandIn, name: string, email: string): TeamsUser {
  const slug = email.split('@')[0] as string;
  const user: TeamsUser = {
    id: `29:${slug}`,
    name,
    aadObjectId: randomUUID(),
    email,
    userPrincipalName: email,
    personal: `a:personal-${slug}`,
  };
  connector.members.set(user.id, user);
  return user;
}

export function activity(
  connector: ConnectorStandIn,
  user: TeamsUser,
  fields: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    type: 'message',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: connector.url,
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    recipient: BOT,
    conversation: { id: user.personal, conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    locale: 'nl-NL',
    ...fields,
  };
}

/** The install of the app for a person: Teams sends a conversationUpdate with both members added. */
export function install(connector: ConnectorStandIn, user: TeamsUser): Record<string, unknown> {
  return activity(connector, user, {
    type: 'conversationUpdate',
    membersAdded: [{ id: user.id, aadObjectId: user.aadObjectId }, BOT],
  });
}

export function message(connector: ConnectorStandIn, user: TeamsUser, text: string, fields = {}) {
  return activity(connector, user, { type: 'message', text, ...fields });
}

/** A click on an Action.Execute button: the card's data merged with the inputs. */
export function execute(
  connector: ConnectorStandIn,
  user: TeamsUser,
  verb: string,
  data: Record<string, unknown>,
  replyToId = 'activity-1',
) {
  return activity(connector, user, {
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId,
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  });
}

/** A message in a team's channel that mentions the bot. */
export function channelMessage(connector: ConnectorStandIn, user: TeamsUser, channel: string, text: string) {
  return activity(connector, user, {
    type: 'message',
    text: `<at>${BOT.name}</at> ${text}`,
    entities: [{ type: 'mention', mentioned: BOT, text: `<at>${BOT.name}</at>` }],
    conversation: {
      id: `${channel};messageid=1700000000000`,
      conversationType: 'channel',
      isGroup: true,
      tenantId: TENANT,
    },
    channelData: { tenant: { id: TENANT }, channel: { id: channel }, team: { id: `${channel}-team` } },
  });
}

export async function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(new URL('api/messages', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: parsed };
}

export interface TeamsHarness {
  bot: Bot;
  connector: ConnectorStandIn;
  clock: ManualClock;
}

/**
 * The bot on the demo contract with Teams only, its connector a local stand-in, at `now` on a manual
 * clock: waits (limits, Retry-After) go to `onWait` and move the clock; nothing sleeps.
 */
export async function startTeamsBot(now: number, onWait?: (ms: number) => void): Promise<TeamsHarness> {
  const connector = await new ConnectorStandIn().start();
  const clock = new ManualClock(now);
  const bot = await startBot({
    config: loadConfig({ PORT: '0', LOCAL_CHANNEL: 'off' }),
    clock,
    inMemory: true,
    startWorker: false,
    log: () => {},
    teams: {
      sleep: async (ms) => {
        onWait?.(ms);
        clock.advance(ms);
      },
    },
  });
  return { bot, connector, clock };
}

/** An installationUpdate: the app added (or re-added) for a person in their personal chat. */
export function installationUpdate(connector: ConnectorStandIn, user: TeamsUser, action = 'add') {
  const { membersAdded: _none, ...rest } = activity(connector, user, { type: 'installationUpdate', action });
  return { ...rest, locale: 'en-US' };
}

/** The bot added to a team: a conversationUpdate in the team's general channel. */
export function teamInstall(connector: ConnectorStandIn, user: TeamsUser, channel: string) {
  return activity(connector, user, {
    type: 'conversationUpdate',
    membersAdded: [BOT],
    conversation: { id: channel, conversationType: 'channel', isGroup: true, tenantId: TENANT },
    channelData: { tenant: { id: TENANT }, channel: { id: channel }, team: { id: channel } },
  });
}

/** Every element of a card (body, columns, actions, fallbacks), depth first. */
export function elements(node: unknown): Record<string, unknown>[] {
  if (Array.isArray(node)) return node.flatMap(elements);
  if (!node || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  return [record, ...Object.values(record).flatMap(elements)];
}

export const actions = (card: unknown) => elements(card).filter((e) => String(e.type).startsWith('Action.'));

/** The card an Action.Execute invoke answered with. */
export function invokeCard(response: { status: number; body: unknown }) {
  expect(response.status).toBe(200);
  const body = response.body as { statusCode: number; type: string; value: Record<string, unknown> };
  expect(body.statusCode).toBe(200);
  expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
  return body.value;
}
