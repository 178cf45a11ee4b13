// Frameworks as data files: LEF's own is frameworks/lef.yaml; a made-up one that exists only in these
// tests (test/fixtures/frameworks/wijkteam.yaml) is added through FRAMEWORKS_DIR, scored by the
// command line and asked in chat with no product code of its own; a wrong file is refused with its
// name and every wrong field.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { QuestionnaireMessage } from '../../src/channels/questionnaire-view.ts';
import { useFrameworksDir } from '../../src/commands/frameworks.ts';
import { FrameworkFileError, readFrameworkDir } from '../../src/domain/frameworks/files.ts';
import { findFramework } from '../../src/domain/frameworks/index.ts';
import { Framework } from '../../src/domain/frameworks/schema.ts';
import type { Records } from '../../src/domain/records.ts';
import type { Scorecard } from '../../src/domain/scoring.ts';
import { handleCommand } from '../../src/flows/commands.ts';
import { renderBlocks } from '../../src/render/blocks.ts';
import { renderCard } from '../../src/render/cards.ts';
import { inProcess } from '../support/cli-run.ts';
import { coreWith, sharedAzurite } from '../support/core-setup.ts';
import { factBed } from '../support/fact-bed.ts';
import { addRequests, addSession, answerAll, baseRecords, valid } from '../support/records.ts';

const azurite = sharedAzurite();
const OWN = 'test/fixtures/frameworks';

/** Half a year of a neighbourhood team: 9 of 10 requests with a fitting proposal, 4 of 5 sessions with impact. */
function wijkteamRecords(): Records {
  const r = baseRecords();
  r.contract = { ...r.contract, id: 'wijk', framework: 'wijkteam' };
  addRequests(r, 10, 9);
  for (let i = 0; i < 5; i++) answerAll(r, addSession(r, { day: `2026-03-0${i + 2}` }));
  const last = r.evaluations.filter((e) => e.role === 'internalClient').at(-1);
  if (last?.role === 'internalClient') last.impact = false;
  return r;
}

/** Three quarters of two activities' figures, for the made-up buurtwerk framework. */
function buurtwerkRecords(): Records {
  const r = baseRecords();
  r.contract = { ...r.contract, id: 'buurt', framework: 'buurtwerk', assessment: 'quarter' };
  const figure = (period: string, measure: string, activity: string, value: number) => ({
    supplier: 's1',
    measure,
    period,
    activity,
    value,
    source: 'registratie',
  });
  r.measurements = [
    figure('2026-Q1', 'gebruikers', 'maatjes', 40),
    figure('2026-Q1', 'gebruikers', 'taalcafe', 20),
    figure('2026-Q2', 'gebruikers', 'maatjes', 50),
    figure('2026-Q2', 'gebruikers', 'taalcafe', 30),
    figure('2026-Q2', 'klachten', 'maatjes', 1),
    figure('2026-Q2', 'klachten', 'taalcafe', 1),
    figure('2026-Q3', 'gebruikers', 'maatjes', 70),
    figure('2026-Q3', 'gebruikers', 'taalcafe', 30),
    figure('2026-Q3', 'klachten', 'maatjes', 1),
    figure('2026-Q3', 'klachten', 'taalcafe', 3),
    figure('2026-Q3', 'aanbod', 'maatjes', 12),
    figure('2026-Q3', 'aanbod', 'taalcafe', 5),
    {
      supplier: 's1',
      measure: 'omschrijving',
      period: '2026-Q3',
      text: 'Het taalcafé is verhuisd naar de bibliotheek.',
    },
  ];
  return r;
}

