// A relationship manager registers a session in chat: the form, and its submission through the same
// validation as the API. Each form handed out carries an opaque token, stored with the person it was
// given to and the id of the session it registers, made here from nothing the client sends: a second
// click registers nothing new, and nobody can submit a form that was given to someone else.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { BotMessage } from '../channels/channel.ts';
import { UserError } from '../errors.ts';
import type { Lang } from '../i18n.ts';
import type { Text } from '../questionnaires/types.ts';
import { key } from '../store/tables.ts';
import { formatDate, formatTime } from '../texts/format.ts';
import { t } from '../texts/index.ts';
import { type ContractView, type Core, supplierName } from './core.ts';
import { checkSessionInputs } from './session-inputs.ts';
import { findSession, registerSession } from './sessions.ts';

const MAY_REGISTER = ['relationshipManager'];

type SessionForm = Extract<BotMessage, { kind: 'session-form' }>;

/** What the bot remembers of a form it handed out (row key = the form's token). */
const FormGrant = z.object({ person: z.string(), session: z.string(), issuedAt: z.number() });
type FormGrant = z.infer<typeof FormGrant>;

/** 16 random bytes, base64url: unguessable, and safe in a row key as it is. */
const TOKEN = /^[A-Za-z0-9_-]{22}$/;

const grantPartition = (core: Core) => key(core.contract, 'session-forms');

function assertMayRegister(view: ContractView, personId: string): void {
  const person = view.people.get(personId);
  if (!person) throw new UserError('unknown-person');
  if (!person.roles.some((r) => MAY_REGISTER.includes(r))) throw new UserError('not-allowed');
}

/** A new form for a relationship manager, with a token that only they can submit. */
export async function sessionForm(core: Core, personId: string): Promise<SessionForm> {
  const view = await core.contractView();
  assertMayRegister(view, personId);
  const token = randomBytes(16).toString('base64url');
  const grant: FormGrant = {
    person: personId,
    session: `ses-${randomBytes(6).toString('hex')}`,
    issuedAt: core.clock.now(),
  };
  await core.tables.create('records', {
    partitionKey: grantPartition(core),
    rowKey: key(token),
    kind: 'session-form',
    json: JSON.stringify(grant),
  });
  return formMessage(view, token);
}

function formMessage(view: ContractView, formId: string): SessionForm {
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

/** Whether a session form with this id was given out in this contract. */
export async function formExists(core: Core, token: string): Promise<boolean> {
  return (await grantOf(core, token)) !== undefined;
}

async function grantOf(core: Core, token: string): Promise<FormGrant | undefined> {
  if (!TOKEN.test(token)) return undefined;
  const row = await core.tables.get('records', grantPartition(core), key(token));
  if (!row) return undefined;
  const parsed = FormGrant.safeParse(JSON.parse(row.json));
  return parsed.success ? parsed.data : undefined;
}

/**
 * The form again, with what was typed kept: field messages (input id → text) when something is
 * wrong, every problem at once, or only a summary when the store could not take it this time.
 */
export class FormError extends Error {
  constructor(
    readonly form: SessionForm,
    readonly fields: Record<string, Text>,
    readonly reason: 'invalid' | 'conflict' = 'invalid',
  ) {
    super('form');
  }

  summary(lang: Lang): string {
    return this.reason === 'conflict'
      ? new UserError('write-conflict').text(lang)
      : t(lang, 'session.problem.summary', { count: Math.max(1, Object.keys(this.fields).length) });
  }
}

export async function submitSessionForm(
  core: Core,
  personId: string,
  formId: string,
  inputs: Record<string, unknown>,
) {
  const view = await core.contractView();
  assertMayRegister(view, personId);
  const grant = await grantOf(core, formId);
  if (!grant) throw new UserError('unknown-form');
  if (grant.person !== personId) throw new UserError('not-your-form');
  const form = formMessage(view, formId);

  const checked = await checkSessionInputs(core, view, inputs);
  if (!checked.ok) throw new FormError(form, checked.fields);
  const { values, start, end } = checked;

  const session = {
    id: grant.session,
    supplier: values.supplier,
    ...(values.request ? { request: values.request } : {}),
    start,
    end,
    facilitators: values.facilitators,
    relationshipManager: personId,
    internalClient: values.internalClient,
  };
  // The planning system may have handed the session to someone else since: then it is theirs.
  const stored = await findSession(core, session.id);
  if (stored && stored.relationshipManager !== personId) throw new UserError('not-your-session');
  const result = await registerSession(core, session).catch((error: unknown) => {
    if (error instanceof UserError && error.code === 'write-conflict')
      throw new FormError(form, {}, 'conflict');
    throw error;
  });
  if (!result.ok) {
    // What the form's own checks do not know (the records' rules): shown at the field it concerns.
    const fields: Record<string, Text> = {};
    for (const issue of result.issues) {
      const field = issue.path.replace(/\[\d+\]$/, '') || 'supplier';
      const key = field === 'start' || field === 'end' ? 'time' : field;
      fields[key] ??= issue.text;
    }
    throw new FormError(form, fields);
  }
  return { outcome: result.outcome, message: registered(view, session, result.outcome) };
}

/** What the person sees after a submit, the same for a double click as for the first. */
function registered(
  view: ContractView,
  session: { id: string; supplier: string; start: string; end: string },
  outcome: 'created' | 'updated' | 'unchanged',
): BotMessage {
  const zone = view.settings.timeZone;
  const supplier = supplierName(view, session.supplier);
  const text = (lang: Lang) =>
    t(lang, 'session.registered', {
      id: session.id,
      outcome,
      supplier,
      date: formatDate(lang, session.start, zone),
      start: formatTime(lang, session.start, zone),
      end: formatTime(lang, session.end, zone),
    });
  return { kind: 'notice', tone: 'good', text: { nl: text('nl'), en: text('en') } };
}
