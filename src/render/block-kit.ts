// The pieces every Block Kit renderer builds from: Slack's limits, clipping to them, plain text and
// mrkdwn objects, and escaping for mrkdwn (&, <, > are Slack's control characters).

// biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON is loosely typed on purpose here.
export type Block = Record<string, any>;

export const LIMITS = {
  messageBlocks: 50,
  modalBlocks: 100,
  section: 3000,
  field: 2000,
  option: 75,
  modalText: 24,
  label: 2000,
} as const;

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export const plain = (text: string, max: number = LIMITS.label) => ({
  type: 'plain_text',
  text: clip(text, max),
  emoji: true,
});

export const mrkdwnSafe = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const section = (text: string): Block => ({
  type: 'section',
  text: { type: 'mrkdwn', text: clip(text, LIMITS.section) },
});

export const context = (text: string): Block => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text: clip(text, LIMITS.section) }],
});
