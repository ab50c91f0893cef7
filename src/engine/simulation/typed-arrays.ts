// Growing the typed arrays that hold simulator records: a copy twice as long, same contents.

export function doubled<T extends Int32Array | Uint8Array | Float64Array>(old: T): T {
  const next = new (old.constructor as new (length: number) => T)(old.length * 2);
  next.set(old);
  return next;
}
