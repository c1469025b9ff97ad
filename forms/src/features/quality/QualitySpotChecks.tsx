/** Spot checks (暗访、电话抽查、问卷调查): record one, and the ledger. */
import { useState } from 'react';
import {
  spotCheckCreateSchema,
  spotCheckMethodLabels,
  spotCheckMethods,
  spotCheckResultLabels,
  spotCheckResults,
} from '#domain/quality/quality.schema.ts';
import Ledger from '../shell/Ledger.tsx';
import QualityForm, { compact } from './QualityForm.tsx';

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const opts = <K extends string>(keys: readonly K[], labels: Record<K, string>) =>
  keys.map((k) => ({ value: k, label: labels[k] }));

export default function QualitySpotChecks() {
  const [version, setVersion] = useState(0);
  return (
    <>
      <details className="card" open>
        <summary>
          <strong>登记抽查</strong>
        </summary>
        <QualityForm
          form="quality-spot-check"
          route="createSpotCheck"
          schema={spotCheckCreateSchema}
          initial={{
            method: '',
            checkedOn: today(),
            villageId: '',
            householdId: '',
            target: '',
            result: '',
            problemCount: '0',
            problems: '',
            checkers: '',
          }}
          fields={[
            {
              name: 'method',
              label: '抽查方式',
              kind: 'select',
              options: opts(spotCheckMethods, spotCheckMethodLabels),
            },
            { name: 'checkedOn', label: '抽查日期', kind: 'date' },
            { name: 'villageId', label: '被抽查村（社区）编号', kind: 'text', hint: '如 T01V001' },
            { name: 'householdId', label: '户编号', kind: 'text', hint: '抽查到户时填写' },
            { name: 'target', label: '抽查对象', kind: 'text' },
            {
              name: 'result',
              label: '抽查结果',
              kind: 'select',
              options: opts(spotCheckResults, spotCheckResultLabels),
            },
            { name: 'problemCount', label: '发现问题数', kind: 'number' },
            { name: 'problems', label: '问题描述', kind: 'textarea', when: (v) => v.result === 'problems' },
            { name: 'checkers', label: '抽查人员', kind: 'text' },
          ]}
          toBody={(v) =>
            compact({
              ...v,
              villageId: v.villageId?.trim().toUpperCase(),
              householdId: v.householdId?.trim().toUpperCase(),
              problemCount: v.problemCount === '' ? undefined : Number(v.problemCount),
              problems: v.result === 'problems' ? v.problems : '',
            })
          }
          label={(v) => `${v.target} 抽查`}
          onSaved={() => setVersion((n) => n + 1)}
        />
      </details>
      <h2>抽查记录</h2>
      <Ledger
        key={version}
        route="listSpotChecks"
        exportRoute="exportSpotChecks"
        exportName="数据质量抽查记录"
        statuses={opts(spotCheckResults, spotCheckResultLabels)}
        columns={[
          { key: 'checkedOn', header: '日期' },
          { key: 'method', header: '方式' },
          { key: 'target', header: '对象' },
          { key: 'resultLabel', header: '结果' },
          { key: 'problemCount', header: '问题数', numeric: true },
        ]}
      />
    </>
  );
}
