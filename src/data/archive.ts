/** The archive of this build (`src/view/archive.ts`), made once from the content collections. */
import { buildArchive, type Archive } from '../view/archive.ts';
import { siteContent } from './articles.ts';
import { isEditorPreview } from '../build/state.ts';

export type { Archive, ArticleLinks, Author, Month, Year } from '../view/archive.ts';

let built: Promise<Archive> | undefined;

/** The archive of this build (made again on each call in dev, where content changes). */
export function archive(): Promise<Archive> {
  const make = async (): Promise<Archive> => {
    const { articles, topics } = await siteContent();
    return buildArchive(articles, topics);
  };
  if (isEditorPreview()) return make();
  built ??= make();
  return built;
}
