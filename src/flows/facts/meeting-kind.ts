// A meeting's agenda points as a subject of the questionnaire engine: each participant (a contract
// manager, or a contact of the meeting's supplier) gives theirs on the preparation card until the
// agenda closes; every version is kept (store/meetings.ts) and a participant's latest counts.
import { UserError } from '../../errors.ts';
import { parseAnswers } from '../../questionnaires/answers.ts';
import type { FactAssignment } from '../../store/assignments.ts';
import { formatDate } from '../../texts/format.ts';
import { t } from '../../texts/index.ts';
import { meetingMessage } from '../meeting-view.ts';
import { meetings } from '../meetings.ts';
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

  // The others' cards are not redrawn under them (on Teams and the local page that would wipe what
  // they are typing): each card shows the agenda as it stood when sent, and afresh after an answer.
  async afterChange() {},

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
