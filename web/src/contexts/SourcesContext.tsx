// The signed-in user's sources (GET /api/datasources), for what only needs to know how a source looks.
import { createContext, useContext } from 'react';
import type { Datasource } from '../types';

export const SourcesContext = createContext<Datasource[]>([]);

export function useSource(id: string): Datasource | undefined {
  return useContext(SourcesContext).find((d) => d.id === id);
}

export function useSources(): Datasource[] {
  return useContext(SourcesContext);
}
