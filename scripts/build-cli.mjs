// Bundles the CLI and server into dist/mockops.mjs (plain Node, no TypeScript loader at run time: faster start).
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
};
await build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/mockops.mjs' });
