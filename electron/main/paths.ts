import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The bundles sit side by side in dist/ (dist/main/main.js, dist/preload/preload.cjs, dist/renderer/), both in
// development and inside the packaged app's asar.
export function bundlePaths(mainModuleUrl: string): { renderer: string; preload: string; icon: string; coreProcess: string } {
  const mainDir = dirname(fileURLToPath(mainModuleUrl));
  const dist = join(mainDir, '..');
  return {
    renderer: join(dist, 'renderer'),
    preload: join(dist, 'preload', 'preload.cjs'),
    icon: join(dist, 'renderer', 'icon.png'),
    // The utility process's entry, bundled beside main.js.
    coreProcess: join(mainDir, 'host-process.js'),
  };
}
