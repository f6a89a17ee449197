/** Agency names as lists and reports print them: "市水利局" in a column list, "嘉兴市水利局" in the report. */
export function sameAgency(a: string, b: string): boolean {
  return a === b || (a.length >= 3 && b.length >= 3 && (a.endsWith(b) || b.endsWith(a)));
}
