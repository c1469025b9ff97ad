/** The error-record page: record an error found, and the ledger of errors with status. */
import { useState } from 'react';
import {
  dataErrorCreateSchema,
  errorStatusLabels,
  foundByLabels,
  infoKindLabels,
  infoKinds,
  manualFoundBy,
  subjectTypeLabels,
  subjectTypes,
} from '#domain/quality/quality.schema.ts';
import Ledger from '../shell/Ledger.tsx';
import QualityForm, { compact } from './QualityForm.tsx';

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const opts = <K extends string>(keys: readonly K[], labels: Record<K, string>) =>
  keys.map((k) => ({ value: k, label: labels[k] }));

export default function QualityErrors() {
  const [version, setVersion] = useState(0);
  return (
    <>
      <details className="card" open>
        <summary>
          <strong>登记错误信息</strong>
        </summary>
        <QualityForm
          form="quality-error"
          route="createDataError"
          schema={dataErrorCreateSchema}
          initial={{
            infoKind: '',
            subjectType: 'household',
            householdId: '',
            personName: '',
            field: '',
            wrongValue: '',
            rightValue: '',
            foundBy: '',
            foundOn: today(),
            note: '',
          }}
          fields={[
            { name: 'infoKind', label: '信息类别', kind: 'select', options: opts(infoKinds, infoKindLabels) },
            {
              name: 'subjectType',
              label: '错误对象',
              kind: 'select',
              options: opts(subjectTypes, subjectTypeLabels),
            },
            { name: 'householdId', label: '户编号', kind: 'text', hint: '如 H0000001' },
            { name: 'personName', label: '成员姓名', kind: 'text', when: (v) => v.subjectType === 'person' },
            { name: 'field', label: '错误字段', kind: 'text', hint: '如 家庭人口数、文化程度' },
            { name: 'wrongValue', label: '错误值', kind: 'text' },
            { name: 'rightValue', label: '正确值', kind: 'text', hint: '已知时填写' },
            {
              name: 'foundBy',
              label: '发现方式',
              kind: 'select',
              options: opts(manualFoundBy, foundByLabels),
            },
            { name: 'foundOn', label: '发现日期', kind: 'date' },
            { name: 'note', label: '说明', kind: 'textarea', hint: '选填' },
          ]}
          toBody={(v) =>
            compact({
              ...v,
              householdId: v.householdId?.trim().toUpperCase(),
              personName: v.subjectType === 'person' ? v.personName : '',
            })
          }
          label={(v) => `${(v.householdId ?? '').trim().toUpperCase()} ${v.field}错误`}
          submitText="登记错误"
          onSaved={() => setVersion((n) => n + 1)}
        />
      </details>
      <h2>错误信息台账</h2>
      <Ledger
        key={version}
        route="listDataErrors"
        exportRoute="exportDataErrors"
        exportName="数据质量错误信息台账"
        statuses={[
          { value: 'open', label: errorStatusLabels.open },
          { value: 'closed', label: errorStatusLabels.closed },
        ]}
        rowHref={(r) => `/quality/errors/record/?id=${encodeURIComponent(String(r.id))}`}
        columns={[
          { key: 'householdId', header: '户编号' },
          { key: 'field', header: '字段' },
          { key: 'wrongValue', header: '错误值' },
          { key: 'foundBy', header: '发现方式' },
          { key: 'statusLabel', header: '状态' },
        ]}
      />
    </>
  );
}
