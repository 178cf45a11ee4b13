// Client requests in chat (KPI 1): a relationship manager registers one with `aanvraag <opdrachtnemer>
// <datum> <2|3> <waarvoor>`; the supplier's contacts are told; the relationship manager gets the card
// on which to register the proposal (the number of fitting facilitators, or handed back, with a
// motivation), also for a request that never becomes a session. A request handed back goes to
// another supplier with `herselectie <aanvraag> <opdrachtnemer>`, as a new request that refers to it.
import { createHash } from 'node:crypto';
import { HOUR } from '../../clock.ts';
import type { ClientRequest, Person } from '../../domain/records.ts';
import { addDays, dayStart, formatInstant, isValidDay, localDate } from '../../domain/time.ts';
import { UserError } from '../../errors.ts';
import { requestRegistrationSet } from '../../questionnaires/facts.ts';
import type { Text } from '../../questionnaires/types.ts';
import { requestPartition } from '../../store/activity.ts';
import type { FactAssignment } from '../../store/assignments.ts';
import { formatDate } from '../../texts/format.ts';
import { both, t } from '../../texts/index.ts';
import { type ContractView, type Core, supplierName } from '../core.ts';
import { tell } from '../notices.ts';
import { assign } from '../questionnaire/engine.ts';
import { enqueueRecompute } from '../scorecard.ts';
import { recordChange } from './audit.ts';

/** A request's registration is taken this long after its date (a session may come weeks later). */
const OPEN_DAYS = 90;
/** A request is registered in chat at most this long after its date (older ones: the records file). */
const MAX_AGE_DAYS = 60;
/** Reminders of an unregistered proposal, days after the request's date, at 09:00. */
const REMINDER_DAYS = [7, 14];

export function mayRegisterRequests(person: Person | undefined): person is Person {
  return person?.roles.includes('relationshipManager') ?? false;
}

/** `2027-03-10` or `10-3-2027` (Dutch order), or undefined. */
export function parseTypedDay(typed: string): string | undefined {
  const dutch = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(typed);
  const day = dutch ? `${dutch[3]}-${dutch[2]?.padStart(2, '0')}-${dutch[1]?.padStart(2, '0')}` : typed;
  return isValidDay(day) ? day : undefined;
}

/** A supplier by its id or (part of) its name; UserError naming the suppliers there are otherwise. */
export function findSupplier(view: ContractView, typed: string) {
  const wanted = typed.trim().toLowerCase();
  const exact = view.suppliers.filter(
    (s) => s.id.toLowerCase() === wanted || s.name.toLowerCase() === wanted,
  );
  const found =
    exact.length > 0 ? exact : view.suppliers.filter((s) => s.name.toLowerCase().includes(wanted));
  if (found.length === 1 && wanted !== '') return found[0] as (typeof view.suppliers)[number];
  const names = view.suppliers.map((s) => s.name).join(', ');
  throw new UserError('bad-argument', {}, both('request.noSupplier', { typed, names }));
}

/** A date as typed: 4-12-2026, 4/12/2026 or 2026-12-04. */
const DATE_LIKE = /^\d{1,4}[-/]\d{1,2}[-/]\d{1,4}$/;

function supplierOrProblem(view: ContractView, typed: string, problems: Text[]) {
  try {
    return findSupplier(view, typed);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    problems.push(error.detail);
    return undefined;
  }
}

