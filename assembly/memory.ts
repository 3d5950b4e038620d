// Buffers for the JS side: allocate once, pass pointers to kernels, free when done.

/** Allocate `count` f64 (8-byte aligned, zero-filled); returns the byte pointer. */
export function allocF64(count: i32): usize {
  const bytes = <usize>count << 3;
  const p = heap.alloc(bytes);
  memory.fill(p, 0, bytes);
  return p;
}

/** Allocate `count` i32 (zero-filled); returns the byte pointer. */
export function allocI32(count: i32): usize {
  const bytes = <usize>count << 2;
  const p = heap.alloc(bytes);
  memory.fill(p, 0, bytes);
  return p;
}

/** Release a buffer from allocF64/allocI32. */
export function free(ptr: usize): void {
  heap.free(ptr);
}
