// The survey in Slack's Block Kit: a DM with the facts, the state and a button, a modal in which each
// question's answers are described in sections above short radio options (an option's text is at
// most 75 characters, the plan's descriptions are longer), and the round's results.
import type { SurveyMessage, SurveyResultsMessage } from '../channels/survey-views.ts';
import type { Lang } from '../i18n.ts';
import { MAX_TEXT } from '../questionnaires/answers.ts';
import { t } from '../texts/index.ts';
import { type Block, clip, context, LIMITS, plain, mrkdwnSafe as safe, section } from './block-kit.ts';
import { type SurveyRenderOptions, surveyResultsView, surveyView } from './survey-card.ts';

/** The DM: what it is about, its state, and the button that opens the modal (the evaluation's action). */
export function surveyBlocks(message: SurveyMessage, lang: Lang, openAction: string): Block[] {
  const view = surveyView(message, lang);
  const blocks: Block[] = [{ type: 'header', text: plain(view.title, 150) }];
  if (view.reminder) blocks.push(section(`:bell: ${safe(view.reminder)}`));
  blocks.push({
    type: 'section',
    fields: view.facts.map((f) => ({
      type: 'mrkdwn',
      text: clip(`*${safe(f.title)}*\n${safe(f.value)}`, LIMITS.field),
    })),
  });
  if (message.state !== 'open')
    blocks.push(section(view.summary.map((r) => `*${safe(r.title)}*\n${safe(r.value)}`).join('\n\n')));
  blocks.push(context(safe(view.status)));
  if (message.state !== 'closed') {
    blocks.push({
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: openAction,
          text: plain(
            message.state === 'open' ? (lang === 'nl' ? 'Invullen' : 'Answer') : view.editTitle,
            75,
          ),
          value: message.assignmentId,
          ...(message.state === 'open' ? { style: 'primary' } : {}),
        },
      ],
    });
  }
  return blocks;
}

/** The modal: per question its text, its answers described, short radio options and the optional remark. */
export function surveyModal(
  message: SurveyMessage,
  lang: Lang,
  callbackId: string,
  options: SurveyRenderOptions = {},
): Block {
  const view = surveyView({ ...message, state: 'open' }, lang, options);
  const blocks: Block[] = [
    section(
      `*${safe(view.title)}*\n${view.facts.map((f) => `${safe(f.title)}: ${safe(f.value)}`).join(' · ')}`,
    ),
    context(safe(view.intro)),
  ];
  for (const q of view.questions) {
    blocks.push({ type: 'divider' });
    blocks.push(section(`*${safe(q.label)}*${q.help ? `\n${safe(q.help)}` : ''}`));
    blocks.push(section(q.options.map((o) => `*${safe(o.short)}* — ${safe(o.description)}`).join('\n\n')));
    const radios = q.options.map((o) => ({ text: plain(o.short, LIMITS.option), value: o.value }));
    const initial = radios.find((o) => o.value === q.value);
    blocks.push({
      type: 'input',
      block_id: q.id,
      label: plain(q.label.split(' — ')[0] ?? q.label),
      element: {
        type: 'radio_buttons',
        action_id: 'value',
        options: radios,
        ...(initial ? { initial_option: initial } : {}),
      },
    });
    if (q.remarkId !== '') {
      blocks.push({
        type: 'input',
        block_id: q.remarkId,
        optional: true,
        label: plain(q.remarkLabel),
        element: {
          type: 'plain_text_input',
          action_id: 'value',
          multiline: true,
          max_length: MAX_TEXT,
          ...(q.remarkValue !== '' ? { initial_value: q.remarkValue } : {}),
        },
      });
    }
  }
  return {
    type: 'modal',
    callback_id: callbackId,
    private_metadata: clip(message.assignmentId, 3000),
    title: plain(lang === 'nl' ? 'Tevredenheidsenquête' : 'Satisfaction survey', LIMITS.modalText),
    submit: plain(view.submitTitle, LIMITS.modalText),
    close: plain(lang === 'nl' ? 'Annuleren' : 'Cancel', LIMITS.modalText),
    blocks: blocks.slice(0, LIMITS.modalBlocks),
  };
}

export function surveyResultsBlocks(message: SurveyResultsMessage, lang: Lang): Block[] {
  const view = surveyResultsView(message, lang);
  const blocks: Block[] = [{ type: 'header', text: plain(view.title, 150) }, context(safe(view.when))];
  for (const q of view.questions) {
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: clip(`*${safe(q.label)}*${q.gap ? `\n:warning: ${safe(q.gap)}` : ''}`, LIMITS.section),
      },
      fields: [
        { type: 'mrkdwn', text: `*${safe(view.headers.client)}*\n${safe(q.client)}` },
        { type: 'mrkdwn', text: `*${safe(view.headers.supplier)}*\n${safe(q.supplier)}` },
      ],
    });
  }
  blocks.push(section(safe(view.answered)));
  blocks.push(section(`${view.good ? ':large_green_circle:' : ':red_circle:'} *${safe(view.verdict)}*`));
  blocks.push(context(safe(view.how)));
  if (view.individualTitle) {
    blocks.push(
      section(
        `*${safe(view.individualTitle)}*\n${view.individual.map((p) => `• *${safe(p.title)}*: ${safe(p.value)}`).join('\n')}`,
      ),
    );
  }
  return blocks;
}

/** The notification text of a survey message (and a results message). */
export function surveySummary(message: SurveyMessage | SurveyResultsMessage, lang: Lang): string {
  if (message.kind === 'survey-results') return surveyResultsView(message, lang).title;
  const view = surveyView(message, lang);
  return t(lang, 'survey.summary', {
    period: view.facts[1]?.value ?? message.period,
    supplier: message.supplierName,
  });
}
