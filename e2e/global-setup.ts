import type { TestProject } from 'vitest/node';
import { type ServerProcess, startServer, tempDataDir } from './server-process';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    dataDir: string;
  }
}

let server: ServerProcess | undefined;

/** One real ChiSo process, on PGlite with the demo data, for the browser tests. */
export default async function setup(project: TestProject) {
  const dataDir = tempDataDir();
  server = await startServer({ DATA_DIR: dataDir });
  project.provide('baseUrl', server.url);
  project.provide('dataDir', dataDir);
  return async () => {
    await server?.stop();
  };
}
