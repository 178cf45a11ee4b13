// Neutral bot messages → Slack Block Kit, from the same view data and texts as the Adaptive Cards:
// a DM per questionnaire (facts, status, "Invullen" or "Wijzigen") and a modal with the questions.
// Block Kit's limits are kept here: 50 blocks a message, 100 a modal, 3000 characters a section,
// 75 an option, 24 a modal title, button and close text, 3000 private_metadata.
import type { BotMessage, ScorecardView } from '../channels/channel.ts';
import type { Lang } from '../i18n.ts';
import { MAX_TEXT } from '../questionnaires/answers.ts';
import { evaluationSet } from '../questionnaires/evaluation.ts';
import { t } from '../texts/index.ts';
import type { MentionWriter } from './alert-view.ts';
import { type Block, clip, LIMITS, mrkdwnSafe, plain, section } from './block-kit.ts';
import { alertData, evaluationView, type RenderOptions, scorecardData } from './cards.ts';
import { periodSummaryData } from './period-summary.ts';
import { questionnaireBlocks } from './questionnaire-blocks.ts';
import { summaryText } from './summary.ts';
import { surveyBlocks, surveyResultsBlocks } from './survey-blocks.ts';
import { tasksBlocks } from './tasks-blocks.ts';

export type { Block } from './block-kit.ts';
export { clip } from './block-kit.ts';

export const ACTIONS = { open: 'evaluation_open' } as const;
export const EVALUATION_VIEW = 'evaluation';

/** A message for chat.postMessage / chat.update: blocks and the notification text. */
/** `mention`: how a person is mentioned in Slack (`<@U…>`), for a critical alert's contract managers. */
export function renderBlocks(
  message: BotMessage,
  lang: Lang,
  mention?: MentionWriter,
): { text: string; blocks: Block[] } {
  const blocks = messageBlocks(message, lang, mention);
  const text = summaryText(message, lang);
  return { text: clip(text, 3000), blocks: blocks.slice(0, LIMITS.messageBlocks) };
}