/** `aanvraag <opdrachtnemer> <datum> <2|3> <waarvoor…>`: the words as the person typed them. */
export async function registerRequestCommand(core: Core, personId: string, args: string[]) {
  const view = await core.contractView();
  const person = view.people.get(personId);
  if (!person) throw new UserError('unknown-person');
  if (!mayRegisterRequests(person)) throw new UserError('not-allowed');
  const today = localDate(core.clock.now(), view.settings.timeZone);
  const example = `${view.suppliers[0]?.name.split(' ')[0] ?? 'Facilitators'} ${today.split('-').reverse().join('-')} 2 Sessie over de Ring Utrecht`;
  const at = args.findIndex((word) => DATE_LIKE.test(word));
  if (args.length === 0 || at <= 0)
    throw new UserError('bad-argument', {}, both('request.usage', { example }));
  // Every part that is wrong is named at once.
  const problems: Text[] = [];
  const supplier = supplierOrProblem(view, args.slice(0, at).join(' '), problems);
  const typedDate = args[at] as string;
  const date = parseTypedDay(typedDate.replace(/\//g, '-'));
  if (!date) problems.push(both('request.badDate', { typed: typedDate }));
  else if (date > today) problems.push(both('request.future'));
  else if (date < view.contract.startDate || date < addDays(today, -MAX_AGE_DAYS))
    problems.push(both('request.tooOld', { days: MAX_AGE_DAYS }));
  const rest = args.slice(at + 1);
  const count = rest[0] === '2' || rest[0] === '3' ? Number(rest.shift()) : undefined;
  if (count === undefined && /^\d+$/.test(rest[0] ?? ''))
    problems.push(both('request.badCount', { typed: rest.shift() ?? '' }));
  const purpose = rest.join(' ').trim();
  if (purpose === '') problems.push(both('request.noPurpose'));
  if (purpose.length > 2000) problems.push(both('request.purposeTooLong'));
  if (problems.length > 0 || !supplier || !date)
    throw new UserError(
      'bad-argument',
      {},
      {
        nl: problems.map((p) => p.nl).join(' '),
        en: problems.map((p) => p.en).join(' '),
      },
    );
  // The id follows from what was typed: the same request typed again (a retry after a timeout) is
  // the same request, told and asked once.
  const digest = createHash('sha256')
    .update(JSON.stringify([personId, supplier.id, date, count ?? 2, purpose]))
    .digest('hex');
  const request: ClientRequest = {
    id: `aanvraag-${digest.slice(0, 8)}`,
    supplier: supplier.id,
    date,
    ...(count === 3 ? { requestedFacilitators: 3 as const } : { requestedFacilitators: 2 as const }),
    purpose,
    relationshipManager: personId,
  };
  const existing = await core.records.findRequest(core.contract, request.id);
  await openRequest(core, existing ?? request, view);
  return registeredNotice(view, existing ?? request);
}

/** `herselectie <aanvraag> <opdrachtnemer>`: a request handed back, passed on to another supplier. */
export async function reselectCommand(core: Core, personId: string, args: string[]) {
  const view = await core.contractView();
  const person = view.people.get(personId);
  if (!person) throw new UserError('unknown-person');
  if (!mayRegisterRequests(person)) throw new UserError('not-allowed');
  const [id = '', ...supplierWords] = args;
  if (id === '' || supplierWords.length === 0)
    throw new UserError('bad-argument', {}, both('request.reselectUsage'));
  const first = await core.records.findRequest(core.contract, id);
  if (!first) throw new UserError('not-possible', {}, both('request.unknown', { id }));
  if (!first.registration?.returned)
    throw new UserError('not-possible', {}, both('request.notHandedBack', { id }));
  const supplier = findSupplier(view, supplierWords.join(' '));
  if (supplier.id === first.supplier)
    throw new UserError('not-possible', {}, both('request.sameSupplier', { supplier: supplier.name }));
  // One reselection per request and supplier: typed twice, the same request is named again.
  const request: ClientRequest = {
    id: `${first.id.slice(0, 150)}-h-${supplier.id.slice(0, 40)}`,
    supplier: supplier.id,
    date: first.date,
    ...(first.requestedFacilitators ? { requestedFacilitators: first.requestedFacilitators } : {}),
    ...(first.purpose ? { purpose: first.purpose } : {}),
    relationshipManager: personId,
    reselectionOf: first.id,
  };
  // Typed again (or after a crash half-way), every step runs again to the same effect: insert-if-absent.
  const existing = await core.records.findRequest(core.contract, request.id);
  await openRequest(core, existing ?? request, view);
  return registeredNotice(view, existing ?? request);
}

/** Stores the request, keeps it in the audit trail, tells the supplier and asks for its registration. */
async function openRequest(core: Core, request: ClientRequest, view: ContractView): Promise<void> {
  const zone = view.settings.timeZone;
  const now = core.clock.now();
  await core.records.createRequest(core.contract, request);
  const rm = request.relationshipManager as string;
  await recordChange(
    core,
    {
      at: now,
      by: rm,
      action: request.reselectionOf ? 'request-reselected' : 'request-registered',
      subject: request.id,
      changes: [
        { field: 'supplier', to: supplierName(view, request.supplier) },
        { field: 'date', to: request.date },
        { field: 'requestedFacilitators', to: String(request.requestedFacilitators ?? 2) },
        { field: 'purpose', to: request.purpose ?? '' },
        ...(request.reselectionOf ? [{ field: 'reselectionOf', to: request.reselectionOf }] : []),
      ],
    },
    `request|${request.id}|created`,
  );
  const contacts = [...view.people.values()].filter(
    (p) => p.roles.includes('supplierContact') && p.supplier === request.supplier,
  );
  const values = (lang: 'nl' | 'en') => ({
    id: request.id,
    date: formatDate(lang, request.date, 'UTC'),
    count: request.requestedFacilitators ?? 2,
    purpose: request.purpose ?? '',
    name: view.people.get(rm)?.name ?? rm,
    again: request.reselectionOf ? 'yes' : 'no',
  });
  await tell(
    core,
    contacts.map((c) => c.id),
    { nl: t('nl', 'request.toSupplier', values('nl')), en: t('en', 'request.toSupplier', values('en')) },
    `request|${request.id}`,
  );
  const opensAt = now;
  const closesAt = dayStart(addDays(request.date, OPEN_DAYS + 1), zone);
  await assign(
    core,
    [{ assignment: requestAssignment(core, request, view, opensAt, closesAt), answered: false }],
    REMINDER_DAYS.map((days) => dayStart(addDays(request.date, days), zone) + 9 * HOUR),
  );
  await enqueueRecompute(core, request.supplier, formatInstant(dayStart(request.date, zone), zone), view);
}

function requestAssignment(
  core: Core,
  request: ClientRequest,
  view: ContractView,
  opensAt: number,
  closesAt: number,
): FactAssignment {
  return {
    kind: 'request',
    contract: core.contract,
    subject: request.id,
    role: 'registration',
    person: request.relationshipManager as string,
    supplier: request.supplier,
    opensAt,
    closesAt,
    status: 'open',
    set: requestRegistrationSet,
    facts: {
      date: request.date,
      supplierName: supplierName(view, request.supplier),
      requested: String(request.requestedFacilitators ?? 2),
      purpose: request.purpose ?? '',
      partition: requestPartition(core.contract, request),
      ...(request.reselectionOf ? { reselectionOf: request.reselectionOf } : {}),
    },
  };
}

function registeredNotice(view: ContractView, request: ClientRequest) {
  const values = (lang: 'nl' | 'en') => ({
    id: request.id,
    supplier: supplierName(view, request.supplier),
    date: formatDate(lang, request.date, 'UTC'),
    count: request.requestedFacilitators ?? 2,
    again: request.reselectionOf ? 'yes' : 'no',
    first: request.reselectionOf ?? '',
  });
  return {
    kind: 'notice' as const,
    tone: 'good' as const,
    text: {
      nl: t('nl', 'request.registered', values('nl')),
      en: t('en', 'request.registered', values('en')),
    },
  };
}
