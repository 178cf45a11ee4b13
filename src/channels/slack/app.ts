// Slack's side of the bot on Bolt: our receiver on the one server at /slack/events (every
// request's v0 signature checked, 401 otherwise; see receiver.ts), or Socket Mode with an app token. Commands
// (/scorecard, /prestatiemonitor help | alerts-hier), the "Invullen"/"Wijzigen" button that opens
// the questionnaire modal, and its view_submission, answered by the core; DMs to the bot take the
// same commands. A duplicate event (same event_id, X-Slack-Retry-Num) changes nothing.
import { App, LogLevel, SocketModeReceiver } from '@slack/bolt';
import type { Express } from 'express';
import type { SlackConfig } from '../../config.ts';
import type { Person } from '../../domain/records.ts';
import { apology, errorReference, UserError } from '../../errors.ts';
import { handleCommand, isAlertsHere, maySetAlertChannel } from '../../flows/commands.ts';
import type { Core } from '../../flows/core.ts';
import { editAnswers, submitAnswers } from '../../flows/evaluations.ts';
import { scorecardMessages } from '../../flows/scorecard.ts';
import type { Lang } from '../../i18n.ts';
import { fieldMessages } from '../../questionnaires/answers.ts';
import {
  ACTIONS,
  type Block,
  EVALUATION_VIEW,
  evaluationModal,
  inputsFromState,
  renderBlocks,
} from '../../render/blocks.ts';
import { StoreError } from '../../store/errors.ts';
import type { BotMessage } from '../channel.ts';
import type { SlackChannel, SlackSender } from './channel.ts';
import { SlackHttpReceiver } from './receiver.ts';

const LANG: Lang = 'nl';

export interface SlackAppOptions {
  config: SlackConfig;
  core: Core;
  channel: SlackChannel;
  sender: SlackSender;
  log: (line: string) => void;
  /** How long /scorecard may compute before it answers "bezig…" and follows up (Slack allows 3 s). */
  commandBudgetMs?: number;
}

export interface SlackApp {
  app: App;
  /** Settings that may change while running (tests shorten /scorecard's budget). */
  settings: { commandBudgetMs: number };
  /** Mounts /slack/events on the one server (HTTP mode; Socket Mode mounts nothing). */
  mount(server: Express): void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

function notice(text: string, tone: 'attention' | 'good' | 'warning' = 'attention'): BotMessage {
  return { kind: 'notice', tone, text: { nl: text, en: text } };
}

function userErrorMessage(error: UserError): BotMessage {
  return { kind: 'notice', tone: 'attention', text: { nl: error.text('nl'), en: error.text('en') } };
}

export function createSlackApp(options: SlackAppOptions): SlackApp {
  const { config, core, channel, sender, log } = options;
  const socket = Boolean(config.appToken);
  const settings = { commandBudgetMs: options.commandBudgetMs ?? 2_000 };
  const receiver = socket
    ? new SocketModeReceiver({ appToken: config.appToken as string, logLevel: LogLevel.ERROR })
    : new SlackHttpReceiver({ signingSecret: config.signingSecret as string, log });
  let identity: { botId?: string; botUserId?: string } | undefined;
  const app = new App({
    receiver,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: config.apiUrl },
    // One auth.test at the first request, not one per request.
    authorize: async () => {
      if (!identity) {
        const auth = await sender.client.auth.test();
        identity = { botId: auth.bot_id, botUserId: auth.user_id };
      }
      return { botToken: config.botToken, ...identity };
    },
  });

  /** The person of the records behind a Slack user: by the index, the records' slackId, or e-mail. */
  async function personOf(userId: string): Promise<Person | undefined> {
    const view = await core.contractView();
    const known = await channel.addresses.personOf([userId]);
    if (known) return view.people.get(known);
    let person = [...view.people.values()].find((p) => p.slackId === userId);
    if (!person) {
      const info = await sender.userInfo(userId).catch(() => undefined);
      const email = info?.user?.profile?.email?.toLowerCase();
      person = email ? [...view.people.values()].find((p) => p.email?.toLowerCase() === email) : undefined;
    }
    if (person) await channel.resolve(person.id); // keeps the address and the index
    return person;
  }

  function unknown(): BotMessage {
    return userErrorMessage(new UserError('unknown-person'));
  }

  function internal(error: unknown): BotMessage {
    if (error instanceof StoreError && error.kind === 'unavailable') return notice(error.userMessage(LANG));
    const reference = errorReference();
    log(`[slack ${reference}] ${(error as Error)?.stack ?? String(error)}`);
    return notice(apology(LANG, reference));
  }

  async function commandReplies(userId: string, text: string): Promise<BotMessage[]> {
    const person = await personOf(userId);
    if (!person) return [unknown()];
    try {
      return await handleCommand(core, person.id, text);
    } catch (error) {
      if (error instanceof UserError) return [userErrorMessage(error)];
      throw error;
    }
  }

  const ephemeral = (messages: BotMessage[]) => {
    const rendered = messages.map((m) => renderBlocks(m, LANG));
    return {
      response_type: 'ephemeral' as const,
      text: rendered.map((r) => r.text).join('\n'),
      blocks: rendered
        .flatMap((r, i) => (i === 0 ? r.blocks : [{ type: 'divider' }, ...r.blocks]))
        .slice(0, 50),
    };
  };

