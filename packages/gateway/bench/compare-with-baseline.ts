import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';

export interface Measured {
  label: string;
  /** The mean of its runs' times (the total over the runs). */
  msPerOp: number;
  /** The median of its runs' times. */
  medianMs: number;
}

export interface Comparison {
  baseline: Measured;
  product: Measured;
  /** The product's mean time over the baseline's. */
  ratio: number;
  /** The product's median time over the baseline's. */
  medianRatio: number;
  minRatio: number;
  maxRatio: number;
  /** The ratio's range is over this many consecutive blocks of the runs. */
  blocks: number;
}

const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

async function msOf(operation: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await operation();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/**
 * Times the product's answer against its baseline run by run in turn (baseline, product,
 * baseline, ...) after a warm-up of each, and reports the ratio of their mean times (as the
 * benchmarks always have: total time over runs), with its range over consecutive blocks of the
 * run, and the ratio of their medians. The machines running this are shared: timing all of the
 * baseline and then all of the product let a burst of someone else's work land on one side only
 * (the same code measured 2x and 5x its baseline in two runs minutes apart); runs milliseconds
 * apart share the conditions.
 *
 * With `BENCH_CPU_PROFILE=<file>`, the product alone is then run `iterations` more times under the
 * CPU profiler and the profile written there (open it in Chrome's DevTools), outside the timing.
 */
export async function compareWithBaseline(options: {
  iterations: number;
  baseline: { label: string; run: () => Promise<unknown> };
  product: { label: string; run: () => Promise<unknown> };
  /** Blocks the range is taken over (default 10). */
  blocks?: number;
}): Promise<Comparison> {
  const { iterations, baseline, product } = options;
  const blocks = Math.max(1, Math.min(options.blocks ?? 10, iterations));
  const warmUp = Math.min(20, Math.max(5, Math.round(iterations / 10)));
  for (let i = 0; i < warmUp; i += 1) await baseline.run();
  for (let i = 0; i < warmUp; i += 1) await product.run();
  const baselineMs: number[] = [];
  const productMs: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    baselineMs.push(await msOf(baseline.run));
    productMs.push(await msOf(product.run));
  }
  const blockRatios = Array.from({ length: blocks }, (_, block) => {
    const from = Math.floor((block * iterations) / blocks);
    const to = Math.floor(((block + 1) * iterations) / blocks);
    return mean(productMs.slice(from, to)) / mean(baselineMs.slice(from, to));
  });
  const profileFile = process.env.BENCH_CPU_PROFILE;
  if (profileFile) {
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
    for (let i = 0; i < iterations; i += 1) await product.run();
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    await writeFile(profileFile, JSON.stringify(profile));
  }
  return {
    baseline: { label: baseline.label, msPerOp: mean(baselineMs), medianMs: median(baselineMs) },
    product: { label: product.label, msPerOp: mean(productMs), medianMs: median(productMs) },
    ratio: mean(productMs) / mean(baselineMs),
    medianRatio: median(productMs) / median(baselineMs),
    minRatio: Math.min(...blockRatios),
    maxRatio: Math.max(...blockRatios),
    blocks,
  };
}

/** The comparison's two lines, as every benchmark prints them. */
export function formatComparison(comparison: Comparison, indent = ''): string[] {
  const { baseline, product, ratio, medianRatio, minRatio, maxRatio, blocks } = comparison;
  return [
    `${indent}${baseline.label}: ${baseline.msPerOp.toFixed(2)} ms/op (1.00x; median ${baseline.medianMs.toFixed(2)} ms)`,
    `${indent}${product.label}: ${product.msPerOp.toFixed(2)} ms/op (${ratio.toFixed(2)}x baseline, ${minRatio.toFixed(2)}..${maxRatio.toFixed(2)} over ${blocks} blocks, runs taken in turn; median ${product.medianMs.toFixed(2)} ms, ${medianRatio.toFixed(2)}x)`,
  ];
}
