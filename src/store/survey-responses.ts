// Survey answers given in chat: every version its own entity (PK = contract|responses, RK =
// round|respondent|<seq>-<digest>), created insert-if-absent with no read first. The seq is the
// millisecond the answer arrived (versions stored before that are numbered 0, 1, 2… and sort
// first), so parallel answers never collide and a round of a thousand respondents never outgrows
// one entity; a repeat of a respondent's latest answers is dropped when read, so a double submit
// changes nothing. Export and scoring see them as the round's `responses`, beside imported ones.
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

  /** Keeps a version of a respondent's answers, received at `receivedAt` (ms), in one write. */
  async add(round: string, response: SurveyResponse, receivedAt: number): Promise<void> {
    const digest = createHash('sha256').update(JSON.stringify(response)).digest('hex').slice(0, 16);
    const seq = String(receivedAt).padStart(6, '0');
    try {
      await this.tables.create('records', {
        partitionKey: responsesPartition(this.contract),
        rowKey: key(round, response.respondent, `${seq}-${digest}`),
        round,
        json: JSON.stringify({ round, response } satisfies StoredResponse),
      });
    } catch (error) {
      if (!(error instanceof StoreError) || error.kind !== 'exists') throw error;
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
    return dropRepeats(rows.map((row) => parseJson<StoredResponse>(row).response));
  }

  /** Every version of every round's responses (one partition read), by round. */
  async all(): Promise<Map<string, SurveyResponse[]>> {
    const rows = await this.tables.list('records', responsesPartition(this.contract));
    const byRound = new Map<string, SurveyResponse[]>();
    for (const row of rows) {
      const { round, response } = parseJson<StoredResponse>(row);
      byRound.set(round, [...(byRound.get(round) ?? []), response]);
    }
    for (const [round, responses] of byRound) byRound.set(round, dropRepeats(responses));
    return byRound;
  }
}

/** Versions in key order without repeats: one saying what the respondent's previous one said is dropped. */
function dropRepeats(versions: SurveyResponse[]): SurveyResponse[] {
  const latest = new Map<string, SurveyResponse>();
  return versions.filter((response) => {
    const previous = latest.get(response.respondent);
    if (previous && same(previous, response)) return false;
    latest.set(response.respondent, response);
    return true;
  });
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