describe('frameworks as data', () => {
  it('refuses a recovery plan whose questions the flow cannot read, and two figures under one key', () => {
    const lef = findFramework('lef');
    if (!lef?.recoveryPlan) throw new Error('lef');
    const plan = {
      ...lef.recoveryPlan.plan,
      questions: lef.recoveryPlan.plan.questions.filter((q) => q.id !== 'causes'),
    };
    const parsed = Framework.safeParse({ ...lef, id: 'lef-x', recoveryPlan: { ...lef.recoveryPlan, plan } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toContain('needs a question "causes"');
    // An activity "-" and none are one key in the store: refused, not a crash at import.
    const r = baseRecords();
    r.measurements = [
      { supplier: 's1', measure: 'm', period: '2026-Q1', value: 1 },
      { supplier: 's1', measure: 'm', period: '2026-Q1', activity: '-', value: 2 },
    ];
    expect(() => valid(r)).toThrow(/measurements\[1\]/);
  });

  it('refuses a wrong framework file with its name and the path of every wrong field', async () => {
    expect(() => readFrameworkDir('test/fixtures/bad-frameworks')).toThrow(FrameworkFileError);
    expect(() => readFrameworkDir('test/fixtures/bad-frameworks')).toThrow(
      /broken\.yaml: not a valid framework\n {2}kpis\[0\]\.rule\.norm: .*\n {2}consequences: needs an entry for 0 red KPIs/,
    );
    const run = await inProcess(['validate', '--records', 'examples/demo-records.json'], {
      FRAMEWORKS_DIR: 'test/fixtures/bad-frameworks',
    });
    expect(run.code).toBe(1);
    expect(run.err).toContain('FRAMEWORKS_DIR:');
    expect(run.err).toContain('broken.yaml');
    expect(findFramework('broken')).toBeUndefined();
  });

  it('scores a made-up framework from its file on the command line, with no code of its own', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'wijk-')), 'records.json');
    writeFileSync(file, JSON.stringify(wijkteamRecords()));
    const args = ['scorecard', '--records', file, '--supplier', 's1', '--period', '2026-H1'];
    const asOf = ['--as-of', '2026-06-15T12:00:00+02:00', '--json'];
    // Unknown without its folder: the records name a framework the bot does not have.
    const without = await inProcess(['validate', '--records', file]);
    expect(without.code).not.toBe(0);
    const run = await inProcess([...args, ...asOf], { FRAMEWORKS_DIR: OWN });
    expect(run.err).toBe('');
    const card = JSON.parse(run.out) as Scorecard;
    expect(card.kpis.map((k) => [k.id, k.status])).toEqual([
      ['W1', 'green'],
      ['W2', 'green'],
      ['W3', 'nodata'],
    ]);
    expect(card.kpis[0]).toMatchObject({ passed: 9, counted: 10 });
    expect(card.kpis[1]).toMatchObject({ passed: 4, counted: 5 });
    expect(card.consequence).toBe('all-green');
  });

  it('asks for its report in chat with its own indicators, and shows its scorecard', async () => {
    useFrameworksDir(OWN);
    const setup = await coreWith(
      azurite(),
      'fw',
      valid(wijkteamRecords()),
      Date.parse('2026-07-01T08:00:00+02:00'),
    );
    const bed = factBed(setup);
    await bed.at('2026-07-01T08:00:00+02:00');
    const [card] = await bed.cards('sc1', 'report-delivery');
    if (!card) throw new Error('no report card');
    expect(card.set.questions.map((q) => q.label.nl)).toEqual([
      'Toelichting W1 — Tijdig voorstel',
      'Toelichting W2 — Merkbaar verschil',
      'Toelichting W3 — Halfjaarverslag',
    ]);
    // 30 days after the half-year, as its file says.
    expect(card.facts.map((f) => f.value.nl)).toContain('30 juli 2026');
    const [scorecard] = await handleCommand(setup.core, 'cm1', 'scorecard Facilitators 2026-H1');
    if (scorecard?.kind !== 'scorecard') throw new Error('no scorecard');
    expect(scorecard.scorecard.kpis.map((k) => k.id)).toEqual(['W1', 'W2', 'W3']);
    expect((card as QuestionnaireMessage).link?.url.nl).toContain('/reports/');
  });

  it('scores figures against a threshold, trends against their baseline and descriptions, without a verdict where there is none', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'buurt-')), 'records.json');
    writeFileSync(file, JSON.stringify(buurtwerkRecords()));
    const scored = async (period: string, json = true) =>
      inProcess(
        [
          'scorecard',
          '--records',
          file,
          '--supplier',
          's1',
          '--period',
          period,
          '--as-of',
          '2026-11-02T12:00:00+01:00',
          ...(json ? ['--json'] : []),
        ],
        { FRAMEWORKS_DIR: OWN },
      );
    const q2 = JSON.parse((await scored('2026-Q2')).out) as Scorecard;
    // The second quarter still sets the baseline: no comparison yet.
    expect(q2.kpis.map((k) => [k.id, k.status])).toEqual([
      ['AANBOD', 'nodata'],
      ['KLACHTEN', 'green'],
      ['GEBRUIKERS', 'info'],
      ['OMSCHRIJVING', 'nodata'],
    ]);
    expect(q2.kpis[2]).toMatchObject({ value: 80, settingBaseline: true });
    const q3 = JSON.parse((await scored('2026-Q3')).out) as Scorecard;
    expect(q3.kpis).toEqual([
      { id: 'AANBOD', status: 'info', rule: 'figure', value: 17, periods: 1 },
      { id: 'KLACHTEN', status: 'red', rule: 'figure', value: 4, max: 3, periods: 1 },
      {
        id: 'GEBRUIKERS',
        status: 'info',
        rule: 'trend',
        value: 100,
        better: 'higher',
        baseline: 70,
        periods: 1,
      },
      {
        id: 'OMSCHRIJVING',
        status: 'info',
        rule: 'descriptive',
        text: 'Het taalcafé is verhuisd naar de bibliotheek.',
        periods: 1,
      },
    ]);
    // Only the threshold crossed is red: one red, the rest for information; no recovery plan is
    // announced, as the framework asks for none.
    expect(q3.red).toEqual(['KLACHTEN']);
    expect(q3.recoveryPlanDue).toBeUndefined();
    const table = (await scored('2026-Q3', false)).out;
    expect(table).toMatch(
      /GEBRUIKERS\s+Gebruikers van het aanbod\s+ter informatie\s+100\s+nulmeting 70\s+1 periode gemeld\s+30 t\.o\.v\. de nulmeting: de goede kant op/,
    );
    expect(table).toMatch(/KLACHTEN\s+Klachten\s+rood\s+4\s+≤ 3/);
    // Its report has its own figures, not LEF's seven sections.
    const xlsx = join(tmpdir(), `buurt-${process.pid}.xlsx`);
    const made = await inProcess(
      [
        'report',
        '--records',
        file,
        '--supplier',
        's1',
        '--period',
        '2026-Q3',
        '--as-of',
        '2026-11-02T12:00:00+01:00',
        '--format',
        'xlsx',
        '--out',
        xlsx,
      ],
      { FRAMEWORKS_DIR: OWN },
    );
    expect(made.code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    const sheets = book.worksheets.map((w) => w.name);
    expect(sheets).toContain('Gemelde cijfers en beschrijving');
    expect(sheets.some((name) => /^KPI\d$/.test(name))).toBe(false);
    const figures = book.getWorksheet('Gemelde cijfers en beschrijving');
    expect(figures?.rowCount).toBeGreaterThanOrEqual(8);
  });

  it('shows a trend and a description in chat, with a shape and a legend for information', async () => {
    useFrameworksDir(OWN);
    const setup = await coreWith(
      azurite(),
      'bw',
      valid(buurtwerkRecords()),
      Date.parse('2026-10-05T09:00:00+02:00'),
    );
    const [reply] = await handleCommand(setup.core, 'cm1', 'scorecard Facilitators 2026-Q3');
    if (reply?.kind !== 'scorecard') throw new Error('no scorecard');
    const card = JSON.stringify(renderCard(reply, 'nl'));
    expect(card).toContain('ter informatie');
    expect(card).toContain('○ ter informatie: een trend of beschrijving, zonder oordeel');
    expect(card).toContain('Het taalcafé is verhuisd naar de bibliotheek.');
    const blocks = JSON.stringify(renderBlocks(reply, 'en').blocks);
    expect(blocks).toContain('for information');
    // Kept in the store like every record: an export gives them back.
    expect((await setup.core.records.exportRecords('buurt')).measurements).toHaveLength(13);
  });
});
