/** Review meetings the person reaches, newest first. */
import { meetingLevelLabels, meetingLevels } from '#domain/petitions/meeting.schema.ts';
import Ledger from '../shell/Ledger.tsx';

export default function MeetingLedger() {
  return (
    <Ledger
      route="listMeetings"
      statuses={meetingLevels.map((l) => ({ value: l, label: meetingLevelLabels[l] }))}
      columns={[
        { key: 'date', header: '日期' },
        { key: 'level', header: '类别' },
        { key: 'unitName', header: '单位' },
        { key: 'attendeeCount', header: '参会', numeric: true },
        { key: 'linkedPetitions', header: '信访件', numeric: true },
        { key: 'decisions', header: '研判意见' },
      ]}
      emptyText="暂无会议记录"
    />
  );
}