function messageBlocks(message: BotMessage, lang: Lang, mention?: MentionWriter): Block[] {
  switch (message.kind) {
    case 'tasks':
      return tasksBlocks(message, lang, ACTIONS.open);
    case 'survey':
      return surveyBlocks(message, lang, ACTIONS.open);
    case 'survey-results':
      return surveyResultsBlocks(message, lang);
    case 'questionnaire':
      return questionnaireBlocks(message, lang, ACTIONS.open);
    case 'period-summary': {
      const data = periodSummaryData(message.summary, lang);
      return [
        { type: 'header', text: plain(data.title, 150) },
        { type: 'context', elements: [{ type: 'mrkdwn', text: mrkdwnSafe(data.intro) }] },
        // Ten suppliers to a section's fields; a contract with more gets more sections (50 blocks in all).
        ...chunks(data.suppliers, 10)
          .map((group) => ({
            type: 'section',
            fields: group.map((s) => ({
              type: 'mrkdwn',
              text: clip(
                `*${mrkdwnSafe(s.name)}*\n${mrkdwnSafe(s.lights)}\n_${mrkdwnSafe(s.consequence)}_`,
                2000,
              ),
            })),
          }))
          .slice(0, 46),
        { type: 'context', elements: [{ type: 'mrkdwn', text: mrkdwnSafe(data.legend) }] },
      ];
    }
    case 'evaluation': {
      const view = evaluationView(message, lang, {});
      const blocks: Block[] = [{ type: 'header', text: plain(view.title, 150) }];
      if (view.reminder) blocks.push(section(`:bell: ${mrkdwnSafe(view.reminder)}`));
      blocks.push({
        type: 'section',
        fields: view.facts.map((f) => ({
          type: 'mrkdwn',
          text: clip(`*${mrkdwnSafe(f.title)}*\n${mrkdwnSafe(f.value)}`, 2000),
        })),
      });
      if (message.state !== 'open')
        blocks.push(
          section(view.summary.map((r) => `*${mrkdwnSafe(r.title)}*\n${mrkdwnSafe(r.value)}`).join('\n\n')),
        );
      blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: mrkdwnSafe(view.status) }] });
      if (message.state !== 'closed') {
        const fill = t(lang, 'card.answer');
        blocks.push({
          type: 'actions',
          elements: [
            {
              type: 'button',
              action_id: ACTIONS.open,
              text: plain(message.state === 'open' ? fill : view.editTitle, 75),
              value: message.assignmentId,
              ...(message.state === 'open' ? { style: 'primary' } : {}),
            },
          ],
        });
      }
      return blocks;
    }
    case 'scorecard': {
      const data = scorecardData(message.scorecard, lang);
      return [
        { type: 'header', text: plain(data.title, 150) },
        { type: 'context', elements: [{ type: 'mrkdwn', text: mrkdwnSafe(data.subtitle) }] },
        section(
          data.kpis
            .map(
              (k) =>
                `${k.symbol} *${mrkdwnSafe(k.id)} ${mrkdwnSafe(k.name)}*\n${mrkdwnSafe(k.status)} · ${mrkdwnSafe(k.figures)}${k.reply ? `\n_${mrkdwnSafe(k.reply)}_` : ''}`,
            )
            .join('\n'),
        ),
        section(`*${mrkdwnSafe(data.consequence)}*`),
        ...trendBlocks(message.scorecard, data.trend),
        { type: 'context', elements: [{ type: 'mrkdwn', text: mrkdwnSafe(data.legend) }] },
      ];
    }
    case 'alert': {
      const data = alertData(message.alert, lang, mention, mrkdwnSafe);
      const icon = data.color === 'Attention' ? ':rotating_light:' : ':large_green_circle:';
      return [
        { type: 'header', text: plain(`${icon} ${data.title}`, 150) },
        section(mrkdwnSafe(data.body)),
        ...(data.mentionLine ? [section(data.mentionLine)] : []),
        {
          type: 'section',
          fields: data.facts.map((f) => ({
            type: 'mrkdwn',
            text: clip(`*${mrkdwnSafe(f.title)}*\n${mrkdwnSafe(f.value)}`, 2000),
          })),
        },
      ];
    }
    case 'notice':
      return [section(mrkdwnSafe(message.text[lang]))];
    case 'download':
      // Slack links as `<url|label>`: the URL is the bot's own, signed; the label escaped.
      return [
        section(`*${mrkdwnSafe(message.title[lang])}*\n${mrkdwnSafe(message.text[lang])}`),
        section(message.links.map((l) => `• <${l.url}|${mrkdwnSafe(l.label[lang])}>`).join('\n')),
      ];
    case 'help':
      return [
        section(
          `*${mrkdwnSafe(t(lang, 'card.help'))}*\n${message.commands.map((c) => `• \`${mrkdwnSafe(c.command)}\` ${mrkdwnSafe(c.text[lang])}`).join('\n')}`,
        ),
      ];
    case 'session-form':
      // Registering a session needs the card's form; Slack says where it can be done instead.
      return [
        section(
          lang === 'nl'
            ? 'Een sessie registreren kan (nog) niet in Slack: gebruik Teams of het planningssysteem.'
            : 'Registering a session is not possible in Slack (yet): use Teams or the planning system.',
        ),
      ];
  }
}

/** The modal with the questionnaire; errors (per input id) are shown by Slack, not here. */
export function evaluationModal(
  message: Extract<BotMessage, { kind: 'evaluation' }>,
  lang: Lang,
  options: RenderOptions = {},
): Block {
  const view = evaluationView({ ...message, state: 'open' }, lang, options);
  const set = evaluationSet(message.role, { registration: message.registration });
  const blocks: Block[] = [
    section(
      `*${mrkdwnSafe(view.title)}*\n${view.facts.map((f) => `${mrkdwnSafe(f.title)}: ${mrkdwnSafe(f.value)}`).join(' · ')}`,
    ),
    { type: 'context', elements: [{ type: 'mrkdwn', text: mrkdwnSafe(view.intro) }] },
  ];
  for (const q of view.questions) {
    const question = set.questions.find((x) => x.id === q.id);
    if (!question) continue;
    if (q.kind === 'yesno' || q.kind === 'choice') {
      const options = q.options.map((o) => ({ text: plain(o.title, LIMITS.option), value: o.value }));
      const initial = options.find((o) => o.value === q.value);
      blocks.push({
        type: 'input',
        block_id: q.id,
        label: plain(q.label),
        element: {
          type: 'radio_buttons',
          action_id: 'value',
          options,
          ...(initial ? { initial_option: initial } : {}),
        },
      });
    } else if (q.kind === 'integer') {
      blocks.push({
        type: 'input',
        block_id: q.id,
        label: plain(q.label),
        element: {
          type: 'number_input',
          action_id: 'value',
          is_decimal_allowed: false,
          min_value: String(q.min),
          max_value: String(q.max),
          ...(q.value !== '' ? { initial_value: q.value } : {}),
        },
      });
    } else {
      blocks.push(textInput(q.id, q.label, q.value));
    }
    if (q.kind === 'yesno') blocks.push(textInput(q.explanationId, q.explanationLabel, q.explanationValue));
  }
  return {
    type: 'modal',
    callback_id: EVALUATION_VIEW,
    private_metadata: clip(message.assignmentId, 3000),
    title: plain(lang === 'nl' ? 'Evaluatie LEF-sessie' : 'LEF session evaluation', LIMITS.modalText),
    submit: plain(view.submitTitle, LIMITS.modalText),
    close: plain(lang === 'nl' ? 'Annuleren' : 'Cancel', LIMITS.modalText),
    blocks: blocks.slice(0, LIMITS.modalBlocks),
  };
}

function textInput(id: string, label: string, value: string): Block {
  return {
    type: 'input',
    block_id: id,
    label: plain(label),
    element: {
      type: 'plain_text_input',
      action_id: 'value',
      multiline: true,
      max_length: MAX_TEXT,
      ...(value !== '' ? { initial_value: value } : {}),
    },
  };
}

/** A view_submission's state as the inputs a card would send (input id → string). */
export function inputsFromState(values: Record<string, Record<string, Block>>): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const [blockId, actions] of Object.entries(values ?? {})) {
    const element = actions?.value;
    if (!element) continue;
    if (Array.isArray(element.selected_options)) {
      // Checkboxes: the values chosen, as a card's multi-select sends them.
      inputs[blockId] = element.selected_options.map((o: { value?: unknown }) => String(o.value)).join(',');
      continue;
    }
    const value = element.selected_option?.value ?? element.selected_date ?? element.value;
    if (typeof value === 'string') inputs[blockId] = value;
  }
  return inputs;
}

/** The trend as an image where the bot serves it (a public host), else as its words. */
function trendBlocks(view: ScorecardView, trend: ReturnType<typeof scorecardData>['trend']): Block[] {
  if (!trend) return [];
  const url = view.trend?.imageUrl;
  if (url)
    return [
      { type: 'image', image_url: url, alt_text: clip(trend.alt, 2000), title: plain(trend.title, 2000) },
    ];
  return [{ type: 'context', elements: [{ type: 'mrkdwn', text: clip(mrkdwnSafe(trend.alt), 3000) }] }];
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
