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

/** A free port for a test's stand-in, below the ephemeral range (see `freePortBase`). */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 20000 + Math.floor(Math.random() * 12000);
    try {
      await assertPortFree(port, 'probe');
      return port;
    } catch {
      /* try another */
    }
  }
  throw new Error('no free port found');
}

/**
 * A block of five consecutive free ports, for tests that start a whole stack. Taken
 * below Linux's ephemeral range (32768–60999): a port there can be free when probed
 * and then taken as the source port of some outgoing connection before the stand-in
 * (cognito-local starts in about a second) binds it, which failed a suite with
 * EADDRINUSE.
 */
export async function freePortBase(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20000 + Math.floor(Math.random() * 12000);
    try {
      for (let i = 0; i < 5; i++) await assertPortFree(base + i, 'probe');
      return base;
    } catch {
      /* try another block */
    }
  }
  throw new Error('no block of free ports found');
}
