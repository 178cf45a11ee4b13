// One contract's part of the running bot: its core with the channels that reach its people (its
// side of the one Teams adapter and the one Slack app, its local conversations), its outbox worker
// and its scheduler, ticked by node-cron in the contract's time zone. main.ts makes one per contract.
import type { Channel } from './channels/channel.ts';
import { LocalChannel } from './channels/local/channel.ts';
import { SlackAddressBook, SlackChannel, type SlackSender } from './channels/slack/channel.ts';
import type { Teams, TeamsSide } from './channels/teams/index.ts';
import type { Clock } from './clock.ts';
import { Core } from './flows/core.ts';
import { dailyScorecardsJob } from './flows/daily.ts';
import { periodSummaryJob } from './flows/period-summary.ts';
import { surveyJob } from './flows/survey-rounds.ts';
import { OutboxWorker } from './outbox/worker.ts';
import { type CronHandle, startCron } from './scheduler/cron.ts';
import { Scheduler } from './scheduler/scheduler.ts';
import { ConversationStore } from './store/conversations.ts';
import type { OpenStore } from './store/open.ts';

export interface ContractRuntime {
  core: Core;
  conversations: ConversationStore;
  teams: TeamsSide;
  slack?: SlackChannel;
  worker: OutboxWorker;
  scheduler: Scheduler;
  /** Starts the worker on a timer and the scheduler's cron (tests run both themselves). */
  start(workerIntervalMs: number, log: (line: string) => void): Promise<void>;
  stop(): Promise<void>;
}

export interface RuntimeOptions {
  contract: string;
  store: OpenStore;
  clock: Clock;
  teams: Teams;
  slack?: SlackSender;
  localChannel: boolean;
  publicUrl?: string;
  log: (line: string) => void;
}

export function contractRuntime(options: RuntimeOptions): ContractRuntime {
  const { contract, store, clock } = options;
  const conversations = new ConversationStore(store.tables, contract);
  const teams = options.teams.side(contract);
  // The first channel that reaches a person gets their messages: Teams, Slack, the local channel.
  const channels: Channel[] = [teams.channel];
  let core: Core | undefined;
  const slack = options.slack
    ? new SlackChannel(
        new SlackAddressBook(store.tables, contract),
        options.slack,
        async () => (await (core as Core).contractView()).people,
        clock,
      )
    : undefined;
  if (slack) channels.push(slack);
  if (options.localChannel) channels.push(new LocalChannel(conversations, clock));
  core = new Core({
    contract,
    clock,
    tables: store.tables,
    records: store.records,
    channels,
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
  });
  const worker = new OutboxWorker(core, { log: options.log });
  const scheduler = new Scheduler(core, [surveyJob, dailyScorecardsJob, periodSummaryJob]);
  let cron: CronHandle | undefined;
  const started = core;
  return {
    core,
    conversations,
    teams,
    ...(slack ? { slack } : {}),
    worker,
    scheduler,
    async start(workerIntervalMs, log) {
      worker.start(workerIntervalMs);
      cron = startCron(scheduler, (await started.contractView()).settings.timeZone, log);
    },
    async stop() {
      await cron?.stop();
      await worker.stop();
    },
  };
}
