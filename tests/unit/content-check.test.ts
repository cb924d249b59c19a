import { describe, expect, test } from 'vitest';
import { checkArticleFile, findDuplicateSlugs, formatProblem } from '../../src/content/article-check.ts';
import { checkGlossaryForms } from '../../src/content/glossary-check.ts';

const topics = new Set(['china-russia', 'world-order']);

const valid = `---
slug: good-article
title: 中俄關係不封頂
summary: 一段摘要。
authors:
  - name: 范強
    role: 記者
outlet: 經濟通
published: 2022-02-08
sourceVariant: zh-HK
topics: [china-russia]
---

第一段。
`;

function problems(source: string, file = 'content/articles/good-article.md'): string[] {
  return checkArticleFile(file, source, { topicIds: topics }).problems.map(formatProblem);
}

const replace = (field: string, line: string): string => valid.replace(new RegExp(`^${field}:.*$`, 'm'), line);
const remove = (field: string): string => valid.replace(new RegExp(`^${field}:.*\\n`, 'm'), '');

describe('checkArticleFile', () => {
  test('a valid article has no problem and its date is a Date', () => {
    const result = checkArticleFile('content/articles/good-article.md', valid, { topicIds: topics });
    expect(result.problems).toEqual([]);
    expect(result.article?.data.published).toEqual(new Date('2022-02-08T00:00:00Z'));
    expect(result.article?.data.editorialTitle).toBe(false);
  });

  test('a missing title names the file and the field', () => {
    expect(problems(remove('title'))).toEqual(['content/articles/good-article.md: title: is required']);
  });

  test('an impossible date names the file, line and field', () => {
    expect(problems(replace('published', 'published: 2022-02-30'))).toEqual([
      'content/articles/good-article.md:9: published: is not a real calendar date',
    ]);
    expect(problems(replace('published', 'published: 2022-13-01'))).toEqual([
      'content/articles/good-article.md:9: published: is not a real calendar date',
    ]);
  });

  test('a day/month/year date is refused with the form to use', () => {
    expect(problems(replace('published', 'published: 08/02/2022'))).toEqual([
      'content/articles/good-article.md:9: published: must be a date written YYYY-MM-DD, e.g. 2025-11-05',
    ]);
  });

  test('a malformed or non-http source URL is refused', () => {
    const withSource = (url: string): string =>
      valid.replace(
        'topics: [china-russia]',
        `topics: [china-russia]\nsources:\n  - publisher: X\n    title: Y\n    url: ${url}`,
      );
    expect(problems(withSource('not a url'))).toEqual([
      'content/articles/good-article.md:12: sources[0].url: must be an http:// or https:// URL',
    ]);
    expect(problems(withSource('javascript:alert(1)'))).toEqual([
      'content/articles/good-article.md:12: sources[0].url: must be an http:// or https:// URL',
    ]);
    expect(problems(withSource('https://example.org/a'))).toEqual([]);
  });

  test('an unknown variant lists the variants there are', () => {
    expect(problems(replace('sourceVariant', 'sourceVariant: zh-MO'))).toEqual([
      'content/articles/good-article.md:10: sourceVariant: must be one of zh-TW (Taiwan Traditional), zh-HK (Hong Kong Traditional), zh-Hant (Traditional, no region), zh-CN (mainland Simplified), zh-SG (Singapore Simplified), zh-Hans (Simplified, no region)',
    ]);
  });

  test('an unknown field is refused by name', () => {
    expect(problems(valid.replace('outlet:', 'autor: x\noutlet:'))).toEqual([
      'content/articles/good-article.md:8: autor: unknown field "autor"',
    ]);
  });

  test('a wrong type names the field', () => {
    expect(problems(replace('topics', 'topics: china-russia'))).toEqual([
      'content/articles/good-article.md:11: topics: must be a list, even of one: write topics: [china-russia], or each item on its own line starting with "- "',
    ]);
    expect(problems(valid.replace('    role: 記者\n', ''))).toEqual([
      'content/articles/good-article.md:5: authors[0].role: is required',
    ]);
  });

  test('an unknown topic points at the topics file', () => {
    expect(problems(replace('topics', 'topics: [china-russia, cold-war]'))).toEqual([
      'content/articles/good-article.md:11: topics[1]: unknown topic "cold-war" (add it to content/topics.yaml)',
    ]);
  });

  test('an empty body is refused', () => {
    expect(problems(valid.replace('\n第一段。\n', '\n   \n'))).toEqual([
      'content/articles/good-article.md:13: body: is empty: an article needs its text below the frontmatter',
    ]);
  });

  test('bad YAML names the line', () => {
    expect(problems(replace('outlet', 'outlet: [經濟通'))).toEqual([
      'content/articles/good-article.md:8: frontmatter: opens a list with [ and does not close it on the same line: close it with ], or write the value without [',
    ]);
  });

  test('a file without frontmatter is refused', () => {
    expect(problems('只有正文。\n')).toEqual([
      'content/articles/good-article.md:1: frontmatter: is missing: start the file with a --- block of fields',
    ]);
  });

  test('a BOM and CRLF line ends are accepted', () => {
    expect(problems(`\uFEFF${valid.replace(/\n/g, '\r\n')}`)).toEqual([]);
  });

  const withGlossary = (hant: string, hans: string): string =>
    valid.replace('topics:', `glossary:\n  - zh-hant: ${hant}\n    zh-hans: ${hans}\ntopics:`);

  test('a glossary entry chooses a form of one word, never another word; 於梨华 is Simplified', () => {
    expect(problems(withGlossary('於梨華', '於梨华'))).toEqual([]);
    // Regional vocabulary is not script conversion: an inline rule at its place says it, never a pin for every page.
    expect(problems(withGlossary('隨身碟', 'U盘'))).toEqual([
      "content/articles/good-article.md:11: glossary[0].zh-hans: 「隨身碟」 and 「U盘」 are not one word in two scripts (their lengths differ): a pin only chooses a character's form, never another word",
    ]);
  });

  test('each form of a glossary entry must be in its script', () => {
    expect(problems(withGlossary('專著', '專著'))).toEqual([
      'content/articles/good-article.md:11: glossary[0].zh-hans: 「專著」 is not 简体 script: 「專」 belongs to the other script',
    ]);
    expect(problems(withGlossary('专著', '专著'))).toEqual([
      'content/articles/good-article.md:11: glossary[0].zh-hant: 「专著」 is not 繁體 script: 「专」 belongs to the other script',
    ]);
  });

  test('a glossary entry needs every script', () => {
    expect(problems(valid.replace('topics:', 'glossary:\n  - zh-hant: 專著\ntopics:'))).toEqual([
      'content/articles/good-article.md:11: glossary[0].zh-hans: is required',
    ]);
  });

  test('a correction must be in the text', () => {
    const corrected = valid.replace(
      'topics:',
      'corrections:\n  - original: 犧C牲\n    corrected: 犧牲\n    note: 刪去 C。\ntopics:',
    );
    expect(problems(corrected)).toEqual([
      'content/articles/good-article.md:11: corrections[0]: the body should contain 「犧牲」 and no longer 「犧C牲」',
    ]);
    expect(problems(corrected.replace('第一段。', '不犧牲。'))).toEqual([]);
  });

  test('a file over the size limit is refused with its size, before it is parsed', () => {
    expect(problems(valid + '字'.repeat(400_000))).toEqual([
      'content/articles/good-article.md: file: is 1.2 MB, over the 1 MB limit for one article',
    ]);
  });

  test('script, event handlers, iframes and javascript: links are refused with their line', () => {
    const hostile = `${valid}\n<script>alert(1)</script>\n\n<p onclick="x()">點</p>\n\n<iframe src="https://evil.example"></iframe>\n\n[點我](javascript:alert(1))\n\n[也點我](JAVASCRIPT:alert(1))\n\n<data:text/html,x>\n`;
    const allowed = '(allowed: br, wbr, sup, sub, ruby, rt, rp, abbr, mark, small, span)';
    expect(problems(hostile)).toEqual([
      `content/articles/good-article.md:16:1: body: raw HTML <script> is not allowed in an article; write Markdown instead ${allowed}`,
      `content/articles/good-article.md:18:1: body: raw HTML <p> is not allowed in an article; write Markdown instead ${allowed}`,
      `content/articles/good-article.md:20:1: body: raw HTML <iframe> is not allowed in an article; write Markdown instead ${allowed}`,
      'content/articles/good-article.md:22:1: body: link to a "javascript:" URL is not allowed (use http, https, mailto)',
      'content/articles/good-article.md:24:1: body: link to a "javascript:" URL is not allowed (use http, https, mailto)',
      'content/articles/good-article.md:26:1: body: link to a "data:" URL is not allowed (use http, https, mailto)',
    ]);
  });

  test('an image must be a file of this site, and the message says why for each kind of address', () => {
    const images = `${valid}\n![](https://evil.example/pixel.gif)\n\n![](//evil.example/p.gif)\n\n![](javascript:alert(1))\n\n![](/images/map.png)\n`;
    expect(problems(images)).toEqual([
      "content/articles/good-article.md:16:1: body: image from another site (https://evil.example/pixel.gif) is not allowed: it would make every reader's browser ask that host",
      "content/articles/good-article.md:18:1: body: image from another site (//evil.example/p.gif) is not allowed: it would make every reader's browser ask that host",
      'content/articles/good-article.md:20:1: body: image with a "javascript:" URL is not allowed: an image must be a file of this site',
      // An address under the site's root breaks under a sub-path (/news/): a body's image is a photo of content/images/.
      'content/articles/good-article.md:22:1: body: image "/images/map.png" is not a photo of content/images/: write ![what it shows](name.jpg) with the file\'s name alone, and list it under figures: with its caption and credit',
    ]);
  });

  test('a character reference to a forbidden character is refused where it stands, but not inside code on its line', () => {
    // Columns counted by hand: the references after a closed code span, at 18 and 38, are prose.
    expect(problems(`${valid}\n\`代碼 &#xFFFE;\` 之後 &#xFFFF; 與 \`&#1;\` 及 &#2;。\n`)).toEqual([
      'content/articles/good-article.md:16:18: body: holds the noncharacter U+FFFF, which no page or feed may carry: delete it',
      'content/articles/good-article.md:16:38: body: holds the control character U+0002, which no page or feed may carry: delete it',
    ]);
  });

  test('harmless inline HTML and code that shows HTML are allowed', () => {
    expect(problems(`${valid}\nH<sub>2</sub>O 與 <ruby>漢<rt>hàn</rt></ruby>，以及 \`<script>\`。\n`)).toEqual([]);
    expect(problems(`${valid}\n<sup onmouseover="x()">1</sup>\n`)).toEqual([
      'content/articles/good-article.md:16:1: body: attribute "onmouseover" on <sup> is not allowed (<sup> takes no attributes)',
    ]);
  });
});

