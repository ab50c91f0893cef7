// One formatMs (src/model/format.ts), two styles: compact for cards and charts, precise for check
// details and the CLI. The canvas and the scenario formatters are that one function.
import { describe, expect, it } from 'vitest';
import { formatMs } from '../../src/model/format';
import { formatMs as canvasMs } from '../../src/canvas/format';
import { formatMs as scenarioMs } from '../../src/scenarios/format';

describe('formatMs', () => {
  it('compact: three significant figures at most, seconds from 1 s', () => {
    expect([0.5, 12.34, 183.4, 1234, 12_345, 1_972_907].map((ms) => formatMs(ms, 'compact'))).toEqual(['0.50 ms', '12.3 ms', '183 ms', '1.2 s', '12 s', '1973 s']);
  });

  it('precise: whole milliseconds with separators below 10 s, then seconds, minutes from 2 min', () => {
    expect([0.5, 5.55, 183.4, 1234, 12_345, 1_972_907].map((ms) => formatMs(ms))).toEqual(['0.50 ms', '5.5 ms', '183 ms', '1,234 ms', '12.3 s', '32.9 min']);
  });

  it('says there is no figure rather than printing NaN or Infinity', () => {
    for (const style of ['compact', 'precise'] as const) for (const ms of [null, undefined, NaN, Infinity]) expect(formatMs(ms, style)).toBe('–');
  });

  it('the canvas uses the compact style and the scenarios the precise one', () => {
    for (const ms of [0.5, 12.34, 1234, 12_345, 1_972_907]) {
      expect(canvasMs(ms)).toBe(formatMs(ms, 'compact'));
      expect(scenarioMs(ms)).toBe(formatMs(ms, 'precise'));
    }
  });
});
