/**
 * Bundles Lambda entries with esbuild's API, each distinct bundle once, and keeps
 * the bundles in a cache on disk between runs.
 *
 * Why not `NodejsFunction`: it runs esbuild once per function, one after the other,
 * about two seconds each (every bundle carries the AWS SDK). With one function per
 * handler and 50-150 routes that made every synth and every infra test minutes
 * long. Here all missing bundles of a synth are built in one esbuild call (esbuild
 * spreads the entries over the cores), a bundle serves every function naming the
 * same entry, and an unchanged handler is not bundled again on the next run.
 *
 * A cached bundle is used only while every file esbuild read for it is unchanged:
 * the entry's own sources are compared by content hash (the list comes from
 * esbuild's metafile), everything under `node_modules` through the hash of
 * package-lock.json, and package.json (its `imports` map) and tsconfig.json are
 * part of the key, as are the esbuild version and every build option.
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import * as esbuild from 'esbuild';

/**
 * esbuild's ESM output has no `require`; CommonJS dependencies (middy, the AWS SDK's
 * older helpers) call it. The alias avoids colliding with a bundled `createRequire`.
 */
const esmRequireBanner =
  "import { createRequire as __shouwangCreateRequire } from 'node:module'; const require = __shouwangCreateRequire(import.meta.url);";

/**
 * The options every function is bundled with (and that `npm run bench` measures):
 * Node.js 24 ESM, minified, with source maps (without the sources, which stay in
 * the repository).
 *
 * The AWS SDK v3 is bundled too, not taken from the Lambda runtime: every
 * deployment runs the versions the tests ran, esbuild drops the clients a function
 * does not use, and one minified file imports faster than the runtime's hundreds
 * of SDK files (about 150 ms against 250 ms for a typical handler, measured by the
 * bench).
 *
 * Dependencies no function needs are replaced by shims (`infra/shims/`), each
 * failing loudly should it ever be reached: fontkit's pure-JavaScript Brotli
 * decoder by Node's own, the SDK's default credential chain by the environment
 * credentials Lambda always provides, and two SDK parts every client carries but
 * no call of ours uses (event streams, DynamoDB endpoint discovery). A shim that
 * stops matching what the SDK imports fails the build, not a request.
 */
export const lambdaBuildOptions = {
  bundle: true,
  alias: {
    'brotli/decompress.js': './infra/shims/brotli-decompress.ts',
    '@aws-sdk/credential-provider-node': './infra/shims/credential-provider-env.ts',
    '@smithy/core/event-streams': './infra/shims/event-streams.ts',
    '@aws-sdk/middleware-endpoint-discovery': './infra/shims/endpoint-discovery.ts',
  },
  platform: 'node',
  format: 'esm',
  target: 'node24',
  mainFields: ['module', 'main'],
  banner: { js: esmRequireBanner },
  minify: true,
  // Chinese messages as UTF-8 (3 bytes a character) rather than \uXXXX escapes (6).
  charset: 'utf8',
  sourcemap: true,
  sourcesContent: false,
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
} as const satisfies esbuild.BuildOptions;

/**
 * The Node options every function runs with: stack traces in the logs point into
 * the sources (through the bundle's source map). `npm run bench` imports the
 * bundles with them too, since reading the map is part of a cold start.
 */
export const lambdaNodeOptions = '--enable-source-maps';

/** Bump when the cache layout or the meaning of a key changes. */
const cacheFormat = 4;

/** Age after which an outdated cached bundle is deleted. */
const staleAfterMs = 60 * 60 * 1000;

/** The file the Lambda runtime loads: `index.handler` means `index.mjs`, export `handler`. */
export const bundleMainFile = 'index.mjs';

/** One bundle: an entry and what is added beside its `index.mjs`. */
export interface BundleSpec {
  /** Absolute path of the entry file (a `handler.ts`). */
  readonly entry: string;
  /** Files or folders copied into the bundle: `from` relative to the project root, `to` relative to the bundle. */
  readonly copy?: readonly { readonly from: string; readonly to: string }[];
  /** Files written into the bundle: path relative to the bundle → content. */
  readonly files?: Readonly<Record<string, string>>;
}