describe('the script of the text', () => {
  const simplified = valid
    .replace('sourceVariant: zh-HK', 'sourceVariant: zh-CN')
    .replace('title: 中俄關係不封頂', 'title: 中俄关系不封顶')
    .replace('  - name: 范強\n    role: 記者', '  - name: 范强\n    role: 记者')
    .replace('outlet: 經濟通', 'outlet: 经济通')
    .replace('第一段。', '中俄两国领导人在北京会晤，并发表联合声明。');

  test('an article written in Simplified is accepted as zh-CN, with Chinese in its code', () => {
    expect(problems(`${simplified}\n\`發展\` 与\n\n\`\`\`\n國際\n\`\`\`\n`)).toEqual([]);
  });

  test('Simplified text labelled Traditional is refused, naming the variant it probably is', () => {
    expect(problems(simplified.replace('sourceVariant: zh-CN', 'sourceVariant: zh-TW'))).toEqual([
      expect.stringMatching(
        /^content\/articles\/good-article\.md:10: sourceVariant: is zh-TW, but the text is written in 简体 script \(\d+ characters only 简体 uses, such as .+\): set it to zh-CN$/,
      ),
    ]);
  });

  test('Traditional text labelled Simplified is refused, naming zh-TW, or zh-HK for Hong Kong forms', () => {
    expect(problems(replace('sourceVariant', 'sourceVariant: zh-CN'))).toEqual([
      expect.stringMatching(/sourceVariant: is zh-CN, but the text is written in 繁體 script .*: set it to zh-TW$/),
    ]);
    expect(problems(replace('sourceVariant', 'sourceVariant: zh-CN').replace('第一段。', '衞生署説，第一段。'))).toEqual([
      expect.stringMatching(/: set it to zh-HK$/),
    ]);
  });

  test('a stray character of the other script is named at its line and column, unless a rule keeps it', () => {
    expect(problems(valid.replace('第一段。', '第一段发展。'))).toEqual([
      'content/articles/good-article.md:14:4: body: 「发」 is not 繁體 script (in 「第一段发展。」): this article is written in zh-HK; correct it, or keep it as written with -{发}-',
    ]);
    expect(problems(valid.replace('第一段。', '第一段-{发}-展。'))).toEqual([]);
    expect(problems(replace('title', 'title: 中俄关系'))).toEqual([
      'content/articles/good-article.md:3: title: 「关」 is not 繁體 script, as zh-HK text must be; correct it, or keep it as written with -{关}-',
    ]);
  });
});

