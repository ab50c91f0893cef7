/** px: the canvas draws every component as a card of this size; layouts, imports and checks place cards by it. */
export const NODE_SIZE = { width: 188, height: 64 } as const;
