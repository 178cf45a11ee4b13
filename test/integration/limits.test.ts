// Ids and sizes against Azurite: every id the schema accepts is stored in every key it ends up in and
// its evaluation opens; what is too large is refused by validation, or by the import before it
// writes anything; an import schedules the evaluations whose window is open and recomputes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.ts';
import { MINUTE } from '../../src/clock.ts';
import type { Records } from '../../src/domain/records.ts';
import { formatIssues, parseRecords } from '../../src/domain/validate.ts';
import { submitAnswers } from '../../src/flows/evaluations.ts';
import { registerSession } from '../../src/flows/sessions.ts';
import { OutboxStore } from '../../src/store/outbox.ts';
import { ImportRefusedError, RecordsStore } from '../../src/store/records-store.ts';
import { TableStore } from '../../src/store/tables.ts';
import { coreWith, evaluationMessages, freshTables, sharedAzurite } from '../support/core-setup.ts';
import { baseRecords, valid } from '../support/records.ts';

const azurite = sharedAzurite();

const END = Date.parse('2026-03-02T12:00:00+01:00');
const longest = (char: string) => char.repeat(200);
/** A session of s1 for f1, rm1 and ic1, from 9 to 12 on the day. */
const s1Session = (id: string, day = '2026-03-02') => ({
  id,
  supplier: 's1',
  start: `${day}T09:00:00+01:00`,
  end: `${day}T12:00:00+01:00`,
  facilitators: ['f1'],
  relationshipManager: 'rm1',
  internalClient: 'ic1',
});

/** A contract whose every id is the longest the schema accepts, of characters a key must escape. */
function longIds(): Records {
  const [contract, supplier, session, facilitator, rm, ic] = ['|', '/', '%', '#', '?', '\\'].map(longest) as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  return valid({
    ...baseRecords(),
    contract: { id: contract, framework: 'lef', startDate: '2026-01-01', assessment: 'half-year' },
    suppliers: [{ id: supplier, name: 'Lange Ids BV' }],
    people: [
      { id: facilitator, name: 'Fenna', roles: ['facilitator'], supplier, onboardedOn: '2026-01-10' },
      { id: rm, name: 'Rik', roles: ['relationshipManager'] },
      { id: ic, name: 'Iris', roles: ['internalClient'] },
    ],
    sessions: [
      {
        id: session,
        supplier,
        start: '2026-03-02T09:00:00+01:00',
        end: '2026-03-02T12:00:00+01:00',
        facilitators: [facilitator],
        relationshipManager: rm,
        internalClient: ic,
      },
    ],
  });
}

/** Runs the command against the test's Azurite (no table prefix: each test uses its own contract). */
async function cli(args: string[], now = END + MINUTE) {
  const out: string[] = [];
  const err: string[] = [];
  const previous = process.env.STORAGE_CONNECTION_STRING;
  process.env.STORAGE_CONNECTION_STRING = azurite().connectionString;
  try {
    const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t), now: () => now });
    return { code, out, err };
  } finally {
    if (previous === undefined) delete process.env.STORAGE_CONNECTION_STRING;
    else process.env.STORAGE_CONNECTION_STRING = previous;
  }
}

function file(records: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'pm-limits-')), 'records.json');
  writeFileSync(path, JSON.stringify(records));
  return path;
}

async function unprefixed() {
  const tables = new TableStore({ connectionString: azurite().connectionString });
  await tables.ensureTables();
  return new RecordsStore(tables);
}

describe('ids', () => {
  it('stores the longest accepted ids in every key and opens their evaluation', async () => {
    const records = longIds();
    const { core, conversations, store, worker, log } = await coreWith(azurite(), 'l', records, END + MINUTE);
    await worker.runOnce();
    expect(log.filter((line) => line.includes('failed'))).toEqual([]);
    expect(await core.outbox.dead()).toEqual([]);
    const session = records.sessions[0];
    if (!session) throw new Error('setup');
    expect(await core.assignments.forSession(records.contract.id, session.id)).toHaveLength(3);

    const people = [session.facilitators[0], session.relationshipManager, session.internalClient] as string[];
    for (const person of people) expect(evaluationMessages(await conversations.list(person))).toHaveLength(1);
    const [prompt] = evaluationMessages(await conversations.list(people[0]));
    if (!prompt) throw new Error('no prompt');
    const answered = await submitAnswers(core, people[0] as string, prompt.assignmentId, {
      lefApplied: 'yes',
      lefExplanation: 'Lange ids, toch opgeslagen',
      impact: 'yes',
      impactExplanation: 'Ja',
    });
    expect(answered.message).toMatchObject({ kind: 'evaluation', state: 'answered' });
    const exported = await store.exportRecords(records.contract.id);
    expect(exported.evaluations).toMatchObject([{ session: session.id, respondent: people[0] }]);
    expect(exported.sessions).toEqual(records.sessions);
  });

  it('opens the evaluation of a session registered with two characters and 118 | as its id', async () => {
    const records = baseRecords();
    const { core, conversations, worker } = await coreWith(azurite(), 'l', records, END + MINUTE);
    const result = await registerSession(core, s1Session(`ab${'|'.repeat(118)}`));
    expect(result).toMatchObject({ ok: true, outcome: 'created' });
    await worker.runOnce();
    expect(await core.outbox.dead()).toEqual([]);
    for (const person of ['f1', 'rm1', 'ic1'])
      expect(evaluationMessages(await conversations.list(person))).toHaveLength(1);
  });
});

