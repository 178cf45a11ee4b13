// What the Teams bot says besides the core's answers: the unknown-person reply, "alerts hier" in a
// channel, and the one welcome per install; and how a channel message loses its @-mention.
import type { Activity, ConversationReference } from '@microsoft/agents-activity';
import type { Person } from '../../domain/records.ts';
import { UserError } from '../../errors.ts';
import { maySetAlertChannel } from '../../flows/commands.ts';
import { key } from '../../store/tables.ts';
import { both, t } from '../../texts/index.ts';
import type { BotMessage } from '../channel.ts';
import type { TeamsAddressStore } from './addresses.ts';

/** "alerts hier" in a team's channel: that channel gets the alerts, if this person may say so. */
export async function setAlertChannel(
  addresses: TeamsAddressStore,
  activity: Activity,
  person: Person,
  now: number,
): Promise<BotMessage> {
  if (activity.conversation?.conversationType !== 'channel') {
    return {
      kind: 'notice',
      tone: 'warning',
      text: both('teams.alertsHereInChannel'),
    };
  }
  if (!maySetAlertChannel(person)) {
    const error = new UserError('not-allowed');
    return { kind: 'notice', tone: 'attention', text: { nl: error.text('nl'), en: error.text('en') } };
  }
  const reference = activity.getConversationReference() as ConversationReference;
  // Post alerts as new threads in the channel, not as replies in the thread of this command.
  const channelId = reference.conversation.id.split(';')[0] as string;
  await addresses.setAlertChannel(
    { ...reference, activityId: undefined, conversation: { ...reference.conversation, id: channelId } },
    person.id,
    now,
  );
  return {
    kind: 'notice',
    tone: 'good',
    text: both('teams.alertChannelSet'),
  };
}

/**
 * Whether no welcome went to this conversation in the last few minutes. Two marks on buckets half
 * a window apart: two activities less than half a window apart always share one of them.
 */
export async function firstWelcome(
  addresses: TeamsAddressStore,
  conversation: string,
  now: number,
): Promise<boolean> {
  const marks = await Promise.all(
    [0, WELCOME_WINDOW / 2].map((offset) =>
      addresses.firstDelivery(
        key('welcome', conversation, String(offset), String(Math.floor((now + offset) / WELCOME_WINDOW))),
        now,
      ),
    ),
  );
  return marks.every(Boolean);
}

/** How long one install's activities count as one: its installationUpdate and conversationUpdate. */
const WELCOME_WINDOW = 10 * 60_000;

export function unknownPerson(seen: string): BotMessage {
  const error = new UserError('unknown-person');
  return {
    kind: 'notice',
    tone: 'warning',
    text: {
      nl: t('nl', 'teams.unknownPerson', { text: error.text('nl'), seen }),
      en: t('en', 'teams.unknownPerson', { text: error.text('en'), seen }),
    },
  };
}

/** The text without the bot's @-mention (in channels Teams puts `<at>Name</at>` in front). */
export function stripMentions(text: string): string {
  return text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}
