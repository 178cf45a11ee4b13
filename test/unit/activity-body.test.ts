// An activity the Agents SDK would throw on inside its turn is refused at the door with a 400.
import { describe, expect, it } from 'vitest';
import { activityRefusal } from '../../src/channels/teams/activity-body.ts';

const activity = (channelId: string) => ({
  type: 'message',
  channelId,
  from: { id: '29:fenna' },
  recipient: { id: '28:bot' },
  conversation: { id: 'a:1' },
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  text: 'help',
});

describe('the activity at the door', () => {
  it('accepts Teams channel ids, with or without a sub-channel', () => {
    expect(activityRefusal(activity('msteams'))).toBeUndefined();
    expect(activityRefusal(activity('msteams:COPILOT'))).toBeUndefined();
  });

  it('refuses a channel id the SDK cannot split (found by the fuzz test as a 500), naming the field', () => {
    for (const bad of [':36ds!%q;', 'a:b:c', 'ms teams']) {
      const refusal = activityRefusal(activity(bad));
      expect(refusal?.status).toBe(400);
      expect(refusal?.text('en')).toContain('(fields: channelId)');
    }
  });
});
