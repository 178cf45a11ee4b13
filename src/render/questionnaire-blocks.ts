// A generic questionnaire in Slack's Block Kit: the DM (facts, note, state, the button that opens the
// modal) and the modal, with a Block Kit input per question: radio buttons, a multi-line text, a
// date picker or a URL input. Texts are clipped to Slack's limits.
import type { QuestionnaireMessage } from '../channels/questionnaire-view.ts';
import type { Lang } from '../i18n.ts';
import { t } from '../texts/index.ts';
import { type Block, clip, context, LIMITS, plain, mrkdwnSafe as safe, section } from './block-kit.ts';
import { questionnaireView } from './questionnaire-card.ts';
import type { SurveyRenderOptions } from './survey-card.ts';

export function questionnaireBlocks(message: QuestionnaireMessage, lang: Lang, openAction: string): Block[] {
  const view = questionnaireView(message, lang);
  const blocks: Block[] = [{ type: 'header', text: plain(view.title, 150) }];
  if (view.reminder) blocks.push(section(`:bell: ${safe(view.reminder)}`));
  blocks.push({
    type: 'section',
    fields: view.facts.slice(0, 10).map((f) => ({
      type: 'mrkdwn',
      text: clip(`*${safe(f.title)}*\n${safe(f.value)}`, LIMITS.field),
    })),
  });
  if (view.note) blocks.push(section(`*${safe(view.note)}*`));
  for (const part of view.sections)
    blocks.push(section(`*${safe(part.title)}*\n${part.lines.map((l) => `• ${safe(l.text)}`).join('\n')}`));
  // Slack opens only a web address it can reach: the bot's public https one.
  if (view.linkUrl.startsWith('https://'))
    blocks.push(section(`:page_facing_up: <${view.linkUrl}|${safe(view.linkTitle)}>`));
  if (message.state !== 'open' && view.summary.length > 0)
    blocks.push(section(view.summary.map((r) => `*${safe(r.title)}*\n${safe(r.value)}`).join('\n\n')));
  blocks.push(context(safe(view.status)));
  if (message.state !== 'closed') {
    const open = message.state === 'open';
    blocks.push({
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: openAction,
          text: plain(open ? t(lang, 'questionnaire.answer') : view.editTitle, 75),
          value: message.assignmentId,
          ...(open ? { style: 'primary' } : {}),
        },
      ],
    });
  }
  return blocks;
}

function element(q: ReturnType<typeof questionnaireView>['questions'][number]): Block {
  switch (q.type) {
    case 'choice': {
      const radios = q.options.map((o) => ({ text: plain(o.short, LIMITS.option), value: o.value }));
      const initial = radios.find((o) => o.value === q.value);
      return {
        type: 'radio_buttons',
        action_id: 'value',
        options: radios,
        ...(initial ? { initial_option: initial } : {}),
      };
    }
    case 'choices': {
      const boxes = q.options.map((o) => ({ text: plain(o.short, LIMITS.option), value: o.value }));
      const chosen = new Set(q.value.split(','));
      const initial = boxes.filter((o) => chosen.has(o.value));
      return {
        type: 'checkboxes',
        action_id: 'value',
        options: boxes,
        ...(initial.length > 0 ? { initial_options: initial } : {}),
      };
    }
    case 'integer':
      return {
        type: 'number_input',
        action_id: 'value',
        is_decimal_allowed: false,
        min_value: String(q.min),
        max_value: String(q.max),
        ...(q.value ? { initial_value: q.value } : {}),
      };
    case 'amount':
      return {
        type: 'plain_text_input',
        action_id: 'value',
        max_length: 20,
        placeholder: plain(q.amountHint, 150),
        ...(q.value ? { initial_value: q.value } : {}),
      };
    case 'email':
      return { type: 'email_text_input', action_id: 'value', ...(q.value ? { initial_value: q.value } : {}) };
    case 'date':
      return { type: 'datepicker', action_id: 'value', ...(q.value ? { initial_date: q.value } : {}) };
    case 'link':
      return { type: 'url_text_input', action_id: 'value', ...(q.value ? { initial_value: q.value } : {}) };
    default:
      return {
        type: 'plain_text_input',
        action_id: 'value',
        multiline: q.multiline,
        max_length: q.maxLength,
        ...(q.value ? { initial_value: q.value } : {}),
      };
  }
}

export function questionnaireModal(
  message: QuestionnaireMessage,
  lang: Lang,
  callbackId: string,
  options: SurveyRenderOptions = {},
): Block {
  const view = questionnaireView({ ...message, state: 'open' }, lang, options);
  const blocks: Block[] = [
    section(
      `*${safe(view.title)}*\n${view.facts.map((f) => `${safe(f.title)}: ${safe(f.value)}`).join(' · ')}`,
    ),
  ];
  if (view.note) blocks.push(section(`*${safe(view.note)}*`));
  blocks.push(context(safe(view.intro)));
  for (const q of view.questions) {
    blocks.push({
      type: 'input',
      block_id: q.id,
      optional: !q.required,
      label: plain(q.label),
      ...(q.help ? { hint: plain(q.help) } : {}),
      element: element(q),
    });
  }
  return {
    type: 'modal',
    callback_id: callbackId,
    private_metadata: clip(message.assignmentId, 3000),
    title: plain(view.title, LIMITS.modalText),
    submit: plain(view.submitTitle, LIMITS.modalText),
    close: plain(lang === 'nl' ? 'Annuleren' : 'Cancel', LIMITS.modalText),
    blocks: blocks.slice(0, LIMITS.modalBlocks),
  };
}