/** Props of {@link LambdaBundler}. */
export interface LambdaBundlerProps {
  /** Root holding package.json, package-lock.json, tsconfig.json and `node_modules`. */
  readonly projectRoot: string;
  /**
   * Where bundles are kept between runs; delete it to bundle everything again.
   * @default `node_modules/.cache/shouwang-bundles` under the project root
   */
  readonly cacheDir?: string;
}

/** What a cached bundle was made from, to tell whether it is still current. */
interface InputsRecord {
  /** Hash of package-lock.json: stands for every input under `node_modules`. */
  readonly lock: string;
  /** Content hash of every other input, by path relative to the project root. */
  readonly files: Record<string, string>;
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function hashFile(path: string): string | undefined {
  try {
    return sha256(readFileSync(path));
  } catch {
    return undefined;
  }
}

/** Every file under `path` (or `path` itself), relative to `root`. */
function filesUnder(root: string, path: string): string[] {
  const full = join(root, path);
  if (!existsSync(full)) return [path];
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full).flatMap((name) => filesUnder(root, join(path, name)));
}

/** Bundles entries once per distinct {@link BundleSpec}, reusing current bundles from the disk cache. */
export class LambdaBundler {
  private readonly projectRoot: string;
  private readonly cacheDir: string;
  /** Bundles found or made by this instance: key → bundle folder. */
  private readonly done = new Map<string, string>();
  private readonly lockHash: string;
  private readonly projectHash: string;

  constructor(props: LambdaBundlerProps) {
    this.projectRoot = props.projectRoot;
    this.cacheDir = props.cacheDir ?? join(props.projectRoot, 'node_modules', '.cache', 'shouwang-bundles');
    this.lockHash = hashFile(join(this.projectRoot, 'package-lock.json')) ?? 'no-lock-file';
    this.projectHash = sha256(
      ['package.json', 'tsconfig.json'].map((f) => hashFile(join(this.projectRoot, f)) ?? '-').join(':'),
    );
  }

  /** The cache key of a spec: everything that decides the output except the source files themselves. */
  private keyOf(spec: BundleSpec): string {
    return sha256(
      JSON.stringify({
        cacheFormat,
        esbuild: esbuild.version,
        buildOptions: lambdaBuildOptions,
        project: this.projectHash,
        entry: relative(this.projectRoot, spec.entry).split(sep).join('/'),
        copy: spec.copy ?? [],
        files: spec.files ?? {},
      }),
    ).slice(0, 32);
  }

  private isDependency(path: string): boolean {
    return path.split(/[\\/]/).includes('node_modules');
  }

  /** Whether the bundle cached under `dir` was made from the files as they are now. */
  private isCurrent(dir: string): boolean {
    let record: InputsRecord;
    try {
      record = JSON.parse(readFileSync(join(dir, 'inputs.json'), 'utf8')) as InputsRecord;
    } catch {
      return false;
    }
    if (record.lock !== this.lockHash || !existsSync(join(dir, 'bundle', bundleMainFile))) return false;
    return Object.entries(record.files).every(
      ([path, hash]) => hashFile(join(this.projectRoot, path)) === hash,
    );
  }

  /** What a finished bundle depends on: esbuild's inputs plus the copied files outside `node_modules`. */
  private inputsRecord(inputs: readonly string[], spec: BundleSpec): InputsRecord {
    const files: Record<string, string> = {};
    const local = [...inputs, ...(spec.copy ?? []).flatMap((c) => filesUnder(this.projectRoot, c.from))];
    for (const path of local) {
      if (this.isDependency(path)) continue;
      files[path] = hashFile(join(this.projectRoot, path)) ?? 'missing';
    }
    return { lock: this.lockHash, files };
  }

  /** A current bundle of `key` in the cache, if there is one. */
  private findCurrent(key: string): string | undefined {
    const dir = join(this.cacheDir, key);
    if (!existsSync(dir)) return undefined;
    for (const version of readdirSync(dir)) {
      if (this.isCurrent(join(dir, version))) return join(dir, version);
    }
    return undefined;
  }

