#!/usr/bin/env node
// The `candor` command's entry point. It turns Node's compile cache on before loading anything else (static imports
// would be loaded first), because every command starts by compiling Candor's TypeScript: the cache saves about a
// third of each start-up, which people feel on every command and tests pay for on every spawned command.
import { enableCompileCache } from 'node:module';
import { COMPILE_CACHE_DIR } from '../core/compile-cache.ts';

enableCompileCache(process.env.NODE_COMPILE_CACHE ?? COMPILE_CACHE_DIR);
const { runFromProcess } = await import('./main.ts');
await runFromProcess();
