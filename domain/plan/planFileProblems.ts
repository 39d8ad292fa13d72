/**
 * What the plan-file reader reports: problems with their line, in the order of the file.
 */
export interface PlanFileProblem {
  /** 1-based line number in the file. */
  line: number;
  /** Dutch, says what to fix. */
  message: string;
}

/** In line order (the order of finding within a line), each problem once. */
export function sortProblems(problems: PlanFileProblem[]): PlanFileProblem[] {
  const seen = new Set<string>();
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.line - b.p.line || a.i - b.i)
    .map(({ p }) => p)
    .filter((p) => {
      const key = `${p.line}\u0000${p.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