  /**
   * Returns the bundle folder of each spec (same order), building every missing or
   * outdated one in a single esbuild run.
   */
  bundle(specs: readonly BundleSpec[]): string[] {
    const keys = specs.map((s) => this.keyOf(s));
    const missing = new Map<string, BundleSpec>();
    specs.forEach((spec, i) => {
      const key = keys[i]!;
      if (this.done.has(key) || missing.has(key)) return;
      const found = this.findCurrent(key);
      if (found) this.done.set(key, join(found, 'bundle'));
      else missing.set(key, spec);
    });
    if (missing.size) this.build(missing);
    return keys.map((k) => this.done.get(k)!);
  }

  /**
   * Publishes a staged bundle as `<key>/<hash of its inputs>`. A published folder is
   * never changed or replaced, so a synth running in parallel (the infra test files
   * run side by side) can copy from it safely; when both build the same bundle, the
   * first to publish wins and the other drops its copy.
   */
  private publish(key: string, staged: string, record: InputsRecord): string {
    const versions = join(this.cacheDir, key);
    const target = join(versions, sha256(JSON.stringify(record)).slice(0, 16));
    mkdirSync(versions, { recursive: true });
    if (!this.isCurrent(target)) {
      try {
        renameSync(staged, target);
      } catch (e) {
        if (!this.isCurrent(target)) throw e;
      }
    }
    // Outdated versions go once nobody can still be copying from them.
    for (const version of readdirSync(versions)) {
      const dir = join(versions, version);
      if (dir === target || Date.now() - statSync(dir).mtimeMs < staleAfterMs || this.isCurrent(dir))
        continue;
      rmSync(dir, { recursive: true, force: true });
    }
    return target;
  }

  private build(missing: ReadonlyMap<string, BundleSpec>): void {
    mkdirSync(this.cacheDir, { recursive: true });
    // Work folders of a synth that was killed half way.
    for (const name of readdirSync(this.cacheDir)) {
      const dir = join(this.cacheDir, name);
      if (name.startsWith('.work-') && Date.now() - statSync(dir).mtimeMs > staleAfterMs) {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    // Built beside the cache and moved in whole, so a parallel synth never sees half a bundle.
    const work = join(this.cacheDir, `.work-${randomUUID()}`);
    mkdirSync(work, { recursive: true });
    try {
      const result = esbuild.buildSync({
        ...lambdaBuildOptions,
        absWorkingDir: this.projectRoot,
        entryPoints: Object.fromEntries(
          [...missing].map(([key, spec]) => [`${key}/bundle/index`, spec.entry]),
        ),
        outdir: work,
        metafile: true,
      });
      const inputsOf = new Map<string, string[]>();
      for (const [output, meta] of Object.entries(result.metafile.outputs)) {
        const abs = isAbsolute(output) ? output : join(this.projectRoot, output);
        if (!abs.endsWith(bundleMainFile)) continue;
        const key = relative(work, abs).split(sep)[0]!;
        inputsOf.set(
          key,
          Object.keys(meta.inputs).filter((p) => existsSync(join(this.projectRoot, p))),
        );
      }

      for (const [key, spec] of missing) {
        const staged = join(work, key);
        const bundleDir = join(staged, 'bundle');
        for (const c of spec.copy ?? []) {
          mkdirSync(dirname(join(bundleDir, c.to)), { recursive: true });
          cpSync(join(this.projectRoot, c.from), join(bundleDir, c.to), { recursive: true });
        }
        for (const [path, content] of Object.entries(spec.files ?? {})) {
          mkdirSync(dirname(join(bundleDir, path)), { recursive: true });
          writeFileSync(join(bundleDir, path), content);
        }
        const record = this.inputsRecord(inputsOf.get(key) ?? [], spec);
        writeFileSync(join(staged, 'inputs.json'), JSON.stringify(record, null, 1));
        this.done.set(key, join(this.publish(key, staged, record), 'bundle'));
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
}
