import { useEffect, useState } from 'react';

/** The value a promise resolves to, once it has; undefined until then. */
export function useResolved<T>(promise: Promise<T | undefined>): T | undefined {
  const [resolved, setResolved] = useState<T | undefined>(undefined);
  useEffect(() => {
    let current = true;
    void promise.then((value) => {
      if (current) setResolved(value);
    });
    return () => {
      current = false;
    };
  }, [promise]);
  return resolved;
}
