#!/usr/bin/env node
// Runs the TypeScript sources directly (through tsx), so `npx prestatiemonitor` needs no build step.
import { register } from 'tsx/esm/api';

register();
const { runCli, systemIo } = await import('../src/cli.ts');
process.exitCode = await runCli(process.argv.slice(2), systemIo);
