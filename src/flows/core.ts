// The core the flows work with: the store, the outbox, the channels and the clock, all passed in.
import type { BotMessage, Channel, Destination } from '../channels/channel.ts';
import { UnreachableError } from '../channels/delivery.ts';
import type { Clock } from '../clock.ts';
import {
  type Contract,
  type ContractSettings,
  contractSettings,
  type Person,
  type Records,
} from '../domain/records.ts';
import { AssignmentStore } from '../store/assignments.ts';
import { StoreError } from '../store/errors.ts';
import { LanguageStore } from '../store/languages.ts';
import { OutboxStore } from '../store/outbox.ts';
import { contractGeneration, type RecordsStore } from '../store/records-store.ts';
import { ScorecardStore } from '../store/scorecards.ts';
import { key, parseJson, type TableStore } from '../store/tables.ts';

/** How long a contract view read from the store is used before it is read again (real time). */
const VIEW_TTL_MS = 5_000;

export interface CoreOptions {
  contract: string;
  clock: Clock;
  tables: TableStore;
  records: RecordsStore;
  channels: Channel[];
  /** https://BOT_HOST, where Teams and Slack users open what the bot serves (report links). */
  publicUrl?: string;
}

/** The contract-level records (contract, suppliers, people), read in one query. */
export interface ContractView {
  contract: Contract;
  settings: ContractSettings;
  suppliers: Records['suppliers'];
  people: Map<string, Person>;
}

/** A supplier's name as the records give it (its id when it has none there). */
export function supplierName(
  records: { suppliers: readonly { id: string; name: string }[] },
  id: string,
): string {
  return records.suppliers.find((s) => s.id === id)?.name ?? id;
}

export class Core {
  readonly contract: string;
  readonly clock: Clock;
  readonly tables: TableStore;
  readonly records: RecordsStore;
  readonly assignments: AssignmentStore;
  readonly outbox: OutboxStore;
  readonly languages: LanguageStore;
  readonly scorecards: ScorecardStore;
  readonly channels: Channel[];
  readonly publicUrl?: string;

  constructor(options: CoreOptions) {
    this.contract = options.contract;
    this.clock = options.clock;
    this.tables = options.tables;
    this.records = options.records;
    this.assignments = new AssignmentStore(options.tables);
    this.outbox = new OutboxStore(options.tables, options.contract);
    this.languages = new LanguageStore(options.tables, options.contract);
    this.scorecards = new ScorecardStore(options.tables, options.contract);
    this.channels = options.channels;
    if (options.publicUrl) this.publicUrl = options.publicUrl;
  }

  /**
   * The contract, its suppliers and people, read in one query and kept for a few seconds: on the path
   * of every answer, it is the largest read. An import through this process makes it stale at once;
   * one by another instance on the same store is seen within VIEW_TTL_MS.
   */
  async contractView(): Promise<ContractView> {
    const generation = contractGeneration(this.tables);
    const cached = this.view;
    if (cached && cached.generation === generation && performance.now() - cached.at < VIEW_TTL_MS)
      return cached.view;
    const view = await this.readContractView();
    this.view = { view, generation, at: performance.now() };
    return view;
  }

  private view?: { view: ContractView; generation: number; at: number };

  private async readContractView(): Promise<ContractView> {
    const rows = await this.tables.list('records', key(this.contract), { from: 'contract', to: 'supplier}' });
    const contractRow = rows.find((r) => r.rowKey === 'contract');
    if (!contractRow) throw new StoreError('not-found', `contract ${this.contract} not in the store`);
    const contract = parseJson<Contract>(contractRow);
    const people = new Map<string, Person>();
    const suppliers: Records['suppliers'] = [];
    for (const row of rows) {
      if (row.rowKey.startsWith('person|')) {
        const person = parseJson<Person>(row);
        people.set(person.id, person);
      } else if (row.rowKey.startsWith('supplier|')) suppliers.push(parseJson(row));
    }
    return { contract, settings: contractSettings(contract), suppliers, people };
  }

  /**
   * Sends through the first channel that reaches the person: a channel that cannot (no address,
   * blocked, uninstalled) says so with UnreachableError and hands on to the next. Undefined when none reaches them: the caller
   * reports that, it never skips silently.
   */
  async sendTo(
    person: string,
    message: BotMessage,
    idempotencyKey: string,
  ): Promise<{ channel: string; ref: string } | undefined> {
    for (const channel of this.channels) {
      try {
        const ref = await channel.send({ person }, message, { idempotencyKey });
        return { channel: channel.id, ref };
      } catch (error) {
        if (!(error instanceof UnreachableError)) throw error;
      }
    }
    return undefined;
  }

  /** Posts in the alert channel of every channel that has one; returns how many did (0: none set). */
  async postAlert(message: BotMessage, idempotencyKey: string): Promise<number> {
    const to: Destination = { alertChannel: true };
    let posted = 0;
    for (const channel of this.channels) {
      if ((await channel.send(to, message, { idempotencyKey })) !== '') posted += 1;
    }
    return posted;
  }
}
