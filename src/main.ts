// Starts the bot: the store (embedded Azurite unless configured), the demo contracts on a first
// start, each contract's core, worker and scheduler (runtime.ts), and the one HTTP server where
// Teams, Slack and the local web channel reach every contract through one desk (flows/contracts.ts).
import type { Server } from 'node:http';
import type { Express } from 'express';
import { localRoutes } from './channels/local/routes.ts';
import { createSlackApp } from './channels/slack/app.ts';
import { type SlackChannel, SlackSender } from './channels/slack/channel.ts';
import {
  createTeams,
  type TeamsOptions,
  type TeamsSide,
  teamsStartupNotice,
} from './channels/teams/index.ts';
import { type Clock, systemClock } from './clock.ts';
import { useFrameworksDir } from './commands/frameworks.ts';
import type { Config, SlackConfig } from './config.ts';
import { findFramework, frameworkIds } from './domain/frameworks/index.ts';
import { StartupError } from './errors.ts';
import { ContractDesk } from './flows/contracts.ts';
import type { Core } from './flows/core.ts';
import { importRecordsFile } from './flows/import-records.ts';
import { demoContracts } from './flows/seed.ts';
import { installProcessGuard } from './http/process-guard.ts';
import { createApp, listen } from './http/server.ts';
import type { OutboxWorker } from './outbox/worker.ts';
import { type ContractRuntime, contractRuntime } from './runtime.ts';
import type { Scheduler } from './scheduler/scheduler.ts';
import { type OpenStore, openStore } from './store/open.ts';

