/**
 * `npm run names:import -- <folder>`: rewrites the imported part of
 * `content/names.yaml` (everything after its "Imported" line) from Chinese
 * Wikipedia's conversion groups, one JSON file per group as
 * `{ name, path, rules: [{ original, conv }] }` (the form in which the
 * zhconv-rs project publishes them, `data/cgroups/`). The editors' own
 * entries, above that line, are kept as written and win over the import.
 *
 * Usage: node scripts/names-import.mjs <folder of CGroup JSON files>
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as yaml from 'js-yaml';
import { scriptEvidence } from '../../src/conversion/index.ts';
import { convertForm } from '../../src/indexer/opencc-sources.ts';
import { fold } from '../../src/search/fold.ts';
import { importGroups, type ConversionGroup, type ImportedName } from '../names/cgroup.ts';

/** The groups read, and the kind of name each holds: people, places and bodies in international news. */
const kinds: Record<string, ImportedName['kind']> = {
  政治人物: 'person',
  PresidentsUS: 'person',
  PoliticiansUK: 'person',
  People: 'person',
  地名: 'place',
  'UA toponyms': 'place',
  Organization: 'organisation',
  EU: 'organisation',
  'US Government': 'organisation',
};

const marker = '# Imported from Chinese Wikipedia';
const folder = process.argv[2];
if (folder === undefined) {
  console.error('Usage: npm run names:import -- <folder of CGroup JSON files>');
  process.exit(1);
}
const file = new URL('../../content/names.yaml', import.meta.url);
const text = await readFile(file, 'utf8');
const own = text.includes(marker) ? text.slice(0, text.indexOf(marker)) : text;
const ownEntries = (yaml.load(own) ?? []) as { forms: string[] }[];
const key = (form: string): string => fold(convertForm(form, 'zh-hant')).replace(/[·・‧･]/gu, '');
const taken = new Set(ownEntries.flatMap(({ forms }) => forms.map(key)));
const groups: ConversionGroup[] = [];
for (const name of Object.keys(kinds)) {
  groups.push(JSON.parse(await readFile(join(folder, `${name}.json`), 'utf8')) as ConversionGroup);
}
const valid = (form: string): boolean => {
  const evidence = scriptEvidence(form);
  return evidence.simplified === 0 || evidence.traditional === 0;
};
const entries = importGroups(groups, { kinds, key, taken, valid });
const header = [
  `${marker}'s conversion groups (CGroup modules, zh.wikipedia.org/wiki/Module:CGroup/…):`,
  `# ${Object.keys(kinds).join(', ')}. Each entry's source names its module. Written by`,
  '# `npm run names:import -- <folder>`; edit the entries above this line, not these',
  '# (a form an entry above holds is never imported).',
  '',
].join('\n');
const body = yaml.dump(entries, { flowLevel: 2, lineWidth: 200 });
await writeFile(file, `${own.trimEnd()}\n\n${header}${body}`);
console.log(`${entries.length} names imported from ${groups.length} groups into content/names.yaml`);
