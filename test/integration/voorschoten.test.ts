// Voorschoten voor Elkaar as data (frameworks/vve.yaml, examples/voorschoten-records.json): a year of
// quarterly figures for two activities, scored without verdicts (trends against the baseline of
// the first two quarters, descriptions), its trend report, and the preparation of the hoofdtafel
// five working days before it, with the reflection questions.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Scorecard } from '../../src/domain/scoring.ts';
import { parseRecords } from '../../src/domain/validate.ts';
import { inProcess } from '../support/cli-run.ts';
import { coreWith, sharedAzurite } from '../support/core-setup.ts';
import { factBed } from '../support/fact-bed.ts';

const azurite = sharedAzurite();
const FILE = 'examples/voorschoten-records.json';
const AS_OF = ['--as-of', '2027-01-14T09:00:00+01:00'];

describe('Voorschoten voor Elkaar as data', () => {
  it('scores a year of quarterly figures as trends and descriptions, without red or green', async () => {
    const q2 = JSON.parse(
      (
        await inProcess([
          'scorecard',
          '--records',
          FILE,
          '--supplier',
          'vve',
          '--period',
          '2026-Q2',
          ...AS_OF,
          '--json',
        ])
      ).out,
    ) as Scorecard;
    // The first two quarters are the baseline: no comparison yet.
    expect(q2.kpis.filter((k) => 'settingBaseline' in k).map((k) => k.id)).toEqual([
      'A1',
      'A2',
      'A3',
      'A4',
      'K2',
    ]);
    const q4 = JSON.parse(
      (
        await inProcess([
          'scorecard',
          '--records',
          FILE,
          '--supplier',
          'vve',
          '--period',
          '2026-Q4',
          ...AS_OF,
          '--json',
        ])
      ).out,
    ) as Scorecard;
    expect(q4.kpis.every((k) => k.status === 'info')).toBe(true);
    expect(q4.red).toEqual([]);
    // Users: 18+35 and 22+41 set the baseline (58); the fourth quarter has 31+48.
    expect(q4.kpis.find((k) => k.id === 'A2')).toMatchObject({ value: 79, baseline: 58 });
    expect(q4.kpis.find((k) => k.id === 'A4')).toMatchObject({
      value: 11,
      baseline: 13.5,
      better: 'lower',
    });
    const table = (
      await inProcess(['scorecard', '--records', FILE, '--supplier', 'vve', '--period', '2026-Q4', ...AS_OF])
    ).out;
    expect(table).toMatch(
      /A4\s+Doorlooptijden\s+ter informatie\s+11 weken\s+nulmeting 13,5 weken\s+1 periode gemeld\s+-2,5 weken t\.o\.v\. de nulmeting: de goede kant op/,
    );
    // Reach: the users over the municipality's target groups (79 of 3400), as a percentage.
    expect(table).toMatch(/A3\s+Bereik binnen de populatie\s+ter informatie\s+2,3%\s+nulmeting 1,7%/);
    expect(q4.kpis.find((k) => k.id === 'A3')).toMatchObject({ unit: { nl: '%', en: '%' } });
    expect(table).toContain('Gevolg: Leren en bijsturen aan de hoofdtafel');
  });

  it('writes its trend report with the figures reported per activity', async () => {
    const pdf = join(mkdtempSync(join(tmpdir(), 'vve-')), 'vve.pdf');
    const run = await inProcess([
      'report',
      '--records',
      FILE,
      '--supplier',
      'vve',
      '--period',
      '2026-Q4',
      ...AS_OF,
      '--format',
      'pdf',
      '--out',
      pdf,
    ]);
    expect(run.code).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
    expect(text).toContain('Gemelde cijfers en beschrijvingen');
    // The scorecard row: the figure and its baseline (the table wraps them in its cells).
    expect(text).toMatch(/A2\s+Gebruikers van\s+ter\s+79\s+nulmeting\s+1 periode/);
    // Each activity by the name the records give it.
    expect(text).toMatch(/A2 Gebruikers van het aanbod\s+4e\s+Taalcafé\s+48/);
    expect(text).not.toContain('Klantaanvragen');
  });

  it('prepares the hoofdtafel five working days ahead with the last quarter and the reflection questions', async () => {
    const parsed = parseRecords(JSON.parse(readFileSync(FILE, 'utf8')));
    if (!parsed.ok) throw new Error('the example does not validate');
    const setup = await coreWith(azurite(), 'vve', parsed.records, Date.parse('2027-01-13T08:00:00+01:00'));
    const bed = factBed(setup);
    // Thursday 21 January: prepared on Thursday 14 January.
    await bed.at('2027-01-13T08:00:00+01:00');
    expect(await bed.cards('gm1', 'meeting-agenda')).toHaveLength(0);
    setup.clock.set(Date.parse('2027-01-14T09:00:00+01:00'));
    await bed.run();
    const [prep] = await bed.cards('vc1', 'meeting-agenda');
    if (!prep) throw new Error('no preparation');
    expect(await bed.cards('gm1', 'meeting-agenda')).toHaveLength(1);
    expect(prep.set.title.nl).toBe('Voorbereiding hoofdtafel met Voorschoten voor Elkaar');
    const sections = Object.fromEntries(
      (prep.sections ?? []).map((s) => [s.title.nl, s.lines.map((l) => l.nl)]),
    );
    expect(sections['De cijfers: 4e kwartaal 2026']).toContain(
      'A2 Gebruikers van het aanbod: ter informatie · 79 (nulmeting 58) — 21 t.o.v. de nulmeting: de goede kant op',
    );
    expect(sections.Reflectievragen).toEqual([
      'Herkennen we deze data in de praktijk?',
      'Kunnen we de cijfers verklaren?',
      'Kunnen we ze koppelen aan ons handelen?',
      'Wat vinden we ervan?',
      'En wat kunnen we hiervan leren?',
      'Wat gaan we anders, meer of minder doen?',
    ]);
    expect(sections['Open bevindingen en herstelplannen']).toEqual(['Geen open bevindingen.']);
  });
});
