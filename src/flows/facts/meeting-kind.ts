// A meeting's agenda points as a subject of the questionnaire engine: each participant (a contract
// manager, or a contact of the meeting's supplier) gives theirs on the preparation card until the
// agenda closes; every version is kept (store/meetings.ts) and a participant's latest counts. After
// a change the other participants' cards show the agenda as it now stands.
import { UserError } from '../../errors.ts';
import { parseAnswers } from '../../questionnaires/answers.ts';
import type { FactAssignment } from '../../store/assignments.ts';
import { formatDate } from '../../texts/format.ts';
import { t } from '../../texts/index.ts';
import { meetingMessage } from '../meeting-view.ts';
import { meetings, participants } from '../meetings.ts';
import { refreshMessages } from '../questionnaire/engine.ts';
import type { SubjectKind } from '../questionnaire/kind.ts';
import { fact } from './reviewed.ts';

export const meetingKind: SubjectKind<FactAssignment> = {
  message: (core, a, options) => meetingMessage(core, a, options),

  async admit(_core, a, view) {
    // Still taking part when answering (a contact moved to another supplier is not).
    const person = view.people.get(a.person);
    const taking =
      person?.roles.includes('contractManager') ||
      (person?.roles.includes('supplierContact') && person.supplier === a.supplier);
    if (!taking) throw new UserError('not-allowed');
  },

  parse(a, raw) {
    const parsed = parseAnswers(a.set, raw);
    if (!parsed.ok) throw new UserError('invalid', parsed.fields);
    return parsed.answers;
  },

  async keep(core, a, { answers, receivedAt }) {
    await meetings(core).addPoints(a.subject, { by: a.person, receivedAt, answers });
  },

  async hasAnswer(core, a) {
    return (await meetings(core).agenda(a.subject)).some((v) => v.by === a.person);
  },

  async afterChange(core, a, view, answered) {
    if (!answered) return;
    const others = await core.assignments.forFact(core.contract, 'meeting', a.subject);
    // Only those taking part now: a card of someone who moved to another supplier is left as it was.
    const taking = new Set(participants(view, a.supplier));
    for (const stored of others) {
      const { person, status } = stored.assignment;
      if (person === a.person || status === 'closed' || !taking.has(person)) continue;
      const other = stored.assignment as FactAssignment;
      await refreshMessages(core, other, await meetingMessage(core, other, { view }));
    }
  },

  errors: { closed: 'meeting-closed', notOpen: 'meeting-closed' },

  describe: (a) => ({
    nl: t('nl', 'meeting.describe', {
      supplier: fact(a, 'supplierName'),
      date: formatDate('nl', fact(a, 'date'), 'UTC'),
    }),
    en: t('en', 'meeting.describe', {
      supplier: fact(a, 'supplierName'),
      date: formatDate('en', fact(a, 'date'), 'UTC'),
    }),
  }),
};
