// What the machine and the server's process tree use, read from /proc (Linux): sampled once a second by load.mjs.
import fs from 'node:fs';
import os from 'node:os';

const PAGE_KB = 4; // RSS in /proc/<pid>/stat is in pages; x86-64 and arm64 Linux use 4 KiB pages here
const TICKS = 100; // USER_HZ: utime/stime are in 1/100 s on Linux

function read(path) {
  try {
    return fs.readFileSync(path, 'utf8');
  } catch {
    return null; // the process ended between listing and reading
  }
}

/** pid, ppid, rss (MB) and cpu ticks of one process, or null when it is gone. */
export function processStat(pid) {
  const text = read(`/proc/${pid}/stat`);
  if (!text) return null;
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' '); // the name may hold spaces and parentheses
  return { pid, ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]), rssMb: (Number(fields[21]) * PAGE_KB) / 1024 };
}

function commandLine(pid) {
  return (read(`/proc/${pid}/cmdline`) ?? '').replaceAll('\0', ' ').trim();
}

/** What a process under the server is: a connector (Mosaic.Connectors.X, AOT binary or dll), the Sandbox, or other. */
export function classify(cmdline) {
  const connector = /Mosaic\.Connectors\.(\w+)/.exec(cmdline);
  if (connector) return { role: 'connector', name: connector[1], aot: !/\.dll\b/.test(cmdline) };
  if (/Mosaic\.Sandbox/.test(cmdline)) return { role: 'sandbox' };
  return { role: 'other' };
}

/** Every process below root (children, grandchildren…), with its role. */
export function descendants(root) {
  const all = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = processStat(Number(name));
    if (stat) all.push(stat);
  }
  const below = new Set([root]);
  const out = [];
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of all)
      if (!below.has(p.pid) && below.has(p.ppid)) {
        below.add(p.pid);
        out.push({ ...p, ...classify(commandLine(p.pid)) });
        grew = true;
      }
  }
  return out;
}

let recent = { at: -Infinity, root: null, pids: null };

/**
 * The pids of the connector processes under root. A listing reads all of /proc, so one at most 100 ms old is reused:
 * a hundred users starting at once would otherwise stall the event loop that times their questions.
 */
export function connectorPids(root) {
  const now = performance.now();
  if (recent.root !== root || now - recent.at > 100)
    recent = { at: now, root, pids: new Set(descendants(root).filter((p) => p.role === 'connector').map((p) => p.pid)) };
  return recent.pids;
}

function cpuTotals() {
  const line = (read('/proc/stat') ?? '').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = line[3] + (line[4] ?? 0);
  return { busy: line.reduce((s, v) => s + v, 0) - idle, all: line.reduce((s, v) => s + v, 0) };
}

/** Samples once a second until stopped: server, connectors, Sandbox, machine CPU and load. */
export class Sampler {
  samples = [];
  #timer = null;
  #last = null;

  constructor(serverPid, intervalMs = 1000) {
    this.serverPid = serverPid;
    this.intervalMs = intervalMs;
  }

  start() {
    this.#last = this.#raw();
    this.#timer = setInterval(() => this.#tick(), this.intervalMs);
    return this;
  }

  stop() {
    clearInterval(this.#timer);
    return this.samples;
  }

  #raw() {
    const tree = descendants(this.serverPid);
    return { at: performance.now(), cpu: cpuTotals(), tree, server: processStat(this.serverPid) };
  }

  #tick() {
    const now = this.#raw();
    const seconds = (now.at - this.#last.at) / 1000;
    const connectors = now.tree.filter((p) => p.role === 'connector');
    const sandbox = now.tree.find((p) => p.role === 'sandbox');
    const sandboxBefore = sandbox && this.#last.tree.find((p) => p.pid === sandbox.pid);
    const cpuAll = now.cpu.all - this.#last.cpu.all;
    const [load1] = (read('/proc/loadavg') ?? '0').split(' ').map(Number);
    const mem = /MemAvailable:\s+(\d+)/.exec(read('/proc/meminfo') ?? '');
    this.samples.push({
      t: Math.round(now.at),
      serverRssMb: now.server?.rssMb ?? null,
      connectors: connectors.length,
      connectorsAot: connectors.filter((p) => p.aot).length,
      connectorRssMb: connectors.reduce((s, p) => s + p.rssMb, 0),
      sandboxRssMb: sandbox?.rssMb ?? null,
      sandboxCpuPct: sandboxBefore ? ((sandbox.ticks - sandboxBefore.ticks) / TICKS / seconds) * 100 : null,
      cpuPct: cpuAll > 0 ? ((now.cpu.busy - this.#last.cpu.busy) / cpuAll) * 100 : null,
      load1,
      memAvailableMb: mem ? Number(mem[1]) / 1024 : null,
    });
    this.#last = now;
  }
}

/** The machine, for the report: cores, memory, load average now. */
export function machine() {
  return {
    cores: os.availableParallelism(), // what nproc says: the cores this process may run on
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    loadavg: (read('/proc/loadavg') ?? '').split(' ').slice(0, 3).join(' '),
  };
}
