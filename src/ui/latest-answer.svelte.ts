/**
 * The answer to a question asked again whenever the state it reads changes: `ask` runs in an
 * effect (what it reads before its promise is made is what it follows) and gives a promise, or
 * undefined when there is nothing to ask. An answer that arrives after a newer question is
 * dropped; until the next answer the last one stays, so a view does not flicker while typing.
 * Call it while a component initialises.
 */
export function latestAnswer<T>(ask: () => Promise<T> | undefined, failed: (error: Error) => T) {
  let answer = $state.raw<T>();
  $effect(() => {
    const pending = ask();
    if (!pending) {
      answer = undefined;
      return;
    }
    let current = true;
    pending.then(
      (value) => {
        if (current) answer = value;
      },
      (error: Error) => {
        if (current) answer = failed(error);
      },
    );
    return () => {
      current = false;
    };
  });
  return {
    get value() {
      return answer;
    },
  };
}
