import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPhone } from './mask.ts';

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
