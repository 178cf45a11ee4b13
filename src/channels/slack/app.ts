// Slack's side of the bot on Bolt: our receiver on the one server at /slack/events (every
// request's v0 signature checked, 401 otherwise; see receiver.ts), or Socket Mode with an app token. Commands
// (/scorecard, /prestatiemonitor help | alerts-hier), the "Invullen"/"Wijzigen" button that opens
// the questionnaire modal, and its view_submission, answered by the core; DMs to the bot take the
// same commands. A duplicate event (same event_id, X-Slack-Retry-Num) changes nothing.
import { App, LogLevel, SocketModeReceiver } from '@slack/bolt';
import type { Express } from 'express';
import type { SlackConfig } from '../../config.ts';
import { apology, errorReference, UserError } from '../../errors.ts';
import { alertChannelSet } from '../../flows/alerts.ts';
import { handleCommand, isAlertsHere, maySetAlertChannel } from '../../flows/commands.ts';
import type { ContractDesk } from '../../flows/contracts.ts';
import { editAnswers, keepAnswers } from '../../flows/evaluations.ts';
import { languageOf } from '../../flows/language.ts';
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
import { questionnaireModal } from '../../render/questionnaire-blocks.ts';
import { surveyModal } from '../../render/survey-blocks.ts';
import { StoreError } from '../../store/errors.ts';
import { t } from '../../texts/index.ts';
import type { BotMessage } from '../channel.ts';
import { readValue, tagBlocks, tagValue } from '../contract-tag.ts';
import type { SlackSender } from './channel.ts';
import { withChartUrls } from './charts.ts';
import { SlackHttpReceiver } from './receiver.ts';
import { type SlackRoute, type SlackSide, slackRouting } from './routing.ts';

export interface SlackAppOptions {
  config: SlackConfig;
  /** The contracts served, and each one's Slack side (the first is the desk's primary). */
  desk: ContractDesk;
  sides: readonly SlackSide[];
  sender: SlackSender;
  log: (line: string) => void;
  /** How long /scorecard may compute before it answers "bezig…" and follows up (Slack allows 3 s). */
  commandBudgetMs?: number;
  /** https://BOT_HOST: where Slack fetches the scorecard's trend chart (none: the trend in words). */
  publicUrl?: string;
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

function textNotice(key: Parameters<typeof t>[1], tone: 'attention' | 'good' = 'attention'): BotMessage {
  return { kind: 'notice', tone, text: { nl: t('nl', key), en: t('en', key) } };
}

function userErrorMessage(error: UserError): BotMessage {
  return { kind: 'notice', tone: 'attention', text: { nl: error.text('nl'), en: error.text('en') } };
}

export function createSlackApp(options: SlackAppOptions): SlackApp {
  const { config, desk, sides, sender, log } = options;
  const socket = Boolean(config.appToken);
  const settings = { commandBudgetMs: options.commandBudgetMs ?? 2_000 };
  // Proactive sends and updates in each person's language at send time, not the one of first contact.
  for (const side of sides) side.channel.useLanguages((person) => languageOf(side.core, person));
  const primary = sides[0] as SlackSide;
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

  const routing = slackRouting(desk, sides, sender);

  function unknown(): BotMessage {
    return userErrorMessage(new UserError('unknown-person'));
  }

  function internal(error: unknown, LANG: Lang = 'nl'): BotMessage {
    if (error instanceof StoreError && error.kind === 'unavailable') return notice(error.userMessage(LANG));
    const reference = errorReference();
    log(`[slack ${reference}] ${(error as Error)?.stack ?? String(error)}`);
    return notice(apology(LANG, reference));
  }

  async function commandReplies(route: SlackRoute): Promise<BotMessage[]> {
    if (route.kind === 'reply') return route.messages;
    const { core, person } = route.member;
    try {
      const replies = await handleCommand(core, person.id, route.text, { channel: 'slack' });
      return options.publicUrl ? await withChartUrls(core, replies, options.publicUrl) : replies;
    } catch (error) {
      if (error instanceof UserError) return [userErrorMessage(error)];
      throw error;
    }
  }

  /** Replies in the person's language; their questionnaire buttons name the contract (`contract`). */
  const ephemeral = (messages: BotMessage[], LANG: Lang = 'nl', contract?: string) => {
    const rendered = messages.map((m) =>
      contract ? tagBlocks(renderBlocks(m, LANG), contract) : renderBlocks(m, LANG),
    );
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
    if (
      eventId &&
      !(await primary.channel.addresses.firstDelivery(`event|${eventId}`, primary.core.clock.now()))
    )
      return;
    await next();
  });

