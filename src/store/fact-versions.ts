// Every version of the answers given in chat about a fact (a social return submission, a person's
// details), each its own entity (PK = contract|<kind>, RK = subject|v|<ms>|person), insert-if-absent
// with no read first: the same answer twice is one, and nothing is ever replaced.
import type { Answers } from '../questionnaires/answers.ts';
import { StoreError } from './errors.ts';
import { key, parseJson, sortable, type TableStore } from './tables.ts';

export interface FactVersion {
  by: string;
  receivedAt: number;
  answers: Answers;
  /** Which form it was given on, where one person may have several about one subject (a person's). */
  form?: string;
}

export class FactVersionStore {
  constructor(
    private readonly tables: TableStore,
    private readonly partition: string,
  ) {}

  async add(subject: string, version: FactVersion): Promise<void> {
    try {
      await this.tables.create('records', {
        partitionKey: this.partition,
        rowKey: key(subject, 'v', sortable(version.receivedAt), version.by),
        json: JSON.stringify(version),
      });
    } catch (error) {
      if (!(error instanceof StoreError) || error.kind !== 'exists') throw error;
    }
  }

  /** The versions about a subject, oldest first. */
  async list(subject: string): Promise<FactVersion[]> {
    const prefix = `${key(subject, 'v')}|`;
    const rows = await this.tables.list('records', this.partition, {
      from: prefix,
      to: `${prefix.slice(0, -1)}}`,
    });
    return rows.map((row) => parseJson<FactVersion>(row)).sort((a, b) => a.receivedAt - b.receivedAt);
  }
}
