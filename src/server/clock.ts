/**
 * The time commands and jobs see. It is the system clock, except that a browser test may move
 * it forward to watch a deadline pass (a referral's 24 hours in a second). Sessions, sign-in
 * throttling and TOTP keep the real clock: moving this one never signs anyone out.
 */
let offsetMs = 0;

export function now(): Date {
  return new Date(Date.now() + offsetMs);
}

/** For tests only: nothing in the app or over HTTP calls this. */
export function advanceClockForTests(ms: number): void {
  if (ms < 0) throw new Error('the clock only moves forward');
  offsetMs += ms;
}

export function resetClockForTests(): void {
  offsetMs = 0;
}
