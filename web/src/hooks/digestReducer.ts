// Folds the digest stream into what the dashboard shows: sources still being read, sections that have
// arrived (actionable first), and the finished digest. Pure, so it is easy to test.
import { orderSections } from '../services/digestApi';
import type { Digest, DigestSection } from '../types';

export interface DigestView {
  status: 'loading' | 'done' | 'error';
  since?: string;
  /** Sources announced by the server that have not answered yet. */
  pending: string[];
  sections: DigestSection[];
  digest?: Digest;
  error?: string;
}

export type DigestAction =
  | { type: 'load' }
  | { type: 'start'; since: string; sources: string[] }
  | { type: 'section'; section: DigestSection }
  | { type: 'done'; digest: Digest }
  | { type: 'error'; error: string };

export const initialDigestView: DigestView = { status: 'loading', pending: [], sections: [] };

export function digestReducer(state: DigestView, action: DigestAction): DigestView {
  switch (action.type) {
    case 'load':
      return initialDigestView;
    case 'start':
      return { ...state, since: action.since, pending: action.sources };
    case 'section':
      return {
        ...state,
        pending: state.pending.filter((s) => s !== action.section.source),
        sections: orderSections([...state.sections.filter((s) => s.source !== action.section.source), action.section]),
      };
    case 'done':
      return { status: 'done', since: action.digest.since, pending: [], sections: action.digest.sections, digest: action.digest };
    case 'error':
      return { ...state, status: 'error', pending: [], error: action.error };
  }
}
