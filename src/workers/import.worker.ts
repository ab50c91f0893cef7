// Import off the UI thread: reading, parsing and checking a file of up to 20 MB never blocks the
// page, and stopping an import stops this worker.
import * as Comlink from 'comlink';
import { readDesignFile, type DesignFileRead } from '../model/read-design-file';

const api = {
  async read(file: File): Promise<DesignFileRead> {
    return readDesignFile(file.name, await file.text());
  },
};

export type ImportWorkerApi = typeof api;
Comlink.expose(api);
