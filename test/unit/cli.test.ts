// The command line's scorecard and validate as a person runs them, and the figures docs/ quotes.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, DEMO } from '../support/cli-run.ts';

describe('prestatiemonitor scorecard', () => {
  it('prints the scorecard JSON of docs/records.md for one supplier', async () => {
    const { code, stdout } = await cli(
      'scorecard',
      '--records',
      DEMO,
      '--supplier',
      'pco',
      '--period',
      '2026-H1',
      '--as-of',
      '2026-08-01T00:00:00+02:00',
      '--json',
    );
    expect(code).toBe(0);
    const card = JSON.parse(stdout);
    expect(Object.keys(card)).toEqual([
      'contract',
      'supplier',
      'period',
      'asOf',
      'kpis',
      'red',
      'consequence',
      'recoveryPlanDue',
    ]);
    expect(card).toMatchObject({
      contract: 'lef-2026',
      supplier: 'pco',
      period: '2026-H1',
      asOf: '2026-08-01T00:00:00+02:00',
      red: ['KPI2', 'KPI4'],
      consequence: 'extra-effort',
      recoveryPlanDue: '2026-05-23',
    });
    expect(card.kpis.map((k: { id: string }) => k.id)).toEqual([
      'KPI1',
      'KPI2',
      'KPI3',
      'KPI4',
      'KPI5',
      'KPI6',
      'KPI7',
    ]);
    expect(card.kpis[0]).toEqual({
      id: 'KPI1',
      status: 'green',
      passed: 19,
      counted: 20,
      value: 0.95,
      norm: 0.95,
      pending: 0,
    });
  });

  it('prints an array for all suppliers, scoring the period of the as-of moment', async () => {
    const { stdout } = await cli(
      'scorecard',
      '--records',
      DEMO,
      '--as-of',
      '2026-05-01T00:00:00+02:00',
      '--json',
    );
    const cards = JSON.parse(stdout);
    expect(cards.map((c: { supplier: string; period: string }) => `${c.supplier}:${c.period}`)).toEqual([
      'fbv:2026-H1',
      'pco:2026-H1',
    ]);
  });

  it('prints a Dutch table by default and an English one on request', async () => {
    const nl = await cli(
      'scorecard',
      '--records',
      DEMO,
      '--supplier',
      'pco',
      '--period',
      '2026-H1',
      '--as-of',
      '2026-08-01T00:00:00+02:00',
    );
    expect(nl.stdout).toContain('KPI2  Toepassing LEF-aanpak');
    expect(nl.stdout).toMatch(/rood\s+89,5%/);
    expect(nl.stdout).toMatch(
      /Gevolg: Extra inspanning vereist \(KPI2, KPI4\) — herstelplan uiterlijk (2026-05-23|23 mei 2026)/,
    );
    const en = await cli(
      'scorecard',
      '--records',
      DEMO,
      '--supplier',
      'pco',
      '--period',
      '2026-H1',
      '--as-of',
      '2026-08-01T00:00:00+02:00',
      '--lang',
      'en',
    );
    expect(en.stdout).toMatch(
      /Consequence: Extra effort required \(KPI2, KPI4\) — recovery plan due (2026-05-23|23 May 2026)/,
    );
  });

  it('answers bad arguments with one line per problem and exit status 2', async () => {
    const { code, stderr, stdout } = await cli(
      'scorecard',
      '--records',
      DEMO,
      '--supplier',
      'zzz',
      '--period',
      '2026-H9',
      '--as-of',
      'gisteren',
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([
      '--as-of: verwacht een bestaande datum (2026-07-01) of een ISO-moment met tijdzone (2026-07-01T00:00:00+02:00), niet "gisteren"',
      '--period: verwacht een halfjaar of kwartaal zoals 2026-H1 of 2026-Q3, niet "2026-H9"',
      '--supplier: onbekende opdrachtnemer "zzz" (bekend: fbv, pco)',
    ]);
    const unknown = await cli('scorecard', '--recrods', DEMO, '--lang', 'en');
    expect(unknown).toMatchObject({ code: 2, stderr: '--recrods: unknown option (see --help)\n' });
  });

  it('answers a bad file with the path of every wrong field, and never a stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-'));
    const bad = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(DEMO, 'utf8')));
    bad.sessions[3].end = 'morgen';
    bad.sessions[5].facilitators = ['onbekend'];
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(bad));
    const { code, stderr } = await cli('scorecard', '--records', join(dir, 'bad.json'), '--lang', 'en');
    expect(code).toBe(2);
    expect(stderr).toContain('sessions[3].end: expected an ISO date-time');
    expect(stderr).not.toMatch(/\bat .*\.ts:\d+/);
    writeFileSync(join(dir, 'broken.json'), '{\n  "contract": ');
    const broken = await cli('validate', '--records', join(dir, 'broken.json'));
    expect(broken).toMatchObject({ code: 2, stdout: '' });
    expect(broken.stderr).toBe(
      `--records: "${join(dir, 'broken.json')}" is geen geldige JSON (regel 2, kolom 15)\n`,
    );
    const missing = await cli('validate', '--records', join(dir, 'nope.json'), '--lang', 'en');
    expect(missing).toMatchObject({
      code: 2,
      stderr: `--records: the file "${join(dir, 'nope.json')}" does not exist\n`,
    });
    const folder = await cli('validate', '--records', dir, '--lang', 'en');
    expect(folder).toMatchObject({ code: 2, stderr: `--records: cannot read "${dir}" (it is a folder)\n` });
  });

  it('validates a good file and has help for every command', async () => {
    const ok = await cli('validate', '--records', DEMO);
    expect(ok).toMatchObject({ code: 0 });
    expect(ok.stdout).toContain('in orde (2 opdrachtnemers, 16 personen, 41 sessies, 123 evaluaties)');
    expect((await cli('scorecard', '--help')).stdout).toContain('--as-of MOMENT');
    expect((await cli('validate', '--help', '--lang', 'en')).stdout).toContain(
      'Usage: prestatiemonitor validate',
    );
    expect((await cli('--help')).stdout).toContain('scorecard');
    expect(await cli('onzin')).toMatchObject({ code: 2 });
  });
});

