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

const EXAMPLES: Record<string, string[]> = {
  slack: ["What's being discussed in #checkout-eng?", 'Summarize the latest messages in #general', 'Who has been talking about the checkout bug?'],
  jira: ["What's the status of ACME-142?", 'Show open bugs in the ACME project', 'Which issues were updated this week?'],
  github: ["What's the status of PR #91 in acme/storefront?", 'List open issues in acme/storefront', 'What changed in the latest commits?'],
  s3: ['List my S3 buckets', 'What files are in the biggest bucket?', 'Search for objects with "invoice" in the name'],
  mysql: ['What tables are in the database?', 'Describe the orders table', 'How many orders are there per status?'],
  shopify: ['Show me order #1042', 'Which products are low on inventory?', 'What were the most recent orders?'],
  google_workspace: ["What's on my calendar this week?", 'Find the Acme Brew Pro launch plan in Drive', 'Any recent emails from customer support?'],
  all: ["What's going on with the checkout bug?", 'What do we know about the Acme Brew Pro launch?', 'What needs my attention today?'],
};

export function exampleQuestions(id: string): string[] {
  return EXAMPLES[id] ?? ['What can you do with this source?', 'Give me an overview of what is available', 'What changed recently?'];
}
