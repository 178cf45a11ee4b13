// Findings with a life and their alerts, against Azurite with an injected clock: a supplier goes
// green → one red (by time alone) → two red → three red (critical) → two red → green, each change
// alerted once in the alert channel, in Dutch and English, and nothing twice after a restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AlertView } from '../../src/channels/channel.ts';
import { runCli } from '../../src/cli.ts';
import { DAY, HOUR, ManualClock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import { type Period, parsePeriod } from '../../src/domain/periods.ts';
import type { Records } from '../../src/domain/records.ts';
import { prepare, type Scorecard, scoreSupplier } from '../../src/domain/scoring.ts';
import { UserError } from '../../src/errors.ts';
import { handleCommand } from '../../src/flows/commands.ts';
import { dailyScorecardsJob } from '../../src/flows/daily.ts';
import { ReconcileBusy, reconcileScorecard } from '../../src/flows/findings.ts';
import { importRecordsFile } from '../../src/flows/import-records.ts';
import { startBot } from '../../src/main.ts';
import { alertData } from '../../src/render/alert-view.ts';
import { renderBlocks } from '../../src/render/blocks.ts';
import { renderCard } from '../../src/render/cards.ts';
import { Scheduler } from '../../src/scheduler/scheduler.ts';
import { ConversationStore } from '../../src/store/conversations.ts';
import { StoreError } from '../../src/store/errors.ts';
import { LockStore } from '../../src/store/locks.ts';
import { openStore } from '../../src/store/open.ts';
import { coreOn, coreWith, sharedAzurite } from '../support/core-setup.ts';
import { s1Alone, valid } from '../support/records.ts';

const azurite = sharedAzurite();

/** 10 July 2026, 08:00 in Amsterdam: the 2026-H1 report is due on the 21st. */
const JULY_10 = Date.parse('2026-07-10T08:00:00+02:00');

function records(change: (r: Records) => void = () => {}): Records {
  // The plan of approach is in and the social return is 3% of revenue: KPI 7 green. The other
  // supplier is left out: this is about one supplier's findings.
  const r = s1Alone();
  change(r);
  return valid(r);
}

const request = (suitableProposed: number) => ({
  id: 'r1',
  supplier: 's1',
  date: '2026-07-13',
  requestedFacilitators: 2 as const,
  registration: {
    by: 'rm1',
    at: '2026-07-14T12:00:00+02:00',
    suitableProposed,
    returned: false,
    motivation: 'profielen',
  },
});
const lowReturn = (r: Records) => {
  r.socialReturn = [
    {
      supplier: 's1',
      planSubmittedOn: '2026-03-01',
      figures: [{ upTo: '2026-06-30', revenue: 100_000, sroiValue: 1_000 }],
    },
  ];
};
const reportOnTime = (r: Records) => {
  r.reports = [{ supplier: 's1', covers: '2026-H1', deliveredOn: '2026-07-20', accepted: true }];
};

async function opened() {
  const setup = await coreWith(azurite(), 'al', records(), JULY_10);
  const scheduler = new Scheduler(setup.core, [dailyScorecardsJob], 'one');
  /** `days` later: the daily recomputation runs, and what it queues. */
  const nextDay = async (days = 1) => {
    setup.clock.advance(days * DAY);
    await scheduler.tick();
    await setup.worker.runOnce();
  };
  /** The alert channel's alerts about a period (2026-H2 unless said). */
  const alerts = async (period = '2026-H2'): Promise<AlertView[]> =>
    (await setup.conversations.list(undefined)).flatMap((m) =>
      m.message.kind === 'alert' && m.message.alert.period === period ? [m.message.alert] : [],
    );
  const importing = async (file: Records) => {
    await importRecordsFile({ tables: setup.tables, records: setup.store }, file, setup.clock);
    await setup.worker.runOnce();
  };
  return { ...setup, scheduler, nextDay, alerts, importing };
}

describe('findings and their alerts', () => {
  it('alerts each change once: red by time, two, three (critical), back to two, green; nothing twice after a restart', async () => {
    const { nextDay, alerts, importing, store, tables, clock, worker } = await opened();
    await nextDay();
    expect(await alerts()).toEqual([]); // all green or pending: nothing to say

    // 22 July: the H1 report was due yesterday and nobody delivered it. No answer, no import: the day does it.
    await nextDay(11);
    const [first] = await alerts();
    expect(first).toMatchObject({
      supplier: 's1',
      period: '2026-H2',
      level: 'extra-effort',
      newlyRed: [{ id: 'KPI6' }],
      recoveryPlanDue: '2026-08-12', // 21 days after it was found
    });
    const firstNl = alertData(first as AlertView, 'nl');
    expect(firstNl.title).toBe('Extra inspanning vereist: Facilitators BV');
    expect(firstNl.body).toContain('KPI6 Managementrapportage staat nu op rood in 2e halfjaar 2026.');
    expect(firstNl.body).toContain(
      'Eén KPI staat op rood: extra inspanning vereist. Er is een herstelplan nodig, uiterlijk 12 augustus 2026; het wordt besproken in het reguliere tactisch overleg.',
    );
    expect(alertData(first as AlertView, 'en').body).toContain(
      'One KPI is red: extra effort required. A recovery plan is due by 12 August 2026, to be discussed at the regular tactical meeting.',
    );

    // A client request with one fitting facilitator of two: KPI 1 red as well, two red.
    clock.advance(HOUR);
    await importing(records((r) => r.clientRequests.push(request(1))));
    const second = (await alerts())[1];
    expect(second).toMatchObject({
      level: 'extra-effort',
      newlyRed: [{ id: 'KPI1' }],
      recoveryPlanDue: '2026-08-12',
    });
    expect(second?.red.map((k) => k.id)).toEqual(['KPI1', 'KPI6']);
    expect(alertData(second as AlertView, 'nl').facts).toContainEqual({
      title: 'KPI1 Levering passende facilitatoren',
      value: expect.stringContaining('0%'),
    });

    // The social return drops to 1%: three red, the critical phase, the contract manager mentioned.
    clock.advance(HOUR);
    await importing(
      records((r) => {
        r.clientRequests.push(request(1));
        lowReturn(r);
      }),
    );
    const third = (await alerts())[2] as AlertView;
    expect(third).toMatchObject({ level: 'critical', critical: true, newlyRed: [{ id: 'KPI7' }] });
    expect(third.mention).toEqual([{ person: 'cm1', name: 'Carla' }]);
    const critical = alertData(third, 'nl');
    expect(critical.title).toBe('Kritieke fase: Facilitators BV');
    expect(critical.body).toContain(
      "3 KPI's staan op rood: dit is de kritieke fase. Plan zo snel mogelijk een overleg, niet pas bij het volgende reguliere overleg. Er is een herstelplan nodig, uiterlijk 12 augustus 2026. De opdrachtgever kan nieuwe opdrachten aan Facilitators BV aanhouden tot de afgesproken datum.",
    );
    expect(critical.mentionLine).toBe('Voor Carla');
    expect(alertData(third, 'en').title).toBe('Critical phase: Facilitators BV');
    // The figures up to 30 June are the first half-year's too: it has a finding and an alert of its own.
    expect((await alerts('2026-H1')).map((a) => [a.level, a.newlyRed.map((k) => k.id)])).toEqual([
      ['extra-effort', ['KPI7']],
    ]);

    // The report turns out delivered on time and accepted: KPI 6 green again, two red.
    clock.advance(HOUR);
    await importing(
      records((r) => {
        r.clientRequests.push(request(1));
        lowReturn(r);
        reportOnTime(r);
      }),
    );
    const fourth = (await alerts())[3] as AlertView;
    expect(fourth).toMatchObject({
      level: 'extra-effort',
      previousLevel: 'critical',
      newlyRed: [],
      resolved: [{ id: 'KPI6' }],
    });
    expect(alertData(fourth, 'nl').title).toBe('Niet meer kritiek: Facilitators BV');
    expect(alertData(fourth, 'nl').body).toContain(
      'KPI6 Managementrapportage is weer groen; de bevinding is gesloten.',
    );
    expect(alertData(fourth, 'en').body).toContain(
      'KPI6 Management report is green again; its finding is closed.',
    );

    // Both fixed: all green.
    clock.advance(HOUR);
    await importing(
      records((r) => {
        r.clientRequests.push(request(2));
        reportOnTime(r);
      }),
    );
    const fifth = (await alerts())[4] as AlertView;
    expect(fifth).toMatchObject({ level: 'all-green', resolved: [{ id: 'KPI1' }, { id: 'KPI7' }], red: [] });
    expect(alertData(fifth, 'nl').title).toBe('Weer alles groen: Facilitators BV');
    expect(alertData(fifth, 'en').body).toContain('All KPIs are green again in 2nd half of 2026');

    // The findings say it all: found, closed, with their dates.
    const findings = (await store.exportRecords('c1')).findings;
    expect(findings.map((f) => [f.period, f.kpi, f.resolvedAt !== undefined])).toEqual([
      ['2026-H1', 'KPI7', true],
      ['2026-H2', 'KPI1', true],
      ['2026-H2', 'KPI6', true],
      ['2026-H2', 'KPI7', true],
    ]);
    expect(findings.find((f) => f.period === '2026-H2' && f.kpi === 'KPI6')?.foundAt).toBe(
      '2026-07-22T08:00:00+02:00',
    );

    // A restart: another core and worker on the same store, the day ticking again. Nothing new.
    const again = coreOn(tables, store, records(), clock);
    await new Scheduler(again.core, [dailyScorecardsJob], 'two').tick();
    clock.advance(DAY);
    await new Scheduler(again.core, [dailyScorecardsJob], 'two').tick();
    await again.worker.runOnce();
    await worker.runOnce();
    expect(await alerts()).toHaveLength(5);
    expect(await alerts('2026-H1')).toHaveLength(2); // red, and green again with the figures of the last file
  });

  it('sends one alert when the findings were lost after it was queued (a crash in between)', async () => {
    const { nextDay, alerts, store } = await opened();
    const write = store.writeFindings.bind(store);
    let failures = 1;
    store.writeFindings = async (...args) => {
      if (failures-- > 0) throw new StoreError('unavailable', 'the store stopped answering');
      return write(...args);
    };
    await nextDay(12); // the report overdue: the alert is queued, its finding's write fails
    await nextDay(); // the next day finds the same change again
    expect((await alerts()).map((a) => a.newlyRed.map((k) => k.id))).toEqual([['KPI6']]);
    expect((await store.exportRecords('c1')).findings).toMatchObject([{ kpi: 'KPI6', period: '2026-H2' }]);
  });
});

describe('two reconciliations at once', () => {
  it('lets one run at a time, so that each change is alerted once even when their scorecards differ', async () => {
    const { core, store, tables } = await opened();
    const file = records();
    const framework = prepare(file).framework;
    const base = scoreSupplier(prepare(file), {
      supplier: 's1',
      period: parsePeriod('2026-H2') as Period,
      asOf: JULY_10,
    }).scorecard;
    const red = (...ids: string[]): Scorecard => ({
      ...base,
      kpis: base.kpis.map((k) => (ids.includes(k.id) ? { ...k, status: 'red' } : { ...k, status: 'green' })),
      red: ids,
    });
    const access = {
      records: store,
      outbox: core.outbox,
      locks: new LockStore(tables, 'c1'),
      contract: 'c1',
    };
    const view = await core.contractView();
    const context = { settings: view.settings, suppliers: view.suppliers, people: view.people.values() };
    const run = (card: Scorecard) =>
      reconcileScorecard(access, { scorecard: card, framework }, JULY_10, context);
    const outcomes = await Promise.allSettled([run(red('KPI1')), run(red('KPI1', 'KPI2'))]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const busy = outcomes.find((o) => o.status === 'rejected');
    expect(busy?.status === 'rejected' && busy.reason).toBeInstanceOf(ReconcileBusy);
    // The one that waited runs again (the outbox retries it), on what the first one stored.
    const first = outcomes[0]?.status === 'fulfilled';
    await run(first ? red('KPI1', 'KPI2') : red('KPI1'));
    const alerts = (await core.outbox.pending()).filter((i) => i.kind === 'alert');
    const announced = alerts.flatMap((i) => (i.payload.alert as AlertView).newlyRed.map((k) => k.id)).sort();
    const stored = (await store.findingsOf('c1', 's1', '2026-H2')).map((f) => f.finding.kpi).sort();
    expect(stored.every((kpi) => announced.includes(kpi))).toBe(true);
    expect(new Set(announced).size).toBe(announced.length); // none announced twice
  });
});

describe("the supplier's right of reply", () => {
  it('keeps a contact’s reply with the finding, shows it on the scorecard, posts it once, and refuses anyone else', async () => {
    const { nextDay, core, worker, store, conversations } = await opened();
    await nextDay(12); // KPI 6 red: a finding
    const reply = 'Het rapport is op 20 juli per e-mail verstuurd.';
    const refused = async (person: string, text: string) =>
      handleCommand(core, person, text).then(
        () => 'accepted',
        (e: unknown) => (e instanceof UserError ? e.code : String(e)),
      );
    expect(await refused('f1', `reactie KPI6 ${reply}`)).toBe('not-allowed'); // a facilitator
    expect(await refused('rm1', `reactie KPI6 ${reply}`)).toBe('not-allowed'); // the client side
    expect(await refused('sc1', `reactie KPI3 ${reply}`)).toBe('bad-argument'); // no finding about KPI 3
    expect(await refused('sc1', 'reactie KPI6')).toBe('bad-argument'); // no text
    expect(await refused('sc1', `reactie KPI6 ${'x'.repeat(2001)}`)).toBe('bad-argument');
    expect((await store.exportRecords('c1')).findings.find((f) => f.kpi === 'KPI6')?.reply).toBeUndefined();

    const [saved] = await handleCommand(core, 'sc1', `reactie kpi6 2026-H2 ${reply}`);
    expect(saved).toMatchObject({ kind: 'notice', tone: 'good' });
    expect(saved?.kind === 'notice' && saved.text.nl).toContain(
      'Je reactie op KPI6 (2e halfjaar 2026) is opgeslagen',
    );
    const finding = (await store.exportRecords('c1')).findings.find((f) => f.kpi === 'KPI6');
    expect(finding?.reply).toMatchObject({ by: 'sc1', text: reply });

    await worker.runOnce();
    await worker.runOnce();
    const posted = (await conversations.list(undefined)).filter(
      (m) => m.message.kind === 'notice' && m.message.text.nl.includes(reply),
    );
    expect(posted).toHaveLength(1);
    expect(posted[0]?.message.kind === 'notice' && posted[0].message.text.nl).toBe(
      `Reactie van Sam (Facilitators BV) op de bevinding over KPI6, 2e halfjaar 2026: “${reply}”`,
    );

    const [card] = await handleCommand(core, 'cm1', 'scorecard');
    if (card?.kind !== 'scorecard') throw new Error('no scorecard');
    expect(card.scorecard.kpis.find((k) => k.id === 'KPI6')?.reply).toEqual({ name: 'Sam', text: reply });
    expect(JSON.stringify(renderCard(card, 'nl'))).toContain(`Reactie opdrachtnemer (Sam): “${reply}”`);
    expect(JSON.stringify(renderBlocks(card, 'en').blocks)).toContain(`Supplier’s reply (Sam): “${reply}”`);
  });
});

describe('the command line and the bot', () => {
  const folders: string[] = [];
  afterAll(() => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it('finds a red with `prestatiemonitor scorecard` before the bot runs, and the bot still posts its alert once', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pm-alerts-'));
    folders.push(dataDir);
    const setup = await openStore({ dataDir });
    await setup.records.importRecords(records());
    await setup.close();

    const JULY_22 = Date.parse('2026-07-22T09:00:00+02:00');
    const out: string[] = [];
    const previous = process.env.DATA_DIR;
    process.env.DATA_DIR = dataDir;
    try {
      const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t), now: () => JULY_22 };
      expect(await runCli(['scorecard', '--supplier', 's1', '--json'], io)).toBe(0);
    } finally {
      if (previous === undefined) delete process.env.DATA_DIR;
      else process.env.DATA_DIR = previous;
    }
    expect(JSON.parse(out.join('\n')).red).toEqual(['KPI6']);

    const start = () =>
      startBot({
        config: loadConfig({ PORT: '0', DATA_DIR: dataDir }),
        clock: new ManualClock(JULY_22 + HOUR),
        startWorker: false,
        seed: false,
        log: () => {},
      });
    const alertsOf = async (bot: Awaited<ReturnType<typeof start>>) =>
      (await new ConversationStore(bot.store.tables, 'c1').list(undefined)).filter(
        (m) => m.message.kind === 'alert',
      );
    let bot = await start();
    try {
      await bot.scheduler.tick();
      await bot.worker.runOnce();
      const posted = await alertsOf(bot);
      expect(
        posted.map((m) => m.message.kind === 'alert' && m.message.alert.newlyRed.map((k) => k.id)),
      ).toEqual([['KPI6']]);
    } finally {
      await bot.close();
    }
    bot = await start(); // a restart: the day's recomputation again, and the alert not again
    try {
      await bot.scheduler.tick();
      await bot.worker.runOnce();
      expect(await alertsOf(bot)).toHaveLength(1);
    } finally {
      await bot.close();
    }
  });
});
