// `node scripts/share-cards.mjs`: draws the site's share cards and logo into public/ (scripts/commands/share-cards.ts).
// Plain JavaScript, so that an old Node says what to do before it meets TypeScript.
import './check-runtime.mjs';
await import('./commands/share-cards.ts');
