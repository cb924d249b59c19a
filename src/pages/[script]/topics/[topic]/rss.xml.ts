/** RSS feed of one topic in a script: its latest articles, each with its full text. */
import type { APIContext } from 'astro';
import { archive } from '../../../../data/archive.ts';
import type { Topic } from '../../../../data/articles.ts';
import { ui } from '../../../../i18n/index.ts';
import { articleFeed } from '../../../../view/feed.ts';
import { scripts, type Script } from '../../../../site/scripts.ts';
import { topicKey } from '../../../../site/urls.ts';

export async function getStaticPaths() {
  const { topics, byTopic } = await archive();
  return scripts.flatMap((script) =>
    topics
      .filter(({ id }) => (byTopic.get(id) ?? []).length > 0)
      .map((topic) => ({ params: { script, topic: topic.id }, props: { topic } })),
  );
}

export async function GET(context: APIContext): Promise<Response> {
  const script = context.params['script'] as Script;
  const topic = context.props['topic'] as Topic;
  const t = ui(script);
  const name = topic.names[script];
  const { byTopic } = await archive();
  return articleFeed({
    script,
    title: t.topicFeedTitle(name),
    description: `${t.topics}：${name}｜${t.siteDescription}`,
    pageKey: topicKey(topic.id),
    articles: byTopic.get(topic.id) ?? [],
    site: context.site ?? new URL('http://localhost/'),
    base: import.meta.env.BASE_URL,
  });
}
