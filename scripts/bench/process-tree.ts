/**
 * Runs a command and measures it as a whole: wall time, CPU time of the
 * command and every process it started (Pagefind's binary included, which
 * runs while Node still holds its heap), and the peak of the summed resident
 * memory of that process tree, sampled from /proc every 50 ms. Linux only.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface TreeMeasure {
  status: number | null;
  output: string;
  wallMs: number;
  /** User and system CPU of the command and its children, from bash's `time`. */
  cpuMs: number;
  peakTreeRssKiB: number;
  /** Peak resident memory of each process name seen, at the tree's peak. */
  peakByName: Record<string, number>;
}

/** Every process's parent, name and resident memory (KiB), from /proc. */
function processTable(): Map<number, { parent: number; name: string; rssKiB: number }> {
  const table = new Map<number, { parent: number; name: string; rssKiB: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      table.set(Number(entry), { parent: Number(fields[1]), name, rssKiB: rss });
    } catch {
      // The process ended while we read it.
    }
  }
  return table;
}

function treeRss(root: number): { total: number; byName: Record<string, number> } {
  const table = processTable();
  const members = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, { parent }] of table) if (members.has(parent) && !members.has(pid)) (members.add(pid), (grew = true));
  }
  const byName: Record<string, number> = {};
  let total = 0;
  for (const pid of members) {
    const process = table.get(pid);
    if (!process) continue;
    total += process.rssKiB;
    byName[process.name] = (byName[process.name] ?? 0) + process.rssKiB;
  }
  return { total, byName };
}

export function measureTree(command: string, args: readonly string[], cwd: string): Promise<TreeMeasure> {
  const quoted = [command, ...args].map((part) => `'${part.replace(/'/g, `'\\''`)}'`).join(' ');
  // bash's `time` reports the CPU of the command and all it waited for, children included.
  const child = spawn('bash', ['-c', `TIMEFORMAT='__cpu %U %S'; time ${quoted}`], { cwd });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const started = performance.now();
  let peak = { total: 0, byName: {} as Record<string, number> };
  const timer = setInterval(() => {
    if (child.pid === undefined) return;
    const now = treeRss(child.pid);
    if (now.total > peak.total) peak = now;
  }, 50);
  return new Promise((done) => {
    child.on('close', (status) => {
      clearInterval(timer);
      const cpu = /__cpu ([\d.]+) ([\d.]+)/.exec(output);
      done({
        status,
        output: output.replace(/__cpu [\d.]+ [\d.]+\n?/, ''),
        wallMs: performance.now() - started,
        cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : Number.NaN,
        peakTreeRssKiB: peak.total,
        peakByName: peak.byName,
      });
    });
  });
}
