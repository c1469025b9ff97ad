/**
 * Picks a town or village by name (镇/街道, then its villages and communities),
 * from the directory's org tree: nobody types a code like T01V002. `onUnits`
 * hands the loaded tree to the page (to name units in its lists).
 */
import { useEffect, useState } from 'react';
import type { ResponseOf } from '#domain/system/api.ts';
import { call } from '../../lib/api.ts';

type Unit = ResponseOf<'directoryUnits'>['items'][number];

export default function UnitPicker({
  id,
  value,
  onChange,
  onUnits,
  invalid,
}: {
  id: string;
  value: string;
  onChange: (unitId: string) => void;
  onUnits?: (units: Unit[]) => void;
  invalid?: boolean;
}) {
  const [units, setUnits] = useState<Unit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void call('directoryUnits').then((res) => {
      if (!res.ok) return setError(res.error.message);
      setUnits(res.data.items);
      onUnits?.(res.data.items);
    });
    // Loaded once per page.
  }, []);
  if (error) return <div className="banner err">{error}</div>;
  const towns = (units ?? []).filter((u) => u.kind === 'town');
  const below = (townId: string) =>
    (units ?? []).filter((u) => u.kind === 'village' && u.parentId === townId);
  return (
    <select
      id={id}
      value={value}
      disabled={!units}
      aria-invalid={invalid ? 'true' : 'false'}
      onChange={(e) => onChange(e.currentTarget.value)}
    >
      <option value="">{units ? '请选择镇/街道或村/社区' : '正在加载…'}</option>
      {towns.map((t) => (
        <optgroup key={t.id} label={t.name}>
          <option value={t.id}>{t.name}（全镇）</option>
          {below(t.id).map((v) => (
            <option key={v.id} value={v.id}>
              {t.name} · {v.name}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
