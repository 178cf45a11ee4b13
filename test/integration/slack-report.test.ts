// The progress report on Slack, end to end: signed slash commands to /slack/events, Slack's Web API a
// local stand-in. `/prestatiemonitor rapport` puts the report in the person's DM as a file through
// files.uploadV2 (the upload URL asked, the bytes sent to it, the upload completed in the DM): a
// supplier's contact gets their own supplier's only, the contract manager every supplier's; the
// same command twice in a minute, or the item run again, uploads once.
import { describe, expect, it } from 'vitest';
import { SLACK_USERS, slackBed } from '../support/slack-setup.ts';

const env = slackBed({
  secret: 'slack-signing-secret-for-report-files',
  now: Date.parse('2026-11-20T10:00:00+01:00'),
});
const text = (value: unknown) => JSON.stringify(value);

describe('the progress report on Slack', () => {
  it('is uploaded as a file to the DM of whoever asked, for the suppliers they may see, once', async () => {
    const { bot, slack, signed, command } = env;
    const asked = await signed(command(SLACK_USERS.sanne, '/prestatiemonitor', 'rapport pdf'));
    expect(text(asked.body)).toContain(
      'De voortgangsrapportage over 2e halfjaar 2026 (Facilitators BV) komt zo als bestand in je privégesprek met de bot',
    );
    // Typed twice in the same minute: one upload.
    await signed(command(SLACK_USERS.sanne, '/prestatiemonitor', 'rapport pdf'));
    await bot.worker.runOnce();
    await bot.worker.runOnce();

    const [url] = slack.of('files.getUploadURLExternal');
    expect(slack.of('files.getUploadURLExternal')).toHaveLength(1);
    expect(url?.args).toMatchObject({ filename: 'rapport-fbv-2026-H2.pdf' });
    const uploaded = slack.uploads.get('F1');
    expect(uploaded?.includes('%PDF-')).toBe(true);
    expect(uploaded?.length).toBeGreaterThan(5_000);
    const [done] = slack.of('files.completeUploadExternal');
    expect(done?.args).toMatchObject({
      channel_id: `D${SLACK_USERS.sanne}`,
      initial_comment: 'Opgesteld op 20 november 2026 om 10:00.',
    });
    expect(text(done?.args.files)).toContain('Voortgangsrapportage Facilitators BV, 2e halfjaar 2026 (PDF)');

    // A supplier's contact cannot ask for another supplier's report.
    const other = await signed(command(SLACK_USERS.sanne, '/prestatiemonitor', 'rapport Procesbegeleiding'));
    expect(text(other.body)).toContain('Procesbegeleiding');
    await bot.worker.runOnce();
    expect(slack.of('files.getUploadURLExternal')).toHaveLength(1);

    // The contract manager asks for every supplier's XLSX: one file each, in her own DM.
    env.clock.advance(60_000);
    await signed(command(SLACK_USERS.carla, '/prestatiemonitor', 'rapport xlsx'));
    await bot.worker.runOnce();
    await bot.worker.runOnce();
    const files = slack
      .of('files.getUploadURLExternal')
      .slice(1)
      .map((c) => c.args.filename);
    expect(files.sort()).toEqual(['rapport-fbv-2026-H2.xlsx', 'rapport-pco-2026-H2.xlsx']);
    const completed = slack.of('files.completeUploadExternal').slice(1);
    expect(completed.map((c) => c.args.channel_id)).toEqual([
      `D${SLACK_USERS.carla}`,
      `D${SLACK_USERS.carla}`,
    ]);
    // XLSX is a zip: its bytes begin with PK.
    expect(slack.uploads.get('F2')?.includes('PK')).toBe(true);
  });
});
