/**
 * Where to go after logging in. Only same-site paths are followed, so a crafted link
 * (`/login?next=https://evil.example`) cannot send the user elsewhere.
 */
export function safeNext(next: string | null | undefined, fallback = '/app'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  if (next === '/login' || next.startsWith('/login?') || next === '/register' || next.startsWith('/register?')) {
    return fallback;
  }
  return next;
}
