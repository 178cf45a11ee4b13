// A meeting's preparation message for a supplier with five years of sessions (bench/scorecard.ts's
// history), against Azurite: the figures of the current half-year, the scorecard as it stood at the
// last meeting (another half-year: its own partitions read), the open findings and the agenda, as
// each participant's card is drawn; beside it, in the same run, one `/scorecard` scored from the
// records, the baseline a preparation adds about twice of.
import { ManualClock } from '../src/clock.ts';
import { parsePeriod } from '../src/domain/periods.ts';
import { Core } from '../src/flows/core.ts';
import { importRecordsFile } from '../src/flows/import-records.ts';
import { meetingMessage } from '../src/flows/meeting-view.ts';
import { prepareMeeting } from '../src/flows/meetings.ts';
import { computeScorecard } from '../src/flows/scorecard-read.ts';
import type { FactAssignment } from '../src/store/assignments.ts';
import { startAzurite } from '../src/store/azurite.ts';
import { RecordsStore } from '../src/store/records-store.ts';
import { TableStore } from '../src/store/tables.ts';
import { history, samples } from './scorecard.ts';

export async function benchMeeting(): Promise<Record<string, unknown>> {
  const azurite = await startAzurite();
  try {
    const tables = new TableStore({ connectionString: azurite.connectionString });
    await tables.ensureTables();
    const store = new RecordsStore(tables);
    const records = history();
    records.meetings = [
      { id: 'overleg-s4-2026-06-16', supplier: 's4', date: '2026-06-16' },
      { id: 'overleg-s4-2026-11-26', supplier: 's4', date: '2026-11-26', time: '14:00' },
    ];
    records.people.push({ id: 'sc4', name: 'Contact 4', roles: ['supplierContact'], supplier: 's4' });
    const clock = new ManualClock(Date.parse('2026-11-20T10:00:00+01:00'));
    await importRecordsFile({ tables, records: store }, records, clock);
    const core = new Core({ contract: 'c1', clock, tables, records: store, channels: [] });
    await prepareMeeting(core, { meeting: 'overleg-s4-2026-11-26', date: '2026-11-26' });
    const [card] = await core.assignments.forFact(core.contract, 'meeting', 'overleg-s4-2026-11-26');
    if (!card) throw new Error('not prepared');
    const assignment = card.assignment as FactAssignment;
    const view = await core.contractView();
    const message = await meetingMessage(core, assignment, { view });
    const period = parsePeriod('2026-H2');
    if (!period) throw new Error('period');
    const preparation = await samples(30, () => meetingMessage(core, assignment, { view }));
    const baseline = await samples(30, () => computeScorecard(core, 's4', period));
    return {
      name: `meeting preparation of one supplier: ${records.sessions.length / 10} sessions over 5 years, the last meeting in the half-year before`,
      preparationMessage: preparation,
      baselineOneScorecardScoredFromRecords: baseline,
      check: (message.sections ?? []).map((s) => `${s.title.nl}: ${s.lines.length}`),
    };
  } finally {
    await azurite.stop();
  }
}
