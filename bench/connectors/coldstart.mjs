// Cold start of one MCP server over stdio: spawn → initialize → tools/list, then its resident memory.
// usage: node coldstart.mjs <runs> <env-json> <command> [args...]   → one JSON line on stdout
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";

const [runs, envJson, command, ...args] = process.argv.slice(2);
const extraEnv = JSON.parse(envJson);

function rssKb(pid) {
  // VmRSS of the process and its children (npx-style launchers spawn the real server).
  const all = [pid, ...childrenOf(pid)];
  return all.reduce((sum, p) => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, "utf8"));
      return sum + (m ? Number(m[1]) : 0);
    } catch { return sum; }
  }, 0);
}

function childrenOf(pid) {
  try {
    const kids = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    return kids.flatMap(k => [k, ...childrenOf(k)]);
  } catch { return []; }
}

function once() {
  return new Promise((resolve, reject) => {
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, DOTNET_CLI_TELEMETRY_OPTOUT: "1", ...extraEnv };
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { env, stdio: ["pipe", "pipe", "ignore"] });
    let buffer = "";
    let initializedAt = 0;
    const timer = setTimeout(() => { child.kill("SIGKILL"); reject(new Error("timed out")); }, 60_000);
    const send = msg => child.stdin.write(JSON.stringify(msg) + "\n");
    child.on("error", reject);
    child.stdout.on("data", chunk => {
      buffer += chunk;
      let nl;
      while ((nl = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, nl).trim();
        buffer = buffer.slice(nl + 1);
        if (!line) continue;
        const msg = JSON.parse(line);
        if (msg.id === 1) {
          initializedAt = Number(process.hrtime.bigint() - started) / 1e6;
          send({ jsonrpc: "2.0", method: "notifications/initialized" });
          send({ jsonrpc: "2.0", id: 2, method: "tools/list", params: {} });
        } else if (msg.id === 2) {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          // Let the process settle briefly so RSS reflects a server idling after its first listing.
          setTimeout(() => {
            const rss = rssKb(child.pid);
            clearTimeout(timer);
            child.kill("SIGTERM");
            resolve({ ms, initializeMs: initializedAt, rssKb: rss, tools: msg.result?.tools?.length ?? 0 });
          }, 300);
        }
      }
    });
    send({
      jsonrpc: "2.0", id: 1, method: "initialize",
      params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "mosaic-bench", version: "1" } },
    });
  });
}

const results = [];
for (let i = 0; i < Number(runs); i++) results.push(await once());
const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(JSON.stringify({
  runs: results.length,
  tools: results[0].tools,
  coldStartMs: Math.round(median(results.map(r => r.ms))),
  initializeMs: Math.round(median(results.map(r => r.initializeMs))),
  rssMb: Math.round(median(results.map(r => r.rssKb)) / 1024),
}));
