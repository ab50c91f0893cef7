// How a connection looks on the canvas and in the exported picture: its words (model/edge-label) and colours.
export { edgeLabel } from '../model/edge-label';

/** Colours of the two kinds of connection (slate for calls, violet for messages). */
export const SYNC_COLOR = '#334155';
export const ASYNC_COLOR = '#7c3aed';