  // Events delivered twice (Slack retries with X-Slack-Retry-Num, or the same event_id) change nothing.
  app.use(async ({ body, next }) => {
    const eventId = (body as { event_id?: string }).event_id;
    if (eventId && !(await channel.addresses.firstDelivery(`event|${eventId}`, core.clock.now()))) return;
    await next();
  });

  app.command('/scorecard', async ({ command, ack, respond }) => {
    const work = (async () => {
      const person = await personOf(command.user_id);
      if (!person) return [unknown()];
      const args = command.text.trim().split(/\s+/).filter(Boolean);
      try {
        return await scorecardMessages(core, person.id, args);
      } catch (error) {
        if (error instanceof UserError) return [userErrorMessage(error)];
        throw error;
      }
    })().catch((error: unknown) => [internal(error)]);
    const budget = settings.commandBudgetMs;
    let timer: NodeJS.Timeout | undefined;
    const quick = await Promise.race([
      work,
      new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), budget);
      }),
    ]);
    clearTimeout(timer);
    if (quick) {
      await ack(ephemeral(quick));
      return;
    }
    await ack({ response_type: 'ephemeral', text: 'Bezig met de scorecard…' });
    await respond({ ...ephemeral(await work), replace_original: true });
  });

  app.command('/prestatiemonitor', async ({ command, ack }) => {
    const text = command.text.trim();
    try {
      if (isAlertsHere(text)) {
        const person = await personOf(command.user_id);
        if (!person) return await ack(ephemeral([unknown()]));
        if (!maySetAlertChannel(person))
          return await ack(ephemeral([userErrorMessage(new UserError('not-allowed'))]));
        await channel.addresses.setAlertChannel({ channel: command.channel_id }, person.id, core.clock.now());
        return await ack(
          ephemeral([
            notice(
              "Dit kanaal ontvangt voortaan de meldingen over rode KPI's en onbereikbare deelnemers. Nodig de bot uit in dit kanaal (/invite @Prestatiemonitor) als dat nog niet is gebeurd.",
              'good',
            ),
          ]),
        );
      }
      await ack(ephemeral(await commandReplies(command.user_id, text || 'help')));
    } catch (error) {
      await ack(ephemeral([internal(error)]));
    }
  });

  // "Invullen" / "Wijzigen" in the DM: the questionnaire in a modal, filled in with earlier answers.
  app.action(ACTIONS.open, async ({ ack, body, client, respond }) => {
    await ack();
    const action = (body as { actions?: { value?: string }[] }).actions?.[0];
    const trigger = (body as { trigger_id?: string }).trigger_id;
    try {
      const person = await personOf(body.user.id);
      if (!person)
        return void (await respond({ response_type: 'ephemeral', ...renderBlocks(unknown(), LANG) }));
      const message = await editAnswers(core, person.id, action?.value ?? '');
      if (message.kind !== 'evaluation' || !trigger) return;
      await client.views.open({ trigger_id: trigger, view: evaluationModal(message, LANG) as never });
    } catch (error) {
      const reply = error instanceof UserError ? userErrorMessage(error) : internal(error);
      await respond({ response_type: 'ephemeral', replace_original: false, ...renderBlocks(reply, LANG) });
    }
  });

  app.view(EVALUATION_VIEW, async ({ ack, body, view }) => {
    const assignmentId = view.private_metadata;
    const inputs = inputsFromState(view.state.values as Record<string, Record<string, Block>>);
    const firstBlock = (view.blocks as Block[]).find((b) => b.type === 'input')?.block_id as string;
    try {
      const person = await personOf(body.user.id);
      if (!person) {
        const text = new UserError('unknown-person').text(LANG);
        return await ack({ response_action: 'errors', errors: { [firstBlock]: text } } as never);
      }
      await submitAnswers(core, person.id, assignmentId, inputs);
      await ack(); // closes the modal; the core has updated the DM into the summary
    } catch (error) {
      if (error instanceof UserError && error.code === 'invalid') {
        const errors = fieldMessages(error.fields, LANG);
        await ack({ response_action: 'errors', errors } as never);
        return;
      }
      // Not yours, closed, or our fault: said at the first question, and nothing is stored.
      const reply = error instanceof UserError ? userErrorMessage(error) : internal(error);
      const text = reply.kind === 'notice' ? reply.text[LANG] : '';
      await ack({ response_action: 'errors', errors: { [firstBlock]: text } } as never);
    }
  });

  // Commands typed in the DM with the bot, or where it is mentioned.
  app.event('message', async ({ event, say }) => {
    const e = event as {
      channel_type?: string;
      user?: string;
      text?: string;
      bot_id?: string;
      subtype?: string;
    };
    if (e.channel_type !== 'im' || !e.user || e.bot_id || e.subtype) return;
    for (const reply of await commandReplies(e.user, e.text ?? '').catch((error: unknown) => [
      internal(error),
    ]))
      await say(renderBlocks(reply, LANG) as never);
  });

  app.error(async (error) => {
    log(`[slack] ${error.message}`);
  });

  return {
    app,
    settings,
    mount: (server) => {
      if (socket) return;
      server.post('/slack/events', (receiver as SlackHttpReceiver).handle);
    },
    start: async () => {
      if (socket) await app.start(); // HTTP: the App has initialised its receiver; the server is ours
    },
    stop: async () => {
      if (socket) await app.stop();
    },
  };
}
