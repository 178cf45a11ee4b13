// Which contract a Slack user's request is for, when the bot serves several on one Slack app: the
// user is looked up in each contract (slackPeople, one users.info per user for all of them), then
// flows/contracts.ts decides by the command's first word, the user's choice or their only contract.
import { UserError } from '../../errors.ts';
import type { ContractDesk, Member } from '../../flows/contracts.ts';
import type { Core } from '../../flows/core.ts';
import { languageOf } from '../../flows/language.ts';
import { DEFAULT_LANG, type Lang } from '../../i18n.ts';
import type { BotMessage } from '../channel.ts';
import type { SlackChannel, SlackSender } from './channel.ts';
import { type SlackInfo, slackPeople } from './people.ts';

/** One contract's Slack side: its core and the channel that reaches its people. */
export interface SlackSide {
  core: Core;
  channel: SlackChannel;
}

export interface SlackMember extends Member {
  channel: SlackChannel;
}

/** A request's contract and the person there, or what to answer instead; always the language to answer in. */
export type SlackRoute =
  | { kind: 'command'; member: SlackMember; text: string; lang: Lang }
  | { kind: 'reply'; messages: BotMessage[]; lang: Lang };

export function slackRouting(desk: ContractDesk, sides: readonly SlackSide[], sender: SlackSender) {
  const infos = new Map<string, SlackInfo>();
  const people = sides.map((side) => ({ side, who: slackPeople(side.core, side.channel, sender, infos) }));

  /** The user in each contract that knows them, and the language to answer them in. */
  async function membersOf(userId: string): Promise<{ members: SlackMember[]; lang: Lang }> {
    const members: SlackMember[] = [];
    let lang: Lang | undefined;
    let fallback: Lang = DEFAULT_LANG;
    for (const { side, who } of people) {
      const found = await who.whoIs(userId);
      fallback = found.lang;
      if (!found.person) continue;
      lang ??= found.lang;
      members.push({ core: side.core, channel: side.channel, person: found.person });
    }
    return { members, lang: lang ?? fallback };
  }

  const unknown = (): BotMessage => notice(new UserError('unknown-person'));

  return {
    membersOf,

    /** Where a command goes; `undefined` person: nobody knows them. */
    async command(userId: string, text: string): Promise<SlackRoute> {
      const { members, lang } = await membersOf(userId);
      try {
        const route = await desk.route(`slack|${userId}`, members, text);
        if (!route) return { kind: 'reply', messages: [unknown()], lang };
        if (route.kind === 'reply') return { kind: 'reply', messages: [route.message], lang: route.lang };
        const member = members.find((m) => m.core === route.member.core) as SlackMember;
        // Each contract keeps the person's language (`taal`): the one the command goes to answers.
        const own = await languageOf(member.core, member.person.id);
        return { kind: 'command', member, text: route.text, lang: own };
      } catch (error) {
        if (error instanceof UserError) return { kind: 'reply', messages: [notice(error)], lang };
        throw error;
      }
    },

    /** The contract of a questionnaire's button or modal (its assignment id). */
    async action(
      userId: string,
      assignmentId: string,
      contract?: string,
    ): Promise<{ member?: SlackMember; lang: Lang }> {
      const { members, lang } = await membersOf(userId);
      const found = await desk.forAction(members, { assignmentId, contract });
      const member = members.find((m) => m.core === found?.core);
      return { member, lang: member ? await languageOf(member.core, member.person.id) : lang };
    },
  };
}

export type SlackRouting = ReturnType<typeof slackRouting>;

function notice(error: UserError): BotMessage {
  return { kind: 'notice', tone: 'attention', text: { nl: error.text('nl'), en: error.text('en') } };
}
