import { describe, expect, it } from 'vitest';
import { makeIdNumber } from './id-number.ts';
import { maskFreeText, maskIdNumber, maskName, maskPhone } from './mask.ts';

describe('maskIdNumber', () => {
  it('keeps the first 3 and last 4 of an 18-character number', () => {
    expect(maskIdNumber('610999198506151234')).toBe('610***********1234');
    expect(maskIdNumber('11010519491231002x')).toBe('110***********002X');
  });

  it('never shows a short or odd value in full', () => {
    expect(maskIdNumber('1234567')).toBe('*******');
    expect(maskIdNumber('')).toBe('');
    expect(maskIdNumber('610999851231123')).toBe('610********1123');
  });
});

describe('maskPhone', () => {
  it('masks the middle four digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('138 1234 5678')).toBe('138****5678');
  });

  it('keeps the area code and last four of a landline', () => {
    expect(maskPhone('0915-3212345')).toBe('0915***2345');
    expect(maskPhone('01012345678')).toBe('010****5678');
  });

  it('masks anything else but the last four', () => {
    expect(maskPhone('12345')).toBe('*2345');
    expect(maskPhone('123')).toBe('***');
  });
});

describe('maskName', () => {
  it('keeps only the first character', () => {
    expect(maskName('张伟')).toBe('张*');
    expect(maskName('欧阳明月')).toBe('欧***');
    expect(maskName('李')).toBe('*');
    expect(maskName(' 王小二 ')).toBe('王**');
  });
});

describe('maskFreeText', () => {
  const id = makeIdNumber('610999', '1985-05-05', 31);
  const idX = '11010519491231002X';

  it('masks resident ID numbers, with X or x and inside Chinese text', () => {
    expect(maskFreeText(`身份证号${id}，户主`)).toBe(`身份证号${maskIdNumber(id)}，户主`);
    expect(maskFreeText(`身份证${idX}已核`)).toBe('身份证110***********002X已核');
    expect(maskFreeText(`证号：${idX.toLowerCase()}`)).toBe('证号：110***********002X');
    expect(maskFreeText('610999 19850505 031X')).toBe('610***********031X');
  });

  it('masks bank cards of 13 to 19 digits, contiguous or grouped with spaces or dashes', () => {
    expect(maskFreeText('工资卡6222021234567890123未到账')).toBe('工资卡6222***********0123未到账');
    expect(maskFreeText('卡号 6217 0000 1234 5678')).toBe('卡号 6217********5678');
    expect(maskFreeText('卡号6217-0000-1234-5678，户主本人')).toBe('卡号6217********5678，户主本人');
    expect(maskFreeText('折号 623059 1234567890123')).toBe('折号 6230***********0123');
    expect(maskFreeText('农信卡6230 5910 2345 6789 012')).toBe('农信卡6230***********9012');
    expect(maskFreeText('6212261234567')).toBe('6212*****4567');
  });

  it('masks mobile numbers: 11 digits, grouped, with +86', () => {
    expect(maskFreeText('联系电话13912345678')).toBe('联系电话139****5678');
    expect(maskFreeText('电话139-1234-5678，白天打')).toBe('电话139****5678，白天打');
    expect(maskFreeText('电话 139 1234 5678')).toBe('电话 139****5678');
    expect(maskFreeText('+86 13912345678')).toBe('+86 139****5678');
    expect(maskFreeText('8613912345678')).toBe('86139****5678');
  });

  it('masks landlines with their area code', () => {
    expect(maskFreeText('村委会电话0917-1234567')).toBe('村委会电话0917***4567');
    expect(maskFreeText('09171234567')).toBe('0917***4567');
    expect(maskFreeText('(029)88886666')).toBe('029****6666');
    expect(maskFreeText('010-12345678转')).toBe('010****5678转');
  });

  it('reads full-width digits typed by a Chinese input method', () => {
    expect(maskFreeText('电话１３９１２３４５６７８')).toBe('电话139****5678');
    expect(maskFreeText('卡号６２２２　０２１２　３４５６　７８９０')).toBe('卡号6222********7890');
  });

  it('leaves amounts, dates, counts and other figures as typed', () => {
    for (const s of [
      '住院12天，花费5690元',
      '2026-10-08 入户核实',
      '2026年10月8日',
      '2026-10-08至2026-10-31',
      '年收入12,345.60元，月收入1028.80元',
      '务工收入 10000-20000 元',
      '共 3 户 11 人',
      '户编号H0000001',
      '编号DE-12345678-1234-4234-8234-123456789012',
      '1234567890123.45元',
      'SHA-256 1234567890123456789abcdef',
      '0917',
      '邮编721000',
      '',
    ])
      expect(maskFreeText(s), s).toBe(s);
  });

  it('masks every number in a longer note and changes nothing on a second pass', () => {
    const note = `户主${idX}，电话13912345678，另留座机0917-1234567；工资卡6222 0212 3456 7890 123，花费5690元（2026-10-08）`;
    const once = maskFreeText(note);
    expect(once).toBe(
      '户主110***********002X，电话139****5678，另留座机0917***4567；工资卡6222***********0123，花费5690元（2026-10-08）',
    );
    expect(maskFreeText(once)).toBe(once);
    expect(once).not.toMatch(/\d{7}/);
  });
});
