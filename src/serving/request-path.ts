/**
 * Turns the request target a client sent into the one path the static server
 * looks up and picks headers for, the way nginx reads it: percent escapes
 * decoded once (so `%2F` is a slash), empty, `.` and `..` segments resolved,
 * and a `..` above the root refused. Nothing later sees the raw target, so a
 * file lookup and a header rule can never disagree about the path.
 */

/** What a request target names. */
export type RequestPath =
  /** Not a path (`%zz`, a NUL byte, `..` above the root, not starting with `/`): answer 400. */
  | { kind: 'bad' }
  /** A path outside the site's base (`/other` when the site is under `/news/`). */
  | { kind: 'outside' }
  | {
      kind: 'inside';
      /** Segments below the base, decoded; `undefined` where a segment is not UTF-8 (no file of the site has such a name). */
      segments: (string | undefined)[];
      /** The target ended in `/` (or `/.`, `/..`): a folder is asked for. */
      folder: boolean;
      /** The query string, `?` included, safe to echo in a `Location` header; empty if none. */
      query: string;
    };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The bytes a raw path stands for, or `undefined` for a malformed escape or a NUL byte. */
function decodeBytes(raw: string): Uint8Array | undefined {
  const bytes: number[] = [];
  for (let index = 0; index < raw.length; index++) {
    const code = raw.charCodeAt(index);
    if (code === 0x25) {
      const hex = raw.slice(index + 1, index + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return undefined;
      bytes.push(Number.parseInt(hex, 16));
      index += 2;
    } else if (code > 0xff) {
      return undefined;
    } else {
      // Node hands over the raw request line as latin1: one character a byte.
      bytes.push(code);
    }
  }
  return bytes.includes(0) ? undefined : Uint8Array.from(bytes);
}

function splitSegments(bytes: Uint8Array): Uint8Array[] {
  const segments: Uint8Array[] = [];
  let start = 0;
  for (let index = 0; index <= bytes.length; index++) {
    if (index === bytes.length || bytes[index] === 0x2f) {
      segments.push(bytes.subarray(start, index));
      start = index + 1;
    }
  }
  return segments;
}

/** The query string with anything but printable ASCII percent-encoded, so that it can stand in a header. */
function safeQuery(raw: string): string {
  if (raw === '') return '';
  const encoded = Array.from(Buffer.from(raw, 'latin1'), (byte) =>
    byte > 0x20 && byte < 0x7f ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
  ).join('');
  return `?${encoded}`;
}

/**
 * Reads a request target (`request.url`: path and query, as sent) for a site under `base` (`/` or `/news/`).
 * @example parseRequestPath('/x%2f..%2fzh-hant%2findex.html', '/') // inside, segments ['zh-hant', 'index.html']
 */
export function parseRequestPath(target: string, base: string): RequestPath {
  const queryAt = target.indexOf('?');
  const rawPath = queryAt === -1 ? target : target.slice(0, queryAt);
  if (!rawPath.startsWith('/')) return { kind: 'bad' };
  const bytes = decodeBytes(rawPath);
  if (!bytes) return { kind: 'bad' };
  const raw = splitSegments(bytes).slice(1);
  const resolved: Uint8Array[] = [];
  for (const segment of raw) {
    const text = Buffer.from(segment).toString('latin1');
    if (text === '' || text === '.') continue;
    if (text === '..') {
      if (resolved.pop() === undefined) return { kind: 'bad' };
      continue;
    }
    resolved.push(segment);
  }
  const last = raw.at(-1);
  const folder = last === undefined || ['', '.', '..'].includes(Buffer.from(last).toString('latin1'));
  const segments = resolved.map((segment) => {
    try {
      return utf8.decode(segment);
    } catch {
      return undefined;
    }
  });
  const baseSegments = base.split('/').filter(Boolean);
  const atBase = baseSegments.every((name, index) => segments[index] === name);
  // `/news` is the site's own folder asked for without its slash: inside, to be redirected.
  if (!atBase || segments.length < baseSegments.length) return { kind: 'outside' };
  return {
    kind: 'inside',
    segments: segments.slice(baseSegments.length),
    folder,
    query: safeQuery(queryAt === -1 ? '' : target.slice(queryAt + 1)),
  };
}
