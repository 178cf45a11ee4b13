// Demo data for a first start: the demo contract, plus a session that has just ended, so that a new
// user sees questionnaires waiting in the local channel within a minute of `npm start`.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HOUR, MINUTE } from '../clock.ts';
import { parsePeriod } from '../domain/periods.ts';
import type { Records } from '../domain/records.ts';
import { formatInstant, localDate } from '../domain/time.ts';
import { parseRecords } from '../domain/validate.ts';

export const DEMO_RECORDS_FILE = fileURLToPath(new URL('../../examples/demo-records.json', import.meta.url));
export const VOORSCHOTEN_RECORDS_FILE = fileURLToPath(
  new URL('../../examples/voorschoten-records.json', import.meta.url),
);

/**
 * Someone in both demo contracts, to show switching between them: a contract adviser of a shared
 * procurement service, a manager who reads LEF's scorecards and Voorschoten's contract manager's second.
 */
const SHARED_PERSON = { id: 'daan', name: 'Daan Kuiper', email: 'daan.kuiper@inkoopadvies.nl' };

function readDemo(file: string): Records {
  const parsed = parseRecords(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.ok)
    throw new Error(
      `the demo records are invalid: ${parsed.issues.map((i) => `${i.path}: ${i.text.en}`).join('; ')}`,
    );
  return parsed.records;
}

/**
 * Both demos of a first start: LEF (with a session that has just ended) and Voorschoten voor
 * Elkaar (a year of quarterly figures), with one person in both.
 */
export function demoContracts(now: number): Records[] {
  const lef = demoRecords(now);
  const voorschoten = readDemo(VOORSCHOTEN_RECORDS_FILE);
  // Only the quarters that have ended: the current one's figures are asked in chat once it has.
  const today = localDate(now, voorschoten.contract.timeZone ?? 'Europe/Amsterdam');
  voorschoten.measurements = (voorschoten.measurements ?? []).filter(
    (m) => (parsePeriod(m.period)?.last ?? today) < today,
  );
  lef.people.push({ ...SHARED_PERSON, roles: ['manager'] });
  voorschoten.people.push({ ...SHARED_PERSON, roles: ['contractManager'] });
  return [lef, voorschoten];
}

export function demoRecords(now: number): Records {
  const records = readDemo(DEMO_RECORDS_FILE);
  const zone = records.contract.timeZone ?? 'Europe/Amsterdam';
  const day = localDate(now, zone);
  records.clientRequests.push({
    id: `req-demo-${day}`,
    supplier: 'fbv',
    date: day,
    requestedFacilitators: 2,
  });
  records.sessions.push({
    id: `demo-${day}`,
    supplier: 'fbv',
    request: `req-demo-${day}`,
    start: formatInstant(now - 3 * HOUR, zone),
    end: formatInstant(now - 2 * MINUTE, zone),
    facilitators: ['fenna'],
    relationshipManager: 'rik',
    internalClient: 'iris',
  });
  return records;
}
