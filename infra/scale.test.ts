/**
 * The stack must keep deploying as the route table grows: every CloudFormation
 * template, the parent and each nested stack, stays well under the 500-resource
 * limit with 150 routes. The synthetic routes all point at one real handler file,
 * which is bundled once, so this costs one synth, not 150 bundles.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlerEntry, routes as sharedRoutes, type RouteDef } from '#domain/system/routes.ts';
import { buildApp, type BuiltApp } from './build.ts';
import { groupRoutes } from './constructs/api.ts';
import { repositoryRoot } from './constructs/functions.ts';

const routeCount = 150;
/** Uneven areas, as a real table has: one large enough to be split into several nested stacks. */
const areas = [
  ['income', 60],
  ['visits', 30],
  ['petitions', 25],
  ['quality', 20],
  ['directory', 10],
  ['archive', 5],
] as const;

/** 150 routes: mixed methods, access and public routes, two of them sharing one handler. */
function syntheticRoutes(): RouteDef[] {
  const out: RouteDef[] = [];
  for (const [area, count] of areas) {
    for (let i = 0; i < count; i++) {
      const n = out.length;
      out.push({
        id: `synthetic${n}`,
        method: (['GET', 'POST', 'PUT', 'DELETE'] as const)[n % 4]!,
        path: `/api/${area}/item${i}/{id}`,
        handler: `synthetic-${n}`,
        roles: n % 30 === 0 ? [] : ['county-admin'],
        scope: 'county',
        access: {
          table: n % 3 === 0 ? 'write' : 'read',
          ...(n % 7 === 0 ? { archive: 'read' as const } : {}),
          ...(n % 11 === 0 ? { email: true } : {}),
        },
      });
    }
  }
  // The last route shares the handler of the one before: one function serves both.
  out[out.length - 1] = { ...out[out.length - 1]!, handler: out[out.length - 2]!.handler };
  return out;
}

const routes = syntheticRoutes();
const handlers = new Set(routes.map((r) => r.handler));
/** Every synthetic handler is the first real one's file. */
const realEntry = join(repositoryRoot, handlerEntry(sharedRoutes[0]!.handler));

let outdir: string;
let built: BuiltApp;
let counts: { path: string; resources: number; types: Record<string, number>; codeKeys: string[] }[];

beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'shouwang-scale-'));
  built = buildApp({ outdir, envName: 'demo', routes, entryOf: () => realEntry });
  built.app.synth();
  counts = [built.stack, ...built.stack.api.functionStacks].map((stack) => {
    const resources = Template.fromStack(stack).toJSON().Resources as Record<
      string,
      { Type: string; Properties: { Code?: { S3Key?: string } } }
    >;
    const types: Record<string, number> = {};
    const codeKeys: string[] = [];
    for (const r of Object.values(resources)) {
      types[r.Type] = (types[r.Type] ?? 0) + 1;
      if (r.Type === 'AWS::Lambda::Function') codeKeys.push(String(r.Properties.Code?.S3Key));
    }
    return { path: stack.node.path, resources: Object.keys(resources).length, types, codeKeys };
  });
}, 600_000);

afterAll(() => {
  if (outdir) rmSync(outdir, { recursive: true, force: true });
});

describe(`a route table of ${routeCount} routes`, () => {
  it('keeps every stack, parent and nested, under 450 resources', () => {
    expect(routes).toHaveLength(routeCount);
    for (const c of counts) expect(c.resources, c.path).toBeLessThan(450);
  });

  it('has every route in the parent and one function per handler in the nested stacks', () => {
    const [parent, ...nested] = counts;
    expect(parent!.types['AWS::ApiGatewayV2::Route']).toBe(routeCount);
    const sum = (type: string) => nested.reduce((n, c) => n + (c.types[type] ?? 0), 0);
    expect(sum('AWS::Lambda::Function')).toBe(handlers.size);
    expect(sum('AWS::ApiGatewayV2::Integration')).toBe(handlers.size);
    expect(sum('AWS::Lambda::Permission')).toBe(routeCount);
    expect(sum('AWS::CloudWatch::Alarm')).toBe(2 * handlers.size);
  });

  it('splits a large area into nested stacks of at most 25 functions', () => {
    const groups = groupRoutes(routes, 25);
    expect(groups.map((g) => g.name)).toEqual([
      'income',
      'income2',
      'income3',
      'visits',
      'visits2',
      'petitions',
      'quality',
      'directory',
      'archive',
    ]);
    for (const g of groups) expect(g.functions.length).toBeLessThanOrEqual(25);
    expect(built.stack.api.functionStacks).toHaveLength(groups.length);
  });

  it('bundles the one entry once: every route function has the same code asset', () => {
    const keys = new Set(counts.slice(1).flatMap((c) => c.codeKeys));
    expect(keys.size).toBe(1);
  });
});
