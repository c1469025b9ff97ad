import { App, Validations, Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
const app = new App({ outdir: '/tmp/shouwang-exp/out2' });
const st = new Stack(app, 'X');
new s3.Bucket(st, 'B');
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
console.log((app as any)._validationPlugins?.length);
try { app.synth(); } catch (e) { console.log('THROWN', String(e).slice(0, 2000)); }
