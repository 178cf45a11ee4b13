// The command line's --help, its language and its argument errors, and the texts it prints.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli.ts';
import { CLI_TEXTS } from '../../src/texts/cli.ts';
import { t } from '../../src/texts/index.ts';
import { cli, cliWith, DEMO, inProcess } from '../support/cli-run.ts';

const COMMAND_NAMES = ['start', 'scorecard', 'validate', 'import', 'export'] as const;

describe('prestatiemonitor --help on every command', () => {
  it.each(COMMAND_NAMES)(
    '%s --help in Dutch and English: exit 0, its own usage, nothing else',
    async (name) => {
      const nl = await inProcess([name, '--help']);
      expect(nl).toEqual({
        code: 0,
        out: expect.stringContaining(`Gebruik: prestatiemonitor ${name}`),
        err: '',
      });
      const en = await inProcess([name, '-h', '--lang', 'en']);
      expect(en).toEqual({
        code: 0,
        out: expect.stringContaining(`Usage: prestatiemonitor ${name}`),
        err: '',
      });
      expect(en.out).toBe(t('en', COMMANDS[name].help));
    },
  );

  it('does nothing on --help: no bot, no store, no file, even beside other arguments', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-help-'));
    const data = join(dir, 'data');
    const out = join(dir, 'export.json');
    const env = { DATA_DIR: data, PORT: '0' };
    const runs = await Promise.all([
      cliWith(env, 'start', '--help'),
      cliWith(env, 'import', '--records', DEMO, '--help'),
      cliWith(env, 'export', '--out', out, '--lang', 'en', '--help'),
      cliWith(env, 'scorecard', '--help', '--bogus'),
    ]);
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0, 0]);
    expect(runs[0]?.stdout).toContain('docs/records.md');
    expect(runs[0]?.stdout).not.toContain(t('nl', 'cli.start.running'));
    expect(runs[2]?.stdout).toContain('Usage: prestatiemonitor export');
    expect(existsSync(data)).toBe(false);
    expect(existsSync(out)).toBe(false);
  });

  it('prints the overview on --help and on no command at all (then exit 2, on stderr)', async () => {
    expect(await inProcess(['--help'])).toMatchObject({ code: 0, out: t('nl', 'cli.help.main') });
    expect(await inProcess(['--lang', 'en', 'help'])).toMatchObject({
      code: 0,
      out: t('en', 'cli.help.main'),
    });
    expect(await inProcess(['help', 'export'])).toMatchObject({ code: 0, out: t('nl', 'cli.help.export') });
    expect(await inProcess([])).toEqual({ code: 2, out: '', err: t('nl', 'cli.help.main') });
    expect(t('nl', 'cli.help.main')).toContain('docs/scoring.md');
  });
});

describe('prestatiemonitor language', () => {
  it('speaks English under LANG=en_GB.UTF-8 and Dutch under LANG=nl_NL.UTF-8 or C', async () => {
    const [en, nl, c] = await Promise.all(
      ['en_GB.UTF-8', 'nl_NL.UTF-8', 'C.UTF-8'].map((LANG) =>
        cliWith({ LANG }, 'validate', '--records', DEMO),
      ),
    );
    expect(en?.stdout).toContain('valid (2 suppliers, 16 people, 41 sessions, 123 evaluations)');
    expect(nl?.stdout).toContain('in orde (2 opdrachtnemers');
    expect(c?.stdout).toContain('in orde (2 opdrachtnemers');
  });

  it('lets --lang nl win over LANG, and LC_ALL over LANG', async () => {
    const [flag, lcAll] = await Promise.all([
      cliWith({ LANG: 'en_GB.UTF-8' }, 'validate', '--records', DEMO, '--lang', 'nl'),
      cliWith({ LANG: 'nl_NL.UTF-8', LC_ALL: 'en_US.UTF-8' }, 'validate', '--records', DEMO),
    ]);
    expect(flag?.stdout).toContain('in orde (2 opdrachtnemers');
    expect(lcAll?.stdout).toContain('valid (2 suppliers');
    expect((await inProcess(['--lang', 'nl', 'start', '--help'], { LANG: 'en_GB.UTF-8' })).out).toContain(
      'Gebruik: prestatiemonitor start',
    );
  });
});

