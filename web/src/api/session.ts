import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiGet, apiSend, setCsrfToken } from './client';
import type { Session } from './types';

export const SESSION_KEY = ['session'] as const;

async function fetchSession(): Promise<Session | null> {
  try {
    const session = await apiGet<Session>('/api/auth/session');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 60_000, retry: false });
}

/** Drops every cached answer of the previous user; the session query itself stays observed. */
function forgetOtherQueries(client: ReturnType<typeof useQueryClient>) {
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
}

export function useLogin() {
  const client = useQueryClient();
  return async (username: string, password: string) => {
    const session = await apiSend<Session>('POST', '/api/auth/login', { username, password });
    setCsrfToken(session.csrfToken);
    forgetOtherQueries(client);
    client.setQueryData(SESSION_KEY, session);
  };
}

export function useLogout() {
  const client = useQueryClient();
  return async () => {
    await apiSend('POST', '/api/auth/logout').catch(() => undefined);
    setCsrfToken(null);
    forgetOtherQueries(client);
    client.setQueryData(SESSION_KEY, null);
  };
}
