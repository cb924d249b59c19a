/**
 * Entries of the names table from Chinese Wikipedia's conversion groups
 * (CGroup modules: `Module:CGroup/政治人物`, `Module:CGroup/地名`…), the
 * tables Wikipedia's editors keep of how the mainland, Taiwan, Hong Kong,
 * Singapore and Malaysia write the same name. A rule such as
 * `zh-cn:默克尔; zh-tw:梅克爾; zh-hk:默克爾` becomes one entry whose forms
 * are every regional form and the English original (Merkel). Only rules
 * whose regions really differ are kept (a script difference alone is not a
 * regional form: search already folds scripts); a form claimed by two
 * different names is dropped from both, as a form must name one thing.
 * Pure: the groups and the converter are passed in.
 */

/** One conversion group, as published (`{ name, description, path, rules: [{ original, conv }] }`). */
export interface ConversionGroup {
  name: string;
  description?: string;
  path?: string;
  rules: readonly { original?: string | null; conv: string }[];
}

export interface ImportedName {
  kind: 'person' | 'place' | 'organisation' | 'word';
  forms: string[];
  note: string;
  source: string;
}

/** A Han form: Han characters, with the middle dot between the parts of a name. */
const hanForm = /^\p{Script=Han}+(?:[·・‧]\p{Script=Han}+)*$/u;
/** An English form: Latin words, one space between them, three letters at least. */
const latinForm = /^\p{Script=Latin}[\p{Script=Latin}\p{N}]*(?: [\p{Script=Latin}\p{N}]+)*$/u;

/** The texts of a rule: `zh-tw:梅克爾`, and the source side of `默克尔=>zh-tw:梅克爾`. */
export function ruleForms(conv: string): string[] {
  const forms: string[] = [];
  for (const part of conv.split(';')) {
    const [left, right] = part.includes('=>') ? part.split('=>') : [undefined, part];
    const text = /^\s*zh(?:-[a-z]+)?\s*:(.*)$/i.exec(right ?? '')?.[1];
    for (const form of [left, text]) {
      const clean = form?.trim().replace(/·$/u, '');
      if (clean !== undefined && clean !== '' && hanForm.test(clean) && Array.from(clean).length >= 2) forms.push(clean);
    }
  }
  return [...new Set(forms)];
}

/** English forms of a rule's original: `Netanyahu, Benjamin` is Benjamin Netanyahu; accents as written and without. */
export function englishForms(original: string | null | undefined): string[] {
  if (!original) return [];
  return original
    .replace(/\([^)]*\)/g, '')
    .split(/[;/]/)
    .flatMap((name) => {
      const [last, first] = name.split(',').map((part) => part.trim());
      const whole = first ? `${first} ${last ?? ''}` : (last ?? '');
      const plain = whole.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
      return [whole, plain].map((form) => form.replace(/\s+/g, ' ').trim());
    })
    .filter((form) => form.length >= 3 && latinForm.test(form))
    .filter((form, index, all) => all.indexOf(form) === index);
}