describe('inline rules', () => {
  test('a broken rule in the body is named at its line and column', () => {
    expect(problems(valid.replace('第一段。', '第一段-{zh-hans:甲}-。'))).toEqual([
      'content/articles/good-article.md:14:4: body: inline rule: no text for 繁體 pages (give zh-hant, zh-tw, zh-hk, zh-mo or one of them)',
    ]);
    expect(problems(valid.replace('第一段。', '第一\n\n段-{甲'))).toEqual([
      'content/articles/good-article.md:16:2: body: inline rule: the rule opened by "-{" is not closed by "}-"',
    ]);
    expect(problems(valid.replace('第一段。', '第-{zh-xx:甲;zh-hant:乙}-段'))).toEqual([
      expect.stringMatching(/^content\/articles\/good-article\.md:14:2: body: inline rule: unknown variant "zh-xx"/),
      expect.stringMatching(/^content\/articles\/good-article\.md:14:2: body: inline rule: no text for 简体 pages/),
    ]);
  });

  test('a rule split by markup is named as such, whatever the markup', () => {
    const holdsMarkup =
      'body: inline rule: the rule opened by "-{" holds markup (HTML, emphasis, a link or code) before its "}-": a rule holds plain text only';
    for (const body of [
      '第-{zh-hans:**软件**;zh-hant:軟體}-段',
      '第-{zh-hans:<sup>1</sup>;zh-hant:一}-段',
      '第-{zh-hans:[软件](https://example.org/);zh-hant:軟體}-段',
    ])
      expect(problems(valid.replace('第一段。', body)), body).toContain(`content/articles/good-article.md:14:2: ${holdsMarkup}`);
  });

  test('a broken rule in the headline is named with its field', () => {
    expect(problems(replace('title', 'title: 中俄-{關係'))).toEqual([
      'content/articles/good-article.md:3: title: inline rule: the rule opened by "-{" is not closed by "}-"',
    ]);
  });

  test('a rule inside code is code, not a rule', () => {
    expect(problems(valid.replace('第一段。', '寫作 `-{甲` 即可。'))).toEqual([]);
  });
});

