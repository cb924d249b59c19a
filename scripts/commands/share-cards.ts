/**
 * Draws the site's own images for link previews and structured data, into
 * `public/`: the share card of pages without a photo of their own
 * (`share-card-zh-hant.png`, `share-card-zh-hans.png`, 1200 × 630, the
 * site's name and tagline in the page's script) and the publisher logo of
 * the `NewsArticle` data (`logo.png`, 512 × 512). They are drawn once and
 * committed: drawing them needs a CJK font (Debian's fonts-noto-cjk), which
 * a build machine need not have.
 *
 *   npm run share-cards
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { ui } from '../../src/i18n/index.ts';
import { scripts } from '../../src/site/scripts.ts';

const publicDir = join(import.meta.dirname, '..', '..', 'public');
const escape = (text: string): string => text.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);
const font = "'Noto Serif CJK TC', 'Noto Serif CJK SC', serif";

for (const script of scripts) {
  const t = ui(script);
  const family = script === 'zh-hans' ? "'Noto Serif CJK SC', serif" : font;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630">
  <rect width="1200" height="630" fill="#fdfcf9"/>
  <rect x="0" y="0" width="24" height="630" fill="#8c1c13"/>
  <rect x="96" y="150" width="150" height="150" rx="28" fill="#8c1c13"/>
  <text x="171" y="258" font-size="96" text-anchor="middle" fill="#fff" font-family="${family}" font-weight="700">評</text>
  <text x="290" y="262" font-size="112" fill="#1d1d1f" font-family="${family}" font-weight="700">${escape(t.siteName)}</text>
  <text x="96" y="420" font-size="44" fill="#55575c" font-family="${family}">${escape(t.tagline)}</text>
</svg>`;
  await writeFile(join(publicDir, `share-card-${script}.png`), await sharp(Buffer.from(svg)).png({ palette: true }).toBuffer());
}
const logo = `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512"><rect width="512" height="512" rx="96" fill="#8c1c13"/><text x="256" y="360" font-size="300" text-anchor="middle" fill="#fff" font-family="${font}" font-weight="700">評</text></svg>`;
await writeFile(join(publicDir, 'logo.png'), await sharp(Buffer.from(logo)).png({ palette: true }).toBuffer());
