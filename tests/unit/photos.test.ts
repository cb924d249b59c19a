/**
 * Photos as content: the fields and the body's figures (checked with the
 * article), the photo files (checked with the folder, as a careful host
 * checks an upload: missing, beside the article, out of the folder, too
 * large, not a photo, a decompression bomb, truncated, too narrow), and the
 * published sizes (every width and format, upright, with no metadata left:
 * no GPS position, no serial number). The hostile files are made here; the
 * EXIF is read back by a small TIFF reader written for the test, not by the
 * code under test.
 */
import { copyFile, mkdir, mkdtemp, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { fromHtml } from 'hast-util-from-html';
import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import { writePhotoVariants } from '../../src/build/photo-variants.ts';
import { checkArticleFile, formatProblem } from '../../src/content/article-check.ts';
import { checkContentFolder } from '../../src/content/content-folder.ts';
import { disallowedMarkup } from '../../src/checks/published-html.ts';
import { articleBody, type ArticleInput } from '../../src/view/article-view.ts';
import rehypePhotos from '../../src/view/rehype-photos.ts';
import { drawnPhoto } from '../fixtures/photos/make-photos.ts';

const topics = new Set(['world-order']);

const article = (frontmatter: string, body: string): string => `---
slug: harbour
title: 維港貨運回暖
summary: 一段摘要。
authors:
  - name: 測試記者
    role: 記者
outlet: 測試樣稿
published: 2025-10-25
sourceVariant: zh-HK
topics: [world-order]
${frontmatter}---

第一段。

${body}
`;

const figures = `figures:
  - file: night.png
    caption: 碼頭的夜班。
    credit: 陳大文／法新社 AFP
`;

const problems = (source: string): string[] =>
  checkArticleFile('content/articles/harbour.md', source, { topicIds: topics }).problems.map(formatProblem);

describe('the photo fields and the body figures', () => {
  test('a listed figure placed alone on its line with its alt text is accepted, and becomes a figure', () => {
    const result = checkArticleFile('content/articles/harbour.md', article(figures, '![夜色中的碼頭。](night.png)'), {
      topicIds: topics,
    });
    expect(result.problems).toEqual([]);
    expect(result.article?.html).toContain(
      '<figure class="figure" data-photo="night.png"><img src="night.png" alt="夜色中的碼頭。"><figcaption><span class="figure__caption">碼頭的夜班。</span><span class="figure__credit">-{陳大文／法新社 AFP}-</span></figcaption></figure>',
    );
    expect(result.article?.photos).toEqual([{ name: 'night.png', field: 'figures[0].file', line: 13 }]);
  });

  test('an image with empty alt text is refused at its line', () => {
    expect(problems(article(figures, '![](night.png)'))).toEqual([
      'content/articles/harbour.md:20:1: body: image "night.png" has no alternative text: write what the photo shows between the brackets, ![…](night.png)',
    ]);
  });

  test('an image not listed, not alone, or not a file of content/images/ is refused; a listed one never placed too', () => {
    expect(problems(article('', '![碼頭](night.png)'))).toEqual([
      'content/articles/harbour.md:16:1: body: image "night.png" is not listed under figures: (each figure has its file, caption and credit there)',
    ]);
    expect(problems(article(figures, '看這張：![碼頭](night.png)'))).toEqual([
      'content/articles/harbour.md:20:5: body: image "night.png" must stand alone on its line: a photo is a figure between paragraphs',
    ]);
    expect(problems(article(figures, '![碼頭](../secret.png)\n\n![碼頭](images/night.png)'))).toEqual([
      expect.stringContaining('20:1: body: image "../secret.png" is not a photo of content/images/'),
      expect.stringContaining('22:1: body: image "images/night.png" is not a photo of content/images/'),
      expect.stringContaining('figures[0].file: "night.png" is listed but not placed in the body'),
    ]);
  });

  test('the lead photo needs its file, alt text, caption and credit, and a file name that stays in content/images/', () => {
    expect(problems(article('photo:\n  file: lead.jpg\n  alt: ""\n  caption: 碼頭。\n', ''))).toEqual([
      'content/articles/harbour.md:12: photo.credit: is required',
      'content/articles/harbour.md:12: photo.alt: must not be empty',
      'content/articles/harbour.md:12: photo.alt: must hold visible words: letters or digits, not only spaces, invisible characters or blank symbols',
    ]);
    expect(
      problems(article('photo:\n  file: ../../etc/passwd.jpg\n  alt: 碼頭\n  caption: 碼頭。\n  credit: 本報\n', '')),
    ).toEqual([
      expect.stringMatching(/^content\/articles\/harbour\.md:12: photo\.file: must be the name of a file in content\/images\//),
    ]);
    expect(problems(article('photo:\n  file: drawing.svg\n  alt: 碼頭\n  caption: 碼頭。\n  credit: 本報\n', ''))).toEqual([
      expect.stringMatching(
        /photo\.file: must be the name of a file in content\/images\/.*ending \.jpg, \.jpeg, \.png, \.webp or \.avif/,
      ),
    ]);
  });

  test('raw <figure> written by an editor is still refused: figures come from the pipeline alone', () => {
    expect(problems(article('', '<figure><img src="x.jpg"></figure>'))).toEqual([
      'content/articles/harbour.md:16:1: body: raw HTML <figure> is not allowed in an article; write Markdown instead: a photo is ![what it shows](name.jpg) on a line of its own, its file in content/images/ and its caption and credit under figures:',
      'content/articles/harbour.md:16:9: body: raw HTML <img> is not allowed in an article; write Markdown instead: a photo is ![what it shows](name.jpg) on a line of its own, its file in content/images/ and its caption and credit under figures:',
    ]);
  });
});

/** A PNG whose header promises `width` × `height` pixels, a few hundred bytes long: a decompression bomb. */
function pngBomb(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  // The first rows of zeros: it would take gigabytes to decode it all.
  const rows = deflateSync(Buffer.alloc((width + 1) * 4));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', rows),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('the photo files', () => {
  let root: string;
  let problemsOf: (name: string) => Promise<string[]>;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'photos-'));
    const content = join(root, 'content');
    const images = join(content, 'images');
    await mkdir(join(content, 'articles'), { recursive: true });
    await mkdir(images);
    await writeFile(join(content, 'topics.yaml'), '- id: world-order\n  name: 世界秩序\n');
    await writeFile(join(content, 'glossary.yaml'), '[]\n');
    const jpeg = await drawnPhoto(800, 533, 'jpeg');
    await writeFile(join(images, 'good.jpg'), jpeg);
    await writeFile(join(content, 'articles', 'beside.jpg'), jpeg);
    await writeFile(join(root, 'outside.jpg'), jpeg);
    await symlink(join(root, 'outside.jpg'), join(images, 'leaves.jpg'));
    await writeFile(
      join(images, 'script.jpg'),
      '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><script>alert(1)</script><rect width="800" height="600"/></svg>',
    );
    await writeFile(join(images, 'bomb.png'), pngBomb(30_000, 30_000));
    await writeFile(join(images, 'cut.jpg'), jpeg.subarray(0, Math.floor(jpeg.length / 2)));
    await writeFile(join(images, 'huge.jpg'), Buffer.concat([jpeg, Buffer.alloc(21_000_000)]));
    await writeFile(join(images, 'narrow.jpg'), await sharp(jpeg).resize({ width: 200 }).toBuffer());
    await writeFile(
      join(images, 'moving.webp'),
      await sharp(jpeg, { animated: true })
        .gif()
        .toBuffer()
        .then((gif) => gif),
    );
    await mkdir(join(images, 'folder.jpg'));
    problemsOf = async (name: string): Promise<string[]> => {
      await writeFile(
        join(content, 'articles', 'harbour.md'),
        article(`photo:\n  file: ${name}\n  alt: 碼頭\n  caption: 碼頭。\n  credit: 本報\n`, ''),
      );
      const folder = await checkContentFolder({ root, contentDir: content, today: new Date(), future: false });
      return folder.problems.map(formatProblem);
    };
  });

  test('a good photo passes and is described by its size and digest', async () => {
    expect(await problemsOf('good.jpg')).toEqual([]);
  });

  test.each([
    ['missing.jpg', 'content/images/missing.jpg does not exist: photos are kept in content/images/'],
    [
      'beside.jpg',
      'content/images/beside.jpg does not exist, but content/articles/beside.jpg does: photos are kept in content/images/, not beside the articles; move it there',
    ],
    ['leaves.jpg', 'content/images/leaves.jpg is a symbolic link that leads out of the content folder'],
    ['folder.jpg', 'content/images/folder.jpg is not a regular file'],
    [
      'script.jpg',
      'content/images/script.jpg is an SVG drawing, which can carry script: a photo must be a JPEG, PNG, WebP or AVIF file',
    ],
    [
      'bomb.png',
      'content/images/bomb.png decodes to 30000 × 30000 pixels (900.0 megapixels), over the 50.0 megapixels limit: export it smaller',
    ],
    ['cut.jpg', 'content/images/cut.jpg cannot be decoded'],
    ['huge.jpg', 'content/images/huge.jpg is 21.0 MB, over the 20 MB limit for a photo: export it smaller'],
    ['narrow.jpg', 'content/images/narrow.jpg is 200 pixels wide: a photo must be at least 320 pixels wide'],
    ['moving.webp', 'content/images/moving.webp is a GIF file: a photo must be a JPEG, PNG, WebP or AVIF file'],
  ])('%s is refused with the article, its line, the field and why', async (name, message) => {
    const found = await problemsOf(name);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(`content/articles/harbour.md:13: photo.file: ${message}`);
  });
});