/** Joins items that share a key (union–find). */
class Classes {
  readonly #parent: number[] = [];
  add(): number {
    this.#parent.push(this.#parent.length);
    return this.#parent.length - 1;
  }
  root(at: number): number {
    let node = at;
    while (this.#parent[node] !== node) node = this.#parent[node] ?? node;
    return node;
  }
  join(a: number, b: number): void {
    const [ra, rb] = [this.root(a), this.root(b)];
    if (ra !== rb) this.#parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

export interface ImportOptions {
  /** What the group names: the kind of its entries. */
  kinds: Readonly<Record<string, ImportedName['kind']>>;
  /** A form in one script's spelling (Traditional), so that script variants of one form count once. */
  key: (form: string) => string;
  /** Forms the editors' own entries hold: never imported again. */
  taken: ReadonlySet<string>;
  /** Whether a form may stand in the table (one script, not a mix of both). */
  valid: (form: string) => boolean;
  /** Most Han forms in one entry: more means rules of different names were joined through a shared form. */
  maxForms?: number;
}

/**
 * Entries from the groups: rules sharing a Han form are one name; a name
 * needs two regional forms that differ beyond script. English originals are
 * added where no other name claims them.
 */
export function importGroups(groups: readonly ConversionGroup[], options: ImportOptions): ImportedName[] {
  const maxForms = options.maxForms ?? 8;
  const rules: { group: ConversionGroup; han: string[]; english: string[] }[] = [];
  // Given names (卡爾 in 卡爾·馬克思): never a last part taken alone, which would join every Karl.
  const given = new Set(
    groups.flatMap((group) =>
      group.rules.flatMap((rule) =>
        [
          ...ruleForms(rule.conv)
            .filter((form) => /[·・‧]/u.test(form))
            .map((form) => form.split(/[·・‧]/u)[0] ?? ''),
          // A rule for a given name alone is written with its dot (zh-cn:卡尔·).
          ...[...rule.conv.matchAll(/:\s*(\p{Script=Han}+)·\s*(?:;|$)/gu)].map((match) => match[1] ?? ''),
        ].map(options.key),
      ),
    ),
  );
  for (const group of groups) {
    if (options.kinds[group.name] === undefined) continue;
    for (const rule of group.rules) {
      const han = ruleForms(rule.conv).filter((form) => options.valid(form) && !options.taken.has(options.key(form)));
      if (new Set(han.map(options.key)).size < 2) continue;
      rules.push({ group, han, english: englishForms(rule.original) });
      // A full name's last part is the name the news prints most (梅克爾, 納坦雅胡): its own rule when its regions differ too.
      const lasts = han.filter((form) => /[·・‧]/u.test(form)).map((form) => form.split(/[·・‧]/u).at(-1) ?? '');
      const lastEnglish = englishForms(rule.original).map((form) => form.split(' ').at(-1) ?? '');
      const lastKeys = lasts.map(options.key);
      if (lasts.length === han.length && new Set(lastKeys).size >= 2 && !lastKeys.some((last) => given.has(last)))
        rules.push({
          group,
          // Two characters alone (卡爾 of 莊·卡爾) are too often another name's part.
          han: lasts.filter((form) => Array.from(form).length >= 3 && !options.taken.has(options.key(form))),
          english: lastEnglish,
        });
    }
  }
  // Rules that share a Han form name the same thing.
  const classes = new Classes();
  const owner = new Map<string, number>();
  const ids = rules.map(() => classes.add());
  rules.forEach((rule, index) => {
    for (const form of rule.han) {
      const key = options.key(form);
      const earlier = owner.get(key);
      if (earlier === undefined) owner.set(key, index);
      else classes.join(earlier, index);
    }
  });
  const entries = new Map<number, { group: ConversionGroup; han: Map<string, string>; english: Set<string> }>();
  rules.forEach((rule, index) => {
    const root = classes.root(ids[index] ?? index);
    const entry = entries.get(root) ?? { group: rule.group, han: new Map<string, string>(), english: new Set<string>() };
    for (const form of rule.han) if (!entry.han.has(options.key(form))) entry.han.set(options.key(form), form);
    for (const form of rule.english) entry.english.add(form);
    entries.set(root, entry);
  });
  // An English form two names claim (Georgia, Charles) names neither.
  const claims = new Map<string, number>();
  for (const entry of entries.values())
    for (const form of entry.english) claims.set(form.toLowerCase(), (claims.get(form.toLowerCase()) ?? 0) + 1);
  const imported: ImportedName[] = [];
  for (const entry of entries.values()) {
    if (entry.han.size < 2 || entry.han.size > maxForms) continue;
    const english = [...entry.english].filter(
      (form) => claims.get(form.toLowerCase()) === 1 && !options.taken.has(options.key(form)),
    );
    const seen = new Set<string>();
    const forms = [...entry.han.values(), ...english].filter((form) => {
      const key = form.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    imported.push({
      kind: options.kinds[entry.group.name] ?? 'word',
      forms,
      note: english[0] ?? forms[0] ?? '',
      source: `Chinese Wikipedia, ${entry.group.path ?? `Module:CGroup/${entry.group.name}`}`,
    });
  }
  return imported;
}
