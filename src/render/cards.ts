// Neutral bot messages → Adaptive Cards (schema 1.5) in the person's language, from the templates in
// cards/ filled with adaptivecards-templating. Used by Teams and by the local web channel.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as ACData from 'adaptivecards-templating';
import type { AlertView, BotMessage, ScorecardView } from '../channels/channel.ts';
import type { Lang } from '../i18n.ts';
import { type Answers, MAX_TEXT } from '../questionnaires/answers.ts';
import { evaluationSet } from '../questionnaires/evaluation.ts';
import type { Text } from '../questionnaires/types.ts';
import { sessionFormData } from './session-form-card.ts';
import { surveyResultsView, surveyView } from './survey-card.ts';
import { tasksView } from './tasks-card.ts';

export const CARD_NAMES = [
  'evaluation',
  'scorecard',
  'notice',
  'alert',
  'help',
  'register-session',
  'tasks',
  'survey',
  'survey-results',
] as const;
export type CardName = (typeof CARD_NAMES)[number];
export type AdaptiveCard = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

const templates = new Map<CardName, ACData.Template>();

export function cardTemplatePath(name: CardName): string {
  return fileURLToPath(new URL(`../../cards/${name}.json`, import.meta.url));
}

function template(name: CardName): ACData.Template {
  let found = templates.get(name);
  if (!found) {
    found = new ACData.Template(JSON.parse(readFileSync(cardTemplatePath(name), 'utf8')));
    templates.set(name, found);
  }
  return found;
}

export function expand(name: CardName, data: Record<string, unknown>): AdaptiveCard {
  return template(name).expand({ $root: data }) as AdaptiveCard;
}

/** The texts of the rendered messages, shared by the Adaptive Cards and Slack's Block Kit. */
export const T = {
  roleTitle: {
    relationshipManager: {
      nl: 'Evaluatie LEF-sessie — relatiemanager',
      en: 'LEF session evaluation — relationship manager',
    },
    facilitator: { nl: 'Evaluatie LEF-sessie — facilitator', en: 'LEF session evaluation — facilitator' },
    internalClient: {
      nl: 'Evaluatie LEF-sessie — intern opdrachtgever',
      en: 'LEF session evaluation — internal client',
    },
  },
  session: { nl: 'Sessie', en: 'Session' },
  supplier: { nl: 'Opdrachtnemer', en: 'Supplier' },
  when: { nl: 'Wanneer', en: 'When' },
  facilitators: { nl: 'Facilitator(en)', en: 'Facilitator(s)' },
  submit: { nl: 'Versturen', en: 'Submit' },
  edit: { nl: 'Wijzigen', en: 'Change' },
  yes: { nl: 'Ja', en: 'Yes' },
  no: { nl: 'Nee', en: 'No' },
  required: { nl: 'Kies een antwoord (verplicht).', en: 'Choose an answer (required).' },
  explain: { nl: 'Licht je antwoord toe (verplicht).', en: 'Explain your answer (required).' },
  reminder: (n: number): Text => ({
    nl: `Herinnering ${n}: je hebt deze evaluatie nog niet ingevuld.`,
    en: `Reminder ${n}: you have not answered this evaluation yet.`,
  }),
  openUntil: (d: string): Text => ({ nl: `Open tot ${d}.`, en: `Open until ${d}.` }),
  answeredUntil: (d: string): Text => ({
    nl: `Bedankt, je antwoorden zijn opgeslagen. Je kunt ze wijzigen tot ${d}.`,
    en: `Thank you, your answers are saved. You can change them until ${d}.`,
  }),
  closed: { nl: 'De evaluatie is gesloten.', en: 'The evaluation is closed.' },
  notAnswered: { nl: '(niet ingevuld)', en: '(not answered)' },
  scorecard: (name: string, period: string): Text => ({
    nl: `Scorecard ${name} — ${period}`,
    en: `Scorecard ${name} — ${period}`,
  }),
  asOf: (d: string): Text => ({ nl: `Stand per ${d}`, en: `As of ${d}` }),
  status: {
    green: { nl: 'groen', en: 'green' },
    red: { nl: 'rood', en: 'red' },
    pending: { nl: 'nog open', en: 'pending' },
    nodata: { nl: 'geen gegevens', en: 'no data' },
  },
  atRisk: { nl: 'groen, kwetsbaar', en: 'green, at risk' },
  recoveryPlan: (d: string): Text => ({ nl: `herstelplan uiterlijk ${d}`, en: `recovery plan due ${d}` }),
  alertTitle: (name: string, critical: boolean): Text =>
    critical
      ? {
          nl: `Kritiek: ${name} staat op drie of meer KPI's rood`,
          en: `Critical: ${name} is red on three or more KPIs`,
        }
      : { nl: `KPI op rood: ${name}`, en: `KPI turned red: ${name}` },
  newlyRed: { nl: 'Nieuw op rood', en: 'Newly red' },
  allRed: { nl: "Alle rode KPI's", en: 'All red KPIs' },
  period: { nl: 'Periode', en: 'Period' },
  consequence: { nl: 'Gevolg', en: 'Consequence' },
  help: { nl: 'Dit kan ik voor je doen:', en: 'This is what I can do for you:' },
  form: {
    title: { nl: 'Nieuwe LEF-sessie registreren', en: 'Register a new LEF session' },
    intro: {
      nl: 'Na afloop van de sessie vraag ik de facilitator(en), de intern opdrachtgever en jou om de evaluatie.',
      en: 'When the session ends, I will ask the facilitator(s), the internal client and you for the evaluation.',
    },
    supplier: { nl: 'Opdrachtnemer', en: 'Supplier' },
    request: { nl: 'Klantaanvraag (optioneel)', en: 'Client request (optional)' },
    requestHint: { nl: 'id van de klantaanvraag', en: 'id of the client request' },
    date: { nl: 'Datum', en: 'Date' },
    start: { nl: 'Begin', en: 'Start' },
    end: { nl: 'Einde', en: 'End' },
    facilitators: { nl: 'Facilitator(en)', en: 'Facilitator(s)' },
    internalClient: { nl: 'Intern opdrachtgever', en: 'Internal client' },
    submit: { nl: 'Registreren', en: 'Register' },
    required: { nl: 'Vul dit in (verplicht).', en: 'Fill this in (required).' },
  },
} as const;

