// The local web channel's HTTP side: the page, the people to pick from, each person's conversation
// with cards rendered for the page, answers and commands, and the alert channel. Only a translator:
// every request becomes a neutral call on the core.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Express, Request } from 'express';
import { z } from 'zod';
import { frameworkName } from '../../domain/frameworks/index.ts';
import { UserError, type UserErrorCode } from '../../errors.ts';
import { handleCommand } from '../../flows/commands.ts';
import type { ContractDesk } from '../../flows/contracts.ts';
import type { Core } from '../../flows/core.ts';
import { currentEvaluation, editAnswers, submitAnswers } from '../../flows/evaluations.ts';
import { FormError, submitSessionForm } from '../../flows/register-session.ts';
import { langOf } from '../../http/server.ts';
import type { Lang } from '../../i18n.ts';
import { fieldMessages } from '../../questionnaires/answers.ts';
import { renderCard } from '../../render/cards.ts';
import type { ConversationStore, LoggedMessage } from '../../store/conversations.ts';
import { StoreError } from '../../store/errors.ts';
import { type TextKey, t } from '../../texts/index.ts';
import { LOCAL_PAGE_KEYS } from '../../texts/local.ts';
import type { BotMessage } from '../channel.ts';
import { securityHeaders } from './security-headers.ts';

const asset = (name: string) => readFileSync(fileURLToPath(new URL(name, import.meta.url)), 'utf8');
const require = createRequire(import.meta.url);
const ADAPTIVE_CARDS_JS = require.resolve('adaptivecards/dist/adaptivecards.min.js');

const ActionBody = z.discriminatedUnion('verb', [
  z.object({
    person: z.string().min(1),
    verb: z.enum(['submit', 'edit', 'open', 'cancel']),
    messageId: z.string().min(1),
    assignmentId: z.string().min(1),
    inputs: z.record(z.string(), z.unknown()).default({}),
    contract: z.string().min(1).max(200).optional(),
  }),
  z.object({
    person: z.string().min(1),
    contract: z.string().min(1).max(200).optional(),
    verb: z.literal('register-session'),
    messageId: z.string().min(1),
    formId: z.string().min(1),
    inputs: z.record(z.string(), z.unknown()).default({}),
  }),
]);
const CommandBody = z.object({
  person: z.string().min(1),
  text: z.string().min(1).max(500),
  contract: z.string().min(1).max(200).optional(),
});

/** The contracts the page can switch between, and each one's conversations. */
export interface LocalContracts {
  desk: ContractDesk;
  conversations(contract: string): ConversationStore;
}

