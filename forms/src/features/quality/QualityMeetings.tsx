/** Joint data-quality meetings (数据质量联席会议): record one, and the list. */
import { useState } from 'react';
import { qualityMeetingCreateSchema } from '#domain/quality/quality.schema.ts';
import Ledger from '../shell/Ledger.tsx';
import QualityForm from './QualityForm.tsx';

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

export default function QualityMeetings() {
  const [version, setVersion] = useState(0);
  return (
    <>
      <details className="card" open>
        <summary>
          <strong>登记会议</strong>
        </summary>
        <QualityForm
          form="quality-meeting"
          route="createQualityMeeting"
          schema={qualityMeetingCreateSchema}
          initial={{ heldOn: today(), title: '', host: '', attendees: '', topics: '', decisions: '' }}
          fields={[
            { name: 'heldOn', label: '会议日期', kind: 'date' },
            { name: 'title', label: '会议名称', kind: 'text' },
            { name: 'host', label: '主持人', kind: 'text' },
            { name: 'attendees', label: '参会单位和人员', kind: 'textarea' },
            { name: 'topics', label: '议题', kind: 'textarea' },
            { name: 'decisions', label: '议定事项', kind: 'textarea' },
          ]}
          toBody={(v) => v}
          label={(v) => v.title ?? '联席会议'}
          onSaved={() => setVersion((n) => n + 1)}
        />
      </details>
      <h2>会议记录</h2>
      <Ledger
        key={version}
        route="listQualityMeetings"
        columns={[
          { key: 'heldOn', header: '日期' },
          { key: 'title', header: '会议' },
          { key: 'decisions', header: '议定事项' },
        ]}
      />
    </>
  );
}
