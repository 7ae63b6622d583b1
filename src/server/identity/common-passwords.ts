import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * The ~49,000 most common passwords (zxcvbn's list), plus words people here are likely to
 * pick. Compared case-insensitively, and also with trailing digits and symbols removed,
 * so "Motdepasse2026!" is refused like "motdepasse".
 */
const LOCAL = ['motdepasse', 'azerty', 'azertyuiop', 'bamako', 'ouagadougou', 'mali', 'burkina', 'burkinafaso', 'sira', 'bienvenue', 'soleil', 'password', 'administrateur', 'admin'];

let list: Set<string> | undefined;
function commonPasswords(): Set<string> {
  list ??= new Set([...(dictionary['passwords-common'] as string[]), ...LOCAL].map((p) => p.toLowerCase()));
  return list;
}

export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  const stem = lower.replace(/[\d\W_]+$/u, '');
  const set = commonPasswords();
  return set.has(lower) || (stem.length >= 4 && set.has(stem)) || /^(.)\1+$/u.test(lower);
}
