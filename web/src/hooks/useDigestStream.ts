// Streams "What You Missed" for a window; refresh() asks the server to rebuild instead of using its cache.
import { useCallback, useEffect, useReducer, useState } from 'react';
import { streamDigest, type DigestQuery } from '../services/digestApi';
import { digestReducer, initialDigestView, type DigestView } from './digestReducer';

export function useDigestStream(query: Pick<DigestQuery, 'since' | 'hours'>): { view: DigestView; refresh: () => void } {
  const [view, dispatch] = useReducer(digestReducer, initialDigestView);
  const [run, setRun] = useState({ n: 0, refresh: false });
  const { since, hours } = query;

  useEffect(() => {
    const controller = new AbortController();
    dispatch({ type: 'load' });
    streamDigest({ since, hours, refresh: run.refresh }, {
      onStart: (start, sources) => dispatch({ type: 'start', since: start, sources }),
      onSection: (section) => dispatch({ type: 'section', section }),
      onDone: (digest) => dispatch({ type: 'done', digest }),
    }, controller.signal).catch((err: unknown) => {
      if (controller.signal.aborted) return;
      dispatch({ type: 'error', error: err instanceof Error ? err.message : 'Could not load the digest.' });
    });
    // Leaving the page or changing the window cancels the stream.
    return () => controller.abort();
  }, [since, hours, run]);

  const refresh = useCallback(() => setRun((r) => ({ n: r.n + 1, refresh: true })), []);
  return { view, refresh };
}
