// The body of POST /api/messages held to the Activity schema before the Agents SDK takes it: the
// SDK parses it inside its turn processing, where a ZodError (or a missing recipient, later) became a
// 500 with a stack trace. A caller's malformed activity is a 400 and one log line instead.
import { activityZodSchema } from '@microsoft/agents-activity';
import { RequestError } from '../../http/body.ts';

/** What Teams sends on every activity, and what the bot needs to answer one. */
const REQUIRED = ['type', 'channelId', 'from.id', 'recipient.id', 'conversation.id'] as const;
const MAX_ID = 512;
const CHANNEL_ID = /^[A-Za-z0-9._-]+(:[A-Za-z0-9._-]+)?$/;

export function activityRefusal(body: unknown): RequestError | undefined {
  const parsed = activityZodSchema.passthrough().safeParse(body);
  const fields = parsed.success
    ? [
        ...REQUIRED.filter((path) => !present(body, path)),
        // The SDK throws inside its turn on a channel id it cannot split ("msteams" or "msteams:sub").
        ...(present(body, 'channelId') && !CHANNEL_ID.test(String((body as { channelId: string }).channelId))
          ? ['channelId']
          : []),
      ]
    : parsed.error.issues.slice(0, 5).map((issue) => issue.path.join('.') || '(body)');
  if (fields.length === 0) return undefined;
  const list = fields.join(', ');
  return new RequestError(400, {
    nl: `Dit is geen geldige activiteit (velden: ${list}).`,
    en: `This is not a valid activity (fields: ${list}).`,
  });
}

function present(body: unknown, path: string): boolean {
  let value: unknown = body;
  for (const key of path.split('.')) value = (value as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_ID;
}
