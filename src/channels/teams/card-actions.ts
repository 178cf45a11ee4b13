// What a Teams card action answers, whichever way it came (an Action.Execute invoke, or Action.Submit
// from an older client): the summary after a submit, the questionnaire again for "Wijzigen", the
// questionnaire as it stands for "Openen" (the tasks card), "Annuleren" and a refresh; the same card
// with the messages at the inputs when something is wrong. Nothing is changed by a second click or a
// stale card: the core decides.
import { UserError } from '../../errors.ts';
import type { Core } from '../../flows/core.ts';
import { currentEvaluation, editAnswers, submitAnswers } from '../../flows/evaluations.ts';
import { FormError, submitSessionForm } from '../../flows/register-session.ts';
import type { Lang } from '../../i18n.ts';
import { fieldMessages } from '../../questionnaires/answers.ts';
import type { RenderOptions } from '../../render/cards.ts';
import type { BotMessage } from '../channel.ts';

/** What a card action answers: the message, in whose language, rendered with which errors. */
export interface CardReply {
  message: BotMessage;
  lang: Lang;
  options: RenderOptions;
}

/** A card action, from an Action.Execute invoke or an Action.Submit message. */
export interface CardAction {
  verb: string;
  data: Record<string, unknown>;
}

/** Verbs that only show the questionnaire as it stands: a refresh, "Openen", "Annuleren". */
const SHOW_VERBS = new Set(['refresh', 'open', 'cancel']);

const STALE = new Set([
  'window-closed',
  'window-not-open',
  'survey-closed',
  'survey-not-open',
  'recovery-closed',
  'recovery-not-open',
]);

/** The card after `person`'s action, in `lang` (their language). */
export async function cardAction(
  core: Core,
  person: string,
  action: CardAction,
  lang: Lang,
): Promise<CardReply> {
  // `contract` names where the card came from (the front door routed on it): not an answer.
  const { assignmentId: rawId, formId: rawForm, contract: _contract, ...inputs } = action.data;
  const assignmentId = typeof rawId === 'string' ? rawId : '';
  const card = (message: BotMessage, options: RenderOptions = {}): CardReply => ({
    message,
    lang,
    options,
  });
  try {
    if (SHOW_VERBS.has(action.verb)) return card(await currentEvaluation(core, person, assignmentId));
    switch (action.verb) {
      case 'submit':
        return card((await submitAnswers(core, person, assignmentId, inputs)).message);
      case 'edit':
        return card(await editAnswers(core, person, assignmentId));
      case 'register-session': {
        const formId = typeof rawForm === 'string' ? rawForm : '';
        try {
          return card((await submitSessionForm(core, person, formId, inputs)).message);
        } catch (error) {
          if (!(error instanceof FormError)) throw error;
          return card(error.form, {
            errors: fieldMessages(error.fields, lang),
            values: inputs,
            formError: error.summary(lang),
          });
        }
      }
      default:
        throw new UserError('unknown-command');
    }
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    if (error.code === 'invalid') {
      // Validation errors come back in the card, at the questions, with what was typed kept.
      const open = await editAnswers(core, person, assignmentId);
      return card(open, {
        errors: fieldMessages(error.fields, lang),
        values: inputs,
        formError: error.text(lang),
      });
    }
    if (STALE.has(error.code)) {
      // A stale card: show the questionnaire as it stands, with why nothing changed.
      const current = await currentEvaluation(core, person, assignmentId);
      return card(current, { formError: error.text(lang) });
    }
    return card({
      kind: 'notice',
      tone: 'attention',
      text: { nl: error.text('nl'), en: error.text('en') },
    });
  }
}
