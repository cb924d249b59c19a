import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { OptionsError, projectRoot, readBuildCommand, readBuildOptions, readToolSettings } from '../../src/build/options.ts';

/** The message of the error `read` throws, or '' if it throws none. */
function messageOf(read: () => unknown): string {
  try {
    read();
    return '';
  } catch (error) {
    expect(error).toBeInstanceOf(OptionsError);
    return (error as Error).message;
  }
}

describe('the build options', () => {
  test('with nothing set, every option has its default', () => {
    const options = readBuildOptions({});
    expect(options).toMatchObject({
      site: 'https://guoji-shiping.example',
      base: '/',
      sitemapEntryLimit: 45_000,
      contentDir: 'content',
      future: false,
      conversion: true,
      bundlePages: 500,
      checkDuringRenderFrom: 10_000,
      debug: false,
      quiet: false,
      previousSite: undefined,
    });
    expect(options.cacheDir).toMatch(/node_modules\/\.astro$/);
  });

  test('an empty variable counts as unset', () => {
    expect(readBuildOptions({ SITE_BASE: '', SEARCH_BUNDLE_PAGES: '' })).toMatchObject({ base: '/', bundlePages: 500 });
  });

  test('values are read into their types, and a base gets both its slashes', () => {
    expect(
      readBuildOptions({
        SITE_URL: 'https://news.example.org/',
        SITE_BASE: 'guoji',
        BUILD_TODAY: '2026-06-30',
        BUILD_FUTURE: '1',
        GUOJI_CONVERSION: 'off',
        SEARCH_BUNDLE_PAGES: '3',
        CHECK_DURING_RENDER_FROM: '0',
        LOG_LEVEL: 'silent',
      }),
    ).toMatchObject({
      site: 'https://news.example.org',
      base: '/guoji/',
      today: new Date('2026-06-30T00:00:00Z'),
      future: true,
      conversion: false,
      bundlePages: 3,
      checkDuringRenderFrom: 0,
      quiet: true,
    });
  });

  test('each bad value is named with what to write instead, all in one message', () => {
    const message = messageOf(() =>
      readBuildOptions({
        SITE_URL: 'ftp://news.example.org',
        SITE_BASE: '/a b/',
        BUILD_TODAY: '2026-02-30',
        SEARCH_BUNDLE_PAGES: '0',
        SITEMAP_ENTRY_LIMIT: 'many',
        GUOJI_CONVERSION: 'no',
        CHECK_DURING_RENDER_FROM: '-1',
      }),
    );
    expect(message.split('\n').slice(1)).toEqual([
      '  SITE_URL="ftp://news.example.org": must be an http:// or https:// address, such as https://news.example.org',
      '  SITE_BASE="/a b/": must be a plain path such as /news/ (letters, digits, . _ ~ -)',
      '  SITEMAP_ENTRY_LIMIT="many": must be a whole number, such as 45000',
      '  BUILD_TODAY="2026-02-30": is not a real calendar day',
      '  GUOJI_CONVERSION="no": must be on or off (off only to measure what conversion costs)',
      '  SEARCH_BUNDLE_PAGES="0": must be at least 1',
      '  CHECK_DURING_RENDER_FROM="-1": must be at least 0',
    ]);
  });

  test('a Pagefind binary that is not a program this machine can run is refused before anything is built', () => {
    const expected = 'must be a program this machine can run (Pagefind’s extended binary); unset, the one npm installed is used';
    for (const path of ['/nonexistent/pagefind_extended', '/usr/bin', join(projectRoot, 'package.json')])
      expect(messageOf(() => readBuildOptions({ PAGEFIND_BINARY_PATH: path }))).toContain(
        `PAGEFIND_BINARY_PATH=${JSON.stringify(path)}: ${expected}`,
      );
    expect(() => readBuildOptions({ PAGEFIND_BINARY_PATH: process.execPath })).not.toThrow();
  });

  test('a site address with a path is refused: the sub-path is SITE_BASE', () => {
    expect(messageOf(() => readBuildOptions({ SITE_URL: 'https://news.example.org/guoji/' }))).toContain(
      'set a sub-path with SITE_BASE',
    );
  });
});

describe('the build command', () => {
  test('its flags override the environment, and it names the site it replaces', () => {
    const { options, command } = readBuildCommand(
      ['--out', '.build/x', '--future', '--content', 'tests/fixtures/content', '--site', 'http://localhost:4340'],
      { CONTENT_DIR: 'content', SITE_URL: 'https://other.example' },
    );
    expect(options).toMatchObject({ future: true, contentDir: 'tests/fixtures/content', site: 'http://localhost:4340' });
    expect(command.outName).toBe('.build/x');
    expect(options.previousSite).toBe(command.out);
  });

  test('an unknown flag is refused with the list of flags', () => {
    expect(messageOf(() => readBuildCommand(['--futur'], {}))).toMatch(/Unknown option '--futur'.*--out, --future, --repair/);
  });
});

describe('the tools’ settings', () => {
  test('ports and program paths have defaults and are checked', () => {
    expect(readToolSettings({})).toMatchObject({ port: 4321, chromiumPath: '/usr/bin/chromium', base: '/' });
    expect(messageOf(() => readToolSettings({ PORT: '70000' }))).toContain('PORT="70000": must be at most 65535');
  });
});
