// An Idempotency-Key per form submission, kept in memory: the same key while the same body
// is sent again (a confirm clicked twice, a retry after a timeout), so the server replays
// the first answer instead of acting twice; a new key once the body changes or the last
// submission settled. (The checkout keeps its key in the stored cart instead, to survive
// a reload.)
import { useMemo, useRef } from 'react';

export interface SubmissionKeys {
  /** The key for submitting `body`: the pending one if it is the same body, else a new one. */
  keyFor(body: unknown): string;
  /** The submission is over (it succeeded): the next one gets a new key. */
  settle(): void;
}

export function submissionKeys(newKey: () => string = () => globalThis.crypto.randomUUID()): SubmissionKeys {
  let attempt: { key: string; body: string } | null = null;
  return {
    keyFor(body) {
      const serialised = JSON.stringify(body);
      if (attempt?.body !== serialised) attempt = { key: newKey(), body: serialised };
      return attempt.key;
    },
    settle() {
      attempt = null;
    },
  };
}

/** A form's submission keys, for as long as the form is mounted. */
export function useSubmissionKeys(): SubmissionKeys {
  const ref = useRef<SubmissionKeys | null>(null);
  return useMemo(
    () => ({
      keyFor: (body: unknown) => (ref.current ??= submissionKeys()).keyFor(body),
      settle: () => ref.current?.settle(),
    }),
    [],
  );
}