export interface BotOptions {
  config: Config;
  clock?: Clock;
  /** Embedded Azurite in memory instead of on the data folder (tests). */
  inMemory?: boolean;
  /** Load the demo contracts (LEF and Voorschoten) when the store holds none (default true). */
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
  /** The first contract's core, worker and scheduler (CONTRACT_ID's, or LEF's in the demo). */
  core: Core;
  worker: OutboxWorker;
  /** Survey rounds and other occurrences; tests tick it themselves when the worker is not started. */
  scheduler: Scheduler;
  /** Every contract served, by id, the first one first. */
  contracts: Map<string, ContractRuntime>;
  desk: ContractDesk;
  server: Server;
  teams: TeamsSide;
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
  // What has started, so that a start failing half-way stops it again (nothing left running).
  const running: { runtimes: ContractRuntime[]; slack?: { stop(): Promise<void> } } = { runtimes: [] };
  const stopAll = () => Promise.all(running.runtimes.map((r) => r.stop())).then(() => {});
  try {
    log(`Opslag / store: ${store.description}`);
    let ids = await store.records.contractIds();
    // Never into Azure, never over a data folder that held a contract (store.demoAllowed throws).
    if (
      config.contractId === undefined &&
      ids.length === 0 &&
      options.seed !== false &&
      store.demoAllowed()
    ) {
      const demos = demoContracts(clock.now());
      for (const records of demos) await importRecordsFile(store, records, clock);
      await store.noteContract();
      log(
        `Demo-gegevens geladen / demo data loaded: ${demos.map((r) => r.contract.id).join(', ')}, with a LEF session that has just ended.`,
      );
      ids = demos.map((r) => r.contract.id);
    }
    // CONTRACT_ID: that contract only; otherwise every contract in the store, the demo's LEF first.
    const served = config.contractId !== undefined ? [config.contractId] : ids;
    if (served.length === 0)
      throw new StartupError(
        'The store holds no contract: import one with `prestatiemonitor import --records FILE`.',
      );
    // The desk finds a contract whatever its case: two that differ only in case cannot both be served.
    const twins = served.filter(
      (id, i) => served.findIndex((x) => x.toLowerCase() === id.toLowerCase()) !== i,
    );
    if (twins.length > 0)
      throw new StartupError(
        `The store holds contracts whose ids differ only in upper and lower case (${twins.join(', ')}): set CONTRACT_ID to serve one of them.`,
      );
    // Each contract's framework must be known (a built-in one, or one of FRAMEWORKS_DIR), or nothing scores.
    useFrameworksDir(config.frameworksDir);
    for (const contract of served) {
      const stored = await store.records.contract(contract);
      if (!stored && config.contractId !== undefined)
        throw new StartupError(
          `CONTRACT_ID names ${contract}, which the store does not hold (it holds: ${ids.join(', ') || 'none'}).`,
        );
      if (stored && !findFramework(stored.framework))
        throw new StartupError(
          `Contract ${contract} names the framework "${stored.framework}", which is not known: add its file to FRAMEWORKS_DIR (known: ${frameworkIds().join(', ')}).`,
        );
    }
    const teams = createTeams({ config: config.teams, tables: store.tables, clock, log, ...options.teams });
    log(teamsStartupNotice(config.teams, config.production, config.host));
    const sender = config.slack
      ? new SlackSender({
          token: config.slack.botToken,
          apiUrl: config.slack.apiUrl,
          clock,
          sleep: options.slackSleep,
        })
      : undefined;
    const publicUrl = config.botHost ? `https://${config.botHost}` : undefined;
    const runtimes = new Map<string, ContractRuntime>();
    for (const contract of served)
      runtimes.set(
        contract,
        contractRuntime({
          contract,
          store,
          clock,
          teams,
          ...(sender ? { slack: sender } : {}),
          localChannel: config.localChannel,
          ...(publicUrl ? { publicUrl } : {}),
          log,
        }),
      );
    const all = [...runtimes.values()];
    const desk = new ContractDesk(
      all.map((r) => r.core),
      store.tables,
    );
    if (served.length > 1) log(`Contracten / contracts: ${served.join(', ')}`);
    const slackApp =
      sender && config.slack
        ? createSlackApp({
            config: config.slack as SlackConfig,
            desk,
            sides: all.map((r) => ({ core: r.core, channel: r.slack as SlackChannel })),
            sender,
            log,
            commandBudgetMs: options.slackCommandBudgetMs,
            ...(publicUrl ? { publicUrl } : {}),
          })
        : undefined;
    if (slackApp) {
      await slackApp.start();
      running.slack = slackApp;
      log(
        `Slack: ${config.slack?.appToken ? 'Socket Mode' : '/slack/events'}, Web API ${config.slack?.apiUrl}`,
      );
    }
    if (options.startWorker !== false)
      for (const runtime of all) {
        running.runtimes.push(runtime);
        await runtime.start(options.workerIntervalMs ?? 1_000, log);
      }
    const app = createApp({
      desk,
      tables: store.tables,
      apiKey: config.apiKey,
      botHost: config.botHost,
      // Slack's every request is signed; Teams' only with an app id (anonymous Teams stays checked).
      signedPaths: [
        ...(config.slack?.signingSecret ? ['/slack/events'] : []),
        ...(config.teams.appId ? ['/api/messages'] : []),
      ],
      mounts: [
        teams.mount(desk),
        ...(slackApp ? [(app: Express) => slackApp.mount(app)] : []),
        ...(config.localChannel
          ? [
              localRoutes({
                desk,
                conversations: (id) => (runtimes.get(id) as ContractRuntime).conversations,
              }),
            ]
          : []),
      ],
      log,
    });
    const server = await listen(app, config.port, config.host).catch((error: NodeJS.ErrnoException) => {
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
    const first = all[0] as ContractRuntime;
    return {
      url,
      store,
      core: first.core,
      worker: first.worker,
      scheduler: first.scheduler,
      contracts: runtimes,
      desk,
      server,
      teams: first.teams,
      slack: first.slack && slackApp ? { channel: first.slack, settings: slackApp.settings } : undefined,
      close: async () => {
        // The server and the worker stop side by side; a request still running after the worker's
        // grace is cut off, so that a stop never waits on a caller.
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        await stopAll();
        server.closeAllConnections();
        await closed;
        await slackApp?.stop();
        await store.close();
        releaseGuard();
      },
    };
  } catch (error) {
    await stopAll().catch(() => {});
    await running.slack?.stop().catch(() => {});
    releaseGuard();
    await store.close();
    throw error;
  }
}
