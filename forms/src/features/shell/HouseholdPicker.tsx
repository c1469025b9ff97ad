/**
 * Finds a household by the head's name or ID number and picks it from the
 * matches (户主 · 村 · 类别), through the directory search the caller may use:
 * nobody types a household code. The chosen household's id is the value.
 */
import { useEffect, useState } from 'react';
import type { HouseholdFound } from '#domain/directory/directory.api.ts';
import { householdCategoryLabels } from '#domain/org/org.schema.ts';
import { call } from '../../lib/api.ts';

export default function HouseholdPicker({
  id,
  value,
  onChange,
  invalid,
}: {
  id: string;
  value: string;
  onChange: (householdId: string) => void;
  invalid?: boolean;
}) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<HouseholdFound[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const text = q.trim();
    if (!text) return setFound(null);
    let live = true;
    // Waits for a pause in typing, then asks once.
    const timer = setTimeout(() => {
      void call('directoryHouseholds', { query: { q: text, pageSize: 20 } }).then((res) => {
        if (!live) return;
        if (res.ok) {
          setFound(res.data.items);
          setError(null);
        } else setError(res.error.message);
      });
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q]);
  return (
    <div>
      <input
        id={`${id}-search`}
        aria-label="查找农户"
        placeholder="输入户主姓名或身份证号码"
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        autoComplete="off"
      />
      {error && <div className="error">{error}</div>}
      <select
        id={id}
        value={value}
        aria-invalid={invalid ? 'true' : 'false'}
        onChange={(e) => onChange(e.currentTarget.value)}
        disabled={!found?.length && !value}
      >
        <option value="">
          {found === null
            ? '请先输入姓名查找'
            : found.length
              ? `找到 ${found.length} 户，请选择`
              : '未找到，请换个写法'}
        </option>
        {(found ?? []).map((h) => (
          <option key={h.id} value={h.id}>
            {h.headName} · {h.townName}
            {h.villageName} · {householdCategoryLabels[h.category]}
          </option>
        ))}
        {value && !found?.some((h) => h.id === value) && <option value={value}>{value}</option>}
      </select>
    </div>
  );
}
