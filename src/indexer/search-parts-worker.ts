/**
 * A worker thread of the search data (tinypool): makes the part of a group
 * of articles (`search-parts.ts`: their texts converted into every script and
 * read, or taken from the cache, each article's and the group's), so that the conversion and the reading run
 * on the second core while Astro renders the pages on the first. Run as
 * plain Node, outside Astro.
 */
import { SearchDataBuilder, type TextsPart } from './search-data-build.ts';
import { openSearchPartCache, searchDataTables, type SearchableArticle } from './search-parts.ts';

export interface SearchPartsTask {
  cacheDir: string | undefined;
  /** The digest of the search data's code and names (part of each entry's key). */
  readerDigest: string;
  names: string[][];
  articles: SearchableArticle[];
}

export interface SearchPartsResult {
  /** The group's part: the articles' parts merged in their order. */
  part: TextsPart;
  /** The cache entries the batch asked for, and how many were taken and made. */
  asked: string[];
  kept: number;
  converted: number;
}

/** The builder that reads the texts, made once per thread (its tables take a moment), again if the names change. */
let reader: { readerDigest: string; builder: SearchDataBuilder } | undefined;

export default function makeParts({ cacheDir, readerDigest, names, articles }: SearchPartsTask): SearchPartsResult {
  if (reader?.readerDigest !== readerDigest) reader = { readerDigest, builder: new SearchDataBuilder(searchDataTables(names)) };
  const cache = openSearchPartCache(cacheDir, reader.builder, readerDigest);
  const part = cache.group(articles);
  const { names: asked, kept, converted } = cache.asked();
  return { part, asked, kept, converted };
}