export interface RenderOptions {
  /** Server-side messages per input id, shown under the input. */
  errors?: Record<string, string>;
  /** Values to show in the inputs (what the person typed), instead of the stored answers. */
  values?: Record<string, unknown>;
  formError?: string;
}

export function renderCard(message: BotMessage, lang: Lang, options: RenderOptions = {}): AdaptiveCard {
  switch (message.kind) {
    case 'evaluation':
      return expand('evaluation', evaluationView(message, lang, options));
    case 'scorecard':
      return expand('scorecard', scorecardData(message.scorecard, lang));
    case 'alert':
      return expand('alert', alertData(message.alert, lang));
    case 'notice':
      return expand('notice', {
        text: message.text[lang],
        color:
          message.tone === 'attention'
            ? 'Attention'
            : message.tone === 'warning'
              ? 'Warning'
              : message.tone === 'good'
                ? 'Good'
                : 'Default',
      });
    case 'session-form':
      return expand('register-session', sessionFormData(message, lang, options));
    case 'tasks':
      return expand('tasks', tasksView(message, lang));
    case 'survey':
      return expand('survey', surveyView(message, lang, options));
    case 'survey-results':
      return expand('survey-results', surveyResultsView(message, lang));
    case 'help':
      return expand('help', {
        title: T.help[lang],
        commands: message.commands.map((c) => ({ command: c.command, text: c.text[lang] })),
      });
  }
}