  app.command('/scorecard', async ({ command, ack, respond }) => {
    const routed = routing.command(command.user_id, `scorecard ${command.text}`);
    const LANG = await routed.then(
      (r) => r.lang,
      () => 'nl' as const,
    );
    const work = (async () => {
      const route = await routed;
      if (route.kind === 'reply') return route.messages;
      const { core, person } = route.member;
      const args = route.text.trim().split(/\s+/).filter(Boolean).slice(1);
      try {
        const cards = await scorecardMessages(core, person.id, args);
        return options.publicUrl ? await withChartUrls(core, cards, options.publicUrl) : cards;
      } catch (error) {
        if (error instanceof UserError) return [userErrorMessage(error)];
        throw error;
      }
    })().catch((error: unknown) => [internal(error, LANG)]);
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
      await ack(ephemeral(quick, LANG));
      return;
    }
    await ack({ response_type: 'ephemeral', text: t(LANG, 'slack.scorecard-busy') });
    const answer = ephemeral(await work, LANG);
    // Slack always sends a response_url with a command; a request without one gets the first reply only.
    if (typeof respond === 'function') await respond({ ...answer, replace_original: true });
  });

  app.command('/prestatiemonitor', async ({ command, ack }) => {
    let LANG: Lang = 'nl';
    try {
      const route = await routing.command(command.user_id, command.text.trim() || 'help');
      LANG = route.lang;
      if (route.kind === 'command' && isAlertsHere(route.text)) {
        const { core, person, channel } = route.member;
        // Alerts in a DM would reach no one but the one who typed it: only a channel will do.
        if (command.channel_id.startsWith('D') || command.channel_name === 'directmessage')
          return await ack(ephemeral([textNotice('slack.alerts-here-dm')], LANG));
        if (!maySetAlertChannel(person))
          return await ack(ephemeral([userErrorMessage(new UserError('not-allowed'))], LANG));
        await channel.addresses.setAlertChannel({ channel: command.channel_id }, person.id, core.clock.now());
        await alertChannelSet(core);
        return await ack(ephemeral([textNotice('slack.alerts-here-set', 'good')], LANG));
      }
      const contract = route.kind === 'command' ? route.member.core.contract : undefined;
      await ack(ephemeral(await commandReplies(route), LANG, contract));
    } catch (error) {
      await ack(ephemeral([internal(error, LANG)], LANG));
    }
  });

  // "Invullen" / "Wijzigen" in the DM: the questionnaire in a modal, filled in with earlier answers.
  app.action(ACTIONS.open, async ({ ack, body, client, respond }) => {
    await ack();
    const action = (body as { actions?: { value?: string }[] }).actions?.[0];
    const pressed = readValue(action?.value ?? '');
    const trigger = (body as { trigger_id?: string }).trigger_id;
    let LANG: Lang = 'nl';
    try {
      const routed = await routing.action(body.user.id, pressed.id, pressed.contract);
      LANG = routed.lang;
      if (!routed.member)
        return void (await respond?.({ response_type: 'ephemeral', ...renderBlocks(unknown(), LANG) }));
      const { core, person } = routed.member;
      const message = await editAnswers(core, person.id, pressed.id);
      if (!trigger) return;
      const view =
        message.kind === 'evaluation'
          ? evaluationModal(message, LANG)
          : message.kind === 'survey'
            ? surveyModal(message, LANG, EVALUATION_VIEW)
            : message.kind === 'questionnaire'
              ? questionnaireModal(message, LANG, EVALUATION_VIEW)
              : undefined;
      // The modal's submission names its contract, like the button did.
      if (view)
        await client.views.open({
          trigger_id: trigger,
          view: { ...view, private_metadata: tagValue(core.contract, pressed.id) } as never,
        });
    } catch (error) {
      const reply = error instanceof UserError ? userErrorMessage(error) : internal(error, LANG);
      await respond?.({ response_type: 'ephemeral', replace_original: false, ...renderBlocks(reply, LANG) });
    }
  });

  app.view(EVALUATION_VIEW, async ({ ack, body, view }) => {
    const { id: assignmentId, contract } = readValue(view.private_metadata);
    const inputs = inputsFromState(view.state.values as Record<string, Record<string, Block>>);
    const firstBlock = (view.blocks as Block[]).find((b) => b.type === 'input')?.block_id as string;
    let LANG: Lang = 'nl';
    try {
      const routed = await routing.action(body.user.id, assignmentId, contract);
      LANG = routed.lang;
      if (!routed.member) {
        const text = new UserError('unknown-person').text(LANG);
        return await ack({ response_action: 'errors', errors: { [firstBlock]: text } } as never);
      }
      const { core, person } = routed.member;
      await keepAnswers(core, person.id, assignmentId, inputs);
      await ack(); // closes the modal; the outbox updates the DM into the summary
    } catch (error) {
      if (error instanceof UserError && error.code === 'invalid') {
        const errors = fieldMessages(error.fields, LANG);
        await ack({ response_action: 'errors', errors } as never);
        return;
      }
      // Not yours, closed, or our fault: said at the first question, and nothing is stored.
      const reply = error instanceof UserError ? userErrorMessage(error) : internal(error, LANG);
      const text = reply.kind === 'notice' ? reply.text[LANG] : '';
      await ack({ response_action: 'errors', errors: { [firstBlock]: text } } as never);
    }
  });

  // Commands typed in the DM with the bot, or where it is mentioned.
  // Replies go through the sender, so that they keep to the one-a-second limit of the DM like every send.
  app.event('message', async ({ event }) => {
    const e = event as {
      channel_type?: string;
      channel?: string;
      user?: string;
      text?: string;
      bot_id?: string;
      subtype?: string;
    };
    if (e.channel_type !== 'im' || !e.user || !e.channel || e.bot_id || e.subtype) return;
    const dm = e.channel;
    const routed = routing.command(e.user, e.text ?? '');
    const LANG = await routed.then(
      (r) => r.lang,
      () => 'nl' as const,
    );
    const contract = await routed.then(
      (r) => (r.kind === 'command' ? r.member.core.contract : undefined),
      () => undefined,
    );
    for (const reply of await routed
      .then(commandReplies)
      .catch((error: unknown) => [internal(error, LANG)])) {
      const rendered = renderBlocks(reply, LANG);
      await sender.postMessage(dm, contract ? tagBlocks(rendered, contract) : rendered);
    }
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
