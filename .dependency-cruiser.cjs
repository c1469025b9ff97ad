/**
 * The layering of design.md, checked on every `npm run lint`:
 * domain imports nothing of ours and no AWS SDK; forms never import functions,
 * reports or infra; reports import only domain; functions never import local or infra.
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'domain/ imports nothing of ours outside domain/ and no AWS SDK',
      severity: 'error',
      from: { path: '^domain/', pathNot: '\\.test\\.ts$' },
      to: { path: '^(functions|reports|forms|infra|local)/|@aws-sdk|aws-cdk-lib|pdfkit|exceljs' },
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
      from: { path: '^forms/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '^(functions|reports|infra|local)/|@aws-sdk' },
    },
    {
      name: 'functions-not-local-or-infra',
      severity: 'error',
      from: { path: '^functions/', pathNot: '(\\.test\\.ts|/testing\\.ts)$' },
      to: { path: '^(local|infra|forms)/' },
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
    exclude: { path: '(node_modules|forms/dist|cdk\\.out|\\.data)' },
  },
};
