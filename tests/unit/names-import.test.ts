import { describe, expect, test } from 'vitest';
import { englishForms, importGroups, ruleForms, type ConversionGroup } from '../../scripts/names/cgroup.ts';
import { convertForm } from '../../src/indexer/opencc-sources.ts';

const key = (form: string): string => convertForm(form, 'zh-hant').toLowerCase().replace(/·/g, '');
const options = { kinds: { 政治人物: 'person', 地名: 'place' } as const, key, taken: new Set<string>(), valid: () => true };

/** Rules written as Chinese Wikipedia's CGroup modules write them. */
const politicians: ConversionGroup = {
  name: '政治人物',
  path: 'Module:CGroup/政治人物',
  rules: [
    { original: 'Merkel', conv: 'zh:默克爾;zh-hans:默克尔;zh-hk:默克爾;zh-tw:梅克爾;' },
    { original: 'Netanyahu, Benjamin', conv: 'zh-hans:本雅明·内塔尼亚胡; zh-tw:班傑明·納坦雅胡; zh-hant:本雅明·內塔尼亞胡;' },
    { original: 'Zelenskyy; Зеленський', conv: '泽伦斯基=>zh-cn:泽连斯基; 泽伦斯基=>zh-hk:澤連斯基; 泽伦斯基=>zh-tw:澤倫斯基;' },
    { original: 'Biden', conv: 'zh-hans:拜登; zh-hant:拜登;' },
    { original: 'John Kerr', conv: 'zh-cn:约翰·克尔; zh-hk:莊·卡爾; zh-tw:約翰·克爾' },
    { original: 'Karl', conv: 'zh-cn:卡尔·; zh-tw:卡爾·;' },
  ],
};
const places: ConversionGroup = {
  name: '地名',
  rules: [
    { original: 'Sydney', conv: 'zh-cn:悉尼;zh-hk:悉尼;zh-tw:雪梨;' },
    { original: 'Georgia', conv: 'zh-cn:格鲁吉亚;zh-tw:喬治亞;' },
    { original: 'Georgia', conv: 'zh-cn:佐治亚州;zh-tw:喬治亞州;' },
  ],
};

describe('CGroup rules', () => {
  test('every regional text of a rule, and the source side of a one-way rule, without a given name’s trailing dot', () => {
    expect(ruleForms('zh:默克爾;zh-hans:默克尔;zh-hk:默克爾;zh-tw:梅克爾;')).toEqual(['默克爾', '默克尔', '梅克爾']);
    expect(ruleForms('泽伦斯基=>zh-cn:泽连斯基; 泽伦斯基=>zh-tw:澤倫斯基;')).toEqual(['泽伦斯基', '泽连斯基', '澤倫斯基']);
    expect(ruleForms('zh-cn:卡尔·; zh-tw:卡爾·;')).toEqual(['卡尔', '卡爾']);
  });

  test('English originals: “Last, First” reordered, accents kept and dropped, other scripts left out', () => {
    expect(englishForms('Netanyahu, Benjamin')).toEqual(['Benjamin Netanyahu']);
    expect(englishForms('Erdoğan')).toEqual(['Erdoğan', 'Erdogan']);
    expect(englishForms('Zelenskyy; Зеленський')).toEqual(['Zelenskyy']);
    expect(englishForms('Orbán, Viktor Mihály (Hungary)')).toEqual(['Viktor Mihály Orbán', 'Viktor Mihaly Orban']);
  });
});

describe('importGroups', () => {
  const entries = importGroups([politicians, places], options);
  const formsOf = (form: string) => entries.find((entry) => entry.forms.includes(form))?.forms;

  test('a name whose regions differ becomes one entry with its English form and its source', () => {
    expect(entries).toContainEqual({
      kind: 'person',
      forms: ['默克爾', '梅克爾', 'Merkel'],
      note: 'Merkel',
      source: 'Chinese Wikipedia, Module:CGroup/政治人物',
    });
    expect(formsOf('雪梨')).toEqual(['悉尼', '雪梨', 'Sydney']);
    // One form per spelling of the name (泽伦斯基 and 澤倫斯基 are one, in two scripts).
    expect(formsOf('泽连斯基')).toEqual(['泽伦斯基', '泽连斯基', 'Zelenskyy']);
  });

  test('a full name gives its last part an entry of its own, unless the last part is short or a given name', () => {
    expect(formsOf('納坦雅胡')).toEqual(['内塔尼亚胡', '納坦雅胡', 'Netanyahu']);
    expect(formsOf('班傑明·納坦雅胡')).toEqual(['本雅明·内塔尼亚胡', '班傑明·納坦雅胡', 'Benjamin Netanyahu']);
    expect(formsOf('卡爾')).toBeUndefined();
  });

  test('a name written alike in every region (script apart) is no entry', () => {
    expect(formsOf('拜登')).toBeUndefined();
  });

  test('an English form two names claim (the country, the state) is left out of both', () => {
    expect(formsOf('喬治亞')).toEqual(['格鲁吉亚', '喬治亞']);
    expect(formsOf('喬治亞州')).toEqual(['佐治亚州', '喬治亞州']);
  });

  test('forms the editors’ entries hold are not imported', () => {
    const again = importGroups([politicians], { ...options, taken: new Set([key('梅克爾')]) });
    expect(again.some((entry) => entry.forms.includes('梅克爾'))).toBe(false);
  });
});
