/**
 * Polls a condition until it holds or a bounded time passes: tests wait for real
 * asynchronous effects (timers, projections) without fixed sleeps.
 */
export async function waitFor(
  condition: () => Promise<boolean> | boolean,
  options: { timeoutMs?: number; intervalMs?: number; message?: string } = {},
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 5_000);
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${options.timeoutMs ?? 5_000} ms waiting for ${options.message ?? 'condition'}`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 25));
  }
}

/** Polls until `probe` returns a value (not undefined) and returns it; bounded like waitFor. */
export async function waitForValue<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  options: { timeoutMs?: number; intervalMs?: number; message?: string } = {},
): Promise<T> {
  let value: T | undefined;
  await waitFor(async () => {
    value = await probe();
    return value !== undefined;
  }, { intervalMs: 50, ...options });
  return value as T;
}
