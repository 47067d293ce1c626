// Per-source presentation: accent colours and example questions for empty states.

export const ALL_SOURCES = 'all';
export const WHAT_YOU_MISSED = 'what_you_missed';

const ACCENTS: Record<string, string> = {
  slack: 'bg-fuchsia-600',
  jira: 'bg-blue-600',
  github: 'bg-zinc-800 dark:bg-zinc-600',
  s3: 'bg-orange-600',
  mysql: 'bg-sky-700',
  shopify: 'bg-green-700',
  google_workspace: 'bg-red-600',
  all: 'bg-indigo-600',
  what_you_missed: 'bg-amber-600',
};

export function sourceAccent(id: string): string {
  return ACCENTS[id] ?? 'bg-slate-600';
}

// Phrased with the words each connector's keyword routing knows, so they also work in Offline mode.
const EXAMPLES: Record<string, string[]> = {
  slack: ['Read the latest messages in #checkout-eng', 'Search messages for "checkout"', 'Which channels can I see?'],
  jira: ['Show ticket ACME-142', 'List open issues in project ACME', 'Which projects are there?'],
  github: ['List open pull requests in acme/storefront', 'Show open issues in acme/storefront', 'Latest commits in acme/storefront'],
  s3: ['List my S3 buckets', 'Find objects named "invoice"', 'List the files in my first bucket'],
  mysql: ['Show tables', 'Describe the orders table', 'How many orders are there per status?'],
  shopify: ['Show the most recent orders', 'Which products are low on stock?', 'List our products'],
  google_workspace: ["What's on my calendar this week?", 'Search Drive for the Acme Brew Pro launch plan', 'Show my latest emails'],
  all: ["What's going on with the checkout bug?", 'What do we know about the Acme Brew Pro launch?', 'What needs my attention today?'],
};

export function exampleQuestions(id: string): string[] {
  return EXAMPLES[id] ?? ['What can you do with this source?', 'Give me an overview of what is available', 'What changed recently?'];
}
