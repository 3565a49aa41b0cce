// Summarises a V8 .cpuprofile (node --cpu-prof): self time by package / file and by function, and the
// inclusive time of chosen frames. Usage: tsx bench/cpuprofile-summary.ts FILE.cpuprofile [--top 25]
import { readFileSync } from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileSummary {
  totalMs: number;
  byPackage: [string, number][];
  byFunction: [string, number][];
  /** Inclusive time (ms) of every frame whose function name matches, counted once per sample. */
  inclusive: (match: (frame: CallFrame) => boolean) => number;
}

/** node_modules/<pkg> (scoped too), else the dist/src file, else the V8 pseudo-frame name. */
function packageOf(frame: CallFrame): string {
  const url = frame.url;
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith('node:')) return url;
  const m = /\/(dist|src|bench)\/(.*)$/.exec(url);
  if (m) return `mcred ${m[1]}/${m[2]}`;
  if (url === '') return `(${frame.functionName || 'anonymous'})`;
  return url;
}

export function summariseProfile(file: string): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const selfUs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const pkg = new Map<string, number>();
  const fn = new Map<string, number>();
  let total = 0;
  // The profiler's own work (bench/profile.ts stops it through node:inspector) is not the program's.
  const inInspector = (id: number): boolean => {
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      if (byId.get(cur)!.callFrame.url === 'node:inspector') return true;
    }
    return false;
  };
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === '(idle)' || inInspector(id)) continue;
    total += us;
    const p = packageOf(frame);
    pkg.set(p, (pkg.get(p) ?? 0) + us);
    const f = `${frame.functionName || '(anonymous)'} ${p}:${frame.lineNumber + 1}`;
    fn.set(f, (fn.get(f) ?? 0) + us);
  }
  const sorted = (m: Map<string, number>): [string, number][] =>
    [...m.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, v / 1000]);
  return {
    totalMs: total / 1000,
    byPackage: sorted(pkg),
    byFunction: sorted(fn),
    inclusive(match) {
      let us = 0;
      for (const [id, t] of selfUs) {
        for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
          if (match(byId.get(cur)!.callFrame)) {
            us += t;
            break;
          }
        }
      }
      return us / 1000;
    },
  };
}

/** Coarse groups of packages, for "where the time goes". */
export function groupOf(name: string): string {
  if (name === 'jsonld') return 'jsonld (expansion, context processing, toRDF)';
  if (name === '((garbage collector))') return 'garbage collector';
  if (name === 'rdf-canonize') return 'rdf-canonize (RDFC-1.0)';
  if (/^(@digitalbazaar\/|jsonld-signatures|base58|base64url|lru-cache|did-)/.test(name))
    return 'vc, jsonld-signatures, suites, multikey, did:key';
  if (name.startsWith('mcred ')) return 'mcred (own code)';
  if (name.startsWith('ajv') || /^\(validate\d*\)$/.test(name)) return 'ajv';
  if (name.startsWith('node:internal/crypto') || /^\((init|update|digest|Hash|verify|sign)\)$/.test(name))
    return 'node crypto (native)';
  if (name.startsWith('node:') || /^\([a-zA-Z]+\)$/.test(name)) return 'node internals and I/O (native)';
  return 'other';
}

function pct(part: number, total: number): string {
  return `${((100 * part) / total).toFixed(1)}%`.padStart(6);
}

export function printSummary(summary: ProfileSummary, top = 25): void {
  const { totalMs } = summary;
  console.log(`busy time sampled: ${totalMs.toFixed(0)} ms`);
  const groups = new Map<string, number>();
  for (const [name, ms] of summary.byPackage)
    groups.set(groupOf(name), (groups.get(groupOf(name)) ?? 0) + ms);
  console.log('\nself time by group:');
  for (const [name, ms] of [...groups.entries()].sort((a, b) => b[1] - a[1])) {
    console.log(`  ${pct(ms, totalMs)} ${ms.toFixed(0).padStart(7)} ms  ${name}`);
  }
  console.log('\nself time by package / file:');
  for (const [name, ms] of summary.byPackage.slice(0, top)) {
    console.log(`  ${pct(ms, totalMs)} ${ms.toFixed(0).padStart(7)} ms  ${name}`);
  }
  console.log('\nself time by function:');
  for (const [name, ms] of summary.byFunction.slice(0, top)) {
    console.log(`  ${pct(ms, totalMs)} ${ms.toFixed(0).padStart(7)} ms  ${name}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: tsx bench/cpuprofile-summary.ts FILE.cpuprofile [--top N]');
    process.exitCode = 2;
  } else {
    const topIndex = process.argv.indexOf('--top');
    printSummary(summariseProfile(file), topIndex > 0 ? Number(process.argv[topIndex + 1]) : 25);
  }
}
