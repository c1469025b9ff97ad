import net from 'node:net';

/** Ports of the embedded stack; `SHOUWANG_PORT_BASE` moves them all (tests use free ports). */
export interface Ports {
  web: number;
  dynamo: number;
  s3: number;
  ses: number;
  cognito: number;
}

export function portsFrom(base = Number(process.env.SHOUWANG_PORT_BASE ?? 4400)): Ports {
  return { web: base, dynamo: base + 1, s3: base + 2, ses: base + 3, cognito: base + 4 };
}

export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly what: string,
  ) {
    super(
      `Port ${port} (${what}) is already in use. Stop the other process (e.g. an earlier \`npm start\`: ` +
        `\`lsof -i :${port}\`), or pick other ports with SHOUWANG_PORT_BASE=5400 npm start.`,
    );
    this.name = 'PortInUseError';
  }
}

/** Fails with a clear message when `port` is taken. */
export async function assertPortFree(port: number, what: string, host = '127.0.0.1'): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const s = net.createServer();
    s.once('error', (e: NodeJS.ErrnoException) =>
      reject(e.code === 'EADDRINUSE' ? new PortInUseError(port, what) : e),
    );
    s.listen(port, host, () => s.close(() => resolve()));
  });
}

/** A free port from the OS, for tests. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** A block of five consecutive free ports, for tests that start a whole stack. */
export async function freePortBase(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20000 + Math.floor(Math.random() * 30000);
    try {
      for (let i = 0; i < 5; i++) await assertPortFree(base + i, 'probe');
      return base;
    } catch {
      /* try another block */
    }
  }
  throw new Error('no block of free ports found');
}
