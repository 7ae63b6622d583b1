import type { Plugin } from 'vite';

const REACT = /[/\\]node_modules[/\\](react|react-dom|scheduler)[/\\]/;

/**
 * react-hook-form names React as a peer, so npm installs it; the app must still run on
 * preact/compat (about 4 kB against React's 45). Fails the build if React slips in, e.g.
 * through a new import path the aliases in vite.config.ts do not cover.
 */
export function noReact(): Plugin {
  return {
    name: 'sira:no-react',
    apply: 'build',
    load(id) {
      if (REACT.test(id)) throw new Error(`React would be bundled (${id}): alias it to preact/compat in vite.config.ts`);
      return null;
    },
  };
}
