/** The Diagnostics screen (being built; see issue 5). */
export function DiagnosticsScreen() {
  return <h2 className="text-sm font-semibold">Diagnostics</h2>;
}
