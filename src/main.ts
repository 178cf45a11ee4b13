// Starts the bot: the store (embedded Azurite unless configured), demo data on a first start, the
// outbox worker, and the one HTTP server with the local web channel.
import type { Server } from 'node:http';
import type { Express } from 'express';
import type { Channel } from './channels/channel.ts';
import { LocalChannel } from './channels/local/channel.ts';
import { localRoutes } from './channels/local/routes.ts';
import { createSlackApp } from './channels/slack/app.ts';
import { SlackAddressBook, SlackChannel, SlackSender } from './channels/slack/channel.ts';
import { createTeams, type Teams, type TeamsOptions, teamsStartupNotice } from './channels/teams/index.ts';
import { type Clock, systemClock } from './clock.ts';
import { useFrameworksDir } from './commands/frameworks.ts';
import type { Config, SlackConfig } from './config.ts';
import { findFramework, frameworkIds } from './domain/frameworks/index.ts';
import { StartupError } from './errors.ts';
import { Core } from './flows/core.ts';
import { dailyScorecardsJob } from './flows/daily.ts';
import { importRecordsFile } from './flows/import-records.ts';
import { periodSummaryJob } from './flows/period-summary.ts';
import { demoRecords } from './flows/seed.ts';
import { surveyJob } from './flows/survey-rounds.ts';
import { installProcessGuard } from './http/process-guard.ts';
import { createApp, listen } from './http/server.ts';
import { OutboxWorker } from './outbox/worker.ts';
import { startCron } from './scheduler/cron.ts';
import { Scheduler } from './scheduler/scheduler.ts';
import { ConversationStore } from './store/conversations.ts';
import { type OpenStore, openStore } from './store/open.ts';

export interface BotOptions {
  config: Config;
  clock?: Clock;
  /** Embedded Azurite in memory instead of on the data folder (tests). */
  inMemory?: boolean;
  /** Load the demo contract when the store holds none (default true). */
  seed?: boolean;
  workerIntervalMs?: number;
  /** Run the outbox worker on a timer (default); tests run it themselves with `worker.runOnce()`. */
  startWorker?: boolean;
  log?: (line: string) => void;
  /** Teams: how the bot gets connector tokens (tests: a stand-in for Entra) and how it waits. */
  teams?: Pick<TeamsOptions, 'connections' | 'sleep'>;
  /** Slack: how the bot waits (tests move a manual clock), and /scorecard's budget before "bezig…". */
  slackSleep?: (ms: number) => Promise<void>;
  slackCommandBudgetMs?: number;
}

export interface Bot {
  url: string;
  store: OpenStore;
  core: Core;
  worker: OutboxWorker;
  /** Survey rounds and other occurrences; tests tick it themselves when the worker is not started. */
  scheduler: Scheduler;
  server: Server;
  teams: Teams;
  slack?: { channel: SlackChannel; settings: { commandBudgetMs: number } };
  close(): Promise<void>;
}