describe('findDuplicateSlugs', () => {
  test('every file that shares a slug is named', () => {
    const article = (file: string, slug: string) => ({ file, slug });
    expect(findDuplicateSlugs([article('a.md', 'x'), article('b.md', 'x'), article('c.md', 'y')]).map(formatProblem)).toEqual([
      'a.md: slug: "x" is also used by b.md',
      'b.md: slug: "x" is also used by a.md',
    ]);
  });
});

describe('a glossary pin chooses a form of one word', () => {
  test.each([
    [{ 'zh-hant': '中俄關係', 'zh-hans': '中俄关系' }, []],
    [{ 'zh-hant': '於梨華', 'zh-hans': '於梨华' }, []],
    [{ 'zh-hant': '臺灣', 'zh-hans': '台湾' }, []],
    [{ 'zh-hant': '范志剛', 'zh-hans': '范志刚' }, []],
    [{ 'zh-hant': '，並為', 'zh-hans': '，并为' }, []],
    [
      { 'zh-hant': '習近平', 'zh-hans': '某领导人' },
      ['[0].zh-hans: 「習近平」 and 「某领导人」 are not one word in two scripts (their lengths differ)'],
    ],
    [
      { 'zh-hant': '習近平', 'zh-hans': '习近女' },
      ['[0].zh-hans: 「習近平」 and 「习近女」 are not one word in two scripts: 「平」 and 「女」 are different characters'],
    ],
    [
      { 'zh-hant': '普丁', 'zh-hans': '普京' },
      ['[0].zh-hans: 「普丁」 and 「普京」 are not one word in two scripts: 「丁」 and 「京」 are different characters'],
    ],
  ])('%j', (entry, expected) => {
    const problems = checkGlossaryForms([entry]).map(({ field, message }) => `${field}: ${message}`);
    expect(
      problems.map((problem) => problem.replace(/: a pin only chooses.*$/, '').replace(/; a pin only chooses.*$/, '')),
    ).toEqual(expected);
  });
});

