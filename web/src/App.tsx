import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { AuthProvider, useAuth } from './contexts/AuthContext';
import { ThemeProvider } from './contexts/ThemeContext';
import { LoginPage } from './components/LoginPage';

// The signed-in app (markdown, syntax highlighting…) loads separately, so the sign-in page is light.
const MainApp = lazy(() => import('./components/MainApp').then((m) => ({ default: m.MainApp })));

function Splash() {
  return (
    <div className="flex h-dvh items-center justify-center" role="status" aria-label="Loading">
      <img src="/mosaic.svg" alt="" className="size-10 animate-pulse" />
    </div>
  );
}

function ProtectedRoute({ children }: { children: ReactNode }) {
  const { user, loading } = useAuth();
  const location = useLocation();
  if (loading) return <Splash />;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return <Suspense fallback={<Splash />}>{children}</Suspense>;
}

function LoginRoute() {
  const { user, loading } = useAuth();
  const location = useLocation();
  if (loading) return <Splash />;
  if (user) return <Navigate to={(location.state as { from?: string } | null)?.from ?? '/'} replace />;
  return <LoginPage />;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginRoute />} />
      <Route path="/signup" element={<LoginRoute />} />
      <Route
        path="/"
        element={
          <ProtectedRoute>
            <MainApp view="home" />
          </ProtectedRoute>
        }
      />
      <Route
        path="/chat/:source"
        element={
          <ProtectedRoute>
            <MainApp view="chat" />
          </ProtectedRoute>
        }
      />
      <Route
        path="/chat/:source/:sessionId"
        element={
          <ProtectedRoute>
            <MainApp view="chat" />
          </ProtectedRoute>
        }
      />
      <Route
        path="/missed"
        element={
          <ProtectedRoute>
            <MainApp view="missed" />
          </ProtectedRoute>
        }
      />
      <Route
        path="/activity"
        element={
          <ProtectedRoute>
            <MainApp view="activity" />
          </ProtectedRoute>
        }
      />
      <Route
        path="/admin/:tab?"
        element={
          <ProtectedRoute>
            <MainApp view="admin" />
          </ProtectedRoute>
        }
      />
      <Route path="*" element={<Navigate to="/" replace />} />
    </Routes>
  );
}

export function App() {
  return (
    <ThemeProvider>
      <AuthProvider>
        <AppRoutes />
      </AuthProvider>
    </ThemeProvider>
  );
}
