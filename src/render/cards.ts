// Neutral bot messages → Adaptive Cards (schema 1.5) in the person's language, from the templates in
// cards/ filled with adaptivecards-templating. Used by Teams and by the local web channel.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as ACData from 'adaptivecards-templating';
import type { BotMessage } from '../channels/channel.ts';
import type { Lang } from '../i18n.ts';
import { t } from '../texts/index.ts';
import { alertData, type MentionWriter } from './alert-view.ts';
import { evaluationView, type ViewOptions } from './evaluation-view.ts';
import { periodSummaryData } from './period-summary.ts';
import { questionnaireView } from './questionnaire-card.ts';
import { scorecardData } from './scorecard-card.ts';
import { sessionFormData } from './session-form-card.ts';
import { surveyResultsView, surveyView } from './survey-card.ts';
import { tasksView } from './tasks-card.ts';

export const CARD_NAMES = [
  'evaluation',
  'scorecard',
  'notice',
  'download',
  'alert',
  'help',
  'register-session',
  'tasks',
  'survey',
  'survey-results',
  'questionnaire',
  'period-summary',
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

export { alertData, evaluationView, scorecardData };

/** Server-side errors per input id, what the person typed, and a message for the whole form. */
export type RenderOptions = ViewOptions & {
  /** How the channel writes a mention in an alert (Teams: `<at>name</at>` with an entity). */
  mention?: MentionWriter;
};

export function renderCard(message: BotMessage, lang: Lang, options: RenderOptions = {}): AdaptiveCard {
  switch (message.kind) {
    case 'evaluation':
      return expand('evaluation', evaluationView(message, lang, options));
    case 'scorecard':
      return expand('scorecard', scorecardData(message.scorecard, lang));
    case 'alert':
      return expand('alert', alertData(message.alert, lang, options.mention));
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
    case 'download':
      return expand('download', {
        title: message.title[lang],
        text: message.text[lang],
        links: message.links.map((l) => ({ label: l.label[lang], url: l.url })),
      });
    case 'session-form':
      return expand('register-session', sessionFormData(message, lang, options));
    case 'tasks':
      return expand('tasks', tasksView(message, lang));
    case 'survey':
      return expand('survey', surveyView(message, lang, options));
    case 'survey-results':
      return expand('survey-results', surveyResultsView(message, lang));
    case 'questionnaire':
      return expand('questionnaire', questionnaireView(message, lang, options));
    case 'period-summary':
      return expand('period-summary', periodSummaryData(message.summary, lang));
    case 'help':
      return expand('help', {
        title: t(lang, 'card.help'),
        commands: message.commands.map((c) => ({ command: c.command, text: c.text[lang] })),
      });
  }
}