/** The tags of a TIFF (EXIF) block's first directory, and whether it points to a GPS directory (tag 0x8825). */
function exifTags(exif: Buffer): number[] {
  const tiff = exif.subarray(exif.indexOf('Exif\0\0', 0, 'latin1') + 6);
  const little = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (at: number): number => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number): number => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const directory = u32(4);
  return Array.from({ length: u16(directory) }, (_, index) => u16(directory + 2 + index * 12));
}

describe('the published sizes', () => {
  test('every width and format is made upright, with no EXIF, GPS, serial number, XMP or ICC profile left, then reused', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'photo-sizes-'));
    const original = join(dir, 'lead.jpg');
    await copyFile(join(import.meta.dirname, '..', 'fixtures', 'content', 'images', 'harbour-lead.jpg'), original);
    const bytes = await readFile(original);
    const before = await sharp(bytes).metadata();
    // The test photo does carry what must not be published: a GPS directory and a serial number.
    expect(exifTags(before.exif ?? Buffer.alloc(0))).toContain(0x8825);
    expect(bytes.includes('SN-FIXTURE-0042')).toBe(true);

    const photo = { path: original, width: 1600, height: 1067, digest: 'ab'.repeat(32) };
    const first = await writePhotoVariants([photo], join(dir, 'site'), join(dir, 'cache'));
    const files = (await readdir(join(dir, 'site', 'photos'))).sort();
    expect(files).toEqual(
      [
        'abababababababab-card.jpg',
        ...[320, 480, 640, 800, 960, 1280, 1440].flatMap((width) =>
          ['avif', 'jpg', 'webp'].map((extension) => `abababababababab-${width}.${extension}`),
        ),
      ].sort(),
    );
    expect(first).toMatchObject({ made: 22, reused: 0 });
    const card = await sharp(join(dir, 'site', 'photos', 'abababababababab-card.jpg')).metadata();
    expect([card.width, card.height, card.exif]).toEqual([1200, 630, undefined]);
    for (const name of files.filter((file) => !file.endsWith('-card.jpg'))) {
      const file = await readFile(join(dir, 'site', 'photos', name));
      const metadata = await sharp(file).metadata();
      const width = Number(/-(\d+)\./.exec(name)?.[1]);
      expect([name, metadata.width, metadata.height]).toEqual([name, width, Math.round((1067 * width) / 1600)]);
      expect([name, metadata.exif, metadata.xmp, metadata.iptc, metadata.icc]).toEqual([
        name,
        undefined,
        undefined,
        undefined,
        undefined,
      ]);
      expect(file.includes('SN-FIXTURE-0042')).toBe(false);
      expect(file.includes('FixtureCam')).toBe(false);
    }
    const second = await writePhotoVariants([photo], join(dir, 'site-2'), join(dir, 'cache'));
    expect(second).toMatchObject({ made: 0, reused: 22 });
  });
});

