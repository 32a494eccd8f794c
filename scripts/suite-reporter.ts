import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

type SuiteCounts = Record<string, { passed: number; failed: number; skipped: number; files: number }>;

// Prints how many tests each suite (unit, pglite, postgres, e2e) ran, so a run that
// silently skipped a database or the browser is visible; with CHISO_SUITE_REPORT set
// it also writes the counts as JSON for .ci/run to check.
export default class SuiteReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts: SuiteCounts = {};
    for (const module of testModules) {
      const name = module.project.name || 'default';
      counts[name] ??= { passed: 0, failed: 0, skipped: 0, files: 0 };
      const c = counts[name];
      c.files += 1;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') c.passed += 1;
        else if (state === 'failed') c.failed += 1;
        else c.skipped += 1;
      }
    }
    const lines = Object.entries(counts).map(
      ([name, c]) =>
        `  ${name.padEnd(9)} ${String(c.files).padStart(3)} files  ${c.passed} passed  ${c.failed} failed  ${c.skipped} skipped`,
    );
    process.stdout.write(`\nSuites run:\n${lines.join('\n')}\n`);
    const out = process.env.CHISO_SUITE_REPORT;
    if (out) {
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, JSON.stringify(counts, null, 2));
    }
  }
}
