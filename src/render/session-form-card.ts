// The session form's card data (cards/register-session.json) in the person's language: labels,
// each input's own "required" message, and the server's problems at their inputs, values kept.
import type { BotMessage } from '../channels/channel.ts';
import type { Lang } from '../i18n.ts';
import { type TextKey, t } from '../texts/index.ts';

const LABELS = [
  'supplier',
  'request',
  'requestHint',
  'date',
  'start',
  'end',
  'facilitators',
  'internalClient',
  'submit',
] as const;
const INPUTS = ['supplier', 'request', 'date', 'startTime', 'endTime', 'facilitators', 'internalClient'];
const REQUIRED = ['supplier', 'date', 'startTime', 'endTime', 'facilitators', 'internalClient'] as const;
/** Where the server's problems are shown: the start and end time share one place under both. */
const ERROR_PLACES = ['supplier', 'request', 'date', 'time', 'facilitators', 'internalClient'];

export interface SessionFormOptions {
  errors?: Record<string, string>;
  values?: Record<string, unknown>;
  formError?: string;
}

export function sessionFormData(
  message: Extract<BotMessage, { kind: 'session-form' }>,
  lang: Lang,
  options: SessionFormOptions,
) {
  const errors = options.errors ?? {};
  const values = options.values ?? {};
  const field = (id: string) => (values[id] === undefined ? '' : String(values[id]));
  return {
    title: t(lang, 'session.form.title'),
    intro: t(lang, 'session.form.intro'),
    formError: options.formError ?? '',
    formId: message.formId,
    labels: Object.fromEntries(LABELS.map((id) => [id, t(lang, `session.form.${id}` as TextKey)])),
    messages: Object.fromEntries(REQUIRED.map((id) => [id, t(lang, `session.required.${id}` as TextKey)])),
    suppliers: message.suppliers,
    facilitators: message.facilitators,
    internalClients: message.internalClients,
    values: Object.fromEntries(INPUTS.map((id) => [id, field(id)])),
    errors: Object.fromEntries(
      ERROR_PLACES.map((id) => [
        id,
        errors[id] ?? (id === 'time' ? (errors.startTime ?? errors.endTime) : undefined) ?? '',
      ]),
    ),
  };
}
