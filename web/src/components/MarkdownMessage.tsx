// Renders model and tool text as Markdown. Raw HTML in the text is never rendered (no rehype-raw):
// react-markdown drops it, and its URL filter removes javascript:/data: links.
import { memo, useState, type ReactNode } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import rehypeHighlight from 'rehype-highlight';
import { Check, Copy } from 'lucide-react';
import { cn } from '../utils/cn';

function textOf(node: ReactNode): string {
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (node && typeof node === 'object' && 'props' in node) return textOf((node as { props: { children?: ReactNode } }).props.children);
  return '';
}

function CodeBlock({ children, language }: { children: ReactNode; language?: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(textOf(children).replace(/\n$/, ''));
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      /* clipboard blocked: nothing to do */
    }
  };
  return (
    <div
      className={cn(
        'not-prose group relative my-3 overflow-hidden rounded-lg border border-zinc-200 bg-zinc-50',
        'dark:border-zinc-800 dark:bg-zinc-900',
      )}
    >
      <div
        className={cn(
          'flex items-center justify-between border-b border-zinc-200 px-3 py-1.5 text-xs',
          'text-zinc-500 dark:border-zinc-800 dark:text-zinc-400',
        )}
      >
        <span className="font-mono">{language ?? 'text'}</span>
        <button
          type="button"
          onClick={copy}
          className={cn(
            'inline-flex items-center gap-1 rounded px-1.5 py-0.5 hover:bg-zinc-200 hover:text-zinc-900',
            'dark:hover:bg-zinc-800 dark:hover:text-zinc-100',
          )}
          aria-label="Copy code"
        >
          {copied ? <Check className="size-3.5" aria-hidden /> : <Copy className="size-3.5" aria-hidden />}
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      <pre className="overflow-x-auto p-3 text-[13px] leading-relaxed">
        <code className="font-mono">{children}</code>
      </pre>
    </div>
  );
}

const components: Components = {
  a: ({ children, href }) => (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer nofollow"
      className={cn(
        'font-medium text-indigo-600 underline decoration-indigo-300 underline-offset-2',
        'hover:decoration-indigo-600 dark:text-indigo-300 dark:decoration-indigo-500/50',
      )}
    >
      {children}
    </a>
  ),
  pre: ({ children }) => {
    const code = Array.isArray(children) ? children[0] : children;
    const className: string = (code as { props?: { className?: string } })?.props?.className ?? '';
    const language = /language-([\w+-]+)/.exec(className)?.[1];
    return <CodeBlock language={language}>{(code as { props?: { children?: ReactNode } })?.props?.children ?? children}</CodeBlock>;
  },
  // A wide table scrolls sideways: its box takes keyboard focus so the arrow keys can scroll it (WCAG 2.1.1).
  table: ({ children }) => (
    <div
      tabIndex={0}
      role="region"
      aria-label="Table"
      className={cn(
        'not-prose my-3 overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800',
        'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500',
      )}
    >
      <table className="w-max min-w-full border-collapse text-left text-sm [&_tbody_tr:last-child_td]:border-b-0">{children}</table>
    </div>
  ),
  thead: ({ children }) => (
    <thead className="bg-zinc-50 text-xs uppercase tracking-wide text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">{children}</thead>
  ),
  th: ({ children, style }) => (
    <th style={style} className="whitespace-nowrap border-b border-zinc-200 px-3 py-2 font-semibold dark:border-zinc-800">
      {children}
    </th>
  ),
  td: ({ children, style }) => (
    <td style={style} className="max-w-md border-b border-zinc-100 px-3 py-2 align-top dark:border-zinc-800/70">
      {children}
    </td>
  ),
  img: ({ alt }) => <span className="text-zinc-500">[image{alt ? `: ${alt}` : ''}]</span>,
};

interface Props {
  content: string;
  streaming?: boolean;
}

export const MarkdownMessage = memo(function MarkdownMessage({ content, streaming }: Props) {
  return (
    <div
      className={cn(
        'prose prose-zinc max-w-none break-words dark:prose-invert prose-p:leading-relaxed',
        'prose-pre:p-0 prose-code:before:content-none prose-code:after:content-none',
        'prose-code:rounded prose-code:bg-zinc-100 prose-code:px-1 prose-code:py-0.5',
        'prose-code:font-normal dark:prose-code:bg-zinc-800',
        streaming ? 'streaming-caret' : '',
      )}
    >
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        rehypePlugins={[[rehypeHighlight, { detect: false, ignoreMissing: true }]]}
        components={components}
        skipHtml
      >
        {content}
      </ReactMarkdown>
    </div>
  );
});
