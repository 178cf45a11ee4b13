// Slack's image block takes a URL, never inline data: a scorecard's trend chart is kept in the store
// (store/charts.ts) and the message names where the bot serves it (https://BOT_HOST/charts/<id>.png).
import type { Core } from '../../flows/core.ts';
import { ChartStore } from '../../store/charts.ts';
import type { BotMessage } from '../channel.ts';

/** Keeps each scorecard's trend chart where Slack can fetch it, and names that URL in the message. */
export async function withChartUrls(
  core: Core,
  messages: BotMessage[],
  publicUrl: string,
): Promise<BotMessage[]> {
  const charts = new ChartStore(core.tables);
  return Promise.all(
    messages.map(async (message) => {
      const trend = message.kind === 'scorecard' ? message.scorecard.trend : undefined;
      if (message.kind !== 'scorecard' || !trend) return message;
      // The store failing here costs the image, not the reply: the trend is then in words.
      const id = await charts.put(trend.png, core.clock.now()).catch(() => undefined);
      if (!id) return message;
      const imageUrl = `${publicUrl}/charts/${id}.png`;
      return { ...message, scorecard: { ...message.scorecard, trend: { ...trend, imageUrl } } };
    }),
  );
}
