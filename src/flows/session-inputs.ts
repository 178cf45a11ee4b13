// The session form's inputs checked all at once, before anything is stored: every problem comes
// back at its own input, and names the people and suppliers by their names, never by their ids.
import { DateTime } from 'luxon';
import type { Lang } from '../i18n.ts';
import type { Text } from '../questionnaires/types.ts';
import { formatDate, formatTime } from '../texts/format.ts';
import { type TextKey, type TextValues, t } from '../texts/index.ts';
import { type ContractView, type Core, supplierName } from './core.ts';

export interface SessionValues {
  supplier: string;
  request: string;
  date: string;
  startTime: string;
  endTime: string;
  facilitators: string[];
  internalClient: string;
}

export type CheckedSession =
  | { ok: true; values: SessionValues; start: string; end: string }
  | { ok: false; fields: Record<string, Text> };

/** A text in both languages, its values made per language (dates and times are formatted per reader). */
function text(textKey: TextKey, values: (lang: Lang) => TextValues = () => ({})): Text {
  return { nl: t('nl', textKey, values('nl')), en: t('en', textKey, values('en')) };
}

/** Several problems at one input, one after the other. */
function joined(problems: Text[]): Text {
  return { nl: problems.map((p) => p.nl).join(' '), en: problems.map((p) => p.en).join(' ') };
}

export function readSessionValues(inputs: Record<string, unknown>): SessionValues {
  const str = (id: string) => (typeof inputs[id] === 'string' ? (inputs[id] as string).trim() : '');
  return {
    supplier: str('supplier'),
    request: str('request'),
    date: str('date'),
    startTime: str('startTime'),
    endTime: str('endTime'),
    facilitators: str('facilitators')
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean),
    internalClient: str('internalClient'),
  };
}

export async function checkSessionInputs(
  core: Core,
  view: ContractView,
  inputs: Record<string, unknown>,
): Promise<CheckedSession> {
  const values = readSessionValues(inputs);
  const fields: Record<string, Text> = {};
  const zone = view.settings.timeZone;
  const nameOf = (id: string) => view.people.get(id)?.name ?? id;
  const supplier = view.suppliers.find((s) => s.id === values.supplier);
  const nameOfSupplier = (id: string | undefined) => (id === undefined ? '' : supplierName(view, id));

  if (!values.supplier) fields.supplier = text('session.required.supplier');
  else if (!supplier) fields.supplier = text('session.problem.unknownSupplier');

  if (values.request) {
    const request = await core.records.findRequest(core.contract, values.request);
    if (!request)
      fields.request = text('session.problem.unknownRequest', () => ({ request: values.request }));
    else if (supplier && request.supplier !== supplier.id)
      fields.request = text('session.problem.requestOfOtherSupplier', (lang) => ({
        request: request.id,
        date: formatDate(lang, request.date, zone),
        owner: nameOfSupplier(request.supplier),
        supplier: supplier.name,
      }));
  }

  const day = DateTime.fromISO(values.date, { zone });
  if (!values.date) fields.date = text('session.required.date');
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(values.date) || !day.isValid)
    fields.date = text('session.problem.invalidDate');

  const at = (time: string) => DateTime.fromISO(`${values.date}T${time}`, { zone });
  const start = at(values.startTime);
  const end = at(values.endTime);
  const validTime = (time: string) =>
    /^\d{2}:\d{2}(:\d{2})?$/.test(time) && DateTime.fromISO(`2000-01-01T${time}`).isValid;
  if (!values.startTime && !values.endTime) fields.time = text('session.required.time');
  else if (!values.startTime) fields.time = text('session.required.startTime');
  else if (!values.endTime) fields.time = text('session.required.endTime');
  else if (!validTime(values.startTime) || !validTime(values.endTime))
    fields.time = text('session.problem.invalidTime');
  else if (!fields.date && end <= start)
    fields.time = text('session.problem.endBeforeStart', (lang) => ({
      start: formatTime(lang, start.toJSDate(), zone),
      end: formatTime(lang, end.toJSDate(), zone),
    }));

  if (values.facilitators.length === 0) fields.facilitators = text('session.required.facilitators');
  else {
    const problems = values.facilitators.flatMap((id): Text[] => {
      const person = view.people.get(id);
      if (!person) return [text('session.problem.unknownFacilitator')];
      if (!person.roles.includes('facilitator'))
        return [text('session.problem.notFacilitator', () => ({ person: person.name }))];
      if (supplier && person.supplier !== supplier.id)
        return [
          text('session.problem.facilitatorOfOtherSupplier', () => ({
            person: person.name,
            supplier: supplier.name,
          })),
        ];
      return [];
    });
    if (problems.length > 0) fields.facilitators = joined(problems);
  }

  const client = view.people.get(values.internalClient);
  if (!values.internalClient) fields.internalClient = text('session.required.internalClient');
  else if (!client?.roles.includes('internalClient'))
    fields.internalClient = text('session.problem.notInternalClient', () => ({
      person: nameOf(values.internalClient),
    }));

  if (Object.keys(fields).length > 0) return { ok: false, fields };
  return {
    ok: true,
    values,
    start: start.toISO({ suppressMilliseconds: true }) as string,
    end: end.toISO({ suppressMilliseconds: true }) as string,
  };
}
