/**
 * An author's profile as one script shows it: position and biography
 * converted from the script the profile is written in, as an article's
 * fields are (what rules and pins fixed is noted for the publish checks);
 * link titles converted, addresses as written.
 */
import { noteFixedTexts } from '../build/state.ts';
import { convertText, createConversionLog, type Glossary } from '../conversion/index.ts';
import type { AuthorProfile } from '../schemas/author.ts';
import type { Script } from '../site/scripts.ts';

export interface ProfileView {
  position?: string | undefined;
  bio: string;
  links: readonly { title: string; url: string }[];
}

export function viewProfile(profile: AuthorProfile, script: Script, glossary: Glossary): ProfileView {
  const log = createConversionLog();
  const convert = (text: string): string => convertText(text, { from: profile.sourceVariant, to: script, glossary, log });
  const shown: ProfileView = {
    position: profile.position === undefined ? undefined : convert(profile.position),
    bio: convert(profile.bio),
    links: profile.links.map(({ title, url }) => ({ title: convert(title), url })),
  };
  noteFixedTexts(script, log.fixed, `profile:${profile.name}`);
  return shown;
}
