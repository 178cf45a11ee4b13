// Processes seen through /proc (Linux): for tests and benches that stop real child processes.
import { readFileSync } from 'node:fs';

/** The pid of the process's parent. */
export function parentOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}
