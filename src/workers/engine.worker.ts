// The analytic engine off the UI thread: the canvas stays responsive however large the design.
import * as Comlink from 'comlink';
import { analyse } from './analysis';

const api = { analyse };
export type EngineWorkerApi = typeof api;
Comlink.expose(api);
