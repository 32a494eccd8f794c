// Scores and ranks 10,000 units × 200 criteria and compares the time with a plain
// loop that only adds the same input numbers. Run: npx tsx bench/score.ts
// The two are timed in alternation, so a burst of load on a shared machine hits both
// and the ratio stays meaningful; the load average is printed beside the figures.

import { cpus, loadavg } from 'node:os';

import {
  type CompiledFramework,
  type Criterion,
  compileFramework,
  emptyInputs,
  type Framework,
  fixed,
  type NodeInput,
  rankUnits,
  scoreUnits,
  setInput,
  sumFixed,
  type UnitInputs,
} from '../core/framework';

const UNITS = 10_000;
const WARM_UP = 10;
const RUNS = 31;

// Deterministic, so every run measures the same data.
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const rand = random(2021);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;

type LeafMethod =
  | 'thu_cong'
  | 'lua_chon'
  | 'nguong'
  | 'ty_le'
  | 'tru_diem'
  | 'khao_sat'
  | 'diem_thuong'
  | 'diem_tru';

// Proportions close to real commune sets: mostly manual and level choices, then KPIs.
const MIX: readonly LeafMethod[] = [
  ...Array<LeafMethod>(7).fill('thu_cong'),
  ...Array<LeafMethod>(4).fill('lua_chon'),
  ...Array<LeafMethod>(4).fill('nguong'),
  ...Array<LeafMethod>(3).fill('ty_le'),
  ...Array<LeafMethod>(2).fill('tru_diem'),
];

function leaf(code: string, method: LeafMethod, max: number): Criterion {
  const half = max / 2;
  const params: Partial<Record<LeafMethod, string>> = {
    lua_chon: `Kịp thời:${max};Không kịp thời:${half};Không ban hành:0`,
    nguong: `100:${max};80:${half};0:0`,
    tru_diem: '0.25',
  };
  const kpi: Partial<Record<LeafMethod, string>> = {
    nguong: 'documents_signed_rate',
    ty_le: 'dossiers_on_time_rate',
    tru_diem: 'late_dossiers_without_apology',
    khao_sat: 'satisfaction_index',
  };
  const kpiKey = kpi[method];
  return {
    code,
    name: `Tiêu chí ${code}`,
    maxPoints: fixed(max),
    evidence: ['Báo cáo'],
    method,
    params: params[method] ?? '',
    ...(kpiKey ? { kpi: kpiKey } : {}),
  };
}

function parent(code: string, children: Criterion[], optional = false): Criterion {
  return {
    code,
    name: `Mục ${code}`,
    maxPoints: sumFixed(children.map((child) => child.maxPoints)),
    evidence: [],
    children,
    ...(optional ? { optional } : {}),
  };
}

/** 8 areas × 4 criteria × 6 sub-criteria, an optional survey area, bonus and deduction areas: 200 leaves. */
function benchFramework(): Framework {
  const areas: Criterion[] = [];
  for (let a = 1; a <= 8; a++) {
    const criteria: Criterion[] = [];
    for (let c = 1; c <= 4; c++) {
      const subs: Criterion[] = [];
      for (let s = 1; s <= 6; s++)
        subs.push(leaf(`${a}.${c}.${s}`, pick(MIX), pick([0.25, 0.5, 0.5, 1, 1, 1.5])));
      criteria.push(parent(`${a}.${c}`, subs));
    }
    areas.push(parent(String(a), criteria));
  }
  areas.push(parent('9', [leaf('9.1', 'khao_sat', 10), leaf('9.2', 'khao_sat', 10)], true));
  areas.push(
    parent(
      '10',
      [1, 2, 3].map((i) => leaf(`10.${i}`, 'diem_thuong', 1)),
    ),
  );
  areas.push(
    parent(
      '11',
      [1, 2, 3].map((i) => leaf(`11.${i}`, 'diem_tru', 1)),
    ),
  );
  return {
    year: 2021,
    level: 'xa',
    name: 'Bộ chỉ số đo hiệu năng',
    bands: [
      { name: 'Tốt', min: fixed(90) },
      { name: 'Khá', min: fixed(80) },
      { name: 'Trung bình', min: fixed(65) },
      { name: 'Yếu', min: fixed(0) },
    ],
    indexDecimals: 2,
    tieBreak: ['3', '9'],
    areas,
  };
}

