// The shapes of what Slack posts to /slack/events, checked before Bolt sees a body: Bolt and our
// listeners read these fields without checking them (`'channel' in event`, `body.user.id`,
// `command.text.trim()`), so a signed body of another shape would throw inside them. Loose objects:
// Slack adds fields, and only the fields read are held to a type. Ids are bounded so they fit keys.
import { z } from 'zod';

// Slack's ids are upper-case letters and digits (T…, U…, C…, D…, E…, B…, V…). Bolt keeps a client
// pool per team id in a plain object: a team id of "constructor" reached Object.prototype (a 500).
const id = z.string().regex(/^[A-Z0-9]{1,64}$/);
const eventId = z.string().regex(/^[A-Za-z0-9]{1,64}$/);
const short = z.string().max(255);
const url = z.string().max(2_000);
/** team, enterprise: Bolt reads `.id` unless the value is null or absent. */
const ref = z.looseObject({ id: id.optional() }).nullable().optional();

const EventBody = z.looseObject({
  type: short,
  team_id: id.optional(),
  enterprise_id: id.nullable().optional(),
  event_id: eventId.optional(),
  authorizations: z
    .array(
      z.looseObject({
        team_id: id.nullable().optional(),
        enterprise_id: id.nullable().optional(),
        is_enterprise_install: z.boolean().optional(),
      }),
    )
    .optional(),
  event: z.looseObject({
    type: z.string().min(1).max(64),
    user: z.union([id, z.looseObject({ id: id.optional() })]).optional(),
    channel: z.union([id, z.looseObject({ id: id.optional(), creator: id.optional() })]).optional(),
    channel_id: id.optional(),
    channel_type: short.optional(),
    item: z.looseObject({ channel: id.optional() }).optional(),
    subteam: z.looseObject({}).optional(),
    message: z.looseObject({}).optional(),
    previous_message: z.looseObject({}).optional(),
    assistant_thread: z.looseObject({}).optional(),
    text: z.string().max(40_000).optional(),
    bot_id: id.optional(),
    subtype: short.optional(),
    ts: short.optional(),
    thread_ts: short.optional(),
  }),
});

/** A slash command: a form, so every field is a string. */
const CommandBody = z.looseObject({
  command: z.string().min(1).max(64),
  text: z.string().max(4_000),
  user_id: id,
  channel_id: id,
  team_id: id.optional(),
  enterprise_id: id.optional(),
  response_url: url.optional(),
  trigger_id: short.optional(),
});

const interaction = {
  user: z.looseObject({ id, team_id: id.optional() }),
  team: ref,
  enterprise: ref,
  // Bolt reads channel.id whenever channel is not undefined: null would throw.
  channel: z.looseObject({ id: id.optional() }).optional(),
  trigger_id: short.optional(),
  response_url: url.optional(),
  function_data: z.looseObject({}).optional(),
};

const BlockActionsBody = z.looseObject({
  type: z.literal('block_actions'),
  ...interaction,
  actions: z
    .array(
      z.looseObject({
        action_id: short,
        block_id: short.optional(),
        type: short.optional(),
        value: z.string().max(2_000).optional(),
      }),
    )
    .min(1)
    .max(25),
  view: z.looseObject({}).optional(),
});

const viewFields = {
  id: id.optional(),
  callback_id: short,
  app_installed_team_id: id.optional(),
  private_metadata: z.string().max(3_000).optional(),
};
const stateValues = z.record(short, z.record(short, z.looseObject({})));

const ViewSubmissionBody = z.looseObject({
  type: z.literal('view_submission'),
  ...interaction,
  view: z.looseObject({
    ...viewFields,
    private_metadata: z.string().max(3_000),
    blocks: z.array(z.looseObject({ type: short, block_id: short.optional() })).max(100),
    state: z.looseObject({ values: stateValues }),
  }),
  response_urls: z.array(z.looseObject({ response_url: url })).optional(),
});

const ViewClosedBody = z.looseObject({
  type: z.literal('view_closed'),
  ...interaction,
  view: z.looseObject(viewFields),
});

/** Shortcuts, options requests and legacy interactions: no listener of ours, but Bolt routes them. */
const OtherInteractionBody = z.looseObject({
  type: z.string().min(1).max(64),
  ...interaction,
  actions: z.array(z.looseObject({})).max(25).optional(),
  view: z.looseObject({ app_installed_team_id: id.optional() }).optional(),
});

export type SlackBody = Record<string, unknown>;

/** The schema a body is held to, chosen the way Bolt decides what kind of request it is. */
function schemaFor(body: SlackBody): z.ZodType {
  if (body.event !== undefined) return EventBody;
  if (body.command !== undefined) return CommandBody;
  switch (body.type) {
    case 'block_actions':
      return BlockActionsBody;
    case 'view_submission':
      return ViewSubmissionBody;
    case 'view_closed':
      return ViewClosedBody;
    default:
      return OtherInteractionBody;
  }
}

/** The fields that do not fit (empty when the body is a request Slack could have sent). */
export function envelopeIssues(body: SlackBody): string[] {
  const parsed = schemaFor(body).safeParse(body);
  if (parsed.success) return [];
  return parsed.error.issues.slice(0, 5).map((issue) => issue.path.join('.') || '(body)');
}