/** An evaluation message as view data (texts in the person's language): the card's and Block Kit's input. */
export function evaluationView(
  message: Extract<BotMessage, { kind: 'evaluation' }>,
  lang: Lang,
  options: RenderOptions,
) {
  const set = evaluationSet(message.role, { registration: message.registration });
  const values: Record<string, unknown> = { ...toInputValues(message.answers), ...(options.values ?? {}) };
  const errors = options.errors ?? {};
  const value = (id: string) => (values[id] === undefined ? '' : String(values[id]));
  const questions = set.questions.map((q) => ({
    id: q.id,
    kind: q.kind,
    label: q.label[lang],
    value: value(q.id),
    error: errors[q.id] ?? '',
    requiredMessage: T.required[lang],
    explanationId: q.kind === 'yesno' ? q.explanation.id : '',
    explanationLabel: q.kind === 'yesno' ? q.explanation.label[lang] : '',
    explanationValue: q.kind === 'yesno' ? value(q.explanation.id) : '',
    explanationError: q.kind === 'yesno' ? (errors[q.explanation.id] ?? '') : '',
    explanationRequired: T.explain[lang],
    // The card's clients stop typing at maxLength; the placeholder says so, so nothing is cut unseen.
    maxLength: MAX_TEXT,
    lengthHint:
      lang === 'nl' ? `Hoogstens ${MAX_TEXT} tekens` : `At most ${MAX_TEXT.toLocaleString('en')} characters`,
    min: q.kind === 'integer' ? q.min : 0,
    max: q.kind === 'integer' ? q.max : 0,
    options:
      q.kind === 'yesno'
        ? [
            { title: T.yes[lang], value: 'yes' },
            { title: T.no[lang], value: 'no' },
          ]
        : q.kind === 'choice'
          ? q.options.map((o) => ({ title: o.label[lang], value: o.value }))
          : [],
  }));
  const summary = set.questions.flatMap((q) => {
    const raw = values[q.id];
    const shown =
      raw === undefined || raw === ''
        ? T.notAnswered[lang]
        : q.kind === 'yesno'
          ? (raw === 'yes' ? T.yes : T.no)[lang]
          : q.kind === 'choice'
            ? (q.options.find((o) => o.value === raw)?.label[lang] ?? String(raw))
            : String(raw);
    const rows = [{ title: q.label[lang], value: shown }];
    if (q.kind === 'yesno' && value(q.explanation.id) !== '')
      rows.push({ title: q.explanation.label[lang], value: value(q.explanation.id) });
    return rows;
  });
  const s = message.session;
  const open = message.state === 'open';
  return {
    title: T.roleTitle[message.role][lang],
    reminder: message.reminder ? T.reminder(message.reminder)[lang] : '',
    facts: [
      { title: T.session[lang], value: s.id },
      { title: T.supplier[lang], value: s.supplierName },
      { title: T.when[lang], value: `${s.start.slice(0, 16).replace('T', ' ')} – ${s.end.slice(11, 16)}` },
      { title: T.facilitators[lang], value: s.facilitators.join(', ') },
    ],
    intro: set.intro[lang],
    formError: options.formError ?? '',
    state: message.state,
    questions,
    summary,
    status: (open
      ? T.openUntil(short(message.closesAt))
      : message.state === 'answered'
        ? T.answeredUntil(short(message.closesAt))
        : T.closed)[lang],
    submitTitle: T.submit[lang],
    editTitle: T.edit[lang],
    canEdit: message.state === 'answered',
    assignmentId: message.assignmentId,
  };
}

function short(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ');
}

/** Stored answers (booleans, numbers) as the strings card inputs hold. */
function toInputValues(answers: Answers | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(answers ?? {}))
    out[k] = typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v);
  return out;
}

export function scorecardData(view: ScorecardView, lang: Lang) {
  const consequence =
    view.consequence[lang] + (view.recoveryPlanDue ? ` — ${T.recoveryPlan(view.recoveryPlanDue)[lang]}` : '');
  return {
    title: T.scorecard(view.supplierName, view.period)[lang],
    subtitle: T.asOf(short(view.asOf))[lang],
    kpis: view.kpis.map((k) => ({
      id: k.id,
      name: k.name[lang],
      status: k.atRisk ? T.atRisk[lang] : T.status[k.status][lang],
      color:
        k.status === 'green' ? (k.atRisk ? 'Warning' : 'Good') : k.status === 'red' ? 'Attention' : 'Default',
      figures: `${k.value} (${k.norm}) · ${k.detail[lang]}`,
    })),
    consequence,
    consequenceColor: view.recoveryPlanDue ? 'Attention' : 'Good',
  };
}

export function alertData(alert: AlertView, lang: Lang) {
  return {
    title: T.alertTitle(alert.supplierName, alert.critical)[lang],
    body:
      alert.consequence[lang] +
      (alert.recoveryPlanDue ? ` — ${T.recoveryPlan(alert.recoveryPlanDue)[lang]}` : ''),
    facts: [
      { title: T.period[lang], value: alert.period },
      { title: T.newlyRed[lang], value: alert.newlyRed.map((k) => `${k.id} ${k.name[lang]}`).join(', ') },
      { title: T.allRed[lang], value: alert.red.join(', ') },
    ],
  };
}
