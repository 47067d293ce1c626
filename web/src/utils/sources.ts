// How a source looks and what it can be asked: each source says so itself in /api/datasources (accent, accent_dark,
// examples). Only the two views that are not sources, and a source that says nothing, get their look here.
import type { SourceLook } from '../types';

export const ALL_SOURCES = 'all';
export const WHAT_YOU_MISSED = 'what_you_missed';
/** Sidebar entries that are views, not sources. */
export const ADMIN = '__admin';
export const ACTIVITY = '__activity';

/** CSS colours of a badge's background, in light and in dark mode. */
export interface Accent {
  light: string;
  dark: string;
}

const NOT_SOURCES: Record<string, { accent: string; examples?: string[] }> = {
  [ALL_SOURCES]: {
    accent: 'oklch(51.1% 0.262 276.966)', // indigo-600
    examples: [
      "What's going on with the checkout bug?",
      'What do we know about the Acme Brew Pro launch?',
      'What needs my attention today?',
    ],
  },
  [WHAT_YOU_MISSED]: { accent: 'oklch(66.6% 0.179 58.318)' }, // amber-600
};

const PLAIN_ACCENT = 'oklch(44.6% 0.043 257.281)'; // slate-600
const PLAIN_EXAMPLES = ['What can you do with this source?', 'Give me an overview of what is available', 'What changed recently?'];

export function sourceAccent(id: string, look?: Partial<SourceLook>): Accent {
  const light = look?.accent ?? NOT_SOURCES[id]?.accent ?? PLAIN_ACCENT;
  return { light, dark: look?.accent_dark ?? light };
}

export function exampleQuestions(id: string, look?: Partial<SourceLook>): string[] {
  const examples = look?.examples?.length ? look.examples : NOT_SOURCES[id]?.examples;
  return examples ?? PLAIN_EXAMPLES;
}