describe('what a figure publishes, and nothing more', () => {
  const source = article(figures, '![夜色中的碼頭。](night.png)');
  const checked = checkArticleFile('content/articles/harbour.md', source, { topicIds: topics }).article;
  const facts = { width: 1200, height: 800, digest: '0123456789abcdef'.repeat(4) };
  const input = (html: string): ArticleInput => ({
    slug: 'harbour',
    file: 'content/articles/harbour.md',
    digest: html,
    title: '維港貨運回暖',
    editorialTitle: false,
    summary: '一段摘要。',
    authors: [{ name: '測試記者', role: '記者' }],
    outlet: '測試樣稿',
    published: new Date('2025-10-25T00:00:00Z'),
    sourceVariant: 'zh-HK',
    topics: [],
    sources: [],
    corrections: [],
    glossary: [],
    html,
    headings: [],
    hanCharacters: 10,
    photos: { 'night.png': facts },
  });
  const page = (html: string, base = '/news/'): string =>
    articleBody(input(html), 'zh-hans', rehypePhotos({ photos: { 'night.png': facts }, base, form: 'picture' }));
  const verdict = (html: string): string | undefined => disallowedMarkup(fromHtml(html, { fragment: true }));

  test('the page gets a picture of AVIF, WebP and JPEG sizes under the base, lazy, sized, its caption converted, its credit as written', () => {
    const body = page(checked?.html ?? '');
    expect(body).toContain(
      '<source type="image/avif" srcset="/news/photos/0123456789abcdef-320.avif 320w, /news/photos/0123456789abcdef-480.avif 480w, /news/photos/0123456789abcdef-640.avif 640w, /news/photos/0123456789abcdef-800.avif 800w, /news/photos/0123456789abcdef-960.avif 960w, /news/photos/0123456789abcdef-1200.avif 1200w" sizes="(min-width: 48rem) 720px, calc(100vw - 2rem)">',
    );
    expect(body).toContain(
      'alt="夜色中的码头。" width="1200" height="800" loading="lazy" decoding="async"></picture><figcaption><span class="figure__caption">码头的夜班。</span><span class="figure__credit">陳大文／法新社 AFP</span></figcaption></figure>',
    );
    expect(body).toContain(
      '<img src="/news/photos/0123456789abcdef-960.jpg" srcset="/news/photos/0123456789abcdef-320.jpg 320w,',
    );
    expect(body).not.toContain('night.png');
    expect(verdict(body)).toBeUndefined();
  });

  test.each([
    [
      'a source from another host',
      (body: string) =>
        body.replace('/news/photos/0123456789abcdef-320.avif', 'https://evil.example/photos/0123456789abcdef-320.avif'),
    ],
    ['a source of another type', (body: string) => body.replace('type="image/avif"', 'type="image/svg+xml"')],
    ['an image set of any file', (body: string) => body.replace('/news/photos/0123456789abcdef-320.jpg', '/news/original.jpg')],
    ['a handler on the image', (body: string) => body.replace('decoding="async"', 'decoding="async" onload="alert(1)"')],
    ['an eager body image', (body: string) => body.replace('loading="lazy"', 'loading="eager"')],
    ['a figure of another class', (body: string) => body.replace('class="figure"', 'class="figure evil"')],
    [
      'a figure still naming its original',
      (body: string) => body.replace('class="figure"', 'class="figure" data-photo="night.png"'),
    ],
  ])('the publish checks refuse %s', (_, change) => {
    const body = page(checked?.html ?? '');
    expect(verdict(change(body))).toBeDefined();
  });

  test('a poisoned content cache cannot publish a picture, a source or a figure naming a file outside content/images/', () => {
    const poisoned =
      '<figure class="figure" data-photo="../../secret.jpg"><img src="x.jpg" alt="x"></figure><picture><source srcset="https://evil.example/a.jpg"><img src="y.jpg" alt="y"></picture>';
    const body = page(poisoned);
    expect(body).not.toContain('secret');
    expect(body).not.toContain('evil.example');
    expect(body).not.toContain('<picture');
    expect(verdict(body)).toBeUndefined();
  });
});
