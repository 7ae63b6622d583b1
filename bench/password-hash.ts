import { hashPassword } from '../src/server/identity/passwords.ts';
import { type Summary, summarise } from './stats.ts';

/** argon2id hashing time with Sira's parameters: a login costs one verification of the same cost. */
export async function benchPasswordHash(runs = 5): Promise<Summary> {
  await hashPassword('warm-up password, not timed'); // loads the native module's code paths
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await hashPassword(`benchmark password number ${i}`);
    samples.push(performance.now() - start);
  }
  return summarise(samples);
}
