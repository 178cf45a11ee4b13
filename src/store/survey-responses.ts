// Survey answers given in chat: every version its own entity (PK = contract|responses, RK =
// round|respondent|<seq>-<digest>, the sequence keeping the order within one second), created
// insert-if-absent, so that a double submit stores nothing new, parallel answers never collide,
// and a round of a thousand respondents never outgrows one entity. Export and scoring see them as the round's `responses`, beside any imported ones.
import { createHash } from 'node:crypto';
import type { SurveyResponse, SurveyRound } from '../domain/records.ts';
import { unionByContent } from './contract-items.ts';
import { StoreError } from './errors.ts';
import { key, parseJson, type TableStore } from './tables.ts';

export function responsesPartition(contract: string): string {
  return `${key(contract)}|responses`;
}

export interface StoredResponse {
  round: string;
  response: SurveyResponse;
}

export class ResponseStore {
  constructor(
    private readonly tables: TableStore,
    private readonly contract: string,
  ) {}

  /** Keeps a version of a respondent's answers; false when the same answers are the latest already. */
  async add(round: string, response: SurveyResponse): Promise<boolean> {
    const versions = await this.of(round, response.respondent);
    const latest = versions.at(-1);
    if (latest && same(latest, response)) return false;
    const digest = createHash('sha256').update(JSON.stringify(response)).digest('hex').slice(0, 16);
    const seq = String(versions.length).padStart(6, '0');
    try {
      await this.tables.create('records', {
        partitionKey: responsesPartition(this.contract),
        rowKey: key(round, response.respondent, `${seq}-${digest}`),
        round,
        json: JSON.stringify({ round, response } satisfies StoredResponse),
      });
      return true;
    } catch (error) {
      if (error instanceof StoreError && error.kind === 'exists') return false;
      throw error;
    }
  }

  /** A respondent's versions for a round, oldest first. */
  async of(round: string, respondent: string): Promise<SurveyResponse[]> {
    const prefix = `${key(round, respondent)}|`;
    const rows = await this.tables.list('records', responsesPartition(this.contract), {
      from: prefix,
      to: `${prefix.slice(0, -1)}}`,
    });
    // Row-key order is version order (the table returns rows sorted by row key).
    return rows.map((row) => parseJson<StoredResponse>(row).response);
  }

  /** Every version of every round's responses (one partition read), by round. */
  async all(): Promise<Map<string, SurveyResponse[]>> {
    const rows = await this.tables.list('records', responsesPartition(this.contract));
    const byRound = new Map<string, SurveyResponse[]>();
    for (const row of rows) {
      const { round, response } = parseJson<StoredResponse>(row);
      byRound.set(round, [...(byRound.get(round) ?? []), response]);
    }
    return byRound;
  }
}

function same(a: SurveyResponse, b: SurveyResponse): boolean {
  return (
    a.side === b.side &&
    JSON.stringify(a.answers) === JSON.stringify(b.answers) &&
    JSON.stringify(a.remarks ?? {}) === JSON.stringify(b.remarks ?? {})
  );
}

/** The rounds with the answers given in chat beside the imported ones, every version, oldest first. */
export function withChatResponses(
  rounds: SurveyRound[],
  chat: ReadonlyMap<string, SurveyResponse[]>,
): SurveyRound[] {
  return rounds.map((round) => {
    const given = chat.get(round.id);
    return given
      ? { ...round, responses: unionByContent(round.responses, given, (r) => r.submittedAt) }
      : round;
  });
}
