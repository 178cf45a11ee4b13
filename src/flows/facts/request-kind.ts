// A client request's registration as a subject of the questionnaire engine (KPI 1): the relationship
// manager's card with the proposal (fitting facilitators proposed, or handed back) and a motivation,
// each version kept beside the request, the latest kept with the request, in the audit trail, and
// the scorecard recomputed. The same registration can come with a session's evaluation card.
import type { QuestionnaireMessage } from '../../channels/questionnaire-view.ts';
import type { ClientRequest } from '../../domain/records.ts';
import { dayStart, formatInstant } from '../../domain/time.ts';
import { UserError } from '../../errors.ts';
import { type Answers, parseAnswers } from '../../questionnaires/answers.ts';
import { type Registration, requestRowKey } from '../../store/activity.ts';
import { assignmentId, type FactAssignment } from '../../store/assignments.ts';
import { parseJson } from '../../store/tables.ts';
import { formatDate } from '../../texts/format.ts';
import { both, t } from '../../texts/index.ts';
import type { Core } from '../core.ts';
import type { SubjectKind } from '../questionnaire/kind.ts';
import { enqueueRecompute } from '../scorecard.ts';
import { recordChange } from './audit.ts';
import { keepRegistration, registerRequest } from './request-registration.ts';

const fact = (a: FactAssignment, name: string) => a.facts?.[name] ?? '';

async function storedRequest(core: Core, a: FactAssignment): Promise<ClientRequest | undefined> {
  const row = await core.tables.get('activity', fact(a, 'partition'), requestRowKey(a.subject));
  return row ? parseJson<ClientRequest>(row) : undefined;
}

function registrationOf(a: FactAssignment, answers: Answers, at: string): Registration {
  return {
    by: a.person,
    at,
    suitableProposed: Number(answers.suitableProposed),
    returned: answers.returned === 'yes',
    motivation: String(answers.motivation),
  };
}

function answersOf(registration: Registration): Answers {
  return {
    returned: registration.returned ? 'yes' : 'no',
    suitableProposed: registration.suitableProposed,
    motivation: registration.motivation,
  };
}

export const requestKind: SubjectKind<FactAssignment> = {
  async message(core, a, options = {}) {
    const request = await storedRequest(core, a);
    const registration = request?.registration;
    const state = options.state ?? a.status;
    const answers = options.answers ?? (registration ? answersOf(registration) : undefined);
    const same = (value: string) => ({ nl: value, en: value });
    const date = (lang: 'nl' | 'en') => formatDate(lang, fact(a, 'date'), 'UTC');
    const requested = (lang: 'nl' | 'en') =>
      t(lang, 'request.requested', { count: Number(fact(a, 'requested')) });
    const message: QuestionnaireMessage = {
      kind: 'questionnaire',
      assignmentId: assignmentId(a),
      set: a.set,
      facts: [
        { title: both('request.fact.request'), value: same(a.subject) },
        { title: both('request.fact.supplier'), value: same(fact(a, 'supplierName')) },
        { title: both('request.fact.date'), value: { nl: date('nl'), en: date('en') } },
        { title: both('request.fact.requested'), value: { nl: requested('nl'), en: requested('en') } },
        { title: both('request.fact.purpose'), value: same(fact(a, 'purpose')) },
        ...(a.facts?.reselectionOf
          ? [{ title: both('request.fact.reselectionOf'), value: same(fact(a, 'reselectionOf')) }]
          : []),
      ],
      status: both('request.status', {
        state,
        id: a.subject,
        returned: answers?.returned === 'yes' ? 'yes' : 'no',
      }),
      state,
      ...(answers ? { answers } : {}),
      ...(options.reminder ? { reminder: both('request.reminder', { id: a.subject }) } : {}),
    };
    return message;
  },

  parse(a, raw) {
    const parsed = parseAnswers(a.set, raw);
    if (!parsed.ok) throw new UserError('invalid', parsed.fields);
    // Handed back is no proposal: a count with it would say two things at once.
    if (parsed.answers.returned === 'yes' && Number(parsed.answers.suitableProposed) > 0)
      throw new UserError('invalid', { suitableProposed: both('request.returnedWithProposal') });
    return parsed.answers;
  },

  async keep(core, a, { answers, receivedAt }, view) {
    const at = formatInstant(receivedAt, view.settings.timeZone);
    await keepRegistration(core, fact(a, 'partition'), a.subject, registrationOf(a, answers, at));
  },

  async admit(_core, a, view) {
    // Still a relationship manager when answering.
    if (!view.people.get(a.person)?.roles.includes('relationshipManager')) throw new UserError('not-allowed');
  },

  async hasAnswer(core, a) {
    return (await storedRequest(core, a))?.registration !== undefined;
  },

  async afterChange(core, a, view, answered) {
    if (!answered) return;
    const zone = view.settings.timeZone;
    const registration = registrationOf(a, answered.answers, formatInstant(answered.receivedAt, zone));
    // Asked of the request's own relationship manager: their registration stands, unless a later one does.
    if (!(await registerRequest(core, a.subject, registration, { byOwner: true }))) return;
    await recordChange(
      core,
      {
        at: answered.receivedAt,
        by: a.person,
        action: 'request-proposal',
        subject: a.subject,
        changes: [
          { field: 'returned', to: registration.returned ? 'yes' : 'no' },
          { field: 'suitableProposed', to: String(registration.suitableProposed) },
          { field: 'motivation', to: registration.motivation },
        ],
      },
      `request|${a.subject}|${answered.receivedAt}`,
    );
    await enqueueRecompute(core, a.supplier, formatInstant(dayStart(fact(a, 'date'), zone), zone), view);
  },

  errors: { closed: 'fact-closed', notOpen: 'fact-closed' },

  describe(a) {
    const values = { id: a.subject, supplier: fact(a, 'supplierName') };
    return { nl: t('nl', 'request.describe', values), en: t('en', 'request.describe', values) };
  },
};
