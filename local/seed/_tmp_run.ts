import { generateCounty } from '#local/seed/generate.ts';
import { demoCountyConfig } from '#domain/config/county-config.ts';
const scale = (process.argv[2] ?? 'demo') as 'demo' | 'county';
const t0 = performance.now();
const c = generateCounty({ scale, seed: 1, config: demoCountyConfig, lastPeriod: '2026-09', months: 12 });
const t1 = performance.now();
let people = 0; for (const _ of c.people()) people++;
const t2 = performance.now();
let inc = 0, falls: Record<string, number> = {}, late = 0; const byMonth: Record<string, number> = {};
let below = 0;
for (const r of c.incomeRecords()) { inc++; if (r.fallCause) { falls[r.fallCause.kind] = (falls[r.fallCause.kind] ?? 0) + 1; byMonth[r.period] = (byMonth[r.period] ?? 0) + 1; } if (r.enteredAt.slice(8,10) > '05' && r.enteredAt.slice(11,13) >= '00') {} if (r.perCapitaNet*12 < 7500) below++; }
const t3 = performance.now();
console.log({ units: c.units.length, households: c.households.length, staff: c.staff.length, assignments: c.assignments.length, officers: c.informationOfficers.length, recipients: c.reportRecipients.length, people, inc, expected: c.incomeRecordCount, falls, byMonth, below });
console.log(`directory ${(t1-t0).toFixed(0)}ms people ${(t2-t1).toFixed(0)}ms income ${(t3-t2).toFixed(0)}ms; cpu`, process.cpuUsage(), 'rss MB', Math.round(process.memoryUsage().rss/1e6));
if (scale === 'demo') { console.log(c.demoAccounts.join(' ')); console.log(c.staff.map(s=>`${s.username}:${s.role}/${s.position}/${s.unitId}`).join('\n')); console.log(c.units.map(u=>u.id+' '+u.name+' '+(u.settlement??'')+(u.keyVillage?' KEY':'')).join('\n')); console.log([...c.people()].slice(0,8)); console.log([...c.incomeRecords('2026-09')].slice(0,2)); }
