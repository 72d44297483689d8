const PAUSED = Symbol('paused');

/**
 * Groups a subscription's events into batches: whatever is already buffered joins the
 * current batch, and the batch is handed over as soon as the next event would have to be
 * waited for. Catching up therefore commits large batches, while a live event is
 * processed at once.
 */
export async function* batched<T>(source: AsyncIterable<T>, maxSize: number): AsyncGenerator<T[]> {
  const iterator = source[Symbol.asyncIterator]();
  let pending = iterator.next();
  for (;;) {
    const first = await pending;
    if (first.done) return;
    const batch: T[] = [first.value];
    pending = iterator.next();
    while (batch.length < maxSize) {
      const next = await Promise.race([pending, new Promise<typeof PAUSED>((r) => setImmediate(() => r(PAUSED)))]);
      if (next === PAUSED) break;
      if (next.done) {
        yield batch;
        return;
      }
      batch.push(next.value);
      pending = iterator.next();
    }
    yield batch;
  }
}
