// LEF days in the store: the day itself is the records' `lefDays` entry (PK = contract, RK =
// lefday|id), changed only over the version read (ETag), and every answer given about it in chat
// (an excuse, the attendance, a contribution) as its own entity first (PK = contract|lefday, RK =
// day|role|person|<ms>), insert-if-absent, so that the follow-up can apply it again after a crash.
import type { LefDay } from '../domain/records.ts';
import type { Answers } from '../questionnaires/answers.ts';
import { ITEM_KINDS } from './contract-items.ts';
import { StoreError } from './errors.ts';
import { key, parseJson, sortable, type TableStore } from './tables.ts';

const ATTEMPTS = 5;

/** One answer given in chat about a day: an excuse, an attendance card, a contributions card. */
export interface DayAnswer {
  role: string;
  person: string;
  answers: Answers;
  receivedAt: number;
}

export class LefDayStore {
  constructor(
    private readonly tables: TableStore,
    private readonly contract: string,
  ) {}

  async get(id: string): Promise<{ day: LefDay; etag: string } | undefined> {
    const row = await this.tables.get(
      'records',
      key(this.contract),
      ITEM_KINDS.lefDay.rowKey({ id } as LefDay),
    );
    return row ? { day: parseJson<LefDay>(row), etag: row.etag } : undefined;
  }

  /** Plans a day; false when one with this id exists already. */
  async create(day: LefDay): Promise<boolean> {
    try {
      await this.tables.create('records', this.entity(day));
      return true;
    } catch (error) {
      if (error instanceof StoreError && error.kind === 'exists') return false;
      throw error;
    }
  }

  /** Applies `change` to the day as stored, read again and retried when someone changed it in between. */
  async update(id: string, change: (day: LefDay) => LefDay): Promise<LefDay | undefined> {
    for (let attempt = 1; ; attempt++) {
      const stored = await this.get(id);
      if (!stored) return undefined;
      const next = change(stored.day);
      if (JSON.stringify(next) === JSON.stringify(stored.day)) return stored.day;
      try {
        await this.tables.replace('records', this.entity(next), stored.etag);
        return next;
      } catch (error) {
        if (!(error instanceof StoreError) || error.kind !== 'conflict' || attempt >= ATTEMPTS) throw error;
      }
    }
  }

  /** Keeps an answer given in chat (insert-if-absent: the same answer twice is one). */
  async addAnswer(
    day: string,
    role: string,
    person: string,
    receivedAt: number,
    answers: Answers,
  ): Promise<void> {
    try {
      await this.tables.create('records', {
        partitionKey: `${key(this.contract)}|lefday`,
        rowKey: key(day, role, person, sortable(receivedAt)),
        json: JSON.stringify({ role, person, answers, receivedAt } satisfies DayAnswer),
      });
    } catch (error) {
      if (!(error instanceof StoreError) || error.kind !== 'exists') throw error;
    }
  }

  /** The answers of a person in a role about a day, oldest first. */
  async answers(day: string, role: string, person: string): Promise<DayAnswer[]> {
    return this.answersUnder(`${key(day, role, person)}|`);
  }

  /** Every answer given in chat about a day, oldest first. */
  async allAnswers(day: string): Promise<DayAnswer[]> {
    return (await this.answersUnder(`${key(day)}|`)).sort((a, b) => a.receivedAt - b.receivedAt);
  }

  private async answersUnder(prefix: string): Promise<DayAnswer[]> {
    const rows = await this.tables.list('records', `${key(this.contract)}|lefday`, {
      from: prefix,
      to: `${prefix.slice(0, -1)}}`,
    });
    return rows.map((row) => parseJson<DayAnswer>(row));
  }

  private entity(day: LefDay) {
    return {
      partitionKey: key(this.contract),
      rowKey: ITEM_KINDS.lefDay.rowKey(day),
      kind: 'lefDay',
      json: JSON.stringify(day),
    };
  }
}
