import { describe, expect, it } from 'vitest';
import {
  ageOn,
  birthDateOf,
  idCheckChar,
  idNumberProblem,
  idNumberSchema,
  isValidIdNumber,
  makeIdNumber,
  sexOf,
} from './id-number.ts';

const NOW = new Date('2026-11-08T01:00:00Z');

/** Replaces the last character, to make the check digit wrong on purpose. */
const withCheck = (id: string, c: string) => id.slice(0, 17) + c;

describe('idCheckChar (ISO 7064 MOD 11-2)', () => {
  it('matches the worked example of GB 11643-1999', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
  });

  it('computes every remainder, including 0 and X', () => {
    const seen = new Set<string>();
    for (let seq = 0; seq < 200; seq++) {
      const id = makeIdNumber('610999', '1985-06-15', seq);
      seen.add(id[17] as string);
      expect(idNumberProblem(id, NOW)).toBeUndefined();
    }
    expect([...seen].sort()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X']);
  });

  it('refuses a body that is not 17 digits', () => {
    expect(() => idCheckChar('1101051949123100')).toThrow(RangeError);
    expect(() => idCheckChar('1101051949123100A')).toThrow(RangeError);
  });
});

describe('idNumberProblem', () => {
  const valid = makeIdNumber('610999', '1972-03-09', 123);

  it('accepts valid numbers', () => {
    expect(idNumberProblem(valid, NOW)).toBeUndefined();
    expect(idNumberProblem('11010519491231002X', NOW)).toBeUndefined();
  });

  it.each([
    ['too short', '61099919720309123', 'ID.LENGTH'],
    ['too long', '6109991972030912345', 'ID.LENGTH'],
    ['letter in body', '61099919720A091234', 'ID.FORMAT'],
    ['wrong check letter', '61099919720309123Y', 'ID.FORMAT'],
    ['unknown province', '991234' + '19720309' + '1234', 'ID.REGION'],
    ['30 February', '610999' + '19900230' + '1234', 'ID.BIRTH_DATE'],
    ['month 13', '610999' + '19901301' + '1234', 'ID.BIRTH_DATE'],
    ['day 00', '610999' + '19900100' + '1234', 'ID.BIRTH_DATE'],
  ])('rejects %s', (_label, id, code) => {
    expect(idNumberProblem(id, NOW)?.code).toBe(code);
  });

  it('rejects 29 February outside leap years and accepts it in them', () => {
    const body = (d: string) => `610999${d}123`;
    expect(idNumberProblem(body('19990229') + '0', NOW)?.code).toBe('ID.BIRTH_DATE');
    const leap = body('20000229');
    expect(idNumberProblem(leap + idCheckChar(leap), NOW)).toBeUndefined();
  });

  it('rejects birth dates before 1900 or after today, even with a right check digit', () => {
    const old = '610999' + '18991231' + '123';
    expect(idNumberProblem(old + idCheckChar(old), NOW)?.code).toBe('ID.BIRTH_DATE');
    const future = '610999' + '20261109' + '123';
    expect(idNumberProblem(future + idCheckChar(future), NOW)?.code).toBe('ID.BIRTH_DATE');
    const today = '610999' + '20261108' + '123';
    expect(idNumberProblem(today + idCheckChar(today), NOW)).toBeUndefined();
  });

  it('rejects a wrong check digit, including an X where a digit belongs and the reverse', () => {
    const right = valid[17] as string;
    const wrong = right === '0' ? '1' : '0';
    expect(idNumberProblem(withCheck(valid, wrong), NOW)).toEqual({
      code: 'ID.CHECK_DIGIT',
      message: '身份证号码校验位错误，请逐位核对',
    });
    if (right !== 'X') expect(idNumberProblem(withCheck(valid, 'X'), NOW)?.code).toBe('ID.CHECK_DIGIT');
    expect(idNumberProblem('110105194912310021', NOW)?.code).toBe('ID.CHECK_DIGIT');
  });

  it('catches a single changed digit and two swapped neighbours', () => {
    const changed = valid.slice(0, 10) + String((Number(valid[10]) + 1) % 10) + valid.slice(11);
    expect(idNumberProblem(changed, NOW)?.code).toBeDefined();
    const swapped = valid.slice(0, 14) + valid[15] + valid[14] + valid.slice(16);
    if (swapped !== valid) expect(idNumberProblem(swapped, NOW)?.code).toBe('ID.CHECK_DIGIT');
  });
});

describe('idNumberSchema', () => {
  it('normalises a lower-case x and surrounding spaces', () => {
    expect(idNumberSchema.parse(' 11010519491231002x ')).toBe('11010519491231002X');
  });

  it('reports the Chinese message and the stable code', () => {
    const result = idNumberSchema.safeParse('110105194912310021');
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(issue?.message).toBe('身份证号码校验位错误，请逐位核对');
    expect(issue).toMatchObject({ params: { code: 'ID.CHECK_DIGIT' } });
  });

  it('asks for the number when it is missing', () => {
    expect(idNumberSchema.safeParse(undefined).error?.issues[0]?.message).toBe('请填写身份证号码');
  });

  it('isValidIdNumber agrees', () => {
    expect(isValidIdNumber('11010519491231002x', NOW)).toBe(true);
    expect(isValidIdNumber('610999199002301234', NOW)).toBe(false);
  });
});

describe('helpers', () => {
  it('reads birth date, sex and age', () => {
    expect(birthDateOf('11010519491231002X')).toBe('1949-12-31');
    expect(sexOf('11010519491231002X')).toBe('female');
    expect(sexOf(makeIdNumber('610999', '1980-01-01', 7))).toBe('male');
    expect(ageOn('11010519491231002X', '2026-12-30')).toBe(76);
    expect(ageOn('11010519491231002X', '2026-12-31')).toBe(77);
  });

  it('makeIdNumber refuses bad input', () => {
    expect(() => makeIdNumber('61099', '1980-01-01', 1)).toThrow(RangeError);
    expect(() => makeIdNumber('610999', '1990-02-30', 1)).toThrow(RangeError);
    expect(() => makeIdNumber('610999', '1980-01-01', 1000)).toThrow(RangeError);
  });
});
