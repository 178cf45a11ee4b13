// The one-line text of every card message: what a notification, the chat list and a screen reader
// show ("Send a card" otherwise). Teams puts it in the activity's text/summary, Slack in `text`.
import type { BotMessage } from '../channels/channel.ts';
import type { Lang } from '../i18n.ts';
import { t } from '../texts/index.ts';
import { alertTitle } from './alert-view.ts';
import { periodSummaryData } from './period-summary.ts';
import { questionnaireView } from './questionnaire-card.ts';
import { scorecardTitle } from './scorecard-card.ts';
import { surveySummary } from './survey-blocks.ts';

export function summaryText(message: BotMessage, lang: Lang): string {
  switch (message.kind) {
    case 'evaluation':
      return t(lang, 'card.roleTitle', { role: message.role });
    case 'scorecard':
      return scorecardTitle(message.scorecard, lang);
    case 'alert':
      return alertTitle(message.alert, lang);
    case 'survey':
    case 'survey-results':
      return surveySummary(message, lang);
    case 'period-summary':
      return periodSummaryData(message.summary, lang).title;
    case 'questionnaire':
      return message.reminder?.[lang] ?? questionnaireView(message, lang).title;
    case 'notice':
      return message.text[lang];
    case 'download':
      return message.title[lang];
    case 'help':
      return t(lang, 'card.help');
    case 'session-form':
      return t(lang, 'card.sessionFormTitle');
    case 'tasks':
      if (message.tasks.length === 0)
        return lang === 'nl' ? 'Je hebt geen open vragenlijsten.' : 'You have no open questionnaires.';
      return lang === 'nl'
        ? `Open vragenlijsten: ${message.tasks.map((task) => task.title.nl).join('; ')}`
        : `Open questionnaires: ${message.tasks.map((task) => task.title.en).join('; ')}`;
  }
}
