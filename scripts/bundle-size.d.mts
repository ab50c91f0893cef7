export function initialJs(distDir?: string): { files: string[]; rawBytes: number; gzipBytes: number; text: string };
