import { useEffect, useState } from 'preact/hooks';
import type { components } from './api/schema';
import { parseStoredSession } from './stored-session';

type Schemas = components['schemas'];

export interface Session {
  token: string;
  expiresAt: number;
  user: Schemas['UserResponseDto'];
  /** A preview token minted for this session's preview links, revoked at sign-out. */
  preview?: { id: string; token: string; expiresAt: number };
}

const KEY = 'kalam.session';
type Listener = () => void;
const listeners = new Set<Listener>();

function read(): Session | null {
  return parseStoredSession<Session>(localStorage.getItem(KEY), Date.now());
}

/**
 * The signed-in user and their bearer token, kept in localStorage so every tab shares one sign-in
 * (the page's Content-Security-Policy allows only its own scripts to run beside it).
 */
export const session = {
  value: read(),
  set(next: Session | null) {
    this.value = next;
    if (next) localStorage.setItem(KEY, JSON.stringify(next));
    else localStorage.removeItem(KEY);
    listeners.forEach((listener) => listener());
  },
};

// Another tab signed in or out.
addEventListener('storage', (event) => {
  if (event.key !== KEY) return;
  session.value = read();
  listeners.forEach((listener) => listener());
});

const ENDED = 'kalam.session-ended';

/** Forgets the session here. `ended`: the API refused its token (expired or revoked), which the sign-in form then says. */
export function signOutLocally(ended = false): void {
  if (!session.value) return;
  if (ended) sessionStorage.setItem(ENDED, '1');
  session.set(null);
}

/** Whether the last session ended on the API's side; asking clears it. */
export function takeSessionEnded(): boolean {
  const ended = sessionStorage.getItem(ENDED) === '1';
  sessionStorage.removeItem(ENDED);
  return ended;
}

export function useSession(): Session | null {
  const [, render] = useState(0);
  useEffect(() => {
    const listener = () => render((n) => n + 1);
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, []);
  return session.value;
}

export type Role = Schemas['UserResponseDto']['role'];
export const isEditor = (s: Session | null) => s?.user.role === 'admin' || s?.user.role === 'editor';
