// Renders a component the way the app does: TanStack Query (no retries), a router at `route`, the auth context (which
// asks GET /api/auth/me: mock it), and the signed-in user's sources.
import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { AuthProvider } from '../contexts/AuthContext';
import { ThemeProvider } from '../contexts/ThemeContext';
import { SourcesContext } from '../contexts/SourcesContext';
import type { Datasource } from '../types';

export function renderApp(
  ui: ReactNode,
  { route = '/', path, sources = [] }: { route?: string; path?: string; sources?: Datasource[] } = {},
) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <ThemeProvider>
      <QueryClientProvider client={client}>
        <MemoryRouter initialEntries={[route]}>
          <AuthProvider>
            <SourcesContext.Provider value={sources}>
              {path ? (
                <Routes>
                  <Route path={path} element={ui} />
                  <Route path="*" element={<p data-testid="elsewhere">elsewhere</p>} />
                </Routes>
              ) : (
                ui
              )}
            </SourcesContext.Provider>
          </AuthProvider>
        </MemoryRouter>
      </QueryClientProvider>
    </ThemeProvider>,
  );
  return { client, user: userEvent.setup() };
}

export const source = (id: string, name: string, extra: Partial<Datasource> = {}): Datasource => ({
  id,
  name,
  accent: null,
  accent_dark: null,
  examples: [],
  description: '',
  icon: id,
  enabled: true,
  configured: true,
  credential_fields: [],
  credential_rules: [],
  ...extra,
});

export const alice = { id: 'u1', email: 'alice@acme.test', name: 'Alice Chen', role: 'admin' };
export const bob = { id: 'u2', email: 'bob@acme.test', name: 'Bob Diaz', role: 'member' };