export async function startBot(options: BotOptions): Promise<Bot> {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  const log = options.log ?? ((line: string) => console.log(line));
  const store = await openStore({
    connectionString: config.storageConnectionString,
    dataDir: config.dataDir,
    inMemory: options.inMemory,
    exclusive: true,
    log,
  });
  // A rejection nobody handled is logged with a reference; the bot keeps serving (process-guard.ts).
  const releaseGuard = installProcessGuard(log);
  try {
    log(`Opslag / store: ${store.description}`);
    let contract = config.contractId;
    const ids = await store.records.contractIds();
    // Never into Azure, never over a data folder that held a contract (store.demoAllowed throws).
    if (contract === undefined && ids.length === 0 && options.seed !== false && store.demoAllowed()) {
      const records = demoRecords(clock.now());
      await importRecordsFile(store, records, clock);
      await store.noteContract();
      log(
        `Demo-gegevens geladen / demo data loaded: contract ${records.contract.id}, with a session that has just ended.`,
      );
      contract = records.contract.id;
    }
    contract ??= ids.length === 1 ? ids[0] : undefined;
    if (contract === undefined) {
      throw new StartupError(
        ids.length === 0
          ? 'The store holds no contract: import one with `prestatiemonitor import --records FILE`.'
          : `The store holds several contracts (${ids.join(', ')}): set CONTRACT_ID.`,
      );
    }
    // The contract's framework must be known (a built-in one, or one of FRAMEWORKS_DIR), or nothing scores.
    useFrameworksDir(config.frameworksDir);
    const framework = (await store.records.contract(contract))?.framework;
    if (framework !== undefined && !findFramework(framework))
      throw new StartupError(
        `Contract ${contract} names the framework "${framework}", which is not known: add its file to FRAMEWORKS_DIR (known: ${frameworkIds().join(', ')}).`,
      );
    const conversations = new ConversationStore(store.tables, contract);
    const teams = createTeams({
      config: config.teams,
      contract,
      tables: store.tables,
      clock,
      log,
      ...options.teams,
    });
    log(teamsStartupNotice(config.teams, config.production, config.host));
    // The first channel that reaches a person gets their messages: Teams, Slack, the local channel.
    const channels: Channel[] = [teams.channel];
    let slackCore: Core | undefined;
    const slack = config.slack
      ? (() => {
          const sender = new SlackSender({
            token: config.slack.botToken,
            apiUrl: config.slack.apiUrl,
            clock,
            sleep: options.slackSleep,
          });
          const channel = new SlackChannel(
            new SlackAddressBook(store.tables, contract),
            sender,
            async () => (await (slackCore as Core).contractView()).people,
            clock,
          );
          channels.push(channel);
          return { sender, channel };
        })()
      : undefined;
    if (config.localChannel) channels.push(new LocalChannel(conversations, clock));
    const core = new Core({
      contract,
      clock,
      tables: store.tables,
      records: store.records,
      channels,
      ...(config.botHost ? { publicUrl: `https://${config.botHost}` } : {}),
    });
    slackCore = core;
    const slackApp = slack
      ? createSlackApp({
          config: config.slack as SlackConfig,
          core,
          channel: slack.channel,
          sender: slack.sender,
          log,
          commandBudgetMs: options.slackCommandBudgetMs,
          ...(config.botHost ? { publicUrl: `https://${config.botHost}` } : {}),
        })
      : undefined;
    if (slackApp) {
      await slackApp.start();
      log(
        `Slack: ${config.slack?.appToken ? 'Socket Mode' : '/slack/events'}, Web API ${config.slack?.apiUrl}`,
      );
    }
    const worker = new OutboxWorker(core, { log });
    if (options.startWorker !== false) worker.start(options.workerIntervalMs ?? 1_000);
    // The scheduler (survey rounds): node-cron ticks it hourly in the contract's zone, and once now.
    const scheduler = new Scheduler(core, [surveyJob, dailyScorecardsJob, periodSummaryJob]);
    const cron =
      options.startWorker !== false
        ? startCron(scheduler, (await core.contractView()).settings.timeZone, log)
        : undefined;
    const app = createApp({
      core,
      tables: store.tables,
      apiKey: config.apiKey,
      botHost: config.botHost,
      // Slack's every request is signed; Teams' only with an app id (anonymous Teams stays checked).
      signedPaths: [
        ...(config.slack?.signingSecret ? ['/slack/events'] : []),
        ...(config.teams.appId ? ['/api/messages'] : []),
      ],
      mounts: [
        teams.mount(core),
        ...(slackApp ? [(app: Express) => slackApp.mount(app)] : []),
        ...(config.localChannel ? [localRoutes(core, conversations)] : []),
      ],
      log,
    });
    const server = await listen(app, config.port, config.host).catch(async (error: NodeJS.ErrnoException) => {
      await cron?.stop();
      await worker.stop();
      throw new Error(
        error.code === 'EADDRINUSE'
          ? `Port ${config.port} is in use: set PORT to another port.`
          : error.message,
      );
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://${config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host}:${port}/`;
    if (config.localChannel) log(`Lokaal kanaal / local channel: ${url}`);
    log(`Teams: ${url}api/messages`);
    return {
      url,
      store,
      core,
      worker,
      scheduler,
      server,
      teams,
      slack: slack && slackApp ? { channel: slack.channel, settings: slackApp.settings } : undefined,
      close: async () => {
        // The server and the worker stop side by side; a request still running after the worker's
        // grace is cut off, so that a stop never waits on a caller.
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        await cron?.stop();
        await worker.stop();
        server.closeAllConnections();
        await closed;
        await slackApp?.stop();
        await store.close();
        releaseGuard();
      },
    };
  } catch (error) {
    releaseGuard();
    await store.close();
    throw error;
  }
}
