// The engines off the UI thread: the canvas stays responsive however large the design.
import * as Comlink from 'comlink';
import { analyse } from './analysis';
import { compareDesigns, gradeFix } from '../scenarios/grade';

const api = { analyse, gradeFix, compareDesigns };
export type EngineWorkerApi = typeof api;
Comlink.expose(api);
