/**
 * `npm run compare:opencc`: converts every article (headline, summary, body)
 * into the other script with our converter and with the reference OpenCC
 * command-line tool (Debian: `apt-get install opencc`), and reports every
 * character where they differ. A measurement for the record, not part of
 * `npm test`. Our glossary and inline rules are left out: this compares
 * OpenCC with OpenCC.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { convertText } from '../../src/conversion/index.ts';
import { splitFrontmatter } from '../../src/markdown/frontmatter.ts';
import { scripts, scriptOfVariant, type SourceVariant } from '../../src/site/scripts.ts';

/** OpenCC's own configuration for each variant into the other script. */
const configs: Record<SourceVariant, string> = {
  'zh-TW': 'tw2s.json',
  'zh-HK': 'hk2s.json',
  'zh-Hant': 't2s.json',
  'zh-CN': 's2tw.json',
  'zh-SG': 's2tw.json',
  'zh-Hans': 's2tw.json',
};
const dir = resolve(import.meta.dirname, '..', '..', 'content', 'articles');
const scratch = join(tmpdir(), 'guoji-opencc-input.txt');
let total = 0;
for (const name of readdirSync(dir).filter((file) => file.endsWith('.md'))) {
  const { data, body } = splitFrontmatter(readFileSync(join(dir, name), 'utf8'));
  const variant = data?.['sourceVariant'] as SourceVariant;
  const text = [data?.['title'], data?.['summary'], body].join('\n');
  writeFileSync(scratch, text);
  const reference = Array.from(execFileSync('opencc', ['-c', configs[variant], '-i', scratch], { encoding: 'utf8' }));
  const to = scripts.find((script) => script !== scriptOfVariant(variant)) ?? 'zh-hans';
  const ours = Array.from(convertText(text, { from: variant, to }));
  const differences = ours.flatMap((character, index) =>
    character === reference[index]
      ? []
      : [`「${ours.slice(index - 4, index + 4).join('')}」 vs 「${reference.slice(index - 4, index + 4).join('')}」`],
  );
  total += differences.length + Math.abs(ours.length - reference.length);
  console.log(`${name} (${variant}, OpenCC ${configs[variant]}): ${ours.length} characters, ${differences.length} differ`);
  for (const difference of differences) console.log(`  ours ${difference} reference`);
}
console.log(total === 0 ? 'Identical to the reference OpenCC.' : `${total} difference(s).`);
