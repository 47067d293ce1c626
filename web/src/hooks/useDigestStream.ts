// Streams "What You Missed" for a window; refresh() asks the server to rebuild instead of using its cache.
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { streamDigest } from '../services/digestApi';
import { digestReducer, initialDigestView, type DigestView } from './digestReducer';

export function useDigestStream({ since, hours }: { since?: string; hours?: number }): { view: DigestView; refresh: () => void } {
  const [view, dispatch] = useReducer(digestReducer, initialDigestView);
  const [reloads, setReloads] = useState(0);
  // Only the load refresh() asks for skips the server's cache; a later change of window does not.
  const rebuild = useRef(false);

  useEffect(() => {
    const controller = new AbortController();
    const refresh = rebuild.current;
    rebuild.current = false;
    dispatch({ type: 'load' });
    streamDigest(
      { since, hours, refresh },
      {
        onStart: (start, sources) => dispatch({ type: 'start', since: start, sources }),
        onSection: (section) => dispatch({ type: 'section', section }),
        onDone: (digest) => dispatch({ type: 'done', digest }),
      },
      controller.signal,
    ).catch((err: unknown) => {
      if (controller.signal.aborted) return;
      dispatch({ type: 'error', error: err instanceof Error ? err.message : 'Could not load the digest.' });
    });
    // Leaving the page or changing the window cancels the stream.
    return () => controller.abort();
  }, [since, hours, reloads]);

  const refresh = useCallback(() => {
    rebuild.current = true;
    setReloads((n) => n + 1);
  }, []);
  return { view, refresh };
}
