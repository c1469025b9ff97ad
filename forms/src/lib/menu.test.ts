import { describe, expect, it } from 'vitest';
import type { roles } from '#domain/auth/roles.ts';
import { menu, menuFor } from './menu.ts';

describe('workbench menu', () => {
  it('shows each role only what its routes admit', () => {
    const titles = (r: (typeof roles)[number]) => menuFor(r).flatMap((g) => g.items.map((i) => i.title));
    expect(titles('village-officer')).toContain('月度收入录入');
    expect(titles('village-officer')).not.toContain('登录账号管理');
    expect(titles('auditor')).toEqual(['报告存档', '报告核验']);
    expect(titles('county-admin')).toContain('登录账号管理');
  });

  it('links every page once', () => {
    const hrefs = menu.flatMap((g) => g.items.map((i) => i.href));
    expect(new Set(hrefs).size).toBe(hrefs.length);
  });
});
