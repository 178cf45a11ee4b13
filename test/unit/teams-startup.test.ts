// The start-up line about Teams: quiet on loopback without an app id, loud only when the server is
// reachable from elsewhere, and a plain statement with an app id or in production.
import { describe, expect, it } from 'vitest';
import { teamsStartupNotice } from '../../src/channels/teams/index.ts';
import { loadConfig } from '../../src/config.ts';

const anonymous = loadConfig({ PORT: '0' }).teams;

describe('teamsStartupNotice', () => {
  it('is one quiet line in both languages on a loopback address', () => {
    for (const host of ['127.0.0.1', 'localhost', '::1']) {
      const notice = teamsStartupNotice(anonymous, false, host);
      expect(notice.split('\n')).toHaveLength(1);
      expect(notice).not.toContain('!!!');
      expect(notice).toContain('alleen bereikbaar op deze computer');
      expect(notice).toContain('reachable from this computer only');
    }
  });

  it('is loud when the server listens on an address reachable from elsewhere', () => {
    for (const host of ['0.0.0.0', '192.168.1.20', '::']) {
      const notice = teamsStartupNotice(anonymous, false, host);
      expect(notice.split('\n').length).toBeGreaterThan(1);
      expect(notice).toContain('!!!');
      expect(notice).toContain('ACCEPTS ACTIVITIES WITHOUT A TOKEN');
      expect(notice).toContain('NEEMT ACTIVITEITEN ZONDER TOKEN AAN');
      expect(notice).toContain(host);
    }
  });

  it('says every activity is refused in production without an app id, and checked with one', () => {
    expect(teamsStartupNotice(anonymous, true, '0.0.0.0')).toContain('answers 401 to everything');
    const withApp = { ...anonymous, appId: '00000000-0000-0000-0000-00000000a99d' };
    const notice = teamsStartupNotice(withApp, false, '0.0.0.0');
    expect(notice).toContain("every activity's token is checked");
    expect(notice).not.toContain('!!!');
  });
});
