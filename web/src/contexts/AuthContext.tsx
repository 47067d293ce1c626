import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { authApi } from '../services/api';
import { setUnauthorizedHandler } from '../services/http';
import type { WorkspaceUser } from '../types/admin';

interface AuthContextValue {
  /** The signed-in user; `role` says whether they see the Admin area. */
  user: WorkspaceUser | null;
  /** True until the first /api/auth/me answer: avoids flashing the login page for signed-in users. */
  loading: boolean;
  /** Why the user was sent back to sign in (session expired), shown on the login page. */
  notice: string | null;
  login: (email: string, password: string) => Promise<void>;
  /** `invite`: the token of an invitation link (/signup?invite=…). */
  signup: (email: string, password: string, name: string, invite?: string) => Promise<void>;
  logout: () => Promise<void>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [user, setUser] = useState<WorkspaceUser | null>(null);
  const [loading, setLoading] = useState(true);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    authApi
      .getCurrentUser()
      .then((u) => {
        if (!cancelled) setUser(u);
      })
      .catch(() => {
        if (!cancelled) setUser(null);
      })
      .finally(() => {
        if (!cancelled) setLoading(false);
      });
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setUser((current) => {
        if (current) setNotice('Your session has ended. Please sign in again.');
        return null;
      });
      queryClient.clear();
    });
    return () => setUnauthorizedHandler(undefined);
  }, [queryClient]);

  const login = useCallback(async (email: string, password: string) => {
    const res = await authApi.login(email, password);
    // /me also refreshes the XSRF cookie for the new session.
    setUser((await authApi.getCurrentUser().catch(() => null)) ?? res.user);
    setNotice(null);
  }, []);

  const signup = useCallback(async (email: string, password: string, name: string, invite?: string) => {
    const res = await authApi.signup(email, password, name, invite);
    setUser((await authApi.getCurrentUser().catch(() => null)) ?? res.user);
    setNotice(null);
  }, []);

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      queryClient.clear();
      setUser(null);
    }
  }, [queryClient]);

  const value = useMemo(() => ({ user, loading, notice, login, signup, logout }), [user, loading, notice, login, signup, logout]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth must be used inside AuthProvider');
  return ctx;
}