function unitInputs(c: CompiledFramework): UnitInputs {
  const inputs = emptyInputs(c);
  const noSurvey = rand() < 0.1;
  c.nodes.forEach((node, i) => {
    if (!c.leaf[i] || !('method' in node)) return;
    const max = node.maxPoints / 1_000_000;
    let input: NodeInput | null;
    switch (node.method) {
      case 'lua_chon':
        input = { kind: 'choice', label: pick(['Kịp thời', 'Kịp thời', 'Không kịp thời', 'Không ban hành']) };
        break;
      case 'nguong':
      case 'ty_le': {
        const denominator = 1 + Math.floor(rand() * 400);
        const numerator = Math.min(denominator, Math.floor(denominator * (0.6 + rand() * 0.45)));
        input = { kind: 'rate', rate: { numerator, denominator } };
        break;
      }
      case 'khao_sat':
        input = noSurvey
          ? null
          : { kind: 'rate', rate: { numerator: 6000 + Math.floor(rand() * 4000), denominator: 10_000 } };
        break;
      case 'tru_diem':
        input = { kind: 'count', count: pick([0, 0, 0, 1, 2]) };
        break;
      case 'diem_thuong':
      case 'diem_tru':
        input = rand() < 0.2 ? { kind: 'points', points: fixed(pick([0.25, 0.5, 1])) } : null;
        break;
      default:
        input = { kind: 'points', points: fixed((Math.round(rand() * max * 4) / 4).toFixed(2)) };
    }
    if (input) setInput(c, inputs, node.code, input);
  });
  return inputs;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Times each run function RUNS times, in alternation, after WARM_UP rounds. */
function timeAlternating(...runs: (() => void)[]): { median: number; min: number }[] {
  const times = runs.map((): number[] => []);
  for (let round = 0; round < WARM_UP + RUNS; round++) {
    runs.forEach((run, k) => {
      const start = performance.now();
      run();
      if (round >= WARM_UP) times[k]?.push(performance.now() - start);
    });
  }
  return times.map((t) => ({ median: median(t), min: Math.min(...t) }));
}

const compiled = compileFramework(benchFramework());
if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors, null, 2));
const c = compiled.value;
const inputs = Array.from({ length: UNITS }, () => unitInputs(c));

let sink = 0;
const scoreAndRank = () => {
  const table = scoreUnits(c, inputs);
  sink += rankUnits(table).rank[0] as number;
};
// The floor: read each criterion's input number once and add it, nothing else.
const plainLoop = () => {
  let total = 0;
  for (const unit of inputs) {
    const values = unit.value;
    for (let slot = 0; slot < c.leafCount; slot++) total += values[slot] as number;
  }
  sink += total;
};
const [scoring, plain] = timeAlternating(scoreAndRank, plainLoop) as [
  { median: number; min: number },
  { median: number; min: number },
];

const table = scoreUnits(c, inputs);
const ranking = rankUnits(table);
const complete = table.complete.reduce((n, v) => n + v, 0);
const checksum = table.total.reduce((sum, t) => sum + t, 0);
const ms = (value: number) => `${value.toFixed(2)} ms`;
const lines = [
  `Framework: ${c.size} nodes, ${c.leafCount} criteria scored; ${UNITS.toLocaleString('en')} units`,
  `Units complete and ranked: ${complete}; tie groups: ${ranking.ties.length}; checksum of totals: ${checksum}`,
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}; load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')}`,
  `Score + rank: median ${ms(scoring.median)} (min ${ms(scoring.min)}) over ${RUNS} runs after ${WARM_UP} warm-ups`,
  `Plain loop adding the same numbers: median ${ms(plain.median)} (min ${ms(plain.min)})`,
  `Ratio score+rank / plain loop: ${(scoring.median / plain.median).toFixed(1)}×`,
  `Per unit × criterion: ${((scoring.median * 1e6) / (UNITS * c.leafCount)).toFixed(1)} ns`,
  scoring.median < 50 ? 'Target < 50 ms: met' : 'Target < 50 ms: NOT met',
];
console.log(lines.join('\n'));
if (Number.isNaN(sink)) console.log('');
