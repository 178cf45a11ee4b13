// The texts of the `taken` / `tasks` list: its heading, each task's title and subject, its button,
// and the friendly sentence when nothing is open.
import type { Catalogue } from './index.ts';

export const TASK_TEXTS = {
  'tasks.title': { nl: 'Je open vragenlijsten', en: 'Your open questionnaires' },
  'tasks.intro': {
    nl: '{count, plural, one {Er staat nog één vragenlijst voor je open.} other {Er staan nog # vragenlijsten voor je open.}}',
    en: '{count, plural, one {One questionnaire is still waiting for you.} other {# questionnaires are still waiting for you.}}',
  },
  'tasks.none': {
    nl: 'Je hebt geen open vragenlijsten. Zodra er een klaarstaat, stuur ik hem je hier.',
    en: 'You have no open questionnaires. As soon as one is ready, I will send it to you here.',
  },
  'tasks.taskTitle': {
    nl: 'Evaluatie LEF-sessie — {role, select, relationshipManager {relatiemanager} internalClient {intern opdrachtgever} other {facilitator}}',
    en: 'LEF session evaluation — {role, select, relationshipManager {relationship manager} internalClient {internal client} other {facilitator}}',
  },
  'tasks.subject': { nl: '{supplier}, sessie van {date}', en: '{supplier}, session of {date}' },
  'tasks.surveyTitle': { nl: 'Tevredenheidsenquête', en: 'Satisfaction survey' },
  'tasks.lefDayTitle': {
    nl: '{role, select, invitee {Uitnodiging LEF-dag} attendance {Aanwezigheid LEF-dag} other {Bijdrage aan de LEF-dag}}',
    en: '{role, select, invitee {Invitation to the LEF day} attendance {Attendance at the LEF day} other {Contribution to the LEF day}}',
  },
  'tasks.lefDaySubject': { nl: 'LEF-dag van {date}', en: 'LEF day of {date}' },
  'tasks.recoveryTitle': {
    nl: '{role, select, supplier {Herstelplan} other {Herstelplan beoordelen}}',
    en: '{role, select, supplier {Recovery plan} other {Review the recovery plan}}',
  },
  'tasks.recoverySubject': {
    nl: '{supplier}, {period}, uiterlijk {date}',
    en: '{supplier}, {period}, due {date}',
  },
  'tasks.surveySubject': {
    nl: '{supplier}, geopend op {date}',
    en: '{supplier}, opened on {date}',
  },
  'tasks.closesAt': { nl: 'Open tot {when}', en: 'Open until {when}' },
  'tasks.open': { nl: 'Openen', en: 'Open' },
} as const satisfies Catalogue;
