// Requests to /slack/events signed exactly as Slack signs them: v0=HMAC-SHA256(secret, v0:timestamp:body),
// as slash commands and interactions (form bodies).
import { createHmac } from 'node:crypto';

export interface SignedOptions {
  type?: string;
  secret?: string;
  ageSeconds?: number;
  headers?: Record<string, string>;
}

export async function signedTo(url: string, secret: string, body: string, options: SignedOptions = {}) {
  const timestamp = String(Math.floor(Date.now() / 1000) - (options.ageSeconds ?? 0));
  const signature = `v0=${createHmac('sha256', options.secret ?? secret)
    .update(`v0:${timestamp}:${body}`)
    .digest('hex')}`;
  const response = await fetch(new URL('slack/events', url), {
    method: 'POST',
    headers: {
      'content-type': options.type ?? 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': timestamp,
      'x-slack-signature': signature,
      ...options.headers,
    },
    body,
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

export function slashCommand(
  user: string,
  name: string,
  text: string,
  responseUrl: string,
  channel = `D${user}`,
) {
  return new URLSearchParams({
    token: 'legacy',
    team_id: 'T1',
    channel_id: channel,
    user_id: user,
    command: name,
    text,
    response_url: responseUrl,
    trigger_id: 'trigger-1',
  }).toString();
}

export function interaction(payload: Record<string, unknown>) {
  return new URLSearchParams({ payload: JSON.stringify({ team: { id: 'T1' }, ...payload }) }).toString();
}

/** A view_submission of a modal: radio values and text values by block id. */
export function viewSubmission(
  user: string,
  assignmentId: string,
  radios: Record<string, string>,
  texts: Record<string, string> = {},
) {
  const values: Record<string, Record<string, unknown>> = {};
  for (const [id, value] of Object.entries(radios))
    values[id] = { value: { type: 'radio_buttons', selected_option: { value } } };
  for (const [id, value] of Object.entries(texts))
    values[id] = { value: { type: 'plain_text_input', value } };
  return interaction({
    type: 'view_submission',
    user: { id: user },
    view: {
      id: 'V1',
      callback_id: 'evaluation',
      private_metadata: assignmentId,
      blocks: Object.keys(values).map((id) => ({ type: 'input', block_id: id })),
      state: { values },
    },
  });
}

/** A message event in the DM of `user` with the bot, as the Events API delivers it (JSON body). */
export function dmEvent(user: string, eventId: string, text: string): string {
  return JSON.stringify({
    type: 'event_callback',
    team_id: 'T1',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    event: { type: 'message', channel_type: 'im', channel: `D${user}`, user, text, ts: eventId },
  });
}