describe('the review list beyond the body', () => {
  // Hand-checked: 系 in 款项系 (is) and 只 in 同一只 (a measure word) are one character's default each;
  // 于洪君 in the byline is a name and needs no question; a Taiwan editor would write 係 and 隻.
  const simplified = `---
slug: review-fields
title: 款项系误录
summary: 同一只猫。
authors:
  - name: 于洪君
    role: 记者
outlet: 新华社
published: 2022-02-08
sourceVariant: zh-CN
topics: [china-russia]
corrections:
  - original: 第一断
    corrected: 第一段
    note: 款项系误录，已更正。
---

第一段。
`;

  test('headline, summary and corrections are reviewed at their line and column, with the rule to write', () => {
    const { warnings, problems: found } = checkArticleFile('content/articles/review-fields.md', simplified, {
      topicIds: topics,
      lint: true,
    });
    expect(found).toEqual([]);
    expect(warnings.map(({ line, column, field, review }) => [line, column, field, review?.shown, review?.fix])).toEqual([
      [3, 10, 'title', '系', '-{zh-hans:系;zh-hant:係}-'],
      [4, 12, 'summary', '只', '-{zh-hans:只;zh-hant:隻}-'],
      [15, 13, 'corrections[0].note', '系', '-{zh-hans:系;zh-hant:係}-'],
    ]);
  });

  test('without lint, no review list', () => {
    expect(checkArticleFile('content/articles/review-fields.md', simplified, { topicIds: topics }).warnings).toEqual([]);
  });
});

describe('Hong Kong spellings', () => {
  test('恒生 in a Hong Kong article is Hong Kong’s own spelling, not a Simplified stray; in a Taiwan article it is', () => {
    const hongKong = valid
      .replace('第一段。', '恒生指數今日收市上升，恒指成交額增加。')
      .replace('summary: 一段摘要。', 'summary: 恒生銀行公布業績。');
    expect(problems(hongKong)).toEqual([]);
    const taiwan = hongKong.replace('sourceVariant: zh-HK', 'sourceVariant: zh-TW');
    expect(problems(taiwan).filter((problem) => problem.includes('「恒」'))).toHaveLength(3);
    // A 恒 outside such a name is still a stray, in Hong Kong text too.
    expect(problems(valid.replace('第一段。', '恒心。'))).toEqual([expect.stringContaining('「恒」 is not')]);
  });
});

describe('mistakes a new editor makes, in words they can act on, at the line they made them', () => {
  test.each([
    [
      replace('title', 'title: 專訪: 中俄關係'),
      ':3: frontmatter: the value of title has a colon followed by a space',
      'title: "專訪: 中俄關係"',
    ],
    [replace('title', 'title：中俄關係'), ':3: frontmatter: 「title：」 has a full-width colon', 'title: …'],
    [valid.replace('  - name: 范強', '\t- name: 范強'), ':6: frontmatter: starts with a tab', 'indent with spaces'],
    [replace('title', 'title: "中俄關係'), ':3: frontmatter: opens a quotation mark', 'close it'],
    [valid.replace('    role: 記者', '   role: 記者'), ':7: frontmatter: is indented differently', 'same column'],
    [replace('topics', 'topics: china-russia'), ':11: topics: must be a list, even of one', 'topics: [china-russia]'],
    [valid.replace('authors:', 'author:'), ':5: author: unknown field "author" (did you mean authors?)', 'did you mean authors?'],
    [replace('published', 'published: 2022年2月8日'), ':9: published: must be a date written YYYY-MM-DD', '2025-11-05'],
  ])('%#', (source, place, fix) => {
    const found = problems(source).join('\n');
    expect(found).toContain(`content/articles/good-article.md${place}`);
    expect(found).toContain(fix);
  });

  test('a slug that differs from the file name is refused, with both fixes', () => {
    expect(problems(valid, 'content/articles/other.md')).toEqual([
      'content/articles/other.md:2: slug: "good-article" differs from the file name "other.md": the page\'s address is made from the slug, so rename the file good-article.md (or make the slug other)',
    ]);
  });
});