describe('docs/ says what the code does', () => {
  it('the complete example of docs/records.md passes validate', async () => {
    const doc = readFileSync('docs/records.md', 'utf8');
    const example = /## A complete example[\s\S]*?```json\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    const file = join(mkdtempSync(join(tmpdir(), 'pm-doc-')), 'example.json');
    writeFileSync(file, example as string);
    const { code, stdout } = await cli('validate', '--records', file, '--lang', 'en');
    expect(code).toBe(0);
    expect(stdout).toContain('valid (1 supplier, 7 people, 1 session, 3 evaluations)');
  });

  it('gives the figures of the worked examples in docs/scoring.md', async () => {
    const score = async (supplier: string, period: string) => {
      const args = ['--supplier', supplier, '--period', period, '--as-of', '2026-08-01', '--json'];
      const { stdout } = await cli('scorecard', '--records', DEMO, ...args);
      const card = JSON.parse(stdout);
      return { card, kpi: (id: string) => card.kpis.find((k: { id: string }) => k.id === id) };
    };
    const [h1, h2, fbv] = await Promise.all([
      score('pco', '2026-H1'),
      score('pco', '2026-H2'),
      score('fbv', '2026-H2'),
    ]);
    expect(h1.kpi('KPI1')).toMatchObject({ status: 'green', passed: 19, counted: 20 });
    expect(h1.kpi('KPI2')).toMatchObject({ status: 'red', passed: 17, counted: 19, value: 0.8947 });
    expect(h1.kpi('KPI3')).toMatchObject({ status: 'green', passed: 19, counted: 19 });
    expect(h1.kpi('KPI4')).toMatchObject({ status: 'red', passed: 1, counted: 2, value: 0.5 });
    expect(h1.kpi('KPI5')).toMatchObject({
      status: 'green',
      norm: 'voldoende',
      questions: { collaboration: 'voldoende', feedback: 'voldoende' },
      gaps: ['collaboration'],
    });
    expect(h1.kpi('KPI6')).toMatchObject({ status: 'nodata' });
    expect(h1.kpi('KPI7')).toMatchObject({
      status: 'green',
      value: 0.0218,
      planDue: '2026-04-01',
      planSubmittedOn: '2026-03-30',
    });
    expect(h1.card).toMatchObject({
      red: ['KPI2', 'KPI4'],
      consequence: 'extra-effort',
      recoveryPlanDue: '2026-05-23',
    });
    expect(h2.kpi('KPI6')).toMatchObject({ status: 'red', passed: 0, counted: 1 });
    expect(fbv.kpi('KPI6')).toMatchObject({ status: 'green', passed: 1, counted: 1 });
  });
});
