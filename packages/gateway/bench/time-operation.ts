/** Runs `operation` a few times to warm up, then `iterations` times, and reports ms per run. */
export async function timeOperation(
  label: string,
  iterations: number,
  operation: () => Promise<unknown>,
): Promise<{ label: string; msPerOp: number }> {
  for (let i = 0; i < Math.min(5, iterations); i += 1) await operation();
  const started = process.hrtime.bigint();
  for (let i = 0; i < iterations; i += 1) await operation();
  return { label, msPerOp: Number(process.hrtime.bigint() - started) / 1e6 / iterations };
}