describe('sizes', () => {
  it('refuses too-long texts and records too large to store, naming each', () => {
    const records = baseRecords();
    records.sessions.push(s1Session('ses1'));
    records.evaluations.push({
      session: 'ses1',
      respondent: 'rm1',
      role: 'relationshipManager',
      submittedAt: '2026-03-02T13:00:00+01:00',
      lefApplied: true,
      lefExplanation: 'x'.repeat(100_000),
    });
    (records.people[0] as { name: string }).name = 'n'.repeat(40_000);
    // A session within every field limit that is still too large as one record.
    const many = Array.from({ length: 150 }, (_, i) => `${'"'.repeat(190)}${i}`);
    for (const id of many)
      records.people.push({
        id,
        name: 'F',
        roles: ['facilitator'],
        supplier: 's1',
        onboardedOn: '2026-01-10',
      });
    records.sessions.push({
      ...(records.sessions[0] as Records['sessions'][number]),
      id: 'ses2',
      facilitators: many,
    });
    const parsed = parseRecords(records);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(formatIssues(parsed.issues, 'nl')).toEqual([
      'people[0].name: te lang (hoogstens 200 tekens, nu 40000)',
      'evaluations[0].lefExplanation: te lang (hoogstens 2000 tekens, nu 100000)',
    ]);
    (records.people[0] as { name: string }).name = 'Fenna';
    records.evaluations = [];
    const again = parseRecords(records);
    expect(again.ok ? [] : formatIssues(again.issues, 'en')).toEqual([
      expect.stringMatching(/^sessions\[1\]: too large to store \(\d+ characters as JSON, at most 28000\)$/),
    ]);
  });

  it('refuses an oversize file whole: nothing is written', async () => {
    const records = { ...baseRecords(), contract: { ...baseRecords().contract, id: 'oversize' } };
    (records.people[3] as { name: string }).name = 'n'.repeat(40_000);
    const result = await cli(['import', '--records', file(records)]);
    expect(result).toMatchObject({
      code: 2,
      err: ['people[3].name: te lang (hoogstens 200 tekens, nu 40000)'],
    });
    expect(await (await unprefixed()).contractIds()).not.toContain('oversize');
  });

  it('refuses, before writing anything, an import that would be too large together with what is stored', async () => {
    const responses = (from: number) =>
      Array.from({ length: 220 }, (_, i) => ({
        respondent: 'cm1',
        side: 'client' as const,
        submittedAt: new Date(Date.parse('2026-06-02T08:00:00Z') + (from + i) * MINUTE).toISOString(),
        answers: { collaboration: 'c', feedback: 'b' } as const,
      }));
    const withRound = (from: number) => {
      const records = baseRecords();
      records.contract.id = 'merged';
      records.surveyRounds.push({
        id: 'sv1',
        supplier: 's1',
        opensOn: '2026-06-01',
        closesOn: '2026-06-30',
        respondents: ['cm1'],
        responses: responses(from),
      });
      return valid(records);
    };
    const { records: store, tables } = await freshTables(azurite(), 'm');
    await store.importRecords(withRound(0));
    const before = (await tables.list('records', 'merged')).map((e) => e.etag);
    const second = withRound(1000);
    second.people.push({ id: 'new-person', name: 'Nieuw', roles: ['lefTeam'] });
    const refused = await store.importRecords(second).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ImportRefusedError);
    expect(formatIssues((refused as ImportRefusedError).issues, 'en')).toEqual([
      expect.stringMatching(
        /^surveyRounds\[0\]: together with what is stored, too large to store .*nothing was imported$/,
      ),
    ]);
    expect((await tables.list('records', 'merged')).map((e) => e.etag)).toEqual(before);
  });
});

describe('importing', () => {
  it('schedules the evaluation of sessions whose window is open and recomputes, once', async () => {
    const records = baseRecords();
    records.contract.id = 'scheduled';
    records.sessions.push(s1Session('open-window'), s1Session('long-closed', '2026-01-12'));
    const path = file(records);
    const first = await cli(['import', '--records', path]);
    expect(first.code).toBe(0);
    const outbox = new OutboxStore(
      new TableStore({ connectionString: azurite().connectionString }),
      'scheduled',
    );
    const pending = (await outbox.pending()).map((item) => item.id).sort();
    expect(pending).toEqual([
      'open-evaluation|open-window|2026-03-02T12:00:00+01:00',
      expect.stringMatching(/^recompute-scorecard\|s1\|2026-H1\|\d+$/),
    ]);
    // The same file again: nothing written, nothing new scheduled.
    const again = await cli(['import', '--records', path], END + 5 * MINUTE);
    expect(again.out.join('\n')).toContain('0 records geschreven');
    expect((await outbox.pending()).map((item) => item.id).sort()).toEqual(pending);
  });
});
