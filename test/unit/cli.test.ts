// The command as a person runs it: a real child process, its output and its exit status.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const DEMO = 'examples/demo-records.json';

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', ['bin/prestatiemonitor.js', ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('prestatiemonitor scorecard', () => {
  it('prints the scorecard JSON of RECORDS.md for one supplier', async () => {
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
    expect(nl.stdout).toContain(
      'Gevolg: Extra inspanning vereist (KPI2, KPI4) — herstelplan uiterlijk 2026-05-23',
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
    expect(en.stdout).toContain(
      'Consequence: Extra effort required (KPI2, KPI4) — recovery plan due 2026-05-23',
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
      '--as-of: verwacht een ISO-moment met tijdzone (2026-07-01T00:00:00+02:00) of een datum, niet "gisteren"',
      '--period: verwacht een halfjaar of kwartaal zoals 2026-H1 of 2026-Q3, niet "2026-H9"',
      '--supplier: onbekende leverancier "zzz" (bekend: fbv, pco)',
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
    writeFileSync(join(dir, 'broken.json'), '{"contract": ');
    const broken = await cli('validate', '--records', join(dir, 'broken.json'));
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/broken\.json: geen geldige JSON/);
    const missing = await cli('validate', '--records', join(dir, 'nope.json'), '--lang', 'en');
    expect(missing.stderr).toMatch(/nope\.json: file not found/);
  });

  it('validates a good file and has help for every command', async () => {
    const ok = await cli('validate', '--records', DEMO);
    expect(ok).toMatchObject({ code: 0 });
    expect(ok.stdout).toContain('in orde (2 leveranciers');
    expect((await cli('scorecard', '--help')).stdout).toContain('--as-of MOMENT');
    expect((await cli('validate', '--help', '--lang', 'en')).stdout).toContain(
      'Usage: prestatiemonitor validate',
    );
    expect((await cli('--help')).stdout).toContain('scorecard');
    expect(await cli('onzin')).toMatchObject({ code: 2 });
  });
});

describe('prestatiemonitor argument errors and --help', () => {
  it('start --help prints the help and exits 0 without starting the bot', async () => {
    const { code, stdout } = await cli('start', '--help');
    expect(code).toBe(0);
    expect(stdout).toContain('prestatiemonitor start');
    expect(stdout).toContain('docs/records.md');
    expect(stdout).not.toContain('Ctrl-C stopt de bot');
  });

  it('names --as-of and its value for a date that does not exist, exit 2', async () => {
    const { code, stderr } = await cli('scorecard', '--records', DEMO, '--as-of', '2026-13-45');
    expect(code).toBe(2);
    expect(stderr).toContain('--as-of');
    expect(stderr).toContain('2026-13-45');
    expect(stderr).not.toContain('iets mis aan onze kant');
  });

  it('names --out when its folder does not exist, exit 2', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'pm-')), 'missing', 'records.json');
    const { code, stderr } = await cli('export', '--out', out, '--lang', 'en');
    expect(code).toBe(2);
    expect(stderr).toContain('--out');
    expect(stderr).toContain('does not exist');
  });
});
