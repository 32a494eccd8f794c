import { describe, expect, it } from 'vitest';
import { fixed } from './fixed';
import { sampleFramework } from './fixtures/sample';
import { frameworkToJson, parseFrameworkJson } from './schema';

describe('the JSON form', () => {
  it('round-trips the sample, decimals as strings', () => {
    const framework = sampleFramework({
      optionalAreas: ['8'],
      tieBreak: ['3'],
      bands: [
        { name: 'Tốt', min: fixed(90), minAreaIndex: fixed(70) },
        { name: 'Khá', min: fixed('80.5') },
        { name: 'Yếu', min: fixed(0) },
      ],
    });
    const json = frameworkToJson(framework);
    expect(json.areas[0]?.maxPoints).toBe('14');
    expect(json.bands[1]).toEqual({ name: 'Khá', min: '80.5' });
    expect(parseFrameworkJson(JSON.parse(JSON.stringify(json)))).toEqual({ ok: true, value: framework });
  });

  it('refuses a bad shape with the path, and a bad tree with the rule', () => {
    const json = frameworkToJson(sampleFramework());
    const shape = parseFrameworkJson({ ...json, areas: [{ ...json.areas[0], maxPoints: 'mười' }] });
    expect(shape.ok ? [] : shape.errors.map((e) => [e.code, e.message])).toEqual([
      ['bad_shape', 'areas.0.maxPoints: Không phải là số thập phân (tối đa 6 chữ số lẻ)'],
    ]);
    const rule = parseFrameworkJson({
      ...json,
      areas: [{ ...json.areas[1], method: 'thu_cong' }, ...json.areas.slice(2)],
    });
    expect(rule.ok ? [] : rule.errors.map((e) => [e.code, e.node])).toEqual([['parent_with_method', '2']]);
  });
});
