/**
 * The pause of live mode between two polls, which `stop()` can cut short.
 *
 * @module
 */

/**
 * A sleep that `wake()` ends early.
 * @category runtime
 * @since 0.1.0
 */
export interface InterruptibleSleep {
  for(ms: number): Promise<void>
  wake(): void
}

/**
 * A new interruptible sleep.
 * @category runtime
 * @since 0.1.0
 */
export const interruptibleSleep = (): InterruptibleSleep => {
  let wake = (): void => {}
  return {
    for: (ms) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms)
        wake = () => {
          clearTimeout(timer)
          resolve()
        }
      }),
    wake: () => wake(),
  }
}
