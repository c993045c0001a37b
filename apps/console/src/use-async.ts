import { useCallback, useEffect, useState, type DependencyList } from "react";

export type AsyncState<T> = { status: "loading" } | { status: "error"; error: Error } | { status: "done"; data: T };

/**
 * Runs `load` when `deps` change and on `reload()`; an answer that arrives after a newer
 * request started is dropped, so a slow reply never overwrites a fresh one.
 */
export function useAsync<T>(load: () => Promise<T>, deps: DependencyList): AsyncState<T> & { reload: () => void } {
  const [state, setState] = useState<AsyncState<T>>({ status: "loading" });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  useEffect(() => {
    let current = true;
    setState((previous) => (previous.status === "done" ? previous : { status: "loading" }));
    load().then(
      (data) => current && setState({ status: "done", data }),
      (error: unknown) => current && setState({ status: "error", error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      current = false;
    };
    // `load` is a new closure each render; `deps` say when it means a new question.
  }, [...deps, generation]);
  return { ...state, reload };
}
