import { useCallback, useEffect, useState } from 'react';

type State<T> = { data?: T; error?: unknown; loading: boolean };

/** Runs `load` when it changes (wrap it in useCallback) and on `reload()`; late answers are dropped. */
export function useLoad<T>(load: () => Promise<T>) {
  const [state, setState] = useState<State<T>>({ loading: true });
  const [version, setVersion] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the reload trigger
  useEffect(() => {
    let current = true;
    setState((s) => ({ data: s.data, loading: true }));
    load().then(
      (data) => current && setState({ data, loading: false }),
      (error: unknown) => current && setState({ error, loading: false }),
    );
    return () => {
      current = false;
    };
  }, [load, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { ...state, reload };
}
