// The median and 99th percentile of one call's latency, in milliseconds: `warmup` calls first,
// then `calls` timed ones, each on a fresh probe drawn before its timer starts.
export const latencyPercentiles = async <P>(
  probe: () => P,
  call: (p: P) => unknown,
  runs: { readonly warmup: number; readonly calls: number },
): Promise<{ readonly p50: number; readonly p99: number }> => {
  for (let i = 0; i < runs.warmup; i++) await call(probe())
  const ms: number[] = []
  for (let i = 0; i < runs.calls; i++) {
    const p = probe()
    const start = performance.now()
    await call(p)
    ms.push(performance.now() - start)
  }
  ms.sort((x, y) => x - y)
  return { p50: ms[Math.floor(runs.calls * 0.5)]!, p99: ms[Math.floor(runs.calls * 0.99)]! }
}
