// The shape of each light in the trend: the same in the chart and in its alt text.
import type { TrendStatus } from '../channels/channel.ts';

export const TREND_SYMBOL: Record<TrendStatus, string> = {
  green: '✔',
  atRisk: '▲',
  red: '✖',
  pending: '…',
  nodata: '–',
  info: '○',
  none: '',
};
