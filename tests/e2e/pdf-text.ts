/**
 * The text of each page of a PDF that Chromium printed, read without a PDF
 * library: enough of the format to see what a reader's printout says on
 * each page (running heads, page numbers), which the page's DOM cannot show.
 * It reads Skia's output only: objects in the clear (no object streams),
 * Flate-compressed streams, fonts mapped to Unicode by their ToUnicode maps,
 * runs given their text by `/ActualText`.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dictionary: string;
  stream?: Buffer;
}

/** Every `N 0 obj … endobj` of the file, by number, its stream inflated. */
function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  for (const match of text.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = match[2] ?? '';
    const streamAt = body.indexOf('stream');
    if (streamAt === -1) {
      objects.set(Number(match[1]), { dictionary: body });
      continue;
    }
    const dictionary = body.slice(0, streamAt);
    const start = (match.index ?? 0) + match[0].indexOf(body) + streamAt + 'stream'.length;
    const dataStart = pdf[start] === 0x0d ? start + 2 : start + 1;
    const length = Number(/\/Length (\d+)/.exec(dictionary)?.[1] ?? 0);
    const raw = pdf.subarray(dataStart, dataStart + length);
    objects.set(Number(match[1]), {
      dictionary,
      stream: /\/FlateDecode/.test(dictionary) ? inflateSync(raw) : raw,
    });
  }
  return objects;
}

const reference = (dictionary: string, key: string): number | undefined => {
  const found = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dictionary)?.[1];
  return found === undefined ? undefined : Number(found);
};

/** Text written as UTF-16BE in hexadecimal. */
const utf16 = (hex: string): string => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((unit) => parseInt(unit, 16)));

/** A font's codes → Unicode text, from its ToUnicode CMap. */
function toUnicodeMap(cmap: string): { bytes: number; map: Map<number, string> } {
  const map = new Map<number, string>();
  let bytes = 1;
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, from, to] of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      bytes = (from ?? '').length / 2;
      map.set(parseInt(from ?? '', 16), utf16(to ?? ''));
    }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const [, from, to, target, list] of (block[1] ?? '').matchAll(
      /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(?:<([0-9a-fA-F]+)>|\[([^\]]*)\])/g,
    )) {
      bytes = (from ?? '').length / 2;
      const first = parseInt(from ?? '', 16);
      const last = parseInt(to ?? '', 16);
      const targets = list === undefined ? undefined : [...list.matchAll(/<([0-9a-fA-F]+)>/g)].map((hex) => utf16(hex[1] ?? ''));
      for (let code = first; code <= last; code++) {
        if (targets) map.set(code, targets[code - first] ?? '');
        else {
          const start = utf16(target ?? '');
          map.set(code, start.slice(0, -1) + String.fromCharCode(start.charCodeAt(start.length - 1) + code - first));
        }
      }
    }
  return { bytes, map };
}

/** The text of every page, in page order; each run of text a page shows on a line of its own. */
export function pdfPageTexts(pdf: Buffer): string[] {
  const objects = readObjects(pdf);
  const dictionary = (number: number | undefined): string =>
    number === undefined ? '' : (objects.get(number)?.dictionary ?? '');
  const catalog = [...objects.values()].find(({ dictionary: d }) => /\/Type\s*\/Catalog/.test(d))?.dictionary ?? '';
  const pages: number[] = [];
  const walk = (number: number | undefined): void => {
    const node = dictionary(number);
    if (/\/Type\s*\/Pages/.test(node))
      for (const kid of (/\/Kids\s*\[([^\]]*)\]/.exec(node)?.[1] ?? '').matchAll(/(\d+) 0 R/g)) walk(Number(kid[1]));
    else if (number !== undefined) pages.push(number);
  };
  walk(reference(catalog, 'Pages'));
  const fonts = new Map<number, ReturnType<typeof toUnicodeMap>>();
  const fontOf = (number: number): ReturnType<typeof toUnicodeMap> => {
    let font = fonts.get(number);
    if (!font) {
      const cmap = objects.get(reference(dictionary(number), 'ToUnicode') ?? -1)?.stream?.toString('latin1') ?? '';
      font = toUnicodeMap(cmap);
      fonts.set(number, font);
    }
    return font;
  };
  return pages.map((page) => {
    const node = dictionary(page);
    const resourcesRef = reference(node, 'Resources');
    const resources = resourcesRef === undefined ? node : dictionary(resourcesRef);
    const fontDictionary = /\/Font\s*(?:(\d+) 0 R|<<([\s\S]*?)>>)/.exec(resources);
    const fontEntries = fontDictionary?.[1] ? dictionary(Number(fontDictionary[1])) : (fontDictionary?.[2] ?? '');
    const pageFonts = new Map(
      [...fontEntries.matchAll(/\/([\w.-]+)\s+(\d+) 0 R/g)].map((entry) => [entry[1] ?? '', Number(entry[2])]),
    );
    const contents = [...(/\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(node)?.[1] ?? '').matchAll(/(\d+) 0 R/g)]
      .map((ref) => objects.get(Number(ref[1]))?.stream?.toString('latin1') ?? '')
      .join('\n');
    let font: ReturnType<typeof toUnicodeMap> | undefined;
    const lines: string[] = [];
    let line = '';
    const decode = (hex: string): string => {
      if (!font) return '';
      const { bytes, map } = font;
      let out = '';
      for (let at = 0; at + bytes * 2 <= hex.length; at += bytes * 2)
        out += map.get(parseInt(hex.slice(at, at + bytes * 2), 16)) ?? '';
      return out;
    };
    // Where Skia gives a run its real text (`/ActualText <FEFF…> BDC … EMC`, for glyphs its fonts map to radicals), that text stands for the glyphs.
    let actual = false;
    for (const token of contents.matchAll(
      /\/ActualText\s*<([0-9a-fA-F]*)>|\/([\w.-]+)\s+[\d.]+\s+Tf|<([0-9a-fA-F]*)>|\bBT\b|\bET\b|\bEMC\b/g,
    )) {
      if (token[1] !== undefined) {
        line += utf16(token[1].replace(/^FEFF/i, ''));
        actual = true;
      } else if (token[2] !== undefined) font = fontOf(pageFonts.get(token[2]) ?? -1);
      else if (token[3] !== undefined) line += actual ? '' : decode(token[3]);
      else if (token[0] === 'EMC') actual = false;
      else if (token[0] === 'ET') {
        lines.push(line);
        line = '';
      }
    }
    return lines.filter((text) => text !== '').join('\n');
  });
}
