/**
 * The bundle cache must never hand out a bundle of sources that have changed, and
 * must not bundle an unchanged entry twice.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleMainFile, LambdaBundler } from './constructs/bundles.ts';

let root: string;
const entry = () => join(root, 'functions', 'probe', 'handler.ts');

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'shouwang-bundles-'));
  mkdirSync(join(root, 'functions', 'probe'), { recursive: true });
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'package.json'), JSON.stringify({ type: 'module' }));
  writeFileSync(join(root, 'functions', 'probe', 'message.ts'), "export const message = 'first';\n");
  writeFileSync(
    entry(),
    "import { message } from './message.ts';\nexport const handler = async () => message;\n",
  );
  writeFileSync(join(root, 'assets', 'data.txt'), 'data');
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('LambdaBundler', () => {
  it('bundles an entry once and reuses the bundle from disk while its sources are unchanged', () => {
    const spec = { entry: entry(), copy: [{ from: 'assets/data.txt', to: 'data/data.txt' }] };
    const [first] = new LambdaBundler({ projectRoot: root }).bundle([spec, spec]);
    expect(readFileSync(join(first!, bundleMainFile), 'utf8')).toContain('first');
    expect(readFileSync(join(first!, 'data', 'data.txt'), 'utf8')).toBe('data');
    // A new bundler (a later synth) finds the same folder.
    expect(new LambdaBundler({ projectRoot: root }).bundle([spec])).toEqual([first]);
  });

  it('bundles again when an imported file or a copied file changes', () => {
    const spec = { entry: entry(), copy: [{ from: 'assets/data.txt', to: 'data/data.txt' }] };
    const [before] = new LambdaBundler({ projectRoot: root }).bundle([spec]);
    writeFileSync(join(root, 'functions', 'probe', 'message.ts'), "export const message = 'second';\n");
    const [afterSource] = new LambdaBundler({ projectRoot: root }).bundle([spec]);
    expect(afterSource).not.toBe(before);
    expect(readFileSync(join(afterSource!, bundleMainFile), 'utf8')).toContain('second');

    writeFileSync(join(root, 'assets', 'data.txt'), 'changed');
    const [afterCopy] = new LambdaBundler({ projectRoot: root }).bundle([spec]);
    expect(afterCopy).not.toBe(afterSource);
    expect(readFileSync(join(afterCopy!, 'data', 'data.txt'), 'utf8')).toBe('changed');
  });
});
