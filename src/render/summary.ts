// The one-line text of every card message: what a notification, the chat list and a screen reader
// show ("Send a card" otherwise). Teams puts it in the activity's text/summary, Slack in `text`.
import type { BotMessage } from '../channels/channel.ts';
import type { Lang } from '../i18n.ts';
import { T } from './cards.ts';
import { surveySummary } from './survey-blocks.ts';

export function summaryText(message: BotMessage, lang: Lang): string {
  switch (message.kind) {
    case 'evaluation':
      return T.roleTitle[message.role][lang];
    case 'scorecard':
      return T.scorecard(message.scorecard.supplierName, message.scorecard.period)[lang];
    case 'alert':
      return T.alertTitle(message.alert.supplierName, message.alert.critical)[lang];
    case 'survey':
    case 'survey-results':
      return surveySummary(message, lang);
    case 'notice':
      return message.text[lang];
    case 'help':
      return T.help[lang];
    case 'session-form':
      return T.form.title[lang];
    case 'tasks':
      if (message.tasks.length === 0)
        return lang === 'nl' ? 'Je hebt geen open vragenlijsten.' : 'You have no open questionnaires.';
      return lang === 'nl'
        ? `Open vragenlijsten: ${message.tasks.map((task) => task.title.nl).join('; ')}`
        : `Open questionnaires: ${message.tasks.map((task) => task.title.en).join('; ')}`;
  }
}
