/** The 2021 template's required statements: fees in section 六, last year's fixes in section 五. */
import { describe, expect } from 'vitest';
import { expectFires, expectPasses, html, itFires, itPasses, outcomeOf, run, text } from '../helpers/checks.ts';
import { seedText } from '../helpers/fixtures.ts';
import { report2021 } from '../helpers/report2021.ts';

describe('structure.fee-statement', () => {
  itFires('structure.fee-statement', 'a 2021 report whose section 六 says only 无。', () => {
    const f = expectFires(run(html(report2021({ prose: { other: '无。' } }))), 'structure.fee-statement');
    expect(f[0]!.evidence.sentences[0]!.text).toContain('六、其他需要报告的事项');
  });
  itPasses('structure.fee-statement', 'section 六 states that no information-processing fee was charged', () => {
    expectPasses(run(html(report2021())), 'structure.fee-statement');
  });
  itPasses('structure.fee-statement', 'not applicable to a 2020 report on the 2019 template (seed 000 says 无。)', () => {
    expect(outcomeOf(run(text(seedText('000'))), 'structure.fee-statement').status).toBe('not-applicable');
  });
});

describe('structure.improvement-statement', () => {
  itFires('structure.improvement-statement', 'section 五 lists problems but not how last year’s were handled', () => {
    const res = run(html(report2021({ prose: { problems: '一是依申请公开答复文书的规范性仍需提高；二是工作人员业务能力参差不齐。' } })));
    expectFires(res, 'structure.improvement-statement');
  });
  itPasses('structure.improvement-statement', 'section 五 reports the fixes (整改到位)', () => {
    expectPasses(run(html(report2021())), 'structure.improvement-statement');
  });
});
