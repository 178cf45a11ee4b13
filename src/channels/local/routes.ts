// The local web channel's HTTP side: the page, the people to pick from, each person's conversation
// with cards rendered for the page, answers and commands, and the alert channel. Only a translator:
// every request becomes a neutral call on the core.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Express, Request } from 'express';
import { z } from 'zod';
import { UserError } from '../../errors.ts';
import { handleCommand } from '../../flows/commands.ts';
import type { Core } from '../../flows/core.ts';
import { editAnswers, submitAnswers } from '../../flows/evaluations.ts';
import { FormError, sessionForm, submitSessionForm } from '../../flows/register-session.ts';
import { langOf } from '../../http/server.ts';
import { fieldMessages } from '../../questionnaires/answers.ts';
import { renderCard } from '../../render/cards.ts';
import type { ConversationStore, LoggedMessage } from '../../store/conversations.ts';
import type { BotMessage } from '../channel.ts';

const PAGE = fileURLToPath(new URL('./page.html', import.meta.url));
const require = createRequire(import.meta.url);
const ADAPTIVE_CARDS_JS = require.resolve('adaptivecards/dist/adaptivecards.min.js');

const ActionBody = z.discriminatedUnion('verb', [
  z.object({
    person: z.string().min(1),
    verb: z.enum(['submit', 'edit']),
    messageId: z.string().min(1),
    assignmentId: z.string().min(1),
    inputs: z.record(z.string(), z.unknown()).default({}),
  }),
  z.object({
    person: z.string().min(1),
    verb: z.literal('register-session'),
    messageId: z.string().min(1),
    formId: z.string().min(1),
    inputs: z.record(z.string(), z.unknown()).default({}),
  }),
]);
const CommandBody = z.object({ person: z.string().min(1), text: z.string().min(1).max(500) });

export function localRoutes(core: Core, conversations: ConversationStore) {
  return (app: Express) => {
    const page = readFileSync(PAGE, 'utf8');
    app.get('/', (_req, res) => {
      res.type('html').send(page);
    });
    app.get('/local/adaptivecards.min.js', (_req, res) => {
      res.sendFile(ADAPTIVE_CARDS_JS);
    });

    app.get('/local/api/people', async (_req, res) => {
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
      const person = await knownPerson(core, String(req.query.person ?? ''));
      res.json({ messages: (await conversations.list(person)).map((m) => present(m, langOf(req))) });
    });

    app.get('/local/api/alerts', async (req, res) => {
      res.json({ messages: (await conversations.list(undefined)).map((m) => present(m, langOf(req))) });
    });

    app.post('/local/api/action', async (req, res) => {
      const lang = langOf(req);
      const body = parseBody(ActionBody, req);
      const person = await knownPerson(core, body.person);
      if (body.verb === 'register-session') {
        try {
          const { message } = await submitSessionForm(core, person, body.formId, body.inputs);
          await conversations.update(person, body.messageId, message);
          res.json({ ok: true, card: renderCard(message, lang) });
        } catch (error) {
          if (!(error instanceof FormError)) throw error;
          const form = await sessionForm(core, person, body.formId);
          const invalid =
            lang === 'nl' ? 'Niet alles is goed ingevuld.' : 'Not everything is filled in correctly.';
          const card = renderCard(form, lang, {
            errors: fieldMessages(error.fields, lang),
            values: body.inputs,
            formError: invalid,
          });
          res.status(422).json({ ok: false, error: invalid, card });
        }
        return;
      }
      try {
        const message =
          body.verb === 'submit'
            ? (await submitAnswers(core, person, body.assignmentId, body.inputs)).message
            : await editAnswers(core, person, body.assignmentId);
        if (body.verb === 'edit') await conversations.update(person, body.messageId, message);
        res.json({ ok: true, card: renderCard(message, lang) });
      } catch (error) {
        if (!(error instanceof UserError) || error.code !== 'invalid') throw error;
        // Validation errors come back in the card, under the questions, with what was typed kept.
        const logged = (await conversations.list(person)).find((m) => m.id === body.messageId);
        if (logged?.message.kind !== 'evaluation') throw error;
        const card = renderCard({ ...logged.message, state: 'open' }, lang, {
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
        replies = await handleCommand(core, person, body.text);
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
