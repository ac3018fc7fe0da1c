import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiFailure } from './api/client';
import { t } from './i18n';

export interface Loaded<T> {
  data?: T;
  error?: ApiFailure;
  loading: boolean;
  reload: () => Promise<void>;
}

/** Loads `load()` when `deps` change; an answer to an older request never replaces a newer one. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiFailure; loading: boolean }>({ loading: true });
  const latest = useRef(0);
  const run = useCallback(async () => {
    const ticket = ++latest.current;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    try {
      const data = await load();
      if (ticket === latest.current) setState({ data, loading: false });
    } catch (error) {
      if (ticket === latest.current) setState((s) => ({ data: s.data, error: asFailure(error), loading: false }));
    }
  }, deps);
  useEffect(() => {
    void run();
  }, [run]);
  return { ...state, reload: run };
}

export function asFailure(error: unknown): ApiFailure {
  if (error instanceof ApiFailure) return error;
  return new ApiFailure(0, 'client', error instanceof Error ? error.message : t('error.unknown'));
}

/** Runs an action, tracking whether it is under way and the failure it ended with. */
export function useAction(): {
  busy: boolean;
  error: ApiFailure | undefined;
  run: <T>(action: () => Promise<T>) => Promise<T | undefined>;
  clear: () => void;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiFailure>();
  const run = useCallback(async <T>(action: () => Promise<T>) => {
    const origin = document.activeElement;
    setBusy(true);
    setError(undefined);
    try {
      return await action();
    } catch (failure) {
      setError(asFailure(failure));
      return undefined;
    } finally {
      setBusy(false);
      setTimeout(() => restoreFocus(origin));
    }
  }, []);
  return { busy, error, run, clear: () => setError(undefined) };
}

/**
 * A button disabled while its action runs loses the focus to the page (browsers blur disabled
 * controls), and a keyboard user then starts again from the top. Once the screen has rendered the
 * outcome: back to that control if it is still there, else to the main region (next to the notice).
 */
function restoreFocus(origin: Element | null): void {
  if (document.activeElement && document.activeElement !== document.body) return;
  if (origin instanceof HTMLElement && origin.isConnected && !origin.matches(':disabled')) origin.focus();
  else document.getElementById('main')?.focus({ preventScroll: true });
}