export function localRoutes(local: LocalContracts) {
  // The contract a request names (`?contract=`, or `contract` in its body); none: the first.
  const contractOf = (id: unknown) => {
    const core = local.desk.core(typeof id === 'string' && id !== '' ? id : undefined);
    if (!core) throw new UserError('unknown-contract', {}, { nl: String(id), en: String(id) });
    return { core, conversations: local.conversations(core.contract) };
  };
  return (app: Express) => {
    const page = asset('./page.html');
    const script = asset('./page.js');
    const style = asset('./page.css');
    app.use('/local', securityHeaders);
    app.get('/', securityHeaders, (req, res) => {
      // Dutch first, as page.js: English when asked for (?lang=en) or chosen in the page.
      const lang = req.query.lang === 'en' ? 'en' : 'nl';
      const texts = pageTexts(lang);
      const html = page
        .replace('<html lang="nl">', `<html lang="${lang}">`)
        .replace(/\{\{(\w+)\}\}/g, (_, key: string) => escapeHtml(texts[key] ?? ''));
      res.type('html').send(html);
    });
    app.get('/local/page.js', (_req, res) => {
      res.type('js').send(script);
    });
    app.get('/local/page.css', (_req, res) => {
      res.type('css').send(style);
    });
    app.get('/local/adaptivecards.min.js', (_req, res) => {
      res.sendFile(ADAPTIVE_CARDS_JS);
    });

    // The page's own texts in the chosen language, for page.js after a change of language.
    app.get('/local/api/texts', (req, res) => {
      const lang = langOf(req);
      res.json({ lang, texts: pageTexts(lang) });
    });

    app.get('/local/api/contracts', async (req, res) => {
      const lang = langOf(req);
      const contracts = await Promise.all(
        local.desk.cores.map(async (core) => {
          const view = await core.contractView();
          return { id: core.contract, name: frameworkName(view.contract.framework, lang) ?? core.contract };
        }),
      );
      res.json({ contracts });
    });

    app.get('/local/api/people', async (req, res) => {
      const { core } = contractOf(req.query.contract);
      const view = await core.contractView();
      res.json({
        contract: view.contract.id,
        people: [...view.people.values()].map((p) => ({
          id: p.id,
          name: p.name,
          roles: p.roles,
          supplier: p.supplier,
        })),
      });
    });

    app.get('/local/api/conversation', async (req, res) => {
      const { core, conversations } = contractOf(req.query.contract);
      const person = await knownPerson(core, String(req.query.person ?? ''));
      res.json({ messages: (await conversations.list(person)).map((m) => present(m, langOf(req))) });
    });

    app.get('/local/api/alerts', async (req, res) => {
      const { conversations } = contractOf(req.query.contract);
      res.json({ messages: (await conversations.list(undefined)).map((m) => present(m, langOf(req))) });
    });

    app.post('/local/api/action', async (req, res) => {
      const lang = langOf(req);
      const body = parseBody(ActionBody, req);
      const { core, conversations } = contractOf(body.contract);
      const person = await knownPerson(core, body.person);
      if (body.verb === 'register-session') {
        try {
          const { message } = await submitSessionForm(core, person, body.formId, body.inputs);
          await showInConversation(conversations, person, body.messageId, message);
          res.json({ ok: true, card: renderCard(message, lang) });
        } catch (error) {
          const refused = error instanceof UserError ? FORM_REFUSALS[error.code] : undefined;
          if (refused) {
            res.status(refused).json({ ok: false, error: (error as UserError).text(lang) });
            return;
          }
          if (!(error instanceof FormError)) throw error;
          const card = renderCard(error.form, lang, {
            errors: fieldMessages(error.fields, lang),
            values: body.inputs,
            formError: error.summary(lang),
          });
          const status = error.reason === 'conflict' ? 409 : 422;
          res.status(status).json({ ok: false, error: error.summary(lang), card });
        }
        return;
      }
      try {
        // "Openen" (the tasks card) and "Annuleren" (after Wijzigen): the questionnaire as it stands.
        const message =
          body.verb === 'submit'
            ? (await submitAnswers(core, person, body.assignmentId, body.inputs)).message
            : body.verb === 'edit'
              ? await editAnswers(core, person, body.assignmentId)
              : await currentEvaluation(core, person, body.assignmentId);
        // The conversation keeps what the card now shows: after "Wijzigen" the form, after Versturen the
        // summary, also when the answers were the same and the outbox has nothing to refresh.
        await showInConversation(conversations, person, body.messageId, message);
        res.json({ ok: true, card: renderCard(message, lang) });
      } catch (error) {
        if (!(error instanceof UserError) || error.code !== 'invalid') throw error;
        // Validation errors come back in the card, under the questions, with what was typed kept.
        const logged = (await conversations.list(person)).find((m) => m.id === body.messageId);
        const kind = logged?.message.kind;
        if (!logged || (kind !== 'evaluation' && kind !== 'survey' && kind !== 'questionnaire')) throw error;
        const card = renderCard({ ...logged.message, state: 'open' } as BotMessage, lang, {
          errors: fieldMessages(error.fields, lang),
          values: body.inputs,
          formError: error.text(lang),
        });
        res.status(422).json({ ok: false, error: error.text(lang), card });
      }
    });

    app.post('/local/api/command', async (req, res) => {
      const lang = langOf(req);
      const body = parseBody(CommandBody, req);
      const { core, conversations } = contractOf(body.contract);
      const person = await knownPerson(core, body.person);
      const now = core.clock.now();
      const said = `${now}-${randomUUID()}`;
      await conversations.append(person, {
        id: said,
        at: now,
        from: 'person',
        message: { kind: 'notice', text: { nl: body.text, en: body.text } },
      });
      let replies: BotMessage[];
      try {
        // The page has chosen the contract: naming it is allowed, naming another is refused.
        const routed = await local.desk.forPage(core, body.text);
        replies =
          'message' in routed
            ? [routed.message]
            : await handleCommand(core, person, routed.text, { channel: 'local' });
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        replies = [
          { kind: 'notice', tone: 'attention', text: { nl: error.text('nl'), en: error.text('en') } },
        ];
      }
      for (const [index, reply] of replies.entries()) {
        await conversations.append(person, {
          id: `${said}-${index}`,
          at: now + index + 1,
          from: 'bot',
          message: reply,
        });
      }
      res.json({ ok: true, replies: replies.map((reply) => renderCard(reply, lang)) });
    });
  };
}

/**
 * The page's texts by key without the `local.` prefix; {contract} and {error} are given back in
 * place of themselves, for page.js to fill.
 */
function pageTexts(lang: Lang): Record<string, string> {
  const slots = { contract: '{contract}', error: '{error}' };
  return Object.fromEntries(LOCAL_PAGE_KEYS.map((key) => [key, t(lang, `local.${key}` as TextKey, slots)]));
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A form that is not the person's to submit: said as it is, the form stays as it was. */
const FORM_REFUSALS: Partial<Record<UserErrorCode, number>> = {
  'unknown-form': 404,
  'not-your-form': 403,
  'not-your-session': 403,
};

/**
 * The card in the person's conversation becomes the result. That is only the page's copy of it:
 * when the message is gone (a lost or wrong id) the answer still shows what was stored. Answers to
 * one card at once (a double click) race to update it: the loser writes again, and when it keeps
 * losing, the card shows a winner's result of the same click, which is as good.
 */
async function showInConversation(
  conversations: ConversationStore,
  person: string,
  messageId: string,
  message: BotMessage,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await conversations.update(person, messageId, message);
    } catch (error) {
      if (!(error instanceof StoreError)) throw error;
      if (error.kind === 'not-found' || (error.kind === 'conflict' && attempt >= 5)) return;
      if (error.kind !== 'conflict') throw error;
    }
  }
}

function parseBody<T extends z.ZodType>(schema: T, req: Request): z.infer<T> {
  const parsed = schema.safeParse(req.body);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
    throw new UserError(
      'bad-argument',
      {},
      { nl: `ontbrekende of ongeldige velden: ${fields}`, en: `missing or invalid fields: ${fields}` },
    );
  }
  return parsed.data;
}

async function knownPerson(core: Core, id: string): Promise<string> {
  const view = await core.contractView();
  if (!view.people.has(id)) throw new UserError('unknown-person');
  return id;
}

function present(logged: LoggedMessage, lang: Parameters<typeof renderCard>[1]) {
  return {
    id: logged.id,
    at: logged.at,
    from: logged.from,
    text:
      logged.from === 'person' && logged.message.kind === 'notice' ? logged.message.text[lang] : undefined,
    card: logged.from === 'bot' ? renderCard(logged.message, lang) : undefined,
  };
}