describe('prestatiemonitor argument errors', () => {
  it('names a bad value with its argument in English and in Dutch, exit 2', async () => {
    const args = ['scorecard', '--records', DEMO, '--period', '2026-H9'];
    const en = await inProcess(args, { LANG: 'en_GB.UTF-8' });
    expect(en).toEqual({
      code: 2,
      out: '',
      err: '--period: expected a half-year or quarter such as 2026-H1 or 2026-Q3, not "2026-H9"',
    });
    const nl = await inProcess([...args, '--lang', 'nl'], { LANG: 'en_GB.UTF-8' });
    expect(nl.err).toBe(
      '--period: verwacht een halfjaar of kwartaal zoals 2026-H1 of 2026-Q3, niet "2026-H9"',
    );
    expect(await inProcess(['validate', '--lang', 'fr'], { LANG: 'en_GB.UTF-8' })).toEqual({
      code: 2,
      out: '',
      err: '--lang: expected nl or en, not "fr"',
    });
    expect((await inProcess(['validate', '--lang=fr'])).err).toBe('--lang: verwacht nl of en, niet "fr"');
    expect((await inProcess(['validate', '--records'], { LANG: 'en' })).err).toBe(
      '--records: the value is missing (see --help)',
    );
    expect((await inProcess(['validate', 'extra.json'])).err).toBe(
      '"extra.json": onverwacht argument (zie --help)',
    );
    expect(await inProcess(['onzin', '--lang', 'en'])).toMatchObject({
      code: 2,
      err: 'onzin: unknown command (see prestatiemonitor --help)',
    });
  });

  it('names --as-of and its value for a date that does not exist, exit 2', async () => {
    const { code, stderr } = await cli('scorecard', '--records', DEMO, '--as-of', '2026-13-45');
    expect(code).toBe(2);
    expect(stderr).toBe(`${t('nl', 'cli.error.asOf', { value: '2026-13-45' })}\n`);
  });

  it('names --out when its folder does not exist, exit 2', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'pm-')), 'missing', 'records.json');
    const { code, stderr } = await cli('export', '--out', out, '--lang', 'en');
    expect(code).toBe(2);
    expect(stderr).toContain(`--out: the folder "${dirname(out)}" does not exist (value "${out}")`);
  });
});

describe('the texts of the command line', () => {
  it('uses every key of src/texts/cli.ts, and each formats in both languages', () => {
    const dir = 'src/commands';
    const sources = ['src/cli.ts', ...readdirSync(dir).map((f) => join(dir, f))]
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const unused = Object.keys(CLI_TEXTS).filter((key) => !sources.includes(`'${key}'`));
    expect(unused).toEqual([]);
    const names = 'name option value known folder code reason reference file contract signal'.split(' ');
    const counts =
      'count suppliers people sessions evaluations written unchanged scheduled ms seconds line column';
    const values = {
      ...Object.fromEntries(names.map((name) => [name, name])),
      ...Object.fromEntries(counts.split(' ').map((name) => [name, 2])),
    };
    for (const key of Object.keys(CLI_TEXTS) as (keyof typeof CLI_TEXTS)[]) {
      for (const lang of ['nl', 'en'] as const) expect(t(lang, key, values)).not.toMatch(/[{}]/);
    }
    expect(
      t('nl', 'cli.validate.ok', { file: 'f', suppliers: 1, people: 1, sessions: 2, evaluations: 0 }),
    ).toBe('f: in orde (1 opdrachtnemer, 1 persoon, 2 sessies, 0 evaluaties)');
  });
});
