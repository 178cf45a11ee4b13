// A relationship manager registers a session in chat: the form, and its submission through the same
// validation as the API. The session's id comes from the form, so a second click registers nothing new.
import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import type { BotMessage } from '../channels/channel.ts';
import { UserError } from '../errors.ts';
import type { Text } from '../questionnaires/types.ts';
import type { Core } from './core.ts';
import { registerSession } from './sessions.ts';

const MAY_REGISTER = ['relationshipManager'];

export async function sessionForm(core: Core, personId: string, formId: string): Promise<BotMessage> {
  const view = await core.contractView();
  const person = view.people.get(personId);
  if (!person) throw new UserError('unknown-person');
  if (!person.roles.some((r) => MAY_REGISTER.includes(r))) throw new UserError('not-allowed');
  const supplierName = (id?: string) => view.suppliers.find((s) => s.id === id)?.name ?? '';
  const people = [...view.people.values()];
  return {
    kind: 'session-form',
    formId,
    suppliers: view.suppliers.map((s) => ({ id: s.id, name: s.name })),
    facilitators: people
      .filter((p) => p.roles.includes('facilitator'))
      .map((p) => ({ id: p.id, name: p.name, supplierName: supplierName(p.supplier) })),
    internalClients: people
      .filter((p) => p.roles.includes('internalClient'))
      .map((p) => ({ id: p.id, name: p.name })),
  };
}

/** Field messages for the form (input id → text), when something is wrong. */
export class FormError extends Error {
  constructor(readonly fields: Record<string, Text>) {
    super('form');
  }
}

const REQUIRED: Text = { nl: 'Vul dit in (verplicht).', en: 'Fill this in (required).' };

export async function submitSessionForm(
  core: Core,
  personId: string,
  formId: string,
  inputs: Record<string, unknown>,
) {
  const view = await core.contractView();
  const person = view.people.get(personId);
  if (!person) throw new UserError('unknown-person');
  if (!person.roles.some((r) => MAY_REGISTER.includes(r))) throw new UserError('not-allowed');
  const text = (id: string) => (typeof inputs[id] === 'string' ? (inputs[id] as string).trim() : '');
  const fields: Record<string, Text> = {};
  for (const id of ['supplier', 'date', 'facilitators', 'internalClient'])
    if (!text(id)) fields[id] = REQUIRED;
  if (!text('startTime') || !text('endTime')) fields.time = REQUIRED;
  const zone = view.settings.timeZone;
  const at = (time: string) => DateTime.fromISO(`${text('date')}T${time}`, { zone });
  const start = at(text('startTime'));
  const end = at(text('endTime'));
  if (!fields.date && !fields.time) {
    if (!start.isValid || !end.isValid)
      fields.time = { nl: 'Ongeldige datum of tijd.', en: 'Invalid date or time.' };
    else if (end <= start)
      fields.time = { nl: 'Het einde moet na het begin liggen.', en: 'The end must be after the start.' };
  }
  if (Object.keys(fields).length > 0) throw new FormError(fields);

  const session = {
    id: `ses-${text('date')}-${createHash('sha256').update(formId).digest('hex').slice(0, 6)}`,
    supplier: text('supplier'),
    ...(text('request') ? { request: text('request') } : {}),
    start: start.toISO({ suppressMilliseconds: true }) as string,
    end: end.toISO({ suppressMilliseconds: true }) as string,
    facilitators: text('facilitators')
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean),
    relationshipManager: personId,
    internalClient: text('internalClient'),
  };
  const result = await registerSession(core, session);
  if (!result.ok) {
    for (const issue of result.issues) {
      const field = issue.path.replace(/\[\d+\]$/, '') || 'supplier';
      const key = field === 'start' || field === 'end' ? 'time' : field;
      fields[key] ??= issue.text;
    }
    throw new FormError(fields);
  }
  const supplierName = view.suppliers.find((s) => s.id === session.supplier)?.name ?? session.supplier;
  const when = `${text('date')} ${text('startTime')}–${text('endTime')}`;
  const message: BotMessage = {
    kind: 'notice',
    tone: 'good',
    text: {
      nl: `Sessie ${session.id} is geregistreerd (${supplierName}, ${when}). Na afloop vraag ik de betrokkenen om hun evaluatie.`,
      en: `Session ${session.id} is registered (${supplierName}, ${when}). When it ends, I will ask those involved for their evaluation.`,
    },
  };
  return { outcome: result.outcome, message };
}
