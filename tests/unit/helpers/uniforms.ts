/** A fixed stream of uniforms in (0, 1) (xorshift32), independent of the engine's generator, for checks written in the tests. */
export function uniforms(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return (state + 0.5) / 4294967296;
  };
}
