/**
 * The layering of design.md (and of the README's folder table), checked on every
 * `npm run lint`:
 * - domain/ imports only domain/, zod and the data of chinese-days (no node built-ins, no AWS SDK,
 *   nothing of ours);
 * - reports/ imports only domain/ (and its PDF/XLSX libraries);
 * - forms/ never imports functions/, reports/, infra/ or local/;
 * - functions/ never imports local/, infra/ or forms/; only functions/store/ talks to
 *   DynamoDB; handlers never import each other; platform/ and store/ import no feature;
 * - infra/ imports only domain/ (function entries are paths, from `handlerEntry`).
 * Tests and test fixtures may reach further.
 */
const tests = '(\\.test\\.tsx?|/testing\\.ts|[-.]fixture\\.ts)$';
const features = 'archive|assistance|delivery|directory|income|jobs|petitions|quality|session|visits';

module.exports = {
  forbidden: [
    {
      name: 'domain-only-zod',
      comment:
        'domain/ imports nothing but domain/, zod and chinese-days (the official holiday calendar: pure data, no I/O)',
      severity: 'error',
      from: { path: '^domain/', pathNot: tests },
      to: { pathNot: '^(domain/|node_modules/zod/|node_modules/chinese-days/dist/chinese-days\\.json$)' },
    },
    {
      name: 'reports-only-domain',
      severity: 'error',
      from: { path: '^reports/' },
      to: { path: '^(functions|forms|infra|local)/|@aws-sdk' },
    },
    {
      name: 'forms-not-server',
      comment: 'the browser code never imports functions, reports, infra or local',
      severity: 'error',
      from: { path: '^forms/', pathNot: tests },
      to: { path: '^(functions|reports|infra|local)/|@aws-sdk' },
    },
    {
      name: 'functions-not-local-or-infra',
      severity: 'error',
      from: { path: '^functions/', pathNot: tests },
      to: { path: '^(local|infra|forms)/' },
    },
    {
      name: 'dynamodb-only-in-store',
      comment: 'only functions/store/ reads and writes DynamoDB (platform/ makes the client)',
      severity: 'error',
      from: { path: '^functions/', pathNot: `^functions/(store|platform)/|${tests}` },
      to: { path: '@aws-sdk/(lib-dynamodb|client-dynamodb)|^functions/store/(keys|dynamo|table)\\.ts$' },
    },
    {
      name: 'handlers-stand-alone',
      comment: 'a handler is an entry point: nothing imports it but tests and the local runtime',
      severity: 'error',
      from: { path: '^(functions|domain|reports|forms|infra)/', pathNot: tests },
      to: { path: '\\.handler\\.ts$' },
    },
    {
      name: 'platform-and-store-below-features',
      comment: 'the shared layers import no feature folder',
      severity: 'error',
      from: { path: '^functions/(platform|store)/', pathNot: tests },
      to: { path: `^functions/(${features})/` },
    },
    {
      name: 'infra-only-domain',
      comment: 'the CDK app reads the one definition in domain/; function entries are paths, not imports',
      severity: 'error',
      from: { path: '^infra/', pathNot: tests },
      to: { path: '^(functions|reports|forms|local)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
    exclude: { path: '(forms/dist|cdk\\.out|\\.data)' },
  },
};
